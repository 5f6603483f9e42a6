// The result rules of Model C.Hasil ("the C1"; docs/overview.md, "Result rules"), in one module shared by the
// officer's form, the server, the posko's paper entry and SMS, so every channel gives the same verdict for
// the same numbers. Pure functions, no I/O. Messages are not made here: each issue is a code with a tier, a
// field and parameters, worded by app/lib/messages/quick-count.ts.
//
// Three tiers (docs/decisions/020-election-model.md):
// - invalid: refused, whatever the officer says (not a number, unknown choice, missing box);
// - inconsistent: the form's own arithmetic does not hold. An official form can be wrong, so this is
//   accepted when the officer confirms the paper says so (a justification), and flagged as a discrepancy;
// - unusual: plausible but odd (turnout, unanimity, ...); accepted with a justification, then flagged.
import { ballotStructure, KOLOM_KOSONG, quickChoices, type BallotStructure, type Contest } from "./contests";

export const MAX_COUNT = 9999;
/** Reserve ballots: 2% of the DPT per TPS, rounded up; DPTb and DPK voters are served from it. */
export const RESERVE_RATE = 0.02;
/** Minimum length of a justification: a word or two is not a reason. */
export const MIN_JUSTIFICATION = 10;

export type Tier = "invalid" | "inconsistent" | "unusual";

const INVALID_CODES = [
  "required",
  "not_integer",
  "negative",
  "too_large",
  "unknown_candidate",
  "unknown_party",
  "form_mismatch",
  "justification_required",
  "confirmation_required",
] as const;
const INCONSISTENT_CODES = [
  "sum_mismatch",
  "ballots_mismatch",
  "exceeds_ballots",
  "row_sum",
  "voters_sum",
  "dpt_voters_exceed",
  "dpt_mismatch",
  "ballots_sum",
  "received_mismatch",
  "ballots_used_mismatch",
  "disabled_exceeds",
  "total_mismatch",
  "voters_mismatch",
  "party_sum",
] as const;
const UNUSUAL_CODES = [
  "turnout_high",
  "turnout_low",
  "unanimous",
  "unanimous_blank",
  "invalid_high",
  "large_change",
  "ballots_voters_differ",
] as const;

export type IssueCode =
  (typeof INVALID_CODES)[number] | (typeof INCONSISTENT_CODES)[number] | (typeof UNUSUAL_CODES)[number];

/** Every finding the rules can make, tier by tier. */
export const ISSUE_CODES = {
  invalid: INVALID_CODES,
  inconsistent: INCONSISTENT_CODES,
  unusual: UNUSUAL_CODES,
} as const;

const TIER_OF = new Map<IssueCode, Tier>([
  ...INVALID_CODES.map((c) => [c, "invalid"] as const),
  ...INCONSISTENT_CODES.map((c) => [c, "inconsistent"] as const),
  ...UNUSUAL_CODES.map((c) => [c, "unusual"] as const),
]);
export const tierOf = (code: IssueCode): Tier => TIER_OF.get(code)!;

export interface Issue {
  /** Form/API field: "votes.1", "invalid", "form.voters.dpt.total", "form.votes.3.candidates.2", ... */
  field: string;
  code: IssueCode;
  tier: Tier;
  params?: Record<string, string | number>;
}

/** A row of the form counted by sex. */
export interface SexRow<T = number> {
  m: T;
  f: T;
  total: T;
}

/** Section IV of the complete form for one party: party-only votes, per candidate, and the party total. */
export interface PartyVotes<T = number> {
  party: T;
  candidates: Record<string, T>;
  total: T;
}

/** The complete C.Hasil, sections I-V (the API's `form` body). T is `unknown` while typed, `number` stored. */
export interface C1Form<T = number> {
  voters: { dpt: SexRow<T>; dptUsed: SexRow<T>; dptbUsed: SexRow<T>; dpkUsed: SexRow<T>; used: SexRow<T> };
  ballots: { received: T; used: T; damaged: T; unused: T };
  disabled: SexRow<T>;
  votes: Record<string, T | PartyVotes<T>>;
  valid: T;
  invalid: T;
  total: T;
}

