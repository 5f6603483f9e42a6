// Admin edits of contests: type, electoral area, dapil and candidates (pairs, DPD candidates or party
// lists). A contest's ballot numbers cannot be removed, nor its type changed, once results exist for it:
// those results refer to them. Also the admin screen's reads: the contest list and an area's map.
import type { ContestType } from "~/lib/contests";
import { problem } from "~/lib/problems";
import type { ContestBody } from "~/lib/schemas/admin";
import type { Db } from "~/utils/db.server";
import type { WriteContext } from "~/utils/writer.server";
import { getContest } from "./election.server";
import { rebuildTotals } from "./region-totals.server";

const key = (c: { party: number; number: number }) => `${c.party}/${c.number}`;

/**
 * Creates or updates a contest; returns "in_use" when candidates with results would disappear. Throws a
 * field problem for an area code that is not a region, a party that is not imported, or a type change of a
 * contest with results.
 */
export async function saveContest(
  { tx, audit }: WriteContext,
  { body, actorId }: { body: ContestBody; actorId: number },
): Promise<"ok" | "in_use"> {
  const known = await tx<{ code: string }[]>`select code from regions where code = any(${body.area})`;
  const unknown = body.area.filter((a) => !known.some((k) => k.code === a));
  if (unknown.length)
    throw problem.invalidField("area", "unknown_region", { codes: unknown.slice(0, 5).join(", ") }, "import.err.area");
  const parties = [...new Set(body.candidates.map((c) => c.party).filter((p) => p > 0))];
  if (parties.length) {
    const found = await tx<{ number: number }[]>`select number from parties where number = any(${parties}::int[])`;
    const missing = parties.find((p) => !found.some((f) => f.number === p));
    if (missing !== undefined)
      throw problem.invalidField("candidates", "unknown_party", { number: missing }, "import.err.party");
  }

  const before = await getContest(tx, { code: body.code });
  const [{ used }] = await tx<[{ used: boolean }]>`
    select exists (select 1 from results where contest_code = ${body.code}) as used`;
  if (before && used && before.type !== body.type)
    throw problem.invalidField("type", "in_use", {}, "import.err.typeInUse");
  const beforeCandidates = [
    ...(before?.candidates ?? []).map((c) => ({ party: 0, number: c.number })),
    ...(before?.parties ?? []).flatMap((p) => p.candidates.map((c) => ({ party: p.number, number: c.number }))),
  ];
  const kept = new Set(body.candidates.map(key));
  const removed = beforeCandidates.filter((c) => !kept.has(key(c)));
  if (removed.length) {
    if (used) return "in_use";
    for (const c of removed)
      await tx`delete from candidates where contest_code = ${body.code} and party_number = ${c.party} and ballot_number = ${c.number}`;
  }
  await tx`insert into contests (code, name, type, dapil, position)
    values (${body.code}, ${body.name}, ${body.type}, ${body.dapil}, ${body.position})
    on conflict (code) do update set name = excluded.name, type = excluded.type, dapil = excluded.dapil,
      position = excluded.position`;
  // The area: the regions given, or (none given) every top-level region, so the contest covers the election.
  await tx`delete from contest_areas where contest_code = ${body.code}`;
  await tx`insert into contest_areas (contest_code, region_code)
    select ${body.code}, code from regions
    where ${body.area.length > 0} and code = any(${body.area}) or ${body.area.length === 0} and parent_code is null`;
  for (const c of body.candidates) {
    await tx`insert into candidates (contest_code, party_number, ballot_number, name)
      values (${body.code}, ${c.party}, ${c.number}, ${c.name})
      on conflict (contest_code, party_number, ballot_number) do update set name = excluded.name`;
  }
  // Its area decides which TPS count in the contest's running totals.
  await rebuildTotals(tx);
  audit({
    actorId,
    action: before ? "contest.update" : "contest.create",
    entity: `contest:${body.code}`,
    before: before ?? null,
    after: body,
  });
  return "ok";
}

