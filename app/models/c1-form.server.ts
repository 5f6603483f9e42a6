// What the officer's ballot list and complete C.Hasil form read: each ballot's result with its completeness
// and C.Hasil photos, and the TPS's other ballots (the rules compare their voters). Reads only; results are
// written by results.server.ts.
import { votersOf, type C1Form } from "~/lib/c1-rules";
import { votesIn } from "~/lib/contests";
import type { ResultStatus } from "~/lib/events";
import type { Db } from "~/utils/db.server";
import { getContest, getTps } from "./election.server";

export interface BallotResult {
  contestCode: string;
  status: ResultStatus;
  votes: Record<string, number>;
  invalid: number;
  form: C1Form | null;
  completeness: "quick" | "complete";
}

/** The current result of every ballot of a TPS (those with one). */
export function resultsOfTps(sql: Db, { tpsCode }: { tpsCode: string }) {
  return sql<BallotResult[]>`
    select contest_code, status, votes, invalid, form, completeness from results where tps_code = ${tpsCode}`;
}

/** C.Hasil photos of a TPS per contest, whichever submission they came with. */
export async function c1PhotoCounts(sql: Db, { tpsCode }: { tpsCode: string }): Promise<Map<string, number>> {
  const rows = await sql<{ contestCode: string; n: number }[]>`
    select contest_code, count(*)::int as n from photos
    where tps_code = ${tpsCode} and purpose = 'c1' and contest_code is not null group by contest_code`;
  return new Map(rows.map((r) => [r.contestCode, r.n]));
}

/** One ballot's result, and the voters of the TPS's other ballots as the rules compare them. */
export async function ballotForForm(sql: Db, { tpsCode, contest }: { tpsCode: string; contest: string }) {
  const results = await resultsOfTps(sql, { tpsCode });
  const current = results.find((r) => r.contestCode === contest) ?? null;
  const otherBallots = results
    .filter((r) => r.contestCode !== contest)
    .map((r) => ({ contest: r.contestCode, voters: votersOf(r) }));
  return { current, otherBallots };
}

/**
 * One ballot of an officer's TPS as its forms (quick entry, complete C.Hasil) read it: the TPS's numbers the
 * rules need, the contest, its current result and the other ballots. Null when the TPS does not vote in it.
 */
export async function officerBallot(sql: Db, { tpsCode, contest }: { tpsCode: string; contest: string }) {
  const [tps, found] = await Promise.all([getTps(sql, { code: tpsCode }), getContest(sql, { code: contest })]);
  if (!tps || !found || !votesIn(tps.kelurahanCode, found)) return null;
  const { current, otherBallots } = await ballotForForm(sql, { tpsCode: tps.code, contest: found.code });
  return {
    tps: { code: tps.code, dpt: tps.dpt, dptMen: tps.dptMen, dptWomen: tps.dptWomen, dptb: tps.dptb, dpk: tps.dpk },
    contest: found,
    current,
    otherBallots,
  };
}

/**
 * Whether the paper form waiting for its second keying was keyed quick or complete: the second operator keys
 * the same kind, or the two keyings could never match. Says nothing of the numbers (the keying stays blind).
 */
export async function awaitingPaperKind(sql: Db, { tpsCode, contest }: { tpsCode: string; contest: string }) {
  const [row] = await sql<{ complete: boolean }[]>`
    select e.form is not null as complete from paper_forms f join paper_entries e on e.form_id = f.id and e.round = 1
    where f.tps_code = ${tpsCode} and f.contest_code = ${contest} and f.status = 'awaiting_second'`;
  return row ? (row.complete ? ("complete" as const) : ("quick" as const)) : null;
}