type Loose<T> = { [K in keyof T]?: T[K] extends object ? Loose<T[K]> | null : unknown };

/** What an officer or operator typed: a quick entry (section IV + V.B) and/or the complete form. */
export interface C1Entry {
  votes?: Record<string, unknown> | null;
  invalid?: unknown;
  /** Version 1's optional totals of a quick entry. */
  valid?: unknown;
  ballotsUsed?: unknown;
  form?: Loose<C1Form<unknown>> | null;
}

export interface C1Context {
  structure: BallotStructure;
  /** Section IV choices of a quick entry: pairs (0 = blank column), DPD candidates or parties. */
  choices: number[];
  /** Party lists: each party's candidate numbers (key: party number). */
  partyCandidates: Record<string, number[]>;
  /** The TPS's DPT on record (by sex when known), DPTb and DPK. */
  dpt: number;
  dptMen: number | null;
  dptWomen: number | null;
  dptb: number;
  dpk: number;
  /** Numbers of the latest earlier revision, when there is one. */
  previous?: { votes: Record<string, number>; invalid: number } | null;
  /** Voters (B.4, or valid + invalid of a quick entry) of this TPS's other ballots, by contest. */
  otherBallots?: { contest: string; voters: number }[];
}

/** The context of the rules for a TPS and contest, as every channel and form builds it. */
export function c1Context(
  contest: Pick<Contest, "type" | "candidates" | "parties">,
  tps: { dpt: number; dptb: number; dpk: number; dptMen?: number | null; dptWomen?: number | null },
  previous: C1Context["previous"] = null,
  otherBallots: C1Context["otherBallots"] = [],
): C1Context {
  return {
    structure: ballotStructure(contest.type),
    choices: quickChoices(contest),
    partyCandidates: Object.fromEntries(
      contest.parties.map((p) => [String(p.number), p.candidates.map((c) => c.number)]),
    ),
    dpt: tps.dpt,
    dptMen: tps.dptMen ?? null,
    dptWomen: tps.dptWomen ?? null,
    dptb: tps.dptb,
    dpk: tps.dpk,
    previous,
    otherBallots,
  };
}

/** Ballots a TPS receives: its DPT plus the 2% reserve, rounded up (PKPU on ballot logistics). */
export const ballotsExpected = (dpt: number) => dpt + Math.ceil(dpt * RESERVE_RATE);

/** The numbers as stored when every box is a valid number. */
export interface C1Numbers {
  /** Section IV per quick choice (party totals for party lists). */
  votes: Record<string, number>;
  invalid: number;
  ballotsUsed: number | null;
  form: C1Form | null;
  completeness: "quick" | "complete";
}

export interface C1Check {
  /** Tier "invalid": the entry cannot be accepted. */
  errors: Issue[];
  /** Tiers "inconsistent" and "unusual": accepted with a justification, then flagged. */
  warnings: Issue[];
  /** Sum of section IV, when every choice's number is valid (shown beside the form while typing). */
  validTotal: number | null;
  /** Null while there are errors. */
  numbers: C1Numbers | null;
}

const isBlank = (v: unknown) => v === undefined || v === null || v === "";
const isWholeKey = (key: string) => /^\d{1,2}$/.test(key) && String(Number(key)) === key;

class Findings {
  errors: Issue[] = [];
  warnings: Issue[] = [];
  add(field: string, code: IssueCode, params?: Issue["params"]) {
    const issue: Issue = params ? { field, code, tier: tierOf(code), params } : { field, code, tier: tierOf(code) };
    (issue.tier === "invalid" ? this.errors : this.warnings).push(issue);
  }
  /** A box: blank (null, or `required` when it must be filled), or a whole number 0..MAX_COUNT. */
  count(field: string, value: unknown, required = true): number | null {
    if (isBlank(value)) {
      if (required) this.add(field, "required");
      return null;
    }
    const n =
      typeof value === "number"
        ? value
        : typeof value === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(value)
          ? Number(value)
          : NaN;
    if (!Number.isFinite(n) || !Number.isInteger(n)) return (this.add(field, "not_integer"), null);
    if (n < 0) return (this.add(field, "negative"), null);
    if (n > MAX_COUNT) return (this.add(field, "too_large", { max: MAX_COUNT }), null);
    return n;
  }
}

