// Read models for the election's static data: TPS, contests and candidates.
import type { Contest } from "~/lib/contests";
import { zoneOfRegions } from "~/lib/format";
import type { DayStatus } from "~/lib/events";
import type { Db } from "~/utils/db.server";

export type { Contest };

export interface TpsInfo {
  code: string;
  kelurahanCode: string;
  kelurahanName: string;
  /** "desa" or "kelurahan" (printed "Desa"/"Kel."). */
  kelurahanKind: "desa" | "kelurahan";
  kecamatanCode: string;
  kecamatanName: string;
  number: number;
  address: string;
  lat: number;
  lng: number;
  dpt: number;
  /** DPT by sex, when the voter list import gave it. */
  dptMen: number | null;
  dptWomen: number | null;
  dptb: number;
  dpk: number;
  dayStatus: DayStatus;
  lastSeenAt: Date | null;
}

/**
 * Contests with their type, area, candidates and (party lists) parties with candidates, in ballot order;
 * `where` narrows them (one query shape for a list and one).
 */
function selectContests(sql: Db, where: ReturnType<Db>) {
  return sql<Contest[]>`
    select c.code, c.name, c.type, c.dapil,
      coalesce((select array_agg(a.region_code order by a.region_code) from contest_areas a
        where a.contest_code = c.code), '{}') as area,
      coalesce((select json_agg(json_build_object('number', k.ballot_number, 'name', k.name) order by k.ballot_number)
        from candidates k where k.contest_code = c.code and k.party_number = 0), '[]') as candidates,
      coalesce((select json_agg(json_build_object('number', p.number, 'name', p.name, 'abbrev', p.abbrev,
          'candidates', (select json_agg(json_build_object('number', k.ballot_number, 'name', k.name) order by k.ballot_number)
            from candidates k where k.contest_code = c.code and k.party_number = p.number)) order by p.number)
        from parties p where c.type in ('dpr', 'dprd_prov', 'dprd_kabkota')
          and exists (select 1 from candidates k where k.contest_code = c.code and k.party_number = p.number)), '[]') as parties
    from contests c ${where}
    order by c.position, c.code`;
}

export async function listContests(sql: Db): Promise<Contest[]> {
  return await selectContests(sql, sql``);
}

/** The contests with these codes, in ballot order: what one page shows, without reading every contest. */
export async function contestsByCode(sql: Db, { codes }: { codes: string[] }): Promise<Contest[]> {
  return await selectContests(sql, sql`where c.code = any(${codes})`);
}

export async function getContest(sql: Db, { code }: { code: string }): Promise<Contest | undefined> {
  const [row]: (Contest | undefined)[] = await selectContests(sql, sql`where c.code = ${code}`);
  return row;
}

/** The contests a TPS votes in: those with one of its kelurahan's ancestors (or itself) in their area. */
export async function contestsForTps(sql: Db, { kelurahanCode }: { kelurahanCode: string }): Promise<Contest[]> {
  return await selectContests(
    sql,
    sql`where exists (select 1 from contest_areas a where a.contest_code = c.code
      and (${kelurahanCode} = a.region_code or ${kelurahanCode} like a.region_code || '.%'))`,
  );
}

/**
 * The contests whose area overlaps a region (`contestTouches` in SQL): an area region that holds it or lies
 * inside it. Read in the database, so a province's page does not read the whole election's contests.
 */
export async function contestsTouching(sql: Db, { scope }: { scope: string }): Promise<Contest[]> {
  return await selectContests(
    sql,
    sql`where exists (select 1 from contest_areas a where a.contest_code = c.code
      and (${scope} = a.region_code or ${scope} like a.region_code || '.%' or a.region_code like ${scope} || '.%'))`,
  );
}

export async function getTps(sql: Db, { code }: { code: string }): Promise<TpsInfo | undefined> {
  const [row] = await sql<[TpsInfo?]>`
    select t.code, t.kelurahan_code, kel.name as kelurahan_name, kel.kind as kelurahan_kind, kec.code as kecamatan_code, kec.name as kecamatan_name,
      t.number, t.address, t.lat, t.lng, t.dpt, t.dpt_men, t.dpt_women, t.dptb, t.dpk, t.day_status, t.last_seen_at
    from tps t
    join regions kel on kel.code = t.kelurahan_code
    join regions kec on kec.code = kel.parent_code
    where t.code = ${code}`;
  return row;
}

let zoneRead: { zone: string; at: number } | null = null;
/** The zone the election is shown in, from its top regions (app/lib/format.ts zoneOfRegions); read at most
 *  once a minute, as every page asks. */
export async function electionZoneOf(sql: Db): Promise<string> {
  if (zoneRead && Date.now() - zoneRead.at < 60_000) return zoneRead.zone;
  const rows = await sql<{ code: string }[]>`select code from regions where parent_code is null limit 100`;
  zoneRead = { zone: zoneOfRegions(rows.map((r) => r.code)), at: Date.now() };
  return zoneRead.zone;
}

export async function countTps(sql: Db): Promise<number> {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from tps`;
  return row.n;
}

/** The areas an account can be given: the city, its kecamatan and kelurahan. */
export function listAreas(sql: Db) {
  return sql<{ code: string; name: string; level: string }[]>`
    select code, name, level from regions where level in ('city', 'kecamatan', 'kelurahan') order by code limit 5000`;
}

/** A region's name and kind, for a page's title ("Kel. Tanjung Makmur"); undefined when unknown. */
export async function getRegion(sql: Db, { code }: { code: string }) {
  const [row] = await sql<[{ code: string; name: string; kind: string | null }?]>`
    select code, name, kind from regions where code = ${code}`;
  return row;
}

export async function regionExists(sql: Db, { code }: { code: string }): Promise<boolean> {
  const [row] = await sql`select 1 from regions where code = ${code}`;
  return !!row;
}

/** TPS whose kelurahan name or address contains `q`, or whose code starts with it (at most 30). */
export function searchTps(sql: Db, { q }: { q: string }) {
  return sql<{ code: string; address: string; kelurahan: string }[]>`
    select t.code, t.address, kel.name as kelurahan from tps t join regions kel on kel.code = t.kelurahan_code
    where kel.name ilike ${"%" + q + "%"} or t.address ilike ${"%" + q + "%"} or t.code like ${q.replace(/[^0-9-]/g, "") + "%"}
    order by t.code limit 30`;
}
