// Process disputes (SIPS): the petition, a step, a hearing, a document's kind. One schema and one reading for
// the API (JSON) and the pages (forms), with a 422 naming each field.
import { z } from "zod";
import { ISO_DATE } from "../deadlines";
import {
  APPLICANT_KINDS,
  DISPUTE_ACTIONS,
  DOCUMENT_KINDS,
  HEARING_KINDS,
  NOT_ACCEPTED_REASONS,
  OUTCOMES,
  type DisputeAction,
  type DisputeDocumentKind,
  type StepInput,
} from "../disputes";
import { fromElectionWallClock } from "../format";
import { normalizePhone } from "../phone";
import { problem, type FieldProblem } from "../problems";
import { clockTime, REGION_CODE, string, text, timestamp } from "./atoms";
import { fieldProblems } from "./index";

const required = (max: number) => text(max).min(1);
/** A real calendar date "YYYY-MM-DD" (not 2024-02-30). */
export function isRealDate(v: string): boolean {
  if (!ISO_DATE.test(v)) return false;
  const at = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === v;
}
const isoDate = string().refine((v) => isRealDate(v), "YYYY-MM-DD");

export const PetitionBody = z.object({
  /** The KPU office's region: the kota's KPU (16.73) or a kecamatan's PPK (16.73.01). */
  regionCode: string().regex(REGION_CODE),
  respondent: required(200),
  decisionNumber: required(120),
  decisionDate: isoDate,
  decisionSubject: required(2000),
  applicantName: required(200),
  applicantKind: z.enum(APPLICANT_KINDS),
  repName: required(200),
  repAddress: text(500).optional(),
  repPhone: text(30).optional(),
  relatedParties: z.array(required(200)).max(10).optional(),
  points: required(5000),
  /** When the petition reached the office, if before it was entered here (a paper petition); default now. */
  filedAt: timestamp.optional(),
});

export interface Petition {
  regionCode: string;
  respondent: string;
  decisionNumber: string;
  decisionDate: string;
  decisionSubject: string;
  applicantName: string;
  applicantKind: (typeof APPLICANT_KINDS)[number];
  repName: string;
  repAddress: string;
  repPhone: string;
  relatedParties: string[];
  points: string;
  filedAt: string | null;
}

const note = text(2000).optional();
const at = timestamp.optional();
export const StepBody = z.discriminatedUnion("action", [
  ...(["verify", "complete", "register", "start_mediation", "no_agreement"] as const).map((action) =>
    z.object({ action: z.literal(action), note, at }),
  ),
  z.object({ action: z.literal("mark_incomplete"), missing: required(2000), note, at }),
  z.object({ action: z.literal("agree"), agreement: required(5000), note, at }),
  z.object({ action: z.literal("decide"), outcome: z.enum(OUTCOMES), decision: required(5000), note, at }),
  z.object({ action: z.literal("not_accept"), reason: z.enum(NOT_ACCEPTED_REASONS), note, at }),
] as unknown as [z.ZodDiscriminatedUnionOption<"action">, ...z.ZodDiscriminatedUnionOption<"action">[]]);

export interface Step extends StepInput {
  note: string | null;
  /** When the step was taken, if earlier than now (entered afterwards); default now. */
  at: string | null;
}

export const HearingBody = z.object({
  kind: z.enum(HEARING_KINDS),
  date: isoDate,
  time: clockTime,
  place: required(200),
  agenda: required(1000),
  /** The hearing falls after the decision deadline, and the case officer saw the warning. */
  confirmAfterDeadline: z.boolean().optional(),
});
export type Hearing = z.infer<typeof HearingBody>;

/** Messages for fields whose code alone would say too little. */
const KEYS: Record<string, FieldProblem["key"]> = {
  regionCode: "dispute.err.region",
  decisionDate: "dispute.err.date",
  date: "dispute.err.date",
  time: "dispute.err.time",
  repPhone: "dispute.err.phone",
  filedAt: "dispute.err.time",
  at: "dispute.err.time",
};

function read<T>(schema: z.ZodTypeAny, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw problem.invalidFields(
      fieldProblems(parsed.error).map((f) =>
        f.code !== "control_character" && KEYS[f.field] ? { ...f, key: KEYS[f.field] } : f,
      ),
    );
  return parsed.data as T;
}

/** A petition as sent; the phone written as +62...; a 422 naming each field otherwise. */
export function readPetition(raw: unknown): Petition {
  // The phone is read with the other fields, so one answer names every field to correct.
  const phoneRaw = (raw as { repPhone?: unknown } | null)?.repPhone;
  const badPhone = typeof phoneRaw === "string" && phoneRaw.trim() !== "" && !normalizePhone(phoneRaw);
  const phoneProblem: FieldProblem = { field: "repPhone", code: "phone", key: "dispute.err.phone" };
  const parsed = PetitionBody.safeParse(raw);
  if (!parsed.success && badPhone)
    throw problem.invalidFields([
      ...fieldProblems(parsed.error)
        .filter((f) => f.field !== "repPhone")
        .map((f) => (f.code !== "control_character" && KEYS[f.field] ? { ...f, key: KEYS[f.field] } : f)),
      phoneProblem,
    ]);
  const body = read<z.infer<typeof PetitionBody>>(PetitionBody, raw);
  const phone = body.repPhone ? normalizePhone(body.repPhone) : "";
  if (body.repPhone && !phone) throw problem.invalidFields([phoneProblem]);
  return {
    ...body,
    repAddress: body.repAddress ?? "",
    repPhone: phone ?? "",
    relatedParties: body.relatedParties ?? [],
    filedAt: body.filedAt ?? null,
  };
}

export function readStep(raw: unknown): Step {
  const body = read<Record<string, unknown>>(StepBody, raw);
  return { ...(body as unknown as StepInput), note: (body.note as string) ?? null, at: (body.at as string) ?? null };
}

export const readHearing = (raw: unknown): Hearing => read<Hearing>(HearingBody, raw);

export function readDocumentKind(raw: unknown): DisputeDocumentKind {
  if (typeof raw === "string" && (DOCUMENT_KINDS as readonly string[]).includes(raw)) return raw as DisputeDocumentKind;
  throw problem.invalidField("kind", "invalid");
}

/** A form's fields as the schema's shape: the related parties one per line, empty fields left out. */
export function petitionFromForm(form: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(form))
    if (v !== "" && !["file", "intent", "filedAtLocal"].includes(k)) out[k] = v;
  // The page's datetime-local field is on the election's clock.
  if (form.filedAtLocal) out.filedAt = fromElectionWallClock(form.filedAtLocal)?.toISOString() ?? form.filedAtLocal;
  if (form.relatedParties !== undefined)
    out.relatedParties = form.relatedParties
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter(Boolean);
  return out;
}

export const isDisputeAction = (v: unknown): v is DisputeAction =>
  typeof v === "string" && (DISPUTE_ACTIONS as readonly string[]).includes(v);