const asRecord = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** Section IV of a quick entry: a number per choice, nothing else. */
function quickVotes(f: Findings, votes: Record<string, unknown>, ctx: C1Context, prefix: string) {
  const unknownCode = ctx.structure === "parties" ? "unknown_party" : "unknown_candidate";
  for (const key of Object.keys(votes)) {
    if (!isWholeKey(key) || !ctx.choices.includes(Number(key))) f.add(`${prefix}${key}`, unknownCode, { number: key });
  }
  const out: Record<string, number> = {};
  let complete = true;
  for (const choice of ctx.choices) {
    const n = f.count(`${prefix}${choice}`, votes[String(choice)]);
    if (n === null) complete = false;
    else out[choice] = n;
  }
  return complete ? out : null;
}

function sexRow(f: Findings, field: string, value: unknown): SexRow | null {
  const row = asRecord(value);
  const m = f.count(`${field}.m`, row.m);
  const w = f.count(`${field}.f`, row.f);
  const total = f.count(`${field}.total`, row.total);
  return m === null || w === null || total === null ? null : { m, f: w, total };
}

/** Section IV of the complete form: per pair/candidate, or per party (party-only, candidates, total). */
function formVotes(f: Findings, value: unknown, ctx: C1Context) {
  const votes = asRecord(value);
  if (ctx.structure !== "parties") {
    const flat = quickVotes(f, votes, ctx, "form.votes.");
    return flat ? { stored: flat as C1Form["votes"], totals: flat } : null;
  }
  for (const key of Object.keys(votes)) {
    if (!isWholeKey(key) || !ctx.choices.includes(Number(key))) {
      f.add(`form.votes.${key}`, "unknown_party", { number: key });
    }
  }
  const stored: Record<string, PartyVotes> = {};
  const totals: Record<string, number> = {};
  let complete = true;
  for (const party of ctx.choices) {
    const field = `form.votes.${party}`;
    const entry = asRecord(votes[String(party)]);
    const partyOnly = f.count(`${field}.party`, entry.party);
    const total = f.count(`${field}.total`, entry.total);
    const given = asRecord(entry.candidates);
    const numbers = ctx.partyCandidates[String(party)] ?? [];
    for (const key of Object.keys(given)) {
      if (!isWholeKey(key) || !numbers.includes(Number(key))) {
        f.add(`${field}.candidates.${key}`, "unknown_candidate", { number: key });
      }
    }
    const candidates: Record<string, number> = {};
    for (const number of numbers) {
      const n = f.count(`${field}.candidates.${number}`, given[String(number)]);
      if (n === null) complete = false;
      else candidates[number] = n;
    }
    if (partyOnly === null || total === null) {
      complete = false;
      continue;
    }
    stored[party] = { party: partyOnly, candidates, total };
    totals[party] = total;
  }
  return complete ? { stored: stored as C1Form["votes"], totals } : null;
}

function readForm(f: Findings, value: Loose<C1Form<unknown>>, ctx: C1Context): C1Form | null {
  const voters = asRecord(value.voters);
  const ballots = asRecord(value.ballots);
  const rows = {
    dpt: sexRow(f, "form.voters.dpt", voters.dpt),
    dptUsed: sexRow(f, "form.voters.dptUsed", voters.dptUsed),
    dptbUsed: sexRow(f, "form.voters.dptbUsed", voters.dptbUsed),
    dpkUsed: sexRow(f, "form.voters.dpkUsed", voters.dpkUsed),
    used: sexRow(f, "form.voters.used", voters.used),
  };
  const received = f.count("form.ballots.received", ballots.received);
  const used = f.count("form.ballots.used", ballots.used);
  const damaged = f.count("form.ballots.damaged", ballots.damaged);
  const unused = f.count("form.ballots.unused", ballots.unused);
  const disabled = sexRow(f, "form.disabled", value.disabled);
  const votes = formVotes(f, value.votes, ctx);
  const valid = f.count("form.valid", value.valid);
  const invalid = f.count("form.invalid", value.invalid);
  const total = f.count("form.total", value.total);
  if (
    Object.values(rows).some((r) => r === null) ||
    [received, used, damaged, unused, valid, invalid, total].some((n) => n === null) ||
    !disabled ||
    !votes
  ) {
    return null;
  }
  return {
    voters: rows as C1Form["voters"],
    ballots: { received: received!, used: used!, damaged: damaged!, unused: unused! },
    disabled,
    votes: votes.stored,
    valid: valid!,
    invalid: invalid!,
    total: total!,
  };
}

