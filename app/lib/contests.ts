// Contests (ballots) of an election: their types, ballot structures and electoral areas (docs/overview.md,
// "The domain"; docs/decisions/020-election-model.md). Pure, shared by server and browser.

export const CONTEST_TYPES = [
  "presiden",
  "dpr",
  "dpd",
  "dprd_prov",
  "dprd_kabkota",
  "gubernur",
  "bupati",
  "walikota",
] as const;
export type ContestType = (typeof CONTEST_TYPES)[number];

/** How section IV of a contest's C.Hasil is laid out. */
export type BallotStructure = "pairs" | "candidates" | "parties";

export function ballotStructure(type: ContestType): BallotStructure {
  if (type === "dpd") return "candidates";
  if (type === "dpr" || type === "dprd_prov" || type === "dprd_kabkota") return "parties";
  return "pairs";
}

/** The blank column (kolom kosong) of a single-pair executive contest: a choice of its own, numbered 0. */
export const KOLOM_KOSONG = 0;

export interface Candidate {
  number: number;
  name: string;
}

export interface Party {
  number: number;
  name: string;
  abbrev: string;
  /** The party's candidates on this contest's ballot (the dapil's list), by number within the party. */
  candidates: Candidate[];
}

export interface Contest {
  code: string;
  name: string;
  type: ContestType;
  /** The electoral district's name for legislative contests (e.g. "Sumatera Selatan I"), else null. */
  dapil: string | null;
  /** Region codes of any level whose TPS vote in this contest. */
  area: string[];
  /** Pairs (executive) or individual candidates (DPD), by ballot number; empty for party lists. */
  candidates: Candidate[];
  /** Parties with their candidates (DPR, DPRD); empty for other contests. */
  parties: Party[];
}

/**
 * The choices of section IV a quick entry gives a number for, in ballot order: every pair (and the blank
 * column when there is a single pair), every DPD candidate, or every party's total.
 */
export function quickChoices(contest: Pick<Contest, "type" | "candidates" | "parties">): number[] {
  const structure = ballotStructure(contest.type);
  if (structure === "parties") return contest.parties.map((p) => p.number);
  const numbers = contest.candidates.map((c) => c.number);
  return structure === "pairs" && numbers.length === 1 ? [...numbers, KOLOM_KOSONG] : numbers;
}

/** Whether a region code is the area code itself or lies below it (codes nest: 16 > 16.73 > 16.73.01). */
export const codeWithin = (code: string, area: string) => code === area || code.startsWith(area + ".");

/** A TPS (by its kelurahan code) votes in a contest when one of its ancestors is in the contest's area. */
export const votesIn = (kelurahanCode: string, contest: Pick<Contest, "area">) =>
  contest.area.some((a) => codeWithin(kelurahanCode, a));

/** The contests a place votes in, in the contests' order. */
export const contestsAt = <C extends Pick<Contest, "area">>(kelurahanCode: string, contests: C[]) =>
  contests.filter((c) => votesIn(kelurahanCode, c));

/**
 * Whether a contest concerns an area (a user's or a screen's): its area overlaps it, one containing the other.
 * A supervisor of one kota sees the governor's contest and their own mayor's, not another kota's mayor.
 */
export const contestTouches = (contest: Pick<Contest, "area">, scope: string | null) =>
  scope === null || contest.area.some((a) => codeWithin(scope, a) || codeWithin(a, scope));

export const REGION_KINDS = ["province", "kabupaten", "kota", "kecamatan", "desa", "kelurahan"] as const;
export type RegionKind = (typeof REGION_KINDS)[number];
