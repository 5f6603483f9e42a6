// The projection's sample in the database and its estimate from the sampled TPS that reported
// (the math is in app/lib/projection.ts, with the formula).
import { randomInt } from "node:crypto";
import { drawSample, estimate, sampleSizeFor, type Projection } from "~/lib/projection";
import type { Db } from "~/utils/db.server";
import { votesInContestCode } from "./area.server";
import type { WriteContext } from "~/utils/writer.server";
import { getSetting, saveSetting } from "./settings.server";

/** Draws a new stratified sample (strata: kecamatan), replacing the previous one. Give a size or a target margin. */
export async function drawProjectionSample(
  ctx: WriteContext,
  {
    size,
    margin,
    seed = randomInt(1, 2 ** 31 - 1),
    actorId,
  }: {
    size?: number;
    margin?: number;
    seed?: number;
    actorId: number;
  },
) {
  const { tx, audit } = ctx;
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
    after: { ...info, strata: new Set(sample.map((s) => s.stratum)).size },
  });
  return info;
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