/** Section IV totals per quick choice (party totals for party lists). */
export function sectionIvTotals(form: C1Form): Record<string, number> {
  return Object.fromEntries(Object.entries(form.votes).map(([k, v]) => [k, typeof v === "number" ? v : v.total]));
}

/**
 * The box of the printed C.Hasil each row of the form is (the same in both languages), so a message can send
 * the officer to the line of the paper to look at.
 */
export const FORM_BOXES = {
  dpt: "I.A",
  dptUsed: "I.B.1",
  dptbUsed: "I.B.2",
  dpkUsed: "I.B.3",
  used: "I.B.4",
  disabled: "III",
} as const;

/** The form's own arithmetic (tier "inconsistent"). */
function checkFormArithmetic(f: Findings, form: C1Form, ctx: C1Context) {
  const rowNames = ["dpt", "dptUsed", "dptbUsed", "dpkUsed", "used"] as const;
  const rowSum = (field: string, box: string, row: SexRow) => {
    if (row.m + row.f !== row.total)
      f.add(field, "row_sum", { box, m: row.m, f: row.f, sum: row.m + row.f, total: row.total });
  };
  for (const name of rowNames) rowSum(`form.voters.${name}.total`, FORM_BOXES[name], form.voters[name]);
  const d = form.disabled;
  rowSum("form.disabled.total", FORM_BOXES.disabled, d);

  const v = form.voters;
  for (const col of ["m", "f", "total"] as const) {
    const sum = v.dptUsed[col] + v.dptbUsed[col] + v.dpkUsed[col];
    if (sum !== v.used[col]) f.add(`form.voters.used.${col}`, "voters_sum", { sum, total: v.used[col] });
    // Voters from the DPT can never outnumber it, for men and women as for the total.
    if (v.dptUsed[col] > v.dpt[col]) {
      f.add(`form.voters.dptUsed.${col}`, "dpt_voters_exceed", { used: v.dptUsed[col], dpt: v.dpt[col] });
    }
  }
  if (v.dpt.total !== ctx.dpt)
    f.add("form.voters.dpt.total", "dpt_mismatch", { given: v.dpt.total, expected: ctx.dpt });
  if (ctx.dptMen !== null && v.dpt.m !== ctx.dptMen) {
    f.add("form.voters.dpt.m", "dpt_mismatch", { given: v.dpt.m, expected: ctx.dptMen });
  }
  if (ctx.dptWomen !== null && v.dpt.f !== ctx.dptWomen) {
    f.add("form.voters.dpt.f", "dpt_mismatch", { given: v.dpt.f, expected: ctx.dptWomen });
  }

  const b = form.ballots;
  const ballotSum = b.used + b.damaged + b.unused;
  if (ballotSum !== b.received) f.add("form.ballots.received", "ballots_sum", { sum: ballotSum, received: b.received });
  const expected = ballotsExpected(ctx.dpt);
  if (b.received !== expected) f.add("form.ballots.received", "received_mismatch", { received: b.received, expected });
  if (b.used > b.received) f.add("form.ballots.used", "exceeds_ballots", { used: b.used, capacity: b.received });
  if (b.used !== v.used.total)
    f.add("form.ballots.used", "ballots_used_mismatch", { used: b.used, voters: v.used.total });
  if (d.total > v.used.total)
    f.add("form.disabled.total", "disabled_exceeds", { disabled: d.total, voters: v.used.total });

  if (ctx.structure === "parties") {
    for (const [party, p] of Object.entries(form.votes)) {
      if (typeof p === "number") continue;
      const sum = p.party + Object.values(p.candidates).reduce((a, n) => a + n, 0);
      if (sum !== p.total) f.add(`form.votes.${party}.total`, "party_sum", { party, sum, total: p.total });
    }
  }
  const sum = Object.values(sectionIvTotals(form)).reduce((a, n) => a + n, 0);
  if (sum !== form.valid) f.add("form.valid", "sum_mismatch", { sum, valid: form.valid });
  if (form.valid + form.invalid !== form.total) {
    f.add("form.total", "total_mismatch", { sum: form.valid + form.invalid, total: form.total });
  }
  if (form.total !== v.used.total) f.add("form.total", "voters_mismatch", { total: form.total, voters: v.used.total });
}

