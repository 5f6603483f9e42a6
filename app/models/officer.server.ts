// What the officer's home screen shows: their TPS, each contest's current result, their submissions.
import type { Db } from "~/utils/db.server";
import { getTps, listContests } from "./election.server";
import { listSubmissionsForTps } from "./results.server";

export async function getOfficerHome(sql: Db, { tpsCode }: { tpsCode: string }) {
  const [tps, contests, results, submissions] = await Promise.all([
    getTps(sql, { code: tpsCode }),
    listContests(sql),
    sql`select contest_code, status, votes, invalid from results where tps_code = ${tpsCode}`,
    listSubmissionsForTps(sql, { tpsCode }),
  ]);
  const byContest = new Map(results.map((r) => [r.contestCode as string, r]));
  return {
    tps: tps!,
    contests: contests.map((c) => ({ ...c, status: (byContest.get(c.code)?.status as string) ?? "missing" })),
    submissions: submissions.map((s) => ({
      id: s.id as string,
      contest: s.contestCode as string,
      source: s.source as string,
      revision: s.revision as number,
      receivedAt: (s.receivedAt as Date).toISOString(),
      status: s.isCurrent ? (s.resultStatus as string) : "replaced",
    })),
  };
}
