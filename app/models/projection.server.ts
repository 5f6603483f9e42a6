// The projection's sample in the database and its estimate from the sampled TPS that reported
// (the math is in app/lib/projection.ts, with the formula).
import { randomInt } from "node:crypto";
import { drawSample, estimate, sampleSizeFor, type Projection } from "~/lib/projection";
import { problem } from "~/lib/problems";
import type { Db } from "~/utils/db.server";
import { votesInContestCode } from "./area.server";
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
  const units = await tx<{ code: string; stratum: string; registered: number }[]>`
    select t.code, kel.parent_code as stratum, t.dpt + t.dptb + t.dpk as registered
    from tps t join regions kel on kel.code = t.kelurahan_code order by t.code`;
  const meanVoters = units.reduce((s, u) => s + u.registered, 0) / Math.max(1, units.length);
  const n = size ?? sampleSizeFor({ margin: margin!, population: units.length, meanVoters });
  const sample = drawSample(units, n, seed);
  await tx`delete from projection_sample`;
  for (let i = 0; i < sample.length; i += 5000) {
    await tx`insert into projection_sample ${tx(sample.slice(i, i + 5000).map((s) => ({ tps_code: s.code, stratum: s.stratum })))}`;
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

type StratumCount = { stratum: string; n: number };

/** The estimate per candidate of one contest from the sampled TPS that reported; null without a sample. */
export async function getProjection(
  sql: Db,
  { contest, candidates }: { contest: string; candidates: number[] },
): Promise<Projection | null> {
  const info = await getSetting(sql, "projection.sample");
  if (!info) return null;
  // Over the contest's own area: a mayor's estimate weighs only its city's strata and sampled TPS, so the
  // sample of a province-wide draw serves every contest (each kecamatan is a stratum, inside one city).
  // It costs what it shows: the stratum sizes are the kecamatan's running TPS counts (region_totals, one
  // primary-key read per kecamatan), and only the sampled TPS are read, each with its result by primary key.
  const inContest = votesInContestCode(sql, "t.kelurahan_code", contest);
  // The contest's strata first: only their sampled TPS are checked against its area.
  // Read from the kecamatan (index regions_level, migration 0015), each total by its primary key: a join the
  // planner may turn into a scan of every total of a national contest (every region, not only kecamatan).
  const sizes = sql`select stratum, n from (select kec.code as stratum, (select rt.tps from region_totals rt
      where rt.region_code = kec.code and rt.contest_code = ${contest}) as n
    from regions kec where kec.level = 'kecamatan') s where n > 0`;
  const strataOf = sql`select stratum from (${sizes}) z`;
  const [strata, sampled, results] = await Promise.all([
    sql<StratumCount[]>`${sizes}`,
    sql<StratumCount[]>`select s.stratum, count(*)::int as n from projection_sample s join tps t on t.code = s.tps_code
      where s.stratum in (${strataOf}) and ${inContest} group by 1`,
    sql<{ stratum: string; votes: Record<string, number> }[]>`
      select s.stratum, r.votes from projection_sample s join tps t on t.code = s.tps_code
      join results r on r.tps_code = s.tps_code and r.contest_code = ${contest}
      where s.stratum in (${strataOf}) and r.status <> 'missing' and ${inContest}`,
  ]);
  return estimate({
    strataSizes: Object.fromEntries(strata.map((r) => [r.stratum, r.n])),
    sampleSizes: Object.fromEntries(sampled.map((r) => [r.stratum, r.n])),
    results: results.map((r) => ({ stratum: r.stratum, votes: r.votes })),
    candidates: candidates.map(String),
  });
}
