// The one vocabulary for "this request cannot be done": a problem is a code with parameters, and for
// invalid input a list of field problems. Rules, models and utils throw them without knowing who asked:
// no HTTP status, no language, no text. The boundary (app/utils/problem-answer.server.ts) turns a problem
// into the status and the message in the caller's language.
import type { ProblemMessageKey } from "./problem-messages";

/** A parameter of a message: a value shown as is, or a key whose text is shown in the caller's language. */
export type ProblemParam = string | number | { key: ProblemMessageKey };
export type ProblemParams = Record<string, ProblemParam>;

/** Every code a problem can have; each has one status and one default message at the boundary. */
export const PROBLEM_CODES = [
  "invalid",
  "bad_json",
  "bad_encoding",
  "bad_multipart",
  "bad_form",
  "bad_request",
  "bad_parameter",
  "unsupported_media_type",
  "too_large",
  "unauthenticated",
  "login_failed",
  "bad_secret",
  "forbidden",
  "other_tps",
  "other_area",
  "other_account",
  "secret_change_required",
  "disabled",
  "not_found",
  "method_not_allowed",
  "id_conflict",
  "verified",
  "invalid_transition",
  "claimed_by_other",
  "no_result",
  "no_photo",
  "paper_conflict",
  "same_operator",
  "not_conflict",
  "status_backwards",
  "vacant",
  "sample_in_use",
  "voters_reported",
  // The supervision report (Form A): accepted by the command post, no longer replaced.
  "report_accepted",
  "unknown_category",
  "unknown_severity",
  "rate_limited",
  "too_many_attempts",
  "not_configured",
  "unavailable",
  "internal",
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** One field's problem: which field, a code clients can act on, and what the message needs. */
export interface FieldProblem {
  field: string;
  code: string;
  params?: ProblemParams;
  /** The message when the code's usual one does not fit this field (e.g. "required" for a reason). */
  key?: ProblemMessageKey;
  /** A result rule's finding: its tier (app/lib/c1-rules.ts), so a client can tell a typo from a form to confirm. */
  tier?: "invalid" | "inconsistent" | "unusual";
}

export interface ProblemOptions {
  params?: ProblemParams;
  fields?: FieldProblem[];
  /** The message when the code's usual one does not fit; for "invalid" without it, the first field's. */
  key?: ProblemMessageKey;
  /** Seconds after which trying again can succeed (rate limits). */
  retryAfter?: number;
  /** The request body was left partly unread: the answer has to end the connection. */
  closeConnection?: boolean;
}

export class Problem extends Error {
  readonly code: ProblemCode;
  readonly params: ProblemParams;
  readonly fields?: FieldProblem[];
  readonly key?: ProblemMessageKey;
  readonly retryAfter?: number;
  readonly closeConnection?: boolean;

  constructor(code: ProblemCode, options: ProblemOptions = {}) {
    // A problem is an answer to the caller, not a fault of the server: it is never logged with a stack, and
    // capturing one was 2 % of the API's CPU (a 401 to every request without a session).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(code);
    Error.stackTraceLimit = limit;
    this.name = "Problem";
    this.code = code;
    this.params = options.params ?? {};
    this.fields = options.fields;
    this.key = options.key;
    this.retryAfter = options.retryAfter;
    this.closeConnection = options.closeConnection;
  }
}

export const isProblem = (error: unknown): error is Problem => error instanceof Problem;

const make =
  (code: ProblemCode) =>
  (options?: ProblemOptions): Problem =>
    new Problem(code, options);

/** The problems, by name: `throw problem.notFound()`, `throw problem.invalid([...])`. */
export const problem = {
  /** Invalid input; the message is `key` (by default "some value is invalid"). */
  invalid: (fields: FieldProblem[], key: ProblemMessageKey = "api.invalidField") =>
    new Problem("invalid", { fields, key }),
  /** Invalid input whose message is its first field's (one field, or the most important one first). */
  invalidFields: (fields: FieldProblem[]) => new Problem("invalid", { fields }),
  /** One invalid field; its message is also the answer's. */
  invalidField: (field: string, code: string, params?: ProblemParams, key?: ProblemMessageKey) =>
    new Problem("invalid", { fields: [{ field, code, params, key }] }),
  badJson: make("bad_json"),
  badEncoding: make("bad_encoding"),
  badMultipart: make("bad_multipart"),
  badForm: make("bad_form"),
  /** The request itself cannot be read: its target, its Host, its method (server/request-boundary.ts). */
  badRequest: make("bad_request"),
  /** Query or path parameters the route cannot read (400): each named as a field. */
  badParameters: (fields: FieldProblem[]) =>
    new Problem("bad_parameter", {
      fields,
      key: "input.badParameter",
      params: { names: fields.map((f) => f.field).join(", ") },
    }),
  unsupportedMediaType: make("unsupported_media_type"),
  tooLarge: make("too_large"),
  unauthenticated: make("unauthenticated"),
  loginFailed: make("login_failed"),
  badSecret: make("bad_secret"),
  forbidden: make("forbidden"),
  otherTps: (tps: string | null | undefined) => new Problem("other_tps", { params: { tps: tps ?? "-" } }),
  otherArea: make("other_area"),
  /** A request made for another account than the session's (a shared phone): kept by the phone, not refused. */
  otherAccount: make("other_account"),
  /** A session opened with a one-time secret: it must be changed first (npm run admin:create). */
  secretChangeRequired: make("secret_change_required"),
  disabled: make("disabled"),
  notFound: make("not_found"),
  methodNotAllowed: make("method_not_allowed"),
  idConflict: make("id_conflict"),
  /** A refusal of the current state (409): verified, paper_conflict, status_backwards, ... */
  conflict: (
    code: Extract<
      ProblemCode,
      | "verified"
      | "invalid_transition"
      | "claimed_by_other"
      | "no_result"
      | "no_photo"
      | "paper_conflict"
      | "same_operator"
      | "not_conflict"
      | "status_backwards"
      | "vacant"
      | "sample_in_use"
      | "voters_reported"
      | "report_accepted"
    >,
    params?: ProblemParams,
  ) => new Problem(code, { params }),
  unknownCategory: (params: ProblemParams) => new Problem("unknown_category", { params }),
  unknownSeverity: (params: ProblemParams) => new Problem("unknown_severity", { params }),
  rateLimited: (retryAfter: number, key?: ProblemMessageKey, params?: ProblemParams) =>
    new Problem("rate_limited", { retryAfter, key, params }),
  tooManyAttempts: (retryAfter: number, key?: ProblemMessageKey) =>
    new Problem("too_many_attempts", { retryAfter, key, params: { minutes: Math.ceil(retryAfter / 60) } }),
  notConfigured: make("not_configured"),
  unavailable: make("unavailable"),
  internal: make("internal"),
};