/** Plausibility (tier "unusual"): odd but possible numbers. */
function checkPlausibility(
  f: Findings,
  {
    votes,
    invalid,
    voters,
    valid,
    cast,
  }: { votes: Record<string, number>; invalid: number; voters: number; valid: number; cast: number },
  ctx: C1Context,
  fields: { voters: string; votes: string; invalid: string },
) {
  if (ctx.dpt > 0) {
    const turnout = voters / ctx.dpt;
    const percent = Math.round(turnout * 1000) / 10;
    if (turnout > 0.95) f.add(fields.voters, "turnout_high", { percent });
    if (turnout < 0.2) f.add(fields.voters, "turnout_low", { percent });
  }
  if (valid > 0) {
    for (const [number, n] of Object.entries(votes)) {
      if (n !== valid) continue;
      // The blank column winning everything is as odd as a pair doing so, and worded as what it is.
      if (Number(number) === KOLOM_KOSONG) f.add(`${fields.votes}${number}`, "unanimous_blank");
      else f.add(`${fields.votes}${number}`, "unanimous", { number });
    }
  }
  // Invalid votes against all votes cast (V.C).
  if (cast > 0 && invalid / cast > 0.1) {
    f.add(fields.invalid, "invalid_high", { percent: Math.round((invalid / cast) * 1000) / 10 });
  }
  if (ctx.previous) {
    const compare = (field: string, before: number | undefined, after: number) => {
      if (before !== undefined && before > 0 && Math.abs(after - before) > before / 2) {
        f.add(field, "large_change", { before, after });
      }
    };
    for (const [number, n] of Object.entries(votes)) compare(`${fields.votes}${number}`, ctx.previous.votes[number], n);
    compare(fields.invalid, ctx.previous.invalid, invalid);
  }
  const allowed = ctx.dptb + ctx.dpk;
  for (const other of ctx.otherBallots ?? []) {
    if (Math.abs(voters - other.voters) > allowed) {
      f.add(fields.voters, "ballots_voters_differ", { contest: other.contest, voters, other: other.voters, allowed });
    }
  }
}

