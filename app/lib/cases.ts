// Violation cases (laporan and temuan) as the regulation prescribes them (UU 7/2017 art. 454-455; Perbawaslu
// 7/2022; SPEC section 9): the states, the one transition table, registration numbers in the body's pattern
// and which legal deadline runs in each state. Pure, so the case page offers exactly the steps the server
// accepts (docs/decisions/044-violation-cases.md).
import { deadlineAt, deadlineState, type DayRule, type DeadlineState } from "./deadlines";

/** Evidence files a reporter may attach at once (each up to the document store's cap). */
export const MAX_EVIDENCE_FILES_PUBLIC = 3;

export const CASE_KINDS = ["laporan", "temuan"] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const CASE_STATES = [
  "received",
  "initial_review",
  "incomplete",
  "not_registered",
  "referred",
  "registered",
  "clarification",
  "assessment",
  "decided",
  "followed_up",
  "closed",
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_OUTCOMES = ["administrative", "ethics", "criminal", "other_law", "not_a_violation"] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

/** Where a decided case goes: KPU for administrative violations, DKPP for ethics, Sentra Gakkumdu for crimes,
 *  another agency (named on the step) for other laws; nowhere when it is not a violation. */
export const OUTCOME_DESTINATION: Record<CaseOutcome, string | null> = {
  administrative: "KPU",
  ethics: "DKPP",
  criminal: "Sentra Gakkumdu",
  other_law: null,
  not_a_violation: null,
};

/** The levels a report may be referred to (the competent office). */
export const REFERRAL_LEVELS = ["kecamatan", "kabupaten_kota", "provinsi", "ri"] as const;

/** The formal and material requirements an officer may list as missing. */
export const MISSING_ITEMS = [
  "reporter_identity",
  "reported_party",
  "witnesses",
  "place",
  "time",
  "account",
  "evidence",
] as const;
export type MissingItem = (typeof MISSING_ITEMS)[number];

/** The steps staff take (and the reporter's `complete`), each from the states it is allowed in. Steps that
 *  keep the state (`invite`, `minutes`, `extend`, `note`) add to the timeline only. */
export const CASE_STEPS = {
  start_review: { from: ["received"], to: "initial_review" },
  mark_incomplete: { from: ["initial_review"], to: "incomplete" },
  complete: { from: ["incomplete"], to: "initial_review" },
  not_register: { from: ["initial_review", "incomplete"], to: "not_registered" },
  refer: { from: ["initial_review"], to: "referred" },
  register: { from: ["initial_review"], to: "registered" },
  clarify: { from: ["registered"], to: "clarification" },
  invite: { from: ["clarification"], to: "clarification" },
  minutes: { from: ["clarification"], to: "clarification" },
  assess: { from: ["registered", "clarification"], to: "assessment" },
  decide: { from: ["assessment"], to: "decided" },
  follow_up: { from: ["decided"], to: "followed_up" },
  close: { from: ["not_registered", "referred", "decided", "followed_up"], to: "closed" },
  extend: { from: ["registered", "clarification", "assessment"], to: null },
  note: { from: CASE_STATES.filter((s) => s !== "closed"), to: null },
} as const satisfies Record<string, { from: readonly CaseState[]; to: CaseState | null }>;
export type CaseStep = keyof typeof CASE_STEPS;
export const CASE_STEP_NAMES = Object.keys(CASE_STEPS) as CaseStep[];

export type StepRefusal = "wrong_state" | "temuan_complete" | "already_extended" | "decided_needs_follow_up";

/** Whether a step may be taken on a case now: null when it may, else why not. */
export function stepRefusal(
  c: { kind: CaseKind; state: CaseState; extendedAt: string | null; outcome: CaseOutcome | null },
  step: CaseStep,
): StepRefusal | null {
  if (!(CASE_STEPS[step].from as readonly CaseState[]).includes(c.state)) return "wrong_state";
  // A temuan is the body's own finding: nobody outside completes it.
  if ((step === "mark_incomplete" || step === "complete") && c.kind === "temuan") return "temuan_complete";
  // The handling time is extended once only (7 -> 14 days).
  if (step === "extend" && c.extendedAt) return "already_extended";
  // A violation goes to its destination first; only "not a violation" closes straight after the decision.
  if (step === "close" && c.state === "decided" && c.outcome !== "not_a_violation") return "decided_needs_follow_up";
  return null;
}

/** The state a step leads to (the same state for steps that add to the timeline only). */
export const stateAfter = (state: CaseState, step: CaseStep): CaseState => CASE_STEPS[step].to ?? state;

/** The steps a case allows now, in the order the page offers them. */
export const allowedSteps = (c: Parameters<typeof stepRefusal>[0]) =>
  CASE_STEP_NAMES.filter((s) => s !== "complete" && stepRefusal(c, s) === null);

// --- Registration numbers: NNN/LP/PL/Kota/16.73/II/2024 ---

const ROMAN: [number, string][] = [
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];
/** A month (1-12) in Roman numerals, as the body writes it in numbers. */
export function romanMonth(month: number): string {
  let rest = month;
  let out = "";
  for (const [value, letters] of ROMAN)
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  return out;
}

/** The level word of the registering office, from its region's kind: a kota's Bawaslu writes "Kota". */
export function officeLevel(kind: string | null): "Kota" | "Kab" | "Prov" | "Kec" | "RI" {
  switch (kind) {
    case "kota":
      return "Kota";
    case "kabupaten":
      return "Kab";
    case "province":
      return "Prov";
    case "kecamatan":
      return "Kec";
    default:
      return "RI";
  }
}

/** A registration number: sequence (3 digits, more when needed), LP or TM, PL, the office's level and region
 *  code, the month in Roman numerals and the year. The national office has no region code. */
export function registrationNumber(n: {
  sequence: number;
  kind: CaseKind;
  level: ReturnType<typeof officeLevel>;
  officeCode: string | null;
  month: number;
  year: number;
}): string {
  const parts = [
    String(n.sequence).padStart(3, "0"),
    n.kind === "laporan" ? "LP" : "TM",
    "PL",
    n.level,
    ...(n.level === "RI" || !n.officeCode ? [] : [n.officeCode]),
    romanMonth(n.month),
    String(n.year),
  ];
  return parts.join("/");
}

export const REGISTRATION_NUMBER = /^\d{3,}\/(LP|TM)\/PL\/(Kota|Kab|Prov|Kec|RI)(\/[\d.]+)?\/[IVX]+\/\d{4}$/;

// --- Deadlines as a case sees them ---

export interface CaseDays {
  basis: DayRule["basis"];
  reportWithinDays: number;
  initialReviewDays: number;
  handlingDays: number;
  handlingExtendedDays: number;
  completionDays: number;
}

/** The instants a case's deadlines end, from the moments they start (stored when each starts). */
export const caseDeadlines = (days: CaseDays, holidays: readonly string[]) => {
  const rule: DayRule = { basis: days.basis, holidays };
  return {
    rule,
    review: (receivedIso: string) => deadlineAt(receivedIso, days.initialReviewDays, rule),
    completion: (askedIso: string) => deadlineAt(askedIso, days.completionDays, rule),
    handling: (registeredIso: string) => deadlineAt(registeredIso, days.handlingDays, rule),
    extended: (registeredIso: string) => deadlineAt(registeredIso, days.handlingExtendedDays, rule),
    /** Whether a report made at `reportedIso` is past the window from the day it became known. */
    late: (knownOn: string, reportedIso: string) =>
      Date.parse(reportedIso) >= Date.parse(deadlineAt(`${knownOn}T12:00:00+07:00`, days.reportWithinDays, rule)),
    reportWindowEnds: (knownOn: string) => deadlineAt(`${knownOn}T12:00:00+07:00`, days.reportWithinDays, rule),
  };
};

/** Which deadline runs in a state: the initial review, the reporter's completion, the handling; none after a
 *  decision or outside the body's hands. */
export function runningDeadline(state: CaseState): "review" | "completion" | "handling" | null {
  switch (state) {
    case "received":
    case "initial_review":
      return "review";
    case "incomplete":
      return "completion";
    case "registered":
    case "clarification":
    case "assessment":
      return "handling";
    default:
      return null;
  }
}

/** Where a case's running deadline stands now (null when none runs). */
export function caseDeadlineState(
  dueAt: string | null,
  nowIso: string,
  rule: DayRule,
  soonDays: number,
): DeadlineState | null {
  return dueAt ? deadlineState(dueAt, nowIso, rule, soonDays) : null;
}

/** Sort order of deadline states on the list: overdue first, then due soon, then the rest. */
export const DEADLINE_RANK: Record<DeadlineState | "none", number> = { overdue: 0, due_soon: 1, on_time: 2, none: 3 };

/** What happens next, for the public tracking page (a message key by state). */
export const nextStepKey = (state: CaseState) => `cases.next.${state}` as const;

/** The recap's columns beside the outcomes: the body's categories of cases. */
export const RECAP_COLUMNS = ["laporan", "temuan", "registered", "notRegistered", "referred", "inProcess"] as const;
