// The caller's view of the election at one sequence number: read in one repeatable-read transaction so
// `seq` and the data agree; a client then applies events after `seq`. Every contest is read over its own
// area (docs/decisions/020-election-model.md): the view lists only the contests its area votes in, and a
// contest's totals and progress count only the TPS that vote in it.
import type { Sql } from "postgres";
import type { View } from "~/lib/access";
import type { Db } from "~/utils/db.server";
import { ELECTION_ROOT } from "~/lib/region-summary";
import { insideArea, votesInContest } from "./area.server";
import { contestsInView } from "./contest-scope.server";
import type { Contest } from "./election.server";

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
  /** Contests whose result is a quick entry only: the posko still chases the complete C.Hasil. */
  quick: string[];
}

export interface ContestTotals {
  votes: Record<string, number>;
  invalid: number;
  /** TPS of the view with a result for the contest. */
  reported: number;
  /** TPS of the view that vote in the contest: progress is reported / tpsCount. */
  tpsCount: number;
}

export interface SnapshotRegion {
  code: string;
  name: string;
  level: string;
  /** kabupaten/kota, kecamatan, desa/kelurahan: how the name is printed (app/lib/regions.ts). */
  kind: string;
  parentCode: string | null;
}

export interface Snapshot {
  seq: number;
  contests: Contest[];
  regions: SnapshotRegion[];
  tps: SnapshotTps[];
  totals: Record<string, ContestTotals>;
}

/** A TPS row before its last-seen time is written as text for the client. */
type TpsRow = Omit<SnapshotTps, "lastSeenAt"> & { lastSeenAt: Date | null };

/**
 * `byKelurahan`: also each contest's totals per kelurahan (the command post's area filter sums them), read in
 * the same transaction so that they agree with `seq`.
 */
export async function getSnapshot(
  sql: Sql,
  view: View,
  { byKelurahan = false }: { byKelurahan?: boolean } = {},
): Promise<Snapshot & { areaTotals?: Awaited<ReturnType<typeof contestTotalsByKelurahan>> }> {
  const { scope } = view;
  return sql.begin("isolation level repeatable read read only", async (tx) => {
    const [head] = await tx<[{ seq: number }]>`select seq from event_head`;
    const contests = await contestsInView(tx, view);
    const codes = contests.map((c) => c.code);
    // Kabupaten/kota too: a province's command post narrows its map and totals to one of them.
    const regions = await tx<SnapshotRegion[]>`
      select code, name, level, kind, parent_code from regions
      where level in ('city', 'kecamatan', 'kelurahan') and ${insideArea(tx, "code", scope)}
      order by code`;
    const tps = await tx<TpsRow[]>`
      select t.code, t.kelurahan_code, t.lat, t.lng, t.day_status, t.last_seen_at,
        coalesce((select json_object_agg(r.contest_code, r.status) from results r where r.tps_code = t.code), '{}') as results,
        coalesce((select json_agg(r.contest_code order by r.contest_code) from results r
          where r.tps_code = t.code and r.completeness = 'quick' and r.status <> 'missing'), '[]') as quick
      from tps t where ${inView(tx, view, "t")}
      order by t.code`;
    const totals = await contestTotals(tx, { view, codes });
    const areaTotals = byKelurahan ? await contestTotalsByKelurahan(tx, { view, codes }) : undefined;
    for (const c of contests) {
      const sums = totals[c.code];
      // Every choice of the ballot has a number, even before its first vote.
      const choices = c.parties.length ? c.parties : c.candidates;
      for (const k of choices) sums.votes[String(k.number)] ??= 0;
    }
    return {
      seq: head.seq,
      contests,
      regions,
      tps: tps.map((t) => ({ ...t, lastSeenAt: t.lastSeenAt ? t.lastSeenAt.toISOString() : null })),
      totals,
      ...(areaTotals ? { areaTotals } : {}),
    };
  });
}

/** The TPS of a view (alias `t` for table tps): an area, or an officer's one TPS. */
function inView(sql: Db, { scope, tpsCode }: View, t: string) {
  const area = insideArea(sql, `${t}.kelurahan_code`, scope);
  return tpsCode ? sql`${area} and ${sql(t + ".code")} = ${tpsCode}` : area;
}

/**
 * Per contest: the votes, invalid and reported TPS among the view's TPS that vote in it, and how many such
 * TPS there are. A result of a TPS outside the contest's area (an area an admin narrowed after it was
 * written) counts nowhere.
 */
