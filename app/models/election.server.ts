// Read models for the election's static data: TPS, contests and candidates.
import type { DayStatus } from "~/lib/events";
import type { Db } from "~/utils/db.server";

export interface Contest {
  code: string;
  name: string;
  candidates: { number: number; name: string }[];
}

export interface TpsInfo {
  code: string;
  kelurahanCode: string;
  kelurahanName: string;
  kecamatanCode: string;
  kecamatanName: string;
  number: number;
  address: string;
  lat: number;
  lng: number;
  dpt: number;
  dptb: number;
  dpk: number;
  dayStatus: DayStatus;
  lastSeenAt: Date | null;
}

/** Contests with their candidates in ballot order; `where` narrows them (one query shape for a list and one). */
function selectContests(sql: Db, where: ReturnType<Db>) {
  return sql<Contest[]>`
    select c.code, c.name,
      coalesce((select json_agg(json_build_object('number', k.ballot_number, 'name', k.name) order by k.ballot_number)
        from candidates k where k.contest_code = c.code), '[]') as candidates
    from contests c ${where}
    order by c.position, c.code`;
}

export async function listContests(sql: Db): Promise<Contest[]> {
  return await selectContests(sql, sql``);
}

export async function getContest(sql: Db, { code }: { code: string }): Promise<Contest | undefined> {
  const [row]: (Contest | undefined)[] = await selectContests(sql, sql`where c.code = ${code}`);
  return row;
}

export async function getTps(sql: Db, { code }: { code: string }): Promise<TpsInfo | undefined> {
  const [row] = await sql<[TpsInfo?]>`
    select t.code, t.kelurahan_code, kel.name as kelurahan_name, kec.code as kecamatan_code, kec.name as kecamatan_name,
      t.number, t.address, t.lat, t.lng, t.dpt, t.dptb, t.dpk, t.day_status, t.last_seen_at
    from tps t
    join regions kel on kel.code = t.kelurahan_code
    join regions kec on kec.code = kel.parent_code
    where t.code = ${code}`;
  return row;
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
