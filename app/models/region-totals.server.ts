// Running totals per region and contest (migration 0013, docs/decisions/032-running-totals-folded-per-batch.md).
// A trigger on results records every change in result_changes; the writer folds them into region_totals once
// per batch (`foldResultChanges`, under the event_head lock); TPS counts and centres are rebuilt whole when
// TPS, regions or contest areas change (`rebuildTotals`); `checkTotals` compares them with a recomputation.
import type { Sql } from "postgres";
import type { Db } from "~/utils/db.server";

/** The per-region, per-contest deltas of the changes a fragment yields (rows of result_changes). */
const deltas = (sql: Db, changes: ReturnType<Db>) => sql`
  ch as (${changes}),
  side as (
    select tps_code, contest_code, -1 as sign, old_status as status, old_completeness as completeness,
      old_votes as votes, old_invalid as invalid from ch where old_status is not null
    union all
    select tps_code, contest_code, 1, new_status, new_completeness, new_votes, new_invalid
    from ch where new_status is not null
  ),
  up as (
    select p.code as region_code, s.* from side s join tps t on t.code = s.tps_code
      cross join lateral unnest(region_path(t.kelurahan_code)) as p(code)
  ),
  counts as (
    select region_code, contest_code,
      coalesce(sum(sign) filter (where status <> 'missing'), 0)::int as reporting,
      coalesce(sum(sign) filter (where status = 'submitted'), 0)::int as submitted,
      coalesce(sum(sign) filter (where status = 'flagged'), 0)::int as flagged,
      coalesce(sum(sign) filter (where status = 'conflict'), 0)::int as conflict,
      coalesce(sum(sign) filter (where status = 'verified'), 0)::int as verified,
      coalesce(sum(sign) filter (where status <> 'missing' and completeness = 'quick'), 0)::int as quick,
      coalesce(sum(sign) filter (where status <> 'missing' and completeness = 'complete'), 0)::int as complete,
      coalesce(sum(sign * invalid), 0)::bigint as invalid
    from up group by 1, 2
  ),
  vote_sums as (
    select region_code, contest_code, jsonb_object_agg(key, n) as votes from (
      select region_code, contest_code, v.key, sum(sign * v.value::bigint) as n
      from up, jsonb_each_text(up.votes) v group by 1, 2, 3
    ) x where n <> 0 group by 1, 2
  ),
  delta as (
    select c.*, coalesce(v.votes, '{}'::jsonb) as votes from counts c
      left join vote_sums v on v.region_code = c.region_code and v.contest_code = c.contest_code
  )`;

/**
 * Folds every recorded result change into the totals and deletes it, in one statement. The writer runs it
 * under the event_head row lock (app/utils/event-log.server.ts), so folds never wait on each other's total
 * rows, and the totals commit with the events that announce the same changes: a reader that sees a seq sees
 * the totals that include it. It folds changes other transactions committed too (a seed, a script).
 */
export async function foldResultChanges(tx: Db) {
  await tx`
    with ${deltas(tx, tx`delete from result_changes returning *`)}
    insert into region_totals as rt (region_code, contest_code, reporting, submitted, flagged, conflict, verified,
      quick, complete, votes, invalid)
    select region_code, contest_code, reporting, submitted, flagged, conflict, verified, quick, complete, votes, invalid
    from delta order by region_code, contest_code
    on conflict (region_code, contest_code) do update set
      reporting = rt.reporting + excluded.reporting, submitted = rt.submitted + excluded.submitted,
      flagged = rt.flagged + excluded.flagged, conflict = rt.conflict + excluded.conflict,
      verified = rt.verified + excluded.verified, quick = rt.quick + excluded.quick,
      complete = rt.complete + excluded.complete, votes = votes_add(rt.votes, excluded.votes),
      invalid = rt.invalid + excluded.invalid`;
}

/**
 * Rebuilds the totals and centres from results, TPS and contest areas, in the caller's transaction: after a
 * seed, a generated election, an import or edit of regions, TPS or contests (a writer job), and
 * `totals:check -- --fix`. It takes the event_head lock first, before it touches anything a batch's fold
 * touches, so no fold runs meanwhile and no batch can wait on it while holding what it waits for. Run alone
 * (`rebuildTotalsNow`) it also takes its snapshot after the lock, so every change it deletes as pending is
 * one its recomputation counts.
 */
export async function rebuildTotals(tx: Db) {
  await tx`lock table event_head in exclusive mode`;
  // The recount sorts and hashes per region and contest: in memory, not spilled to disk (see checkTotals).
  await tx`set local work_mem = '256MB'`;
  await tx`delete from result_changes`;
  await tx`delete from region_totals`;
  await tx`delete from region_centres`;
  await tx`insert into region_totals select * from region_totals_computed order by region_code, contest_code`;
  await tx`insert into region_centres select * from region_centres_computed`;
}

/** `rebuildTotals` in a transaction of its own whose snapshot follows the lock (LOCK TABLE takes none). */
export async function rebuildTotalsNow(sql: Sql) {
  await sql.begin("isolation level repeatable read", (tx) => rebuildTotals(tx));
}

