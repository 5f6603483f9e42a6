// Request shapes, shared by the API, the Remix forms and the browser. Shapes only: the C1 arithmetic
// lives in c1-rules.ts. Every string and collection is bounded.
import { z } from "zod";
import { nestForm } from "../c1-layout";
import { CLAIM_ACTIONS, INCIDENT_ACTIONS, SEVERITIES } from "../incidents";
import type { FieldProblem } from "../problems";
import {
  CATEGORY_CODE,
  CONTROL_CHARACTER_CODE,
  contestCode,
  latitude,
  longitude,
  rowId,
  string,
  text,
  timestamp,
  tpsCode,
  uuid,
} from "./atoms";

export { TPS_CODE, UUID } from "./atoms";

const countInput = z.union([z.number(), string().max(12), z.null()]).optional();

const sexRow = z.object({ m: countInput, f: countInput, total: countInput }).partial().nullish();
const countsByKey = (max: number) =>
  z.record(string().max(3), countInput).refine((v) => Object.keys(v).length <= max, { message: "too many" });

/** The complete C.Hasil, sections I-V (README "HTTP API"); its arithmetic is checked by c1-rules.ts. */
export const C1FormBody = z.object({
  voters: z
    .object({ dpt: sexRow, dptUsed: sexRow, dptbUsed: sexRow, dpkUsed: sexRow, used: sexRow })
    .partial()
    .nullish(),
  ballots: z
    .object({ received: countInput, used: countInput, damaged: countInput, unused: countInput })
    .partial()
    .nullish(),
  disabled: sexRow,
  // Per pair/candidate a number; per party { party, candidates, total } (party-list ballots).
  votes: z
    .record(
      string().max(3),
      z.union([
        countInput,
        z.object({ party: countInput, candidates: countsByKey(120).optional(), total: countInput }).partial(),
      ]),
    )
    .refine((v) => Object.keys(v).length <= 40, { message: "too many choices" })
    .nullish(),
  valid: countInput,
  invalid: countInput,
  total: countInput,
});
export type C1FormBody = z.infer<typeof C1FormBody>;

/** A result: the quick entry (section IV + invalid), the complete form, or both. */
export const QuickCountBody = z.object({
  id: uuid,
  tpsCode,
  contest: contestCode,
  // Optional only beside a complete `form`, which then carries section IV (the rules say "required" otherwise).
  votes: countsByKey(40).default({}),
  invalid: countInput,
  valid: countInput,
  ballotsUsed: countInput,
  form: C1FormBody.nullish(),
  justification: string().max(2000).nullish(),
  capturedAt: timestamp,
});
export type QuickCountBody = z.infer<typeof QuickCountBody>;

// Incidents (README "HTTP API"). `source` and `photoIds` extend the contract: command-post staff key phone and
// paper reports; photos are uploaded first (POST /api/v1/photos) and referenced here.
export const IncidentBody = z
  .object({
    id: uuid,
    tpsCode: tpsCode.nullish(),
    // A code of the admin's `incident.categories` setting; the server checks it is an active one (unknown_category).
    category: string().trim().regex(CATEGORY_CODE),
    severity: z.enum(SEVERITIES),
    description: string().trim().min(1).max(2000),
    lat: latitude.nullish(),
    lng: longitude.nullish(),
    photoIds: z.array(uuid).max(10).optional(),
    source: z.enum(["app", "paper", "phone", "sms"]).optional(),
    occurredAt: timestamp,
  })
  .refine((b) => (b.lat == null) === (b.lng == null), { message: "lat and lng go together", path: ["lng"] });
export type IncidentBody = z.infer<typeof IncidentBody>;

export const TransitionBody = z.object({
  action: z.enum(INCIDENT_ACTIONS),
  responderIds: z.array(rowId).max(20).optional(),
  note: text(1000).nullish(),
});
export type TransitionBody = z.infer<typeof TransitionBody>;
export const ClaimBody = z.object({ action: z.enum(CLAIM_ACTIONS), note: text(1000).nullish() });
export type ClaimBody = z.infer<typeof ClaimBody>;

// Posko entry of a paper/phone/radio form (blind double entry) and the reviewers' actions.
export const PaperEntryBody = QuickCountBody.extend({ source: z.enum(["paper", "phone", "radio"]).default("paper") });
export type PaperEntryBody = z.infer<typeof PaperEntryBody>;

const reason = text(1000);
export const ReviewBody = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("verify"),
    tpsCode,
    contest: contestCode,
    submissionId: uuid.nullish(),
  }),
  QuickCountBody.extend({
    action: z.literal("correct"),
    reason,
    source: z.enum(["app", "paper", "phone", "radio", "sms"]).default("paper"),
  }),
  z.object({
    action: z.literal("resolve_paper"),
    formId: uuid,
    choice: z.enum(["first", "second", "custom"]),
    note: reason,
    values: QuickCountBody.optional(),
  }),
]);
export type ReviewBody = z.infer<typeof ReviewBody>;

export const LoginBody = z.object({
  login: string().trim().min(1).max(100),
  secret: string().min(1).max(200),
});

/**
 * The fields of the C1 forms as a quick-count body, before parsing: the quick entry
 * (app/components/quick-count-form.tsx) and the complete C.Hasil, whose boxes are named by their path in
 * the body (`form.voters.dpt.m`, app/components/c1-form/complete-form.tsx).
 */
export function quickCountFields(form: FormData) {
  const votes: Record<string, string> = {};
  const boxes: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    const match = /^votes\.(\d{1,2})$/.exec(key);
    if (match && typeof value === "string") votes[match[1]] = value;
    if (key.startsWith("form.") && typeof value === "string" && Object.keys(boxes).length < 1000) boxes[key] = value;
  }
  const text = (name: string) => (typeof form.get(name) === "string" ? (form.get(name) as string) : undefined);
  return {
    id: text("id"),
    tpsCode: text("tpsCode"),
    contest: text("contest"),
    votes,
    invalid: text("invalid"),
    valid: text("valid") || undefined,
    ballotsUsed: text("ballotsUsed") || undefined,
    justification: text("justification") || undefined,
    form: nestForm(boxes) ?? undefined,
    capturedAt: text("capturedAt") || new Date().toISOString(),
  };
}

/** A text holding a control character, also where it was one of a union's options (a count given as text). */
const isControlCharacter = (issue: z.ZodIssue): boolean =>
  (issue.code === "invalid_string" && issue.message === CONTROL_CHARACTER_CODE) ||
  (issue.code === "invalid_union" && issue.unionErrors.some((e) => e.issues.some(isControlCharacter)));

/**
 * zod issues as field problems, one per field: "required" for a missing value, "control_character" (named
 * first, as it is what the sender must fix), "invalid" for any other.
 */
export function fieldProblems(error: z.ZodError): FieldProblem[] {
  const problems = new Map<string, FieldProblem>();
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "body";
    const code =
      issue.code === "invalid_type" && issue.received === "undefined"
        ? "required"
        : isControlCharacter(issue)
          ? CONTROL_CHARACTER_CODE
          : "invalid";
    if (!problems.has(field) || code === CONTROL_CHARACTER_CODE) problems.set(field, { field, code });
  }
  return [...problems.values()];
}