/** Every finding of the three tiers for what was typed. */
export function checkC1(entry: C1Entry, ctx: C1Context): C1Check {
  const f = new Findings();
  if (entry.form) {
    const form = readForm(f, entry.form, ctx);
    const totals = form ? sectionIvTotals(form) : null;
    // A quick entry sent beside the form must say the same (the app sends both; a mismatch is a bug or a typo).
    if (form && totals) {
      for (const [key, value] of Object.entries(entry.votes ?? {})) {
        if (isBlank(value)) continue;
        if (!(key in totals)) {
          f.add(`votes.${key}`, ctx.structure === "parties" ? "unknown_party" : "unknown_candidate", { number: key });
        } else if (Number(value) !== totals[key]) f.add(`votes.${key}`, "form_mismatch", { form: totals[key] });
      }
      if (!isBlank(entry.invalid) && Number(entry.invalid) !== form.invalid) {
        f.add("invalid", "form_mismatch", { form: form.invalid });
      }
    }
    const validTotal = totals ? Object.values(totals).reduce((a, n) => a + n, 0) : null;
    if (f.errors.length > 0 || !form || !totals) return { errors: f.errors, warnings: [], validTotal, numbers: null };
    checkFormArithmetic(f, form, ctx);
    checkPlausibility(
      f,
      {
        votes: totals,
        invalid: form.invalid,
        voters: form.voters.used.total,
        valid: form.valid,
        cast: form.total,
      },
      ctx,
      { voters: "form.voters.used.total", votes: "form.votes.", invalid: "form.invalid" },
    );
    return {
      errors: f.errors,
      warnings: f.warnings,
      validTotal,
      numbers: { votes: totals, invalid: form.invalid, ballotsUsed: form.ballots.used, form, completeness: "complete" },
    };
  }

  const votes = quickVotes(f, asRecord(entry.votes), ctx, "votes.");
  const invalid = f.count("invalid", entry.invalid);
  const valid = f.count("valid", entry.valid, false);
  const ballotsUsed = f.count("ballotsUsed", entry.ballotsUsed, false);
  const validTotal = votes ? Object.values(votes).reduce((a, n) => a + n, 0) : null;
  if (f.errors.length > 0 || !votes || invalid === null || validTotal === null) {
    return { errors: f.errors, warnings: [], validTotal, numbers: null };
  }
  if (valid !== null && validTotal !== valid) f.add("valid", "sum_mismatch", { sum: validTotal, valid });
  const validCount = valid ?? validTotal;
  if (ballotsUsed !== null && validCount + invalid !== ballotsUsed) {
    f.add("ballotsUsed", "ballots_mismatch", { total: validCount + invalid, ballotsUsed });
  }
  const used = ballotsUsed ?? validCount + invalid;
  const capacity = ballotsExpected(ctx.dpt);
  if (used > capacity) f.add(ballotsUsed !== null ? "ballotsUsed" : "invalid", "exceeds_ballots", { used, capacity });
  checkPlausibility(f, { votes, invalid, voters: used, valid: validCount, cast: validCount + invalid }, ctx, {
    voters: "ballotsUsed",
    votes: "votes.",
    invalid: "invalid",
  });
  return {
    errors: f.errors,
    warnings: f.warnings,
    validTotal,
    numbers: { votes, invalid, ballotsUsed, form: null, completeness: "quick" },
  };
}

/**
 * The verdict: errors refuse; warnings refuse too unless justified. An inconsistent form needs the officer's
 * confirmation that the C.Hasil says so (`confirmation_required`), an unusual one a reason
 * (`justification_required`); either way the justification field carries it, and the result is flagged.
 */
export function decideC1(entry: C1Entry & { justification?: string | null }, ctx: C1Context) {
  const check = checkC1(entry, ctx);
  const errors = [...check.errors];
  const justification = (entry.justification ?? "").trim();
  if (errors.length === 0 && check.warnings.length > 0 && justification.length < MIN_JUSTIFICATION) {
    const inconsistent = check.warnings.some((w) => w.tier === "inconsistent");
    errors.push({
      field: "justification",
      code: inconsistent ? "confirmation_required" : "justification_required",
      tier: "invalid",
      params: { min: MIN_JUSTIFICATION },
    });
  }
  const status: "submitted" | "flagged" = check.warnings.length > 0 ? "flagged" : "submitted";
  // What a refusal lists: the errors, and when only the officer's word is missing, the findings it is for.
  const unjustified = errors.some((e) => e.code === "confirmation_required" || e.code === "justification_required");
  const refusal = errors.length > 0 ? [...errors, ...(unjustified ? check.warnings : [])] : [];
  return { ...check, errors, refusal, status };
}

/** Voters of a stored result, for the two-ballots comparison: B.4 of a complete form, else valid + invalid. */
export function votersOf(result: { votes: Record<string, number>; invalid: number; form?: C1Form | null }): number {
  if (result.form) return result.form.voters.used.total;
  return Object.values(result.votes).reduce((a, n) => a + n, 0) + result.invalid;
}
