// Read models for the command post: the TPS detail panel and the stale-TPS setting.
import type { Db } from "~/utils/db.server";
import { DEFAULT_STALE_CONFIG, type StaleConfig } from "~/lib/stale";
import { getTps } from "./election.server";
import { listIncidents } from "./incidents.server";

export async function getTpsDetail(sql: Db, { code }: { code: string }) {
  const tps = await getTps(sql, { code });
  if (!tps) return undefined;
  const [officers, results, incidents] = await Promise.all([
    sql<{ name: string; login: string; phone: string | null }[]>`
      select name, login, phone from users where tps_code = ${code} and role = 'officer' and not disabled order by login`,
    sql`
      select r.contest_code, c.name as contest_name, r.status, r.votes, r.invalid, r.updated_at, s.revision, s.source
      from results r join contests c on c.code = r.contest_code join submissions s on s.id = r.submission_id
      where r.tps_code = ${code} order by c.position, c.code`,
    listIncidents(sql, { scope: null, tpsCode: code, limit: 50 }),
  ]);
  return {
    tps: { ...tps, lastSeenAt: tps.lastSeenAt ? tps.lastSeenAt.toISOString() : null },
    officers,
    results: results.map((r) => ({
      contest: r.contestCode as string, contestName: r.contestName as string, status: r.status as string,
      votes: r.votes as Record<string, number>, invalid: r.invalid as number, revision: r.revision as number,
      source: r.source as string, updatedAt: (r.updatedAt as Date).toISOString(),
    })),
    incidents,
    photoIds: incidents.flatMap((i) => i.photoIds),
  };
}
export type TpsDetail = NonNullable<Awaited<ReturnType<typeof getTpsDetail>>>;

/** The stale rule's times: admin's `election.times` setting (issue 5) when that table exists, else defaults. */
export async function getStaleConfig(sql: Db): Promise<StaleConfig> {
  const [has] = await sql`select to_regclass('settings') is not null as present`;
  if (!has.present) return DEFAULT_STALE_CONFIG;
  const [row] = await sql`select value from settings where key = 'election.times'`;
  const value = row?.value as Partial<StaleConfig> | undefined;
  if (!value || typeof value.opening !== "string" || typeof value.closing !== "string" || typeof value.staleAfterMinutes !== "number") {
    return DEFAULT_STALE_CONFIG;
  }
  return { ...DEFAULT_STALE_CONFIG, opening: value.opening, closing: value.closing, staleAfterMinutes: value.staleAfterMinutes };
}
