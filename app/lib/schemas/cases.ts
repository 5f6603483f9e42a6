// Request shapes of violation cases: the public report's formal requirements, a temuan raised by staff, the
// steps of the workflow and the reporter's completion. One schema serves the page form and the API.
import { z } from "zod";
import { CASE_KINDS, CASE_OUTCOMES, CASE_STATES, MISSING_ITEMS, REFERRAL_LEVELS } from "../cases";
import { ISO_DATE } from "../deadlines";
import { REGION_CODE, string, UUID, wholeNumber } from "./atoms";

const text = (max: number) => string().trim().min(1).max(max);
const optionalText = (max: number) =>
  string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || null);
const date = string().trim().regex(ISO_DATE, "YYYY-MM-DD");
/** An instant in the last 90 days (never in the future). */
const isoInstant = string()
  .trim()
  .max(40)
  .refine((v) => {
    const t = Date.parse(v);
    return Number.isFinite(t) && t <= Date.now() + 60_000 && t >= Date.now() - 90 * 86_400_000;
  }, "range");

/** A person's NIK: 16 digits. */
export const NIK = /^\d{16}$/;
const phone = string()
  .trim()
  .regex(/^\+?[0-9 ()-]{6,20}$/);

export const REPORTER_TYPES = ["voter", "contestant", "observer"] as const;

export const Reporter = z.object({
  name: text(120),
  address: text(300),
  nik: string().trim().regex(NIK, "nik"),
  phone,
  type: z.enum(REPORTER_TYPES),
});
export type Reporter = z.infer<typeof Reporter>;

export const Witness = z.object({ name: text(120), contact: optionalText(120) });
export type Witness = z.infer<typeof Witness>;

/** Where it happened: a kelurahan/desa and, at a TPS, its number there (citizens are never asked TPS codes),
 *  or a place text when it was not at a TPS. */
export const CasePlace = z
  .object({
    kelurahanCode: string().trim().regex(REGION_CODE),
    tpsNumber: wholeNumber(1, 999).optional().nullable(),
    place: optionalText(200),
  })
  .refine((p) => p.tpsNumber || p.place, { message: "tps or place", path: ["place"] });

/** The formal and material requirements of a laporan (beside the v1 fields: category and description). */
export const CaseReportExtra = z
  .object({
    reporter: Reporter,
    consent: z.literal(true, { errorMap: () => ({ message: "consent" }) }),
    reportedParty: text(300),
    witnesses: z.array(Witness).max(5).default([]),
    location: CasePlace,
    occurredOn: date,
    knownOn: date,
  })
  .refine((b) => b.knownOn >= b.occurredOn, { message: "known_before_occurred", path: ["knownOn"] });
export type CaseReportExtra = z.infer<typeof CaseReportExtra>;

/** A temuan raised by staff: from an incident, from a citizen's laporan, or from an officer's observation. */
export const TemuanBody = z
  .object({
    incidentId: string().regex(UUID).optional(),
    caseId: string().regex(UUID).optional(),
    kelurahanCode: string().trim().regex(REGION_CODE).optional(),
    tpsNumber: wholeNumber(1, 999).optional().nullable(),
    place: optionalText(200),
    occurredOn: date.optional(),
    knownOn: date.optional(),
    reportedParty: optionalText(300),
    account: text(4000),
    /** When the supervisors found it, if it is entered later: the initial review counts from then. */
    foundAt: isoInstant.optional(),
  })
  .refine((b) => b.incidentId || b.caseId || b.kelurahanCode, { message: "place", path: ["kelurahanCode"] });
export type TemuanBody = z.infer<typeof TemuanBody>;

export const Invitation = z.object({ who: text(200), when: string().trim().max(40).min(1), where: text(200) });

/** One step of the workflow, with what it records. */
export const StepBody = z.discriminatedUnion("step", [
  z.object({ step: z.literal("start_review"), note: optionalText(2000) }),
  z.object({
    step: z.literal("mark_incomplete"),
    missing: z.array(z.enum(MISSING_ITEMS)).min(1).max(MISSING_ITEMS.length),
    note: optionalText(2000),
  }),
  z.object({ step: z.literal("complete"), note: optionalText(2000) }),
  z.object({ step: z.literal("not_register"), reason: text(2000) }),
  z.object({ step: z.literal("refer"), level: z.enum(REFERRAL_LEVELS), note: optionalText(2000) }),
  z.object({ step: z.literal("register"), note: optionalText(2000) }),
  z.object({ step: z.literal("clarify"), note: optionalText(2000) }),
  z.object({ step: z.literal("invite"), invitation: Invitation }),
  z.object({ step: z.literal("minutes"), note: text(4000) }),
  z.object({ step: z.literal("assess"), assessment: text(4000) }),
  // "other_law" names its agency: checked by the model (a union member cannot carry a refinement).
  z.object({
    step: z.literal("decide"),
    outcome: z.enum(CASE_OUTCOMES),
    agency: optionalText(200),
    note: optionalText(2000),
  }),
  z.object({ step: z.literal("follow_up"), note: text(2000) }),
  z.object({ step: z.literal("close"), note: optionalText(2000) }),
  z.object({ step: z.literal("extend"), reason: text(2000) }),
  z.object({ step: z.literal("note"), note: text(2000) }),
]);
export type StepBody = z.infer<typeof StepBody>;

/** The reporter's completion through the tracking code. */
export const CompletionBody = z.object({ note: text(2000) });

/** The list's and the CSV's filters (query parameters). */
export const CaseFilters = z.object({
  kind: z.enum(CASE_KINDS).optional(),
  state: z.enum(CASE_STATES).optional(),
  deadline: z.enum(["overdue", "due_soon", "on_time"]).optional(),
  area: string().regex(REGION_CODE).optional(),
  from: date.optional(),
  to: date.optional(),
  q: string().trim().max(100).optional(),
});
export type CaseFilters = z.infer<typeof CaseFilters>;