/** A total that differs from its recomputation: the stored value (with pending changes) and the right one. */
export interface TotalsDifference {
  regionCode: string;
  contestCode: string | null;
  stored: Record<string, unknown> | null;
  computed: Record<string, unknown> | null;
}

/**
 * Compares every stored total (plus the changes recorded but not yet folded) with the totals recomputed from
 * results, in one snapshot and without locks: a check beside a running election does not stop the writer.
 */
export async function checkTotals(
  sql: Sql,
  { limit = 50 } = {},
): Promise<{ checked: number; differences: TotalsDifference[]; count: number }> {
  return sql.begin("isolation level repeatable read read only", async (tx) => {
    // Every row is compared: hash joins over whole tables, never a nested loop on a misestimated CTE, and
    // memory enough that a national election's half a million totals are sorted and hashed without spilling
    // to disk (the default 4 MB made the recount write 80 MB twice).
    await tx`set local enable_nestloop = off`;
    await tx`set local work_mem = '256MB'`;
    const rows = await tx<(TotalsDifference & { total: number; checked: number })[]>`
      with ${deltas(tx, tx`select * from result_changes`)},
      stored as materialized (
        select coalesce(t.region_code, d.region_code) as region_code, coalesce(t.contest_code, d.contest_code) as contest_code,
          coalesce(t.tps, 0) as tps,
          coalesce(t.reporting, 0) + coalesce(d.reporting, 0) as reporting,
          coalesce(t.submitted, 0) + coalesce(d.submitted, 0) as submitted,
          coalesce(t.flagged, 0) + coalesce(d.flagged, 0) as flagged,
          coalesce(t.conflict, 0) + coalesce(d.conflict, 0) as conflict,
          coalesce(t.verified, 0) + coalesce(d.verified, 0) as verified,
          coalesce(t.quick, 0) + coalesce(d.quick, 0) as quick,
          coalesce(t.complete, 0) + coalesce(d.complete, 0) as complete,
          case when d.region_code is null then t.votes else votes_add(coalesce(t.votes, '{}'), d.votes) end as votes,
          coalesce(t.invalid, 0) + coalesce(d.invalid, 0) as invalid
        from region_totals t full join delta d on d.region_code = t.region_code and d.contest_code = t.contest_code
      ),
      computed as materialized (select * from region_totals_computed),
      centres_computed as materialized (select * from region_centres_computed),
      -- Narrow rows (keys and a flag): the values of the few that differ are read back for the report.
      compared as (
        select coalesce(s.region_code, c.region_code) as region_code, coalesce(s.contest_code, c.contest_code) as contest_code,
          (s.tps, s.reporting, s.submitted, s.flagged, s.conflict, s.verified, s.quick, s.complete, s.votes, s.invalid)
            is not distinct from
          (c.tps, c.reporting, c.submitted, c.flagged, c.conflict, c.verified, c.quick, c.complete, c.votes, c.invalid)
            or (c.region_code is null and (s.tps, s.reporting, s.submitted, s.flagged, s.conflict, s.verified, s.quick,
              s.complete, s.invalid) = (0, 0, 0, 0, 0, 0, 0, 0, 0) and s.votes = '{}') as same
        from stored s full join computed c on c.region_code = s.region_code and c.contest_code = s.contest_code
      ),
      centres as (
        select coalesce(s.region_code, c.region_code) as region_code,
          s.tps is not distinct from c.tps and abs(coalesce(s.lat - c.lat, 0)) < 1e-9 and abs(coalesce(s.lng - c.lng, 0)) < 1e-9
            and (s.lat is null) = (c.lat is null) as same
        from region_centres s full join centres_computed c on c.region_code = s.region_code
      ),
      differing as (
        select region_code, contest_code from compared where not same
        union all
        select region_code, null from centres where not same
      ),
      shown as (select * from differing order by region_code, contest_code nulls first limit ${limit})
      -- First a row with the counts, then the first differences with their values.
      select null as region_code, null as contest_code, null::jsonb as stored, null::jsonb as computed,
        (select count(*) from differing)::int as total,
        ((select count(*) from compared) + (select count(*) from centres))::int as checked
      union all
      (select d.region_code, d.contest_code,
        case when d.contest_code is null
          then (select to_jsonb(x) - 'region_code' from region_centres x where x.region_code = d.region_code)
          else (select to_jsonb(x) - 'region_code' - 'contest_code' from stored x
            where x.region_code = d.region_code and x.contest_code = d.contest_code) end,
        case when d.contest_code is null
          then (select to_jsonb(x) - 'region_code' from centres_computed x where x.region_code = d.region_code)
          else (select to_jsonb(x) - 'region_code' - 'contest_code' from computed x
            where x.region_code = d.region_code and x.contest_code = d.contest_code) end,
        0, 0
      from shown d order by d.region_code, d.contest_code nulls first)`;
    const [head, ...found] = rows;
    return {
      checked: head.checked,
      count: head.total,
      differences: found.map((r) => ({
        regionCode: r.regionCode,
        contestCode: r.contestCode,
        stored: r.stored,
        computed: r.computed,
      })),
    };
  });
}