export async function contestTotals(
  sql: Db,
  { view, codes }: { view: View; codes: string[] },
): Promise<Record<string, ContestTotals>> {
  const totals: Record<string, ContestTotals> = {};
  for (const code of codes) totals[code] = { votes: {}, invalid: 0, reported: 0, tpsCount: 0 };
  if (!codes.length) return totals;
  const [sums, counts, denominators] = await Promise.all([
    sql<{ contestCode: string; number: string; votes: number }[]>`
      select r.contest_code, v.key as number, sum(v.value::int)::int as votes
      from results r join tps t on t.code = r.tps_code, jsonb_each_text(r.votes) v
      where r.contest_code in ${sql(codes)} and ${inView(sql, view, "t")}
        and ${votesInContest(sql, "t.kelurahan_code", "r.contest_code")}
      group by r.contest_code, v.key`,
    sql<{ contestCode: string; invalid: number; reported: number }[]>`
      select r.contest_code, sum(r.invalid)::int as invalid, count(*) filter (where r.status <> 'missing')::int as reported
      from results r join tps t on t.code = r.tps_code
      where r.contest_code in ${sql(codes)} and ${inView(sql, view, "t")}
        and ${votesInContest(sql, "t.kelurahan_code", "r.contest_code")}
      group by r.contest_code`,
    // An area's TPS per contest are the running totals' `tps` (docs/decisions/032), kept on every import;
    // only an officer's one TPS is counted here.
    view.tpsCode
      ? sql<{ contestCode: string; tpsCount: number }[]>`
          select c.code as contest_code, count(t.code)::int as tps_count
          from contests c join tps t on ${votesInContest(sql, "t.kelurahan_code", "c.code")}
          where c.code in ${sql(codes)} and ${inView(sql, view, "t")}
          group by c.code`
      : sql<{ contestCode: string; tpsCount: number }[]>`
          select contest_code, tps as tps_count from region_totals
          where region_code = ${view.scope ?? ELECTION_ROOT} and contest_code in ${sql(codes)}`,
  ]);
  for (const s of sums) totals[s.contestCode].votes[s.number] = s.votes;
  for (const c of counts) Object.assign(totals[c.contestCode], { invalid: c.invalid, reported: c.reported });
  for (const d of denominators) totals[d.contestCode].tpsCount = d.tpsCount;
  return totals;
}

/** Per contest and kelurahan of the view, the same sums as `contestTotals` (kelurahan without results left
 *  out): the command post adds them up for the area its filter narrows to. */
export async function contestTotalsByKelurahan(
  sql: Db,
  { view, codes }: { view: View; codes: string[] },
): Promise<Record<string, Record<string, Omit<ContestTotals, "tpsCount">>>> {
  const out: Record<string, Record<string, Omit<ContestTotals, "tpsCount">>> = {};
  for (const code of codes) out[code] = {};
  if (!codes.length) return out;
  const [sums, counts] = await Promise.all([
    sql<{ contestCode: string; kelurahanCode: string; number: string; votes: number }[]>`
      select r.contest_code, t.kelurahan_code, v.key as number, sum(v.value::int)::int as votes
      from results r join tps t on t.code = r.tps_code, jsonb_each_text(r.votes) v
      where r.contest_code in ${sql(codes)} and ${inView(sql, view, "t")}
        and ${votesInContest(sql, "t.kelurahan_code", "r.contest_code")}
      group by 1, 2, 3`,
    sql<{ contestCode: string; kelurahanCode: string; invalid: number; reported: number }[]>`
      select r.contest_code, t.kelurahan_code, sum(r.invalid)::int as invalid,
        count(*) filter (where r.status <> 'missing')::int as reported
      from results r join tps t on t.code = r.tps_code
      where r.contest_code in ${sql(codes)} and ${inView(sql, view, "t")}
        and ${votesInContest(sql, "t.kelurahan_code", "r.contest_code")}
      group by 1, 2`,
  ]);
  for (const c of counts) out[c.contestCode][c.kelurahanCode] = { votes: {}, invalid: c.invalid, reported: c.reported };
  for (const s of sums) {
    const at = (out[s.contestCode][s.kelurahanCode] ??= { votes: {}, invalid: 0, reported: 0 });
    at.votes[s.number] = s.votes;
  }
  return out;
}
