// The quick-count (C1) result rules (docs/overview.md, "The domain"), in one module shared by the officer's form, the
// server and the paper-entry screen, so all three say the same thing. Pure functions, no I/O.
// Messages are not made here: each issue is a code with parameters, worded by app/lib/messages/quick-count.ts.

export const MAX_COUNT = 9999;
/** Reserve ballots: 2% of the DPT per TPS (PKPU on ballot logistics). */
export const RESERVE_RATE = 0.02;

export type IssueCode =
  | "required"
  | "not_integer"
  | "negative"
  | "too_large"
  | "unknown_candidate"
  | "sum_mismatch"
  | "ballots_mismatch"
  | "exceeds_ballots"
  | "turnout_high"
  | "turnout_low"
  | "unanimous"
  | "invalid_high"
  | "large_change"
  | "justification_required";

export interface Issue {
  /** Form/API field: "votes.1", "invalid", "valid", "ballotsUsed", "justification". */
  field: string;
  code: IssueCode;
  params?: Record<string, string | number>;
}

/** What the officer typed. Numbers may be missing or wrong while typing: the rules say what is wrong. */
export interface C1Entry {
  votes: Record<string, unknown>;
  invalid: unknown;
  valid?: unknown;
  ballotsUsed?: unknown;
}

export interface C1Context {
  candidates: number[]; // ballot numbers of the contest
  dpt: number;
  dptb: number;
  dpk: number;
  /** Numbers of the latest earlier revision, when there is one. */
  previous?: { votes: Record<string, number>; invalid: number } | null;
}

/** The context of the C1 rules for a TPS and contest, as every channel and form builds it. */
export function c1Context(
  contest: { candidates: { number: number }[] },
  tps: { dpt: number; dptb: number; dpk: number },
  previous: C1Context["previous"] = null,
): C1Context {
  return { candidates: contest.candidates.map((c) => c.number), dpt: tps.dpt, dptb: tps.dptb, dpk: tps.dpk, previous };
}

export interface C1Check {
  errors: Issue[];
  warnings: Issue[];
  /** Sum of candidate votes, when every candidate's number is valid. */
  validTotal: number | null;
}

const isBlank = (v: unknown) => v === undefined || v === null || v === "";

function checkNumber(field: string, value: unknown, errors: Issue[], required: boolean): number | null {
  if (isBlank(value)) {
    if (required) errors.push({ field, code: "required" });
    return null;
  }
  const n =
    typeof value === "number"
      ? value
      : typeof value === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(value)
        ? Number(value)
        : NaN;
  if (!Number.isFinite(n) || !Number.isInteger(n)) {
    errors.push({ field, code: "not_integer" });
    return null;
  }
  if (n < 0) {
    errors.push({ field, code: "negative" });
    return null;
  }
  if (n > MAX_COUNT) {
    errors.push({ field, code: "too_large", params: { max: MAX_COUNT } });
    return null;
  }
  return n;
}

export function ballotCapacity(ctx: Pick<C1Context, "dpt" | "dptb" | "dpk">) {
  return ctx.dpt + ctx.dptb + ctx.dpk + Math.ceil(ctx.dpt * RESERVE_RATE);
}

export function checkC1(entry: C1Entry, ctx: C1Context): C1Check {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];

  const votes: Record<string, number> = {};
  let allVotesValid = true;
  for (const key of Object.keys(entry.votes ?? {})) {
    if (!ctx.candidates.includes(Number(key)) || String(Number(key)) !== key) {
      errors.push({ field: `votes.${key}`, code: "unknown_candidate", params: { number: key } });
      allVotesValid = false;
    }
  }
  for (const number of ctx.candidates) {
    const n = checkNumber(`votes.${number}`, entry.votes?.[String(number)], errors, true);
    if (n === null) allVotesValid = false;
    else votes[number] = n;
  }
  const invalid = checkNumber("invalid", entry.invalid, errors, true);
  const valid = checkNumber("valid", entry.valid, errors, false);
  const ballotsUsed = checkNumber("ballotsUsed", entry.ballotsUsed, errors, false);

  const validTotal = allVotesValid ? Object.values(votes).reduce((a, b) => a + b, 0) : null;
  if (validTotal !== null && valid !== null && validTotal !== valid) {
    errors.push({ field: "valid", code: "sum_mismatch", params: { sum: validTotal, valid } });
  }
  const validCount = valid ?? validTotal;
  if (validCount !== null && invalid !== null && ballotsUsed !== null && validCount + invalid !== ballotsUsed) {
    errors.push({
      field: "ballotsUsed",
      code: "ballots_mismatch",
      params: { total: validCount + invalid, ballotsUsed },
    });
  }
  const used = ballotsUsed ?? (validCount !== null && invalid !== null ? validCount + invalid : null);
  const capacity = ballotCapacity(ctx);
  if (used !== null && used > capacity) {
    errors.push({
      field: ballotsUsed !== null ? "ballotsUsed" : "invalid",
      code: "exceeds_ballots",
      params: { used, capacity },
    });
  }
  if (errors.length > 0 || used === null || validCount === null || invalid === null) {
    return { errors, warnings, validTotal };
  }

  // Warnings: plausible but unusual; accepted only with the officer's justification, then shown as flagged.
  const registered = ctx.dpt + ctx.dptb + ctx.dpk;
  const turnout = registered > 0 ? used / registered : 0;
  const percent = Math.round(turnout * 1000) / 10;
  if (turnout > 0.95) warnings.push({ field: "ballotsUsed", code: "turnout_high", params: { percent } });
  if (turnout < 0.2) warnings.push({ field: "ballotsUsed", code: "turnout_low", params: { percent } });
  if (validCount > 0) {
    for (const [number, n] of Object.entries(votes)) {
      if (n === validCount) warnings.push({ field: `votes.${number}`, code: "unanimous", params: { number } });
    }
  }
  if (used > 0 && invalid / used > 0.1) {
    warnings.push({
      field: "invalid",
      code: "invalid_high",
      params: { percent: Math.round((invalid / used) * 1000) / 10 },
    });
  }
  if (ctx.previous) {
    const compare = (field: string, before: number | undefined, after: number) => {
      if (before !== undefined && before > 0 && Math.abs(after - before) > before / 2) {
        warnings.push({ field, code: "large_change", params: { before, after } });
      }
    };
    for (const [number, n] of Object.entries(votes)) compare(`votes.${number}`, ctx.previous.votes[number], n);
    compare("invalid", ctx.previous.invalid, invalid);
  }
  return { errors, warnings, validTotal };
}

/** Minimum length of a justification: a word or two is not a reason. */
export const MIN_JUSTIFICATION = 10;

/** Full decision: hard errors block; warnings block too unless a justification is given. */
export function decideC1(entry: C1Entry & { justification?: string | null }, ctx: C1Context) {
  const check = checkC1(entry, ctx);
  const errors = [...check.errors];
  const justification = (entry.justification ?? "").trim();
  if (errors.length === 0 && check.warnings.length > 0 && justification.length < MIN_JUSTIFICATION) {
    errors.push({ field: "justification", code: "justification_required", params: { min: MIN_JUSTIFICATION } });
  }
  const status: "submitted" | "flagged" = check.warnings.length > 0 ? "flagged" : "submitted";
  return { ...check, errors, status };
}
