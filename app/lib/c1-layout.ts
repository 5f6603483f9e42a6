// The boxes of Model C.Hasil in the order they are printed (PKPU 25/2023, Lampiran; the Pilkada variant
// C.Hasil-KWK has the same sections), for the officer's complete form, the paper form and the posko's entry
// alike: the posko types from paper in the order the paper shows, and the phone asks in that order too.
// Every box is named by its path in the API's `form` body ("form.voters.dpt.m"), which is also the field the
// rules (c1-rules.ts) name in their findings, so a finding lands on its box without a mapping table.
import { sectionIvTotals, type C1Form } from "./c1-rules";
import { ballotStructure, KOLOM_KOSONG, quickChoices, type Contest } from "./contests";

export type ContestShape = Pick<Contest, "type" | "candidates" | "parties">;

/** One choice of section IV as a quick entry asks for it. */
export interface QuickChoice {
  number: number;
  kind: "pair" | "blank" | "candidate" | "party";
  /** The candidate pair's or candidate's names, or the party's name; empty for the blank column. */
  name: string;
}

/** The choices of a quick entry, in ballot order: pairs (and the blank column), DPD candidates, or parties. */
export function quickChoiceList(contest: ContestShape): QuickChoice[] {
  const structure = ballotStructure(contest.type);
  if (structure === "parties") {
    return contest.parties.map((p) => ({ number: p.number, kind: "party", name: p.name }));
  }
  return quickChoices(contest).map((number) => ({
    number,
    kind: number === KOLOM_KOSONG ? "blank" : structure === "candidates" ? "candidate" : "pair",
    name: contest.candidates.find((c) => c.number === number)?.name ?? "",
  }));
}

/** The three columns of a row counted by sex, as printed: men (L), women (P), total (L+P). */
export const SEX_COLUMNS = ["m", "f", "total"] as const;

/** Rows of section I (A, then B.1-B.4) by their key in `form.voters`. */
export const VOTER_ROWS = ["dpt", "dptUsed", "dptbUsed", "dpkUsed", "used"] as const;
export type VoterRow = (typeof VOTER_ROWS)[number];

/** Rows of section II by their key in `form.ballots`. */
export const BALLOT_ROWS = ["received", "used", "damaged", "unused"] as const;
export type BallotRow = (typeof BALLOT_ROWS)[number];

/** Section IV, one block per pair/candidate (a box each) or per party (party-only, candidates, total). */
export type VoteBlock =
  | { kind: "pair" | "blank" | "candidate"; number: number; name: string; path: string }
  | {
      kind: "party";
      number: number;
      name: string;
      abbrev: string;
      partyPath: string;
      candidates: { number: number; name: string; path: string }[];
      totalPath: string;
    };

export function voteBlocks(contest: ContestShape): VoteBlock[] {
  if (ballotStructure(contest.type) === "parties") {
    return contest.parties.map((p) => ({
      kind: "party",
      number: p.number,
      name: p.name,
      abbrev: p.abbrev,
      partyPath: `form.votes.${p.number}.party`,
      candidates: p.candidates.map((c) => ({
        number: c.number,
        name: c.name,
        path: `form.votes.${p.number}.candidates.${c.number}`,
      })),
      totalPath: `form.votes.${p.number}.total`,
    }));
  }
  return quickChoiceList(contest).map((c) => ({
    kind: c.kind as "pair" | "blank" | "candidate",
    number: c.number,
    name: c.name,
    path: `form.votes.${c.number}`,
  }));
}

export const sexRowPaths = (base: string) => SEX_COLUMNS.map((col) => `${base}.${col}`);

/** Every box of the complete form, in the printed order (I.A, I.B, II, III, IV, V). */
export function formPaths(contest: ContestShape): string[] {
  const votes = voteBlocks(contest).flatMap((b) =>
    b.kind === "party" ? [b.partyPath, ...b.candidates.map((c) => c.path), b.totalPath] : [b.path],
  );
  return [
    ...VOTER_ROWS.flatMap((row) => sexRowPaths(`form.voters.${row}`)),
    ...BALLOT_ROWS.map((row) => `form.ballots.${row}`),
    ...sexRowPaths("form.disabled"),
    ...votes,
    "form.valid",
    "form.invalid",
    "form.total",
  ];
}

type Nested = { [key: string]: string | Nested };

/** The `form` body from boxes named by path ("form.voters.dpt.m" -> { voters: { dpt: { m } } }). */
export function nestForm(values: Record<string, string | undefined>): Nested | null {
  const root: Nested = {};
  let any = false;
  for (const [path, value] of Object.entries(values)) {
    const parts = path.split(".");
    if (parts[0] !== "form" || parts.length < 2 || value === undefined) continue;
    // Only names this layout makes: words and numbers, never a prototype key.
    if (parts.some((p) => !/^[a-zA-Z0-9]{1,20}$/.test(p) || p === "constructor" || p === "prototype")) continue;
    let node = root;
    for (const key of parts.slice(1, -1)) {
      const next = node[key];
      node = typeof next === "object" ? next : (node[key] = {});
    }
    node[parts[parts.length - 1]] = value;
    any = true;
  }
  return any ? root : null;
}

/** Boxes named by path from a stored or queued `form` body: the inverse of nestForm. */
export function flattenForm(form: unknown, prefix = "form"): Record<string, string> {
  const out: Record<string, string> = {};
  if (form === null || typeof form !== "object") return out;
  for (const [key, value] of Object.entries(form as Record<string, unknown>)) {
    const path = `${prefix}.${key}`;
    if (value !== null && typeof value === "object") Object.assign(out, flattenForm(value, path));
    else if (value !== undefined && value !== null) out[path] = String(value);
  }
  return out;
}

/**
 * Boxes of the complete form that a quick entry already filled: section IV (per pair/candidate, or a party's
 * total) and V.B. Nothing else is the same box, so nothing else is guessed.
 */
export function boxesFromQuick(
  contest: ContestShape,
  quick: { votes: Record<string, number>; invalid: number },
): Record<string, string> {
  const out: Record<string, string> = { "form.invalid": String(quick.invalid) };
  const parties = ballotStructure(contest.type) === "parties";
  for (const [number, n] of Object.entries(quick.votes)) {
    out[parties ? `form.votes.${number}.total` : `form.votes.${number}`] = String(n);
  }
  return out;
}

/** Section IV totals of a complete form as the quick entry beside it (votes and invalid, as typed). */
export function quickFromForm(form: C1Form): { votes: Record<string, string>; invalid: string } {
  return {
    votes: Object.fromEntries(Object.entries(sectionIvTotals(form)).map(([k, n]) => [k, String(n)])),
    invalid: String(form.invalid),
  };
}
