// What the officer's home screen shows: their TPS, each contest's current result, their submissions.
import type { ResultStatus } from "~/lib/events";
import type { Db } from "~/utils/db.server";
import { getTps, listContests } from "./election.server";
import { listSubmissionsForTps } from "./results.server";

export async function getOfficerHome(sql: Db, { tpsCode }: { tpsCode: string }) {
  const [tps, contests, results, submissions] = await Promise.all([
    getTps(sql, { code: tpsCode }),
    listContests(sql),
    sql<{ contestCode: string; status: ResultStatus }[]>`
      select contest_code, status from results where tps_code = ${tpsCode}`,
    listSubmissionsForTps(sql, { tpsCode }),
  ]);
  const byContest = new Map(results.map((r) => [r.contestCode, r.status]));
  return {
    tps: tps!,
    contests: contests.map((c) => ({ ...c, status: byContest.get(c.code) ?? ("missing" as const) })),
    submissions: submissions.map((s) => ({
      id: s.id,
      contest: s.contestCode,
      source: s.source,
      revision: s.revision,
      receivedAt: s.receivedAt.toISOString(),
      status: s.isCurrent && s.resultStatus ? s.resultStatus : ("replaced" as const),
    })),
  };
}
