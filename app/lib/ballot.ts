// Section IV of a contest as the official recap lays it out: the choices a total is kept for, in ballot
// order, each with what it is (a pair, the blank column, a DPD candidate, a party with its candidates).
// Shared by the command post, the recap, the public page and the exports so that they list the same rows.
import { ballotStructure, KOLOM_KOSONG, quickChoices, type Contest } from "./contests";

export interface BallotChoice {
  /** The key of `votes` (a pair's or candidate's ballot number, 0 for the blank column, a party number). */
  number: number;
  kind: "pair" | "blank" | "candidate" | "party";
  /** The pair's or candidate's names, or the party's name; empty for the blank column (worded by the screen). */
  name: string;
  /** A party's abbreviation. */
  abbrev?: string;
  /** A party's candidates, by number within the party. */
  candidates?: { number: number; name: string }[];
}

export type BallotContest = Pick<Contest, "type" | "candidates" | "parties">;

export function ballotChoices(contest: BallotContest): BallotChoice[] {
  const structure = ballotStructure(contest.type);
  if (structure === "parties")
    return contest.parties.map((p) => ({
      number: p.number,
      kind: "party",
      name: p.name,
      abbrev: p.abbrev,
      candidates: p.candidates ?? [],
    }));
  return quickChoices(contest).map((number) => {
    if (number === KOLOM_KOSONG && structure === "pairs") return { number, kind: "blank", name: "" };
    const name = contest.candidates.find((k) => k.number === number)?.name ?? "";
    return { number, kind: structure === "pairs" ? "pair" : "candidate", name };
  });
}
