// The projection's sample in the database and its estimate from the sampled TPS that reported
// (the math is in app/lib/projection.ts, with the formula).
import { randomInt } from "node:crypto";
import { drawSample, estimate, sampleSizeFor, type Projection } from "~/lib/projection";
import { problem } from "~/lib/problems";
import type { Db } from "~/utils/db.server";
import type { WriteContext } from "~/utils/writer.server";
import { getSetting, saveSetting } from "./settings.server";

/**
 * Draws a new stratified sample (strata: kecamatan), replacing the previous one. Give a size or a target margin.
 * Once results of the current sample are in, a new draw would discard them and let someone pick a sample
 * after seeing results: refused (409 sample_in_use) unless forced with a reason (a supervisor or admin, the
 * caller checks), which the audit log keeps.
 */
export async function drawProjectionSample(
  ctx: WriteContext,
  {
    size,
    margin,
    seed = randomInt(1, 2 ** 31 - 1),
    actorId,
    forceReason = null,
  }: {
    size?: number;
    margin?: number;
    seed?: number;
    actorId: number;
    forceReason?: string | null;
  },
) {
  const { tx, audit } = ctx;
  // Under the sample's lock: a result arriving meanwhile is counted either before or after, never lost.
  await tx`lock table projection_sample in exclusive mode`;
  const inUse = await sampleHasResults(tx);
  if (inUse && !forceReason) throw problem.conflict("sample_in_use");
  const units = await tx<{ code: string; kelurahan: string; stratum: string; registered: number }[]>`
    select t.code, t.kelurahan_code as kelurahan, kel.parent_code as stratum, t.dpt + t.dptb + t.dpk as registered
    from tps t join regions kel on kel.code = t.kelurahan_code order by t.code`;
  const meanVoters = units.reduce((s, u) => s + u.registered, 0) / Math.max(1, units.length);
  const n = size ?? sampleSizeFor({ margin: margin!, population: units.length, meanVoters });
  const sample = drawSample(units, n, seed);
  await tx`delete from projection_sample`;
  for (let i = 0; i < sample.length; i += 5000) {
    await tx`insert into projection_sample ${tx(sample.slice(i, i + 5000).map((s) => ({ tps_code: s.code, kelurahan_code: s.kelurahan, stratum: s.stratum })))}`;
  }
  const info = { seed, margin: margin ?? null, size: sample.length, drawnAt: ctx.now.toISOString() };
  await saveSetting(ctx, { key: "projection.sample", value: info, actorId });
  audit({
    actorId,
    action: "projection.draw",
    entity: "projection_sample",
    after: {
      ...info,
      strata: new Set(sample.map((s) => s.stratum)).size,
      ...(inUse ? { forced: true, reason: forceReason } : {}),
    },
  });
  return info;
}

/** Whether any sampled TPS has a result (of any contest). */
export async function sampleHasResults(sql: Db): Promise<boolean> {
  const [row] = await sql<[{ used: boolean }]>`select exists (select 1 from projection_sample s
    join results r on r.tps_code = s.tps_code where r.status <> 'missing') as used`;
  return row.used;
}

export interface SampleDesk {
  /** Per stratum (kecamatan): sampled TPS and those with a result of any contest. */
  strata: { code: string; name: string; sampled: number; reported: number }[];
  /** Sampled TPS without any result yet, in code order (the first MISSING_SHOWN), with their officer. */
  missing: { tpsCode: string; kelurahan: string; kecamatan: string; name: string | null; phone: string | null }[];
  missingCount: number;
}

export const MISSING_SHOWN = 200;

