// The caller's view of the election at one sequence number: read in one repeatable-read transaction so
// `seq` and the data agree; a client then applies events after `seq`.
import type { Sql } from "postgres";
import type { View } from "~/lib/access";
import { insideArea } from "./area.server";
import { listContests, type Contest } from "./election.server";

export type { View };

export interface SnapshotTps {
  code: string;
  kelurahanCode: string;
  lat: number;
  lng: number;
  dayStatus: string;
  lastSeenAt: string | null;
  /** contest code -> result status */
  results: Record<string, string>;
}

export interface ContestTotals {
  votes: Record<string, number>;
  invalid: number;
  reported: number;
}

export interface Snapshot {
  seq: number;
  contests: Contest[];
  regions: { code: string; name: string; level: string; parentCode: string | null }[];
  tps: SnapshotTps[];
  totals: Record<string, ContestTotals>;
}

/** A TPS row before its last-seen time is written as text for the client. */
type TpsRow = Omit<SnapshotTps, "lastSeenAt"> & { lastSeenAt: Date | null };

export async function getSnapshot(sql: Sql, { scope, tpsCode }: View): Promise<Snapshot> {
  const inScope = (column: string) => insideArea(sql, column, scope);
  const tpsFilter = (column: string) => (tpsCode ? sql`and ${sql(column)} = ${tpsCode}` : sql``);
  return sql.begin("isolation level repeatable read read only", async (tx) => {
    const [head] = await tx<[{ seq: number }]>`select seq from event_head`;
    const contests = await listContests(tx);
    const regions = await tx<Snapshot["regions"]>`
      select code, name, level, parent_code from regions
      where level in ('kecamatan', 'kelurahan') and ${inScope("code")}
      order by code`;
    const tps = await tx<TpsRow[]>`
      select t.code, t.kelurahan_code, t.lat, t.lng, t.day_status, t.last_seen_at,
        coalesce((select json_object_agg(r.contest_code, r.status) from results r where r.tps_code = t.code), '{}') as results
      from tps t where ${inScope("t.kelurahan_code")} ${tpsFilter("t.code")}
      order by t.code`;
    const sums = await tx<{ contestCode: string; number: string; votes: number }[]>`
      select r.contest_code, v.key as number, sum(v.value::int)::int as votes
      from results r join tps t on t.code = r.tps_code, jsonb_each_text(r.votes) v
      where ${inScope("t.kelurahan_code")} ${tpsFilter("t.code")}
      group by r.contest_code, v.key`;
    const counts = await tx<{ contestCode: string; invalid: number; reported: number }[]>`
      select r.contest_code, sum(r.invalid)::int as invalid, count(*)::int as reported
      from results r join tps t on t.code = r.tps_code
      where ${inScope("t.kelurahan_code")} ${tpsFilter("t.code")}
      group by r.contest_code`;
    const totals: Record<string, ContestTotals> = {};
    for (const c of contests) {
      totals[c.code] = {
        votes: Object.fromEntries(c.candidates.map((k) => [String(k.number), 0])),
        invalid: 0,
        reported: 0,
      };
    }
    for (const s of sums) if (totals[s.contestCode]) totals[s.contestCode].votes[s.number] = s.votes;
    for (const c of counts)
      if (totals[c.contestCode]) Object.assign(totals[c.contestCode], { invalid: c.invalid, reported: c.reported });
    return {
      seq: head.seq,
      contests,
      regions,
      tps: tps.map((t) => ({ ...t, lastSeenAt: t.lastSeenAt ? t.lastSeenAt.toISOString() : null })),
      totals,
    };
  });
}
