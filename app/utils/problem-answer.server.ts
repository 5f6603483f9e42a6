// Where a problem meets its caller: the HTTP status of each problem code, and its message in the caller's
// language. API routes (handleApi), page actions (pageAction) and Socket.IO acknowledgements all answer
// through here, so a code has the same status and wording everywhere.
import { translate, type Lang } from "~/lib/i18n";
import { problemTexts, type ProblemMessageKey } from "~/lib/problem-messages";
import { Problem, problem, type FieldProblem, type ProblemCode, type ProblemParams } from "~/lib/problems";

/** A field problem as clients see it. */
export interface FieldError {
  field: string;
  code: string;
  message: string;
  /** Result rules only: "invalid", "inconsistent" or "unusual". */
  tier?: string;
}

/** The JSON error shape of the whole API. */
export interface ProblemBody {
  message: string;
  code: string;
  errors?: FieldError[];
}

export interface ProblemAnswer {
  status: number;
  body: ProblemBody;
  headers: Record<string, string>;
}

const STATUS: Record<ProblemCode, number> = {
  invalid: 422,
  bad_json: 400,
  bad_encoding: 400,
  bad_multipart: 400,
  bad_form: 400,
  bad_request: 400,
  bad_parameter: 400,
  unsupported_media_type: 415,
  too_large: 413,
  unauthenticated: 401,
  login_failed: 401,
  bad_secret: 401,
  forbidden: 403,
  other_tps: 403,
  other_area: 403,
  other_account: 409,
  secret_change_required: 403,
  disabled: 403,
  not_found: 404,
  method_not_allowed: 405,
  id_conflict: 409,
  verified: 409,
  invalid_transition: 409,
  claimed_by_other: 409,
  no_result: 409,
  no_photo: 409,
  paper_conflict: 409,
  same_operator: 409,
  not_conflict: 409,
  status_backwards: 409,
  vacant: 409,
  voters_reported: 409,
  sample_in_use: 409,
  report_accepted: 409,
  unknown_category: 422,
  unknown_severity: 422,
  rate_limited: 429,
  too_many_attempts: 429,
  not_configured: 503,
  unavailable: 503,
  internal: 500,
};

const MESSAGE: Record<ProblemCode, ProblemMessageKey> = {
  invalid: "api.invalidField",
  bad_json: "api.badJson",
  bad_encoding: "api.badJson",
  bad_multipart: "photo.multipart",
  bad_form: "api.invalidField",
  bad_request: "boundary.badRequest",
  bad_parameter: "input.badParameter",
  unsupported_media_type: "api.sendJson",
  too_large: "api.tooLarge",
  unauthenticated: "api.unauthenticated",
  login_failed: "api.loginFailed",
  bad_secret: "sms.badSecret",
  forbidden: "api.forbidden",
  other_tps: "api.otherTps",
  other_area: "api.otherArea",
  other_account: "api.otherAccount",
  secret_change_required: "secret.required",
  disabled: "report.disabled",
  not_found: "api.notFound",
  method_not_allowed: "api.methodNotAllowed",
  id_conflict: "api.idConflict",
  verified: "api.verified",
  invalid_transition: "api.invalidTransition",
  claimed_by_other: "incident.claimedByOther",
  no_result: "review.noResult",
  no_photo: "review.photoRequired",
  paper_conflict: "paper.awaitingSupervisor",
  same_operator: "paper.secondBySomeoneElse",
  not_conflict: "paper.notConflict",
  status_backwards: "officer.statusBackwards",
  vacant: "roster.vacant",
  voters_reported: "dpt.reportedNoDownload",
  sample_in_use: "projection.sampleInUse",
  report_accepted: "forma.alreadyAccepted",
  unknown_category: "sms.unknownCategory",
  unknown_severity: "sms.unknownSeverity",
  rate_limited: "report.rateLimited",
  too_many_attempts: "api.loginLimited",
  not_configured: "sms.notConfigured",
  unavailable: "api.unavailable",
  internal: "api.internal",
};

/** The usual message of a field problem's code; a field problem may name another (FieldProblem.key). */
const FIELD_MESSAGE: Record<string, ProblemMessageKey> = {
  required: "c1.required",
  invalid: "api.invalidField",
  unknown_tps: "api.unknownTps",
  unknown_contest: "api.unknownContest",
  control_character: "input.controlCharacter",
  whole_number: "input.parameterWholeNumber",
  contest_not_here: "api.contestNotHere",
  unknown_submission: "api.notFound",
  unknown_category: "report.unknownCategory",
  unknown_responder: "api.unknownResponder",
  unknown_item: "officer.unknownChecklistItem",
  far_needs_note: "officer.farNeedsNote",
  source_mismatch: "paper.sourceMismatch",
};

export const problemStatus = (p: Problem): number => STATUS[p.code];

/** A problem that is the caller's to fix (4xx), as opposed to the server's (5xx). */
export const isCallerProblem = (error: unknown): boolean => error instanceof Problem && STATUS[error.code] < 500;

/** True for errors meaning the database is unreachable or overloaded: the client should retry later. */
export function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: string })?.code ?? "";
  return (
    [
      "ECONNREFUSED",
      "ECONNRESET",
      "EPIPE",
      "CONNECTION_CLOSED",
      "CONNECTION_ENDED",
      "CONNECTION_DESTROYED",
      "CONNECT_TIMEOUT",
      "57P01",
      "57P03",
      "53300",
      "08006",
      "08001",
      "08003",
      "40P01",
      "55P03",
      "40001",
    ].includes(code) || /writer closed/.test(String((error as Error)?.message))
  );
}

/** The problem an error stands for: itself, "unavailable" for an outage, null for anything unexpected. */
export function problemOf(error: unknown): Problem | null {
  if (error instanceof Problem) return error;
  if (isUnavailable(error)) return problem.unavailable();
  return null;
}

function say(lang: Lang, key: ProblemMessageKey, params: ProblemParams = {}): string {
  const shown = Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      typeof value === "object" ? translate(lang, problemTexts, value.key) : value,
    ]),
  );
  return translate(lang, problemTexts, key, shown);
}

export function fieldError(lang: Lang, f: FieldProblem): FieldError {
  return {
    field: f.field,
    code: f.code,
    message: say(lang, f.key ?? FIELD_MESSAGE[f.code] ?? "api.invalidField", f.params),
    ...(f.tier ? { tier: f.tier } : {}),
  };
}

export const fieldErrors = (lang: Lang, fields: FieldProblem[]): FieldError[] => fields.map((f) => fieldError(lang, f));

/** The message of a problem in `lang`. */
export function problemMessage(p: Problem, lang: Lang): string {
  if (!p.key && p.fields?.length) return fieldError(lang, p.fields[0]).message;
  return say(lang, p.key ?? MESSAGE[p.code], p.params);
}

/** A problem as status, JSON body and headers. */
export function describeProblem(p: Problem, lang: Lang): ProblemAnswer {
  const headers: Record<string, string> = {};
  if (p.retryAfter != null) headers["Retry-After"] = String(p.retryAfter);
  if (p.closeConnection) headers.Connection = "close";
  return {
    status: STATUS[p.code],
    body: {
      message: problemMessage(p, lang),
      code: p.code,
      ...(p.fields ? { errors: p.fields.map((f) => fieldError(lang, f)) } : {}),
    },
    headers,
  };
}

/** A Socket.IO acknowledgement refusing the request. */
export function problemAck(p: Problem, lang: Lang) {
  return { ok: false as const, error: { code: p.code, message: problemMessage(p, lang) } };
}
