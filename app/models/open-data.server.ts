// Open data per TPS of an area (`GET /api/v1/public/regions/:code/tps.csv` and `.json`): one row per TPS and
// contest it votes in, with the VERIFIED numbers only (a result in any other state is a row without numbers),
// and nothing about people: codes, places, the contest, the status and the votes. Read by a cursor, a batch
// at a time, so a province's 30,000 TPS stream out without being held in memory.
import { ballotChoices } from "~/lib/ballot";
import { ELECTION_ROOT } from "~/lib/region-summary";
import { regionLabel } from "~/lib/regions";
import type { Db } from "~/utils/db.server";
import { insideArea } from "./area.server";
import { contestsByCode } from "./election.server";
import { getSetting } from "./settings.server";

/** Areas with more TPS than this are refused (the whole national election): they are downloaded per province. */
export const OPEN_DATA_MAX_TPS = 200_000;
/** Rows read from the database per batch. */
const BATCH = 1000;

export interface OpenDataArea {
  code: string;
  name: string;
  tps: number;
  /** The choice numbers of every contest of the area, ascending: the CSV's `votes_<n>` columns. */
  choices: number[];
  /** Whether the admin's public-page options publish results at all. */
  showResults: boolean;
  /** Changes whenever a row of the area does: results (any status) and TPS in it, and the options. */
  version: string;
  /** When a result of the area last changed; null before any. */
  lastChange: string | null;
}

export interface OpenDataRow {
  tpsCode: string;
  tpsNumber: number;
  kelurahanCode: string;
  kelurahan: string;
  kecamatanCode: string;
  kecamatan: string;
  cityCode: string;
  city: string;
  contest: string;
  contestName: string;
  /** "verified", or "not_verified" for every other state (no numbers then). */
  status: "verified" | "not_verified";
  completeness: "quick" | "complete" | null;
  verifiedAt: string | null;
  votes: Record<string, number> | null;
  valid: number | null;
  invalid: number | null;
}

/** The area and what describes its open data now; undefined for an unknown region. */
export async function openDataArea(sql: Db, { code }: { code: string }): Promise<OpenDataArea | undefined> {
  const area = code === ELECTION_ROOT ? null : code;
  const [region, [stats], contests, options] = await Promise.all([
    area === null
      ? Promise.resolve([{ name: "", kind: null }])
      : sql<{ name: string; kind: string }[]>`select name, kind from regions where code = ${area}`,
    sql<[{ tps: number; results: number; verified: number; at: Date | null }]>`
      select (select count(*)::int from tps t where ${insideArea(sql, "t.kelurahan_code", area)}) as tps,
        count(r.*)::int as results, count(*) filter (where r.status = 'verified')::int as verified,
        max(r.updated_at) as at
      from results r join tps t on t.code = r.tps_code where ${insideArea(sql, "t.kelurahan_code", area)}`,
    contestsTouching(sql, area),
    getSetting(sql, "public"),
  ]);
  if (!region[0]) return undefined;
  const choices = [...new Set(contests.flatMap((c) => ballotChoices(c).map((k) => k.number)))].sort((a, b) => a - b);
  const lastChange = stats.at ? stats.at.toISOString() : null;
  return {
    code,
    name: area === null ? "" : regionLabel(region[0].kind, region[0].name),
    tps: stats.tps,
    choices,
    showResults: options.showResults,
    version: JSON.stringify([code, stats, lastChange, options.showResults, contests.map((c) => [c.code, choices])]),
    lastChange,
  };
}

/** The contests whose area overlaps `area` (null: every contest), without reading the others' candidates. */
async function contestsTouching(sql: Db, area: string | null) {
  const codes = await sql<{ code: string }[]>`
    select distinct a.contest_code as code from contest_areas a
    where ${area === null ? sql`true` : sql`(${insideArea(sql, "a.region_code", area)} or ${area} like a.region_code || '.%')`}`;
  return codes.length ? contestsByCode(sql, { codes: codes.map((r) => r.code) }) : [];
}