/** The sample desk: reporting progress of the sample per stratum and the sampled TPS still missing. */
export async function sampleDesk(sql: Db): Promise<SampleDesk> {
  const reported = sql`exists (select 1 from results r where r.tps_code = s.tps_code and r.status <> 'missing')`;
  const [strata, missing, [{ n }]] = await Promise.all([
    sql<SampleDesk["strata"]>`
      select s.stratum as code, kec.name, count(*)::int as sampled, count(*) filter (where ${reported})::int as reported
      from projection_sample s join regions kec on kec.code = s.stratum group by 1, 2 order by 1`,
    sql<SampleDesk["missing"]>`
      select s.tps_code, kel.name as kelurahan, kec.name as kecamatan, nullif(u.name, '') as name,
        case when u.vacant_since is null then u.phone end as phone
      from projection_sample s join tps t on t.code = s.tps_code join regions kel on kel.code = t.kelurahan_code
      join regions kec on kec.code = kel.parent_code
      left join users u on u.login = s.tps_code and u.role = 'officer'
      where not ${reported} order by s.tps_code limit ${MISSING_SHOWN}`,
    sql<[{ n: number }]>`select count(*)::int as n from projection_sample s where not ${reported}`,
  ]);
  return { strata, missing, missingCount: n };
}

type StratumCount = { contest: string; stratum: string; n: number };
export interface ProjectionAsked {
  contest: string;
  candidates: number[];
}

/**
 * The estimate per candidate of each contest asked, from the sampled TPS that reported, over the contest's
 * own area: a mayor's estimate weighs only its city's strata and sampled TPS, so the sample of a
 * province-wide draw serves every contest (each kecamatan is a stratum, inside one city). Empty without a
 * sample. Three reads serve any number of contests: the stratum sizes are the kecamatan's running TPS counts
 * (region_totals, by primary key from the kecamatan; index regions_level, migration 0015), the sampled TPS of
 * each contest come from its area's kelurahan code ranges, and the results are read for those TPS only.
 */
export async function getProjections(sql: Db, asked: ProjectionAsked[]): Promise<Map<string, Projection>> {
  const out = new Map<string, Projection>();
  if (asked.length === 0 || !(await getSetting(sql, "projection.sample"))) return out;
  const codes = asked.map((a) => a.contest);
  // The sampled TPS inside each asked contest's area regions: a kelurahan code between the region's code and
  // the code followed by "/" (the character after "."), compared byte by byte (~>=~, ~<~) so the index of
  // migration 0024 serves it whatever the database's collation.
  const votesIn = sql`select distinct s.tps_code, s.stratum, a.contest_code
    from contest_areas a join projection_sample s
      on s.kelurahan_code ~>=~ a.region_code and s.kelurahan_code ~<~ (a.region_code || '/')
    where a.contest_code = any(${codes})`;
  const [strata, sampled, results] = await Promise.all([
    sql<StratumCount[]>`
      select rt.contest_code as contest, kec.code as stratum, rt.tps as n
      from regions kec join region_totals rt on rt.region_code = kec.code and rt.contest_code = any(${codes})
      where kec.level = 'kecamatan' and rt.tps > 0`,
    sql<StratumCount[]>`select contest_code as contest, stratum, count(*)::int as n from (${votesIn}) v group by 1, 2`,
    // In a fixed order: a contest's estimate sums the same way, to the last bit, whatever else was asked.
    sql<{ contest: string; stratum: string; votes: Record<string, number> }[]>`
      select v.contest_code as contest, v.stratum, r.votes from (${votesIn}) v
      join results r on r.tps_code = v.tps_code and r.contest_code = v.contest_code where r.status <> 'missing'
      order by v.stratum, v.tps_code`,
  ]);
  const byContest = <T extends { contest: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) {
      const list = map.get(row.contest);
      if (list) list.push(row);
      else map.set(row.contest, [row]);
    }
    return map;
  };
  const [strataOf, sampledOf, resultsOf] = [byContest(strata), byContest(sampled), byContest(results)];
  for (const { contest, candidates } of asked) {
    out.set(
      contest,
      estimate({
        strataSizes: Object.fromEntries((strataOf.get(contest) ?? []).map((r) => [r.stratum, r.n])),
        sampleSizes: Object.fromEntries((sampledOf.get(contest) ?? []).map((r) => [r.stratum, r.n])),
        results: (resultsOf.get(contest) ?? []).map((r) => ({ stratum: r.stratum, votes: r.votes })),
        candidates: candidates.map(String),
      }),
    );
  }
  return out;
}
