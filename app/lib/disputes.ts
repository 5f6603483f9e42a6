// Process disputes (SIPS, sengketa proses; UU 7/2017 art. 466-469): a petition against a KPU decision moves
// through the states below, one step at a time. The one transition table lives here, pure, so the server
// refuses a step out of order (409) and the screens offer only the steps the state allows. Deadlines are
// counted by app/lib/deadlines.ts and stored when they start (decision 042); this module says which one runs.
import { deadlineAt, deadlineState, type DayRule, type DeadlineState } from "./deadlines";
import { fromElectionWallClock } from "./format";

export const DISPUTE_STATES = [
  "filed",
  "verification",
  "incomplete",
  "registered",
  "mediation",
  "agreed",
  "adjudication",
  "decided",
  "not_accepted",
] as const;
export type DisputeState = (typeof DISPUTE_STATES)[number];

export const DISPUTE_ACTIONS = [
  "verify",
  "mark_incomplete",
  "complete",
  "register",
  "start_mediation",
  "agree",
  "no_agreement",
  "decide",
  "not_accept",
] as const;
export type DisputeAction = (typeof DISPUTE_ACTIONS)[number];

/** The transition table: each action, the states it starts from and the state it leads to. */
export const TRANSITIONS: Record<DisputeAction, { from: readonly DisputeState[]; to: DisputeState }> = {
  verify: { from: ["filed"], to: "verification" },
  // What is missing is listed; the applicant completes within `completionDays`.
  mark_incomplete: { from: ["verification"], to: "incomplete" },
  // The applicant brought what was missing: verified again.
  complete: { from: ["incomplete"], to: "verification" },
  register: { from: ["verification"], to: "registered" },
  start_mediation: { from: ["registered"], to: "mediation" },
  agree: { from: ["mediation"], to: "agreed" },
  no_agreement: { from: ["mediation"], to: "adjudication" },
  decide: { from: ["adjudication"], to: "decided" },
  // The way out before registration: late, not a process dispute, not completed in time.
  not_accept: { from: ["filed", "verification", "incomplete"], to: "not_accepted" },
};

export const APPLICANT_KINDS = ["party", "candidate", "candidate_pair", "other"] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];
export const OUTCOMES = ["granted", "partly_granted", "rejected", "dismissed"] as const;
export type DisputeOutcome = (typeof OUTCOMES)[number];
export const NOT_ACCEPTED_REASONS = ["late", "not_process_dispute", "not_completed"] as const;
export type NotAcceptedReason = (typeof NOT_ACCEPTED_REASONS)[number];
export const HEARING_KINDS = ["mediation", "adjudication"] as const;
export type HearingKind = (typeof HEARING_KINDS)[number];
export const DOCUMENT_KINDS = ["petition", "completion", "evidence", "agreement", "decision", "other"] as const;
export type DisputeDocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The disputes part of the `deadlines` setting (app/lib/settings.ts). */
export interface DisputeDays {
  basis: DayRule["basis"];
  filingDays: number;
  completionDays: number;
  mediationDays: number;
  decisionDays: number;
}

/** What a step needs to know about the petition. */
export interface DisputeFacts {
  state: DisputeState;
  late: boolean;
}

/** What a step brings (already shaped by the schema). */
export interface StepInput {
  action: DisputeAction;
  missing?: string | null;
  agreement?: string | null;
  outcome?: DisputeOutcome | null;
  decision?: string | null;
  reason?: NotAcceptedReason | null;
}

/** Why a step is refused: its state does not allow it, or the petition's facts do. */
export type StepRefusal = "wrong_state" | "late_not_registrable" | "reason_not_late" | "reason_not_incomplete";

/** Whether `action` may be taken now: null when it may, else why not. */
export function refuseStep(d: DisputeFacts, input: StepInput): StepRefusal | null {
  const rule = TRANSITIONS[input.action];
  if (!rule.from.includes(d.state)) return "wrong_state";
  // Late petitions are flagged at filing and can only leave as not accepted.
  if (input.action === "register" && d.late) return "late_not_registrable";
  if (input.action === "not_accept") {
    if (input.reason === "late" && !d.late) return "reason_not_late";
    if (input.reason === "not_completed" && d.state !== "incomplete") return "reason_not_incomplete";
  }
  return null;
}

/** The steps a petition's state allows, for the screen's buttons (late ones cannot be registered). */
export const allowedActions = (d: DisputeFacts): DisputeAction[] =>
  DISPUTE_ACTIONS.filter((action) => TRANSITIONS[action].from.includes(d.state) && !(action === "register" && d.late));

/** The states a petition is still being handled in (not agreed, decided or not accepted). */
export const OPEN_STATES: readonly DisputeState[] = [
  "filed",
  "verification",
  "incomplete",
  "registered",
  "mediation",
  "adjudication",
];

const rule = (days: DisputeDays, holidays: readonly string[]): DayRule => ({ basis: days.basis, holidays });

/** The instant the filing limit ends: `filingDays` counted days from the KPU decision's date. */
export function filingDue(decisionDate: string, days: DisputeDays, holidays: readonly string[]): string {
  return deadlineAt(
    fromElectionWallClock(`${decisionDate}T12:00`)!.toISOString(),
    days.filingDays,
    rule(days, holidays),
  );
}

/** The due instants a step starts (stored with the petition): completion, mediation, decision. */
export function dueInstantsOf(
  action: DisputeAction,
  nowIso: string,
  days: DisputeDays,
  holidays: readonly string[],
): { completionDue?: string; mediationDue?: string; decisionDue?: string } {
  const r = rule(days, holidays);
  if (action === "mark_incomplete") return { completionDue: deadlineAt(nowIso, days.completionDays, r) };
  if (action === "register") return { decisionDue: deadlineAt(nowIso, days.decisionDays, r) };
  if (action === "start_mediation") return { mediationDue: deadlineAt(nowIso, days.mediationDays, r) };
  return {};
}

/** The deadline that runs in a state: completion while incomplete, mediation during mediation (or the
 *  decision's when earlier), the decision's from registration to the decision. */
export function runningDeadline(d: {
  state: DisputeState;
  completionDue: string | null;
  mediationDue: string | null;
  decisionDue: string | null;
}): { kind: "completion" | "mediation" | "decision"; due: string } | null {
  if (d.state === "incomplete" && d.completionDue) return { kind: "completion", due: d.completionDue };
  if (d.state === "mediation" && d.mediationDue && (!d.decisionDue || d.mediationDue < d.decisionDue))
    return { kind: "mediation", due: d.mediationDue };
  if (["registered", "mediation", "adjudication"].includes(d.state) && d.decisionDue)
    return { kind: "decision", due: d.decisionDue };
  return null;
}

/** Where the running deadline stands at `nowIso`, or null when none runs. */
export function disputeDeadline(
  d: Parameters<typeof runningDeadline>[0],
  nowIso: string,
  days: DisputeDays,
  holidays: readonly string[],
  soonDays: number,
): { kind: "completion" | "mediation" | "decision"; due: string; state: DeadlineState } | null {
  const running = runningDeadline(d);
  if (!running) return null;
  return { ...running, state: deadlineState(running.due, nowIso, rule(days, holidays), soonDays) };
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

/** The register number in the body's pattern: `001/PS.REG/16.73/II/2024` (sequence per office and year,
 *  the office's region code, the month of registration in Roman numerals, the year). */
export function registerNumber(seq: number, office: string, month: number, year: number): string {
  return `${String(seq).padStart(3, "0")}/PS.REG/${office}/${ROMAN[month - 1]}/${year}`;
}