type Row = {
  tpsCode: string;
  tpsNumber: number;
  kelurahanCode: string;
  kelurahanName: string;
  kelurahanKind: string;
  kecamatanCode: string;
  kecamatanName: string;
  cityCode: string;
  cityName: string;
  cityKind: string;
  contest: string;
  contestName: string;
  status: string | null;
  completeness: "quick" | "complete" | null;
  votes: Record<string, number> | null;
  invalid: number | null;
  updatedAt: Date | null;
};

/** The rows of an area in TPS code order, a batch at a time; stops when `signal` aborts (the reader left). */
export async function* openDataRows(
  sql: Db,
  { area, signal }: { area: OpenDataArea; signal?: AbortSignal },
): AsyncGenerator<OpenDataRow[]> {
  const scope = area.code === ELECTION_ROOT ? null : area.code;
  const cursor = sql<Row[]>`
    select t.code as tps_code, t.number as tps_number, kel.code as kelurahan_code, kel.name as kelurahan_name,
      kel.kind as kelurahan_kind, kec.code as kecamatan_code, kec.name as kecamatan_name,
      city.code as city_code, city.name as city_name, city.kind as city_kind,
      c.code as contest, c.name as contest_name, r.status, r.completeness, r.votes, r.invalid, r.updated_at
    from tps t
      join regions kel on kel.code = t.kelurahan_code
      join regions kec on kec.code = kel.parent_code
      join regions city on city.code = kec.parent_code
      -- The contests the TPS votes in: those whose area holds one of its kelurahan's ancestors, found by index
      -- from the few ancestors (region_path), not by testing every contest of the election against each TPS.
      join lateral (select distinct a.contest_code from unnest(region_path(t.kelurahan_code)) as p(code)
        join contest_areas a on a.region_code = p.code) ca on true
      join contests c on c.code = ca.contest_code
      left join results r on r.tps_code = t.code and r.contest_code = c.code and r.status = 'verified'
    where ${insideArea(sql, "t.kelurahan_code", scope)}
    order by t.code, c.position, c.code`.cursor(BATCH);
  for await (const rows of cursor) {
    if (signal?.aborted) return;
    yield rows.map((r) => {
      // Only a verified result is published, and only when the public-page options publish results.
      const verified = r.status === "verified" && area.showResults;
      return {
        tpsCode: r.tpsCode,
        tpsNumber: r.tpsNumber,
        kelurahanCode: r.kelurahanCode,
        kelurahan: regionLabel(r.kelurahanKind, r.kelurahanName),
        kecamatanCode: r.kecamatanCode,
        kecamatan: regionLabel("kecamatan", r.kecamatanName),
        cityCode: r.cityCode,
        city: regionLabel(r.cityKind, r.cityName),
        contest: r.contest,
        contestName: r.contestName,
        status: verified ? "verified" : "not_verified",
        completeness: verified ? r.completeness : null,
        verifiedAt: verified && r.updatedAt ? r.updatedAt.toISOString() : null,
        votes: verified ? r.votes : null,
        valid: verified && r.votes ? Object.values(r.votes).reduce((a, n) => a + n, 0) : null,
        invalid: verified ? r.invalid : null,
      };
    });
  }
}

/** The CSV's header: fixed columns, then one `votes_<n>` per choice number of the area, valid and invalid. */
export const openDataHeader = (area: Pick<OpenDataArea, "choices">) => [
  "tps_code",
  "tps_number",
  "kelurahan_code",
  "kelurahan",
  "kecamatan_code",
  "kecamatan",
  "city_code",
  "city",
  "contest",
  "contest_name",
  "status",
  "completeness",
  "verified_at",
  ...area.choices.map((n) => `votes_${n}`),
  "valid",
  "invalid",
];

export const openDataCells = (area: Pick<OpenDataArea, "choices">, r: OpenDataRow) => [
  r.tpsCode,
  r.tpsNumber,
  r.kelurahanCode,
  r.kelurahan,
  r.kecamatanCode,
  r.kecamatan,
  r.cityCode,
  r.city,
  r.contest,
  r.contestName,
  r.status,
  r.completeness,
  r.verifiedAt,
  ...area.choices.map((n) => (r.votes ? (r.votes[String(n)] ?? null) : null)),
  r.valid,
  r.invalid,
];
