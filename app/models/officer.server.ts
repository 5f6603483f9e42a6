// What the officer's home screen shows: their TPS, the ballots it votes in with each one's current result,
// completeness and C.Hasil photos, and their submissions.
import type { Db } from "~/utils/db.server";
import { c1PhotoCounts, resultsOfTps } from "./c1-form.server";
import { contestsForTps, getTps } from "./election.server";
import { listSubmissionsForTps } from "./results.server";

export async function getOfficerHome(sql: Db, { tpsCode }: { tpsCode: string }) {
  const tps = (await getTps(sql, { code: tpsCode }))!;
  const [contests, results, photos, submissions] = await Promise.all([
    // Exactly the ballots this TPS votes in: a mayor's contest of another city is not on its list.
    contestsForTps(sql, { kelurahanCode: tps.kelurahanCode }),
    resultsOfTps(sql, { tpsCode }),
    c1PhotoCounts(sql, { tpsCode }),
    listSubmissionsForTps(sql, { tpsCode }),
  ]);
  const byContest = new Map(results.map((r) => [r.contestCode, r]));
  return {
    tps,
    contests: contests.map((c) => ({
      ...c,
      status: byContest.get(c.code)?.status ?? ("missing" as const),
      completeness: byContest.get(c.code)?.completeness ?? null,
      photos: photos.get(c.code) ?? 0,
    })),
    submissions: submissions.map((s) => ({
      id: s.id,
      contest: s.contestCode,
      source: s.source,
      revision: s.revision,
      votes: s.votes,
      invalid: s.invalid,
      receivedAt: s.receivedAt.toISOString(),
      status: s.isCurrent && s.resultStatus ? s.resultStatus : ("replaced" as const),
    })),
  };
}