/** Each contest's place in the list (contest code -> position). */
export async function contestPositions(sql: Db): Promise<Map<string, number>> {
  const rows = await sql<{ code: string; position: number }[]>`select code, position from contests`;
  return new Map(rows.map((r) => [r.code, r.position]));
}

export interface ContestSummary {
  code: string;
  name: string;
  type: ContestType;
  dapil: string | null;
  position: number;
  area: string[];
  candidates: number;
}

/**
 * The contests for the admin list, without their candidates (the national election has 2,800 contests and
 * 235,000 candidates): those whose code, name or dapil contains `q`, of one type, at most `limit`.
 */
export function listContestSummaries(
  sql: Db,
  { q, type, limit }: { q: string | null; type: ContestType | null; limit: number },
) {
  return sql<ContestSummary[]>`
    select c.code, c.name, c.type, c.dapil, c.position,
      coalesce((select array_agg(a.region_code order by a.region_code) from contest_areas a where a.contest_code = c.code), '{}') as area,
      (select count(*)::int from candidates k where k.contest_code = c.code) as candidates
    from contests c
    where (${q}::text is null or c.code ilike ${"%" + (q ?? "") + "%"} or c.name ilike ${"%" + (q ?? "") + "%"}
        or c.dapil ilike ${"%" + (q ?? "") + "%"})
      and (${type}::text is null or c.type = ${type})
    order by c.position, c.code limit ${limit}`;
}

export function listParties(sql: Db) {
  return sql<
    { number: number; name: string; abbrev: string }[]
  >`select number, name, abbrev from parties order by number`;
}

export interface AreaRegion {
  code: string;
  name: string;
  level: string;
  tps: number;
  /** The box around the region's TPS; null without TPS. */
  box: [[number, number], [number, number]] | null;
}

/** Up to this many TPS of an area are drawn one by one; a larger area shows its regions' boxes only. */
export const AREA_POINTS_MAX = 3000;

/**
 * What the admin's map draws for a contest's area: each area region with its TPS count and the box around
 * its TPS, and the TPS themselves when there are few enough. One scan of the TPS per code length in the
 * area (a region's TPS are those whose kelurahan code starts with it), so a national contest stays fast.
 */
export async function contestAreaMap(sql: Db, { area }: { area: string[] }) {
  if (!area.length) return { regions: [] as AreaRegion[], points: null };
  const named = await sql<{ code: string; name: string; level: string }[]>`
    select code, name, level from regions where code = any(${area}) order by code`;
  const lengths = [...new Set(area.map((a) => a.length))];
  const stats = new Map<string, { tps: number; s: number; n: number; w: number; e: number }>();
  for (const length of lengths) {
    const codes = area.filter((a) => a.length === length);
    const rows = await sql<{ code: string; tps: number; s: number; n: number; w: number; e: number }[]>`
      select left(kelurahan_code, ${length}) as code, count(*)::int as tps,
        min(lat) as s, max(lat) as n, min(lng) as w, max(lng) as e
      from tps where left(kelurahan_code, ${length}) = any(${codes}) group by 1`;
    for (const r of rows) stats.set(r.code, r);
  }
  const regions: AreaRegion[] = named.map((r) => {
    const s = stats.get(r.code);
    return {
      ...r,
      tps: s?.tps ?? 0,
      box: s
        ? [
            [s.s, s.w],
            [s.n, s.e],
          ]
        : null,
    };
  });
  const total = regions.reduce((n, r) => n + r.tps, 0);
  if (total === 0 || total > AREA_POINTS_MAX) return { regions, points: null };
  const points: { code: string; lat: number; lng: number }[] = [];
  for (const length of lengths) {
    const codes = area.filter((a) => a.length === length);
    points.push(
      ...(await sql<{ code: string; lat: number; lng: number }[]>`
        select code, lat, lng from tps where left(kelurahan_code, ${length}) = any(${codes}) order by code`),
    );
  }
  return { regions, points };
}
