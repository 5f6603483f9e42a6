// The public search (`GET /api/v1/public/search?q=`, the search box on /publik): a TPS by its code however it
// is written (1673021004-001, 16.73.02.1004-1, 1673021004001, "TPS 1673021004-001"), a region by its code
// (16.73.02, 1673021004) and a kelurahan/desa (or any region) by a part of its name, case-insensitively.
// Results are bounded, and the name match uses the indexes of migration 0014, so it stays fast over the
// 83,000 kelurahan of a national election. Only what the public page shows: codes, names and places.
import type { RegionKind } from "~/lib/contests";
import { regionLabel } from "~/lib/regions";
import { readTpsCode } from "~/lib/tps-code";
import type { Db } from "~/utils/db.server";

/** At most this many regions in one answer. */
export const SEARCH_LIMIT = 20;
/** Bounds of the text searched for (after trimming). */
export const SEARCH_MIN = 2;
export const SEARCH_MAX = 64;

export interface SearchRegion {
  code: string;
  /** Printed with its kind: "Kel. Taba Jemekeh", "Desa …", "Kec. …". */
  name: string;
  level: "province" | "city" | "kecamatan" | "kelurahan";
  /** Its kecamatan and kabupaten/kota (those there are), as printed: where it is. */
  place: string;
}

export interface SearchTps {
  code: string;
  number: number;
  kelurahan: string;
  place: string;
}

export interface SearchResult {
  q: string;
  tps: SearchTps[];
  regions: SearchRegion[];
}

type RegionRow = {
  code: string;
  name: string;
  kind: RegionKind;
  level: SearchRegion["level"];
  parentName: string | null;
  parentKind: RegionKind | null;
  grandName: string | null;
  grandKind: RegionKind | null;
};

const placeOf = (r: Pick<RegionRow, "parentName" | "parentKind" | "grandName" | "grandKind">) =>
  [
    r.parentName ? regionLabel(r.parentKind, r.parentName) : null,
    r.grandName ? regionLabel(r.grandKind, r.grandName) : null,
  ]
    .filter(Boolean)
    .join(", ");

/** A region code in any writing: dots or not (16.73.02.1004, 1673021004, 16.73). Null when it is not one. */
export function regionCodeOf(typed: string): string | null {
  const text = typed.trim();
  if (!/^[\d.\s]+$/.test(text)) return null;
  const digits = text.replace(/[.\s]/g, "");
  const cuts = { 2: [2], 4: [2, 2], 6: [2, 2, 2], 10: [2, 2, 2, 4] }[digits.length];
  if (!cuts) return null;
  const parts: string[] = [];
  let at = 0;
  for (const n of cuts) {
    parts.push(digits.slice(at, at + n));
    at += n;
  }
  return parts.join(".");
}

/** LIKE's own characters in a typed text, escaped (the default escape is the backslash). */
const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `q` must already be trimmed and within SEARCH_MIN..SEARCH_MAX characters (the route checks it). */
export async function searchPublic(sql: Db, { q }: { q: string }): Promise<SearchResult> {
  const reading = readTpsCode(q);
  const tpsCode = reading && "code" in reading ? reading.code : null;
  const regionCode = tpsCode ? null : regionCodeOf(q);
  const [tps, regions] = await Promise.all([
    tpsCode ? findTps(sql, tpsCode) : [],
    regionCode ? findRegionByCode(sql, regionCode) : tpsCode ? [] : findRegionsByName(sql, q),
  ]);
  return { q, tps, regions };
}

async function findTps(sql: Db, code: string): Promise<SearchTps[]> {
  const rows = await sql<(RegionRow & { tpsCode: string; number: number })[]>`
    select t.code as tps_code, t.number, kel.code, kel.name, kel.kind, kel.level,
      kec.name as parent_name, kec.kind as parent_kind, city.name as grand_name, city.kind as grand_kind
    from tps t join regions kel on kel.code = t.kelurahan_code
      left join regions kec on kec.code = kel.parent_code left join regions city on city.code = kec.parent_code
    where t.code = ${code}`;
  return rows.map((r) => ({
    code: r.tpsCode,
    number: r.number,
    kelurahan: regionLabel(r.kind, r.name),
    place: placeOf(r),
  }));
}

const regionColumns = (sql: Db) => sql`
  r.code, r.name, r.kind, r.level, p.name as parent_name, p.kind as parent_kind, g.name as grand_name, g.kind as grand_kind
  from regions r left join regions p on p.code = r.parent_code left join regions g on g.code = p.parent_code`;

const toRegion = (r: RegionRow): SearchRegion => ({
  code: r.code,
  name: regionLabel(r.kind, r.name),
  level: r.level,
  place: placeOf(r),
});

async function findRegionByCode(sql: Db, code: string): Promise<SearchRegion[]> {
  const rows = await sql<RegionRow[]>`select ${regionColumns(sql)} where r.code = ${code}`;
  return rows.map(toRegion);
}

async function findRegionsByName(sql: Db, q: string): Promise<SearchRegion[]> {
  const text = q.toLowerCase().replace(/\s+/g, " ");
  const prefix = `${likeEscaped(text)}%`;
  // Three letters or more: anywhere in the name (the trigram index); two: the start of the name (the
  // pattern index), since a two-letter piece is in too many names to be an answer.
  const pattern = text.length >= 3 ? `%${likeEscaped(text)}%` : prefix;
  const rows = await sql<RegionRow[]>`
    select ${regionColumns(sql)}
    where lower(r.name) like ${pattern}
    order by lower(r.name) = ${text} desc, lower(r.name) like ${prefix} desc,
      array_position(array['kelurahan', 'kecamatan', 'city', 'province'], r.level), r.name, r.code
    limit ${SEARCH_LIMIT}`;
  return rows.map(toRegion);
}
