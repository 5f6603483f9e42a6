// The public summary (`GET /api/v1/public/summary`, docs/decisions/013-public-sees-aggregates-only.md):
// aggregates only. No officer, login, phone, reporter or any other personal data ever enters this object; the
// public Socket.IO room receives exactly this object, and the open data (CSV/JSON) is built from it.
import { ballotChoices, type BallotChoice } from "~/lib/ballot";
import type { Projection } from "~/lib/projection";
import type { Contest, ContestType } from "~/lib/contests";
import { toCsv, type CsvSeparator } from "~/lib/csv";
import { regionLabel } from "~/lib/regions";
import type { Db } from "~/utils/db.server";
import { ELECTION_ROOT } from "~/lib/region-summary";
import { listContests } from "./election.server";
import { getProjections } from "./projection.server";
import { getSetting } from "./settings.server";

export interface PublicArea {
  code: string;
  name: string;
  tps: number;
  tpsIn: number;
  votes: Record<string, number>;
  invalid: number;
}

export interface PublicSummary {
  title: string;
  provisional: true;
  generatedAt: string;
  /** Time of the latest result change, null before any. */
  lastUpdate: string | null;
  tps: { total: number; complete: number };
  contests: {
    code: string;
    name: string;
    type: ContestType;
    /** The electoral district of a legislative contest. */
    dapil: string | null;
    /** Region codes whose TPS vote in it: every figure below counts only those TPS. */
    area: string[];
    tpsTotal: number;
    tpsIn: number;
    /** tpsIn / tpsTotal */
    share: number;
    valid: number;
    invalid: number;
    /** Every choice of section IV: pairs (0 = the blank column, `kind` "blank"), DPD candidates, or parties. */
    candidates: {
      number: number;
      name: string;
      kind: BallotChoice["kind"];
      abbrev?: string;
      votes: number;
      percent: number;
    }[];
    /** Per kabupaten/kota of the contest's area (a governor's: each of the province's). */
    byCity: PublicArea[];
    byKecamatan: PublicArea[];
    projection: null | {
      sampleSize: number;
      reported: number;
      candidates: { number: number; estimate: number; margin: number }[];
    };
  }[];
  progress: { code: string; name: string; tps: number; complete: number }[];
  /** Incidents by category: unverified public reports count only once the command post verified them. */
  incidents: { category: string; label: { id: string; en: string }; count: number }[] | null;
}

/** One region's running total in one contest (a row of region_totals with the region's name). */
type AreaTotal = {
  contestCode: string;
  code: string;
  name: string;
  kind: string;
  level: "city" | "kecamatan";
  tps: number;
  reporting: number;
  votes: Record<string, number | string>;
  invalid: number | string;
};

/** An area of a contest as the public sees it: every choice listed (0 without votes), the others kept. */
const publicArea = (r: AreaTotal, choices: number[]): PublicArea => {
  const votes: Record<string, number> = Object.fromEntries(choices.map((n) => [String(n), 0]));
  for (const [k, n] of Object.entries(r.votes)) votes[k] = Number(n);
  return {
    code: r.code,
    name: regionLabel(r.kind, r.name),
    tps: r.tps,
    tpsIn: r.reporting,
    votes,
    invalid: Number(r.invalid),
  };
};

/** A contest's whole-area figures: the sum of its kecamatan (each TPS lies in exactly one). */
function sumAreas(areas: PublicArea[], choices: number[]) {
  const votes: Record<string, number> = Object.fromEntries(choices.map((n) => [String(n), 0]));
  let tpsIn = 0;
  let invalid = 0;
  for (const a of areas) {
    tpsIn += a.tpsIn;
    invalid += a.invalid;
    for (const [k, n] of Object.entries(a.votes)) votes[k] = (votes[k] ?? 0) + n;
  }
  const valid = Object.values(votes).reduce((x, y) => x + y, 0);
  return { tpsIn, invalid, votes, valid };
}

/**
 * The city and kecamatan totals of every contest's area, by contest, ordered by region code: one read of
 * region_totals (a few rows per kecamatan) instead of summing every result.
 */
async function contestAreaTotals(sql: Db) {
  const rows = await sql<AreaTotal[]>`
    select t.contest_code, g.code, g.name, g.kind, g.level, t.tps, t.reporting, t.votes, t.invalid
    from region_totals t join regions g on g.code = t.region_code
    where g.level in ('city', 'kecamatan') and t.tps > 0 order by t.contest_code, g.code`;
  const byContest = new Map<string, { city: AreaTotal[]; kecamatan: AreaTotal[] }>();
  for (const r of rows) {
    if (!byContest.has(r.contestCode)) byContest.set(r.contestCode, { city: [], kecamatan: [] });
    byContest.get(r.contestCode)![r.level].push(r);
  }
  return byContest;
}

// The public endpoint may be hit by many anonymous readers at once: one summary is computed per
// database at a time and served for up to CACHE_MS, and dropped as soon as a public change commits
// (server/admin-effects.ts). The cache hangs on the pool under a global symbol because the server and the
// Remix build each load their own copy of this module.
const CACHE_MS = 2000;
const CACHE = Symbol.for("pantau.publicSummaryCache");
type Cached = { at: number; summary: Promise<PublicSummary> } | undefined;
const slot = (sql: Db) => sql as unknown as Record<symbol, Cached>;

export function getCachedPublicSummary(sql: Db): Promise<PublicSummary> {
  const hit = slot(sql)[CACHE];
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.summary;
  const summary = getPublicSummary(sql);
  const entry = { at: Date.now(), summary };
  slot(sql)[CACHE] = entry;
  summary.catch(() => {
    if (slot(sql)[CACHE] === entry) slot(sql)[CACHE] = undefined;
  });
  return summary;
}

export function invalidatePublicSummary(sql: Db) {
  slot(sql)[CACHE] = undefined;
}

export async function getPublicSummary(sql: Db): Promise<PublicSummary> {
  const [options, contests, [last], progress] = await Promise.all([
    getSetting(sql, "public"),
    listContests(sql),
    sql<[{ at: Date | null }]>`select max(updated_at) as at from results`,
    // A TPS is complete when every contest it votes in (not every contest of the election) has its result.
    // The contests are counted once per kelurahan and the results once per TPS (not per TPS and contest).
    sql<(PublicSummary["progress"][number] & { kind: string })[]>`
      -- The contests of a kelurahan: those whose area names it or a region above it, joined by code.
      with needed as (
        select kel.code, count(distinct a.contest_code)::int as n
        from regions kel cross join lateral unnest(region_path(kel.code)) as p(code)
          join contest_areas a on a.region_code = p.code
        where kel.level = 'kelurahan' and p.code <> ${ELECTION_ROOT} group by kel.code
      ), reported as (
        select tps_code, count(*)::int as n from results where status <> 'missing' group by tps_code
      )
      select kec.code, kec.name, kec.kind, count(*)::int as tps,
        count(*) filter (where coalesce(reported.n, 0) = coalesce(needed.n, 0))::int as complete
      from tps t join regions kel on kel.code = t.kelurahan_code join regions kec on kec.code = kel.parent_code
        left join needed on needed.code = kel.code left join reported on reported.tps_code = t.code
      group by kec.code, kec.name, kec.kind order by kec.code`,
  ]);
  // Every figure per contest comes from the running totals (docs/decisions/032): the kecamatan and city rows
  // of the contest's area, each already summed by the writer; the contest's total is the sum of its kecamatan.
  const areaRows = await contestAreaTotals(sql);
  // Every contest's projection in three reads (none without a drawn sample).
  const projections = options.showProjection
    ? await getProjections(
        sql,
        contests.map((c) => ({ contest: c.code, candidates: ballotChoices(c).map((k) => k.number) })),
      )
    : new Map<string, Projection>();
  const out: PublicSummary["contests"] = [];
  for (const c of contests) {
    const choices = ballotChoices(c);
    const numbers = choices.map((k) => k.number);
    const rows = areaRows.get(c.code) ?? { city: [], kecamatan: [] };
    const byKecamatan = rows.kecamatan.map((r) => publicArea(r, numbers));
    const tpsTotal = byKecamatan.reduce((s, a) => s + a.tps, 0);
    const total = options.showResults ? sumAreas(byKecamatan, numbers) : null;
    const projection = projections.get(c.code);
    out.push({
      code: c.code,
      name: c.name,
      type: c.type,
      dapil: c.dapil,
      area: c.area,
      tpsTotal,
      tpsIn: total?.tpsIn ?? 0,
      share: tpsTotal ? (total?.tpsIn ?? 0) / tpsTotal : 0,
      valid: total?.valid ?? 0,
      invalid: total?.invalid ?? 0,
      candidates: choices.map((k) => {
        const votes = total?.votes[String(k.number)] ?? 0;
        return {
          number: k.number,
          name: k.kind === "blank" ? "Kolom kosong" : k.name,
          kind: k.kind,
          ...(k.abbrev ? { abbrev: k.abbrev } : {}),
          votes,
          percent: total?.valid ? votes / total.valid : 0,
        };
      }),
      byCity: options.showResults ? rows.city.map((r) => publicArea(r, numbers)) : [],
      byKecamatan: options.showResults ? byKecamatan : [],
      projection:
        projection && projection.sampleSize > 0
          ? {
              sampleSize: projection.sampleSize,
              reported: projection.reported,
              candidates: projection.candidates.map((p) => ({
                number: Number(p.number),
                estimate: p.estimate,
                margin: p.margin,
              })),
            }
          : null,
    });
  }
  return {
    title: options.title,
    provisional: true,
    generatedAt: new Date().toISOString(),
    lastUpdate: last?.at ? last.at.toISOString() : null,
    tps: {
      total: progress.reduce((s, p) => s + p.tps, 0),
      complete: progress.reduce((s, p) => s + p.complete, 0),
    },
    contests: out,
    progress: progress.map((p) => ({
      code: p.code,
      name: regionLabel(p.kind, p.name),
      tps: p.tps,
      complete: p.complete,
    })),
    incidents: options.showIncidents ? await publicIncidentCounts(sql) : null,
  };
}

/**
 * What the public page shows at its top besides the region's totals: the projection of the contests it shows
 * (by code; none without a sample or when the projection is not public) and the public incident counts. Reads
 * no results outside the projection's sample: the page never waits for the whole-election summary.
 */
export async function getPublicExtras(sql: Db, contests: Contest[]) {
  const options = await getSetting(sql, "public");
  const estimates = options.showProjection
    ? await getProjections(
        sql,
        contests.map((c) => ({ contest: c.code, candidates: ballotChoices(c).map((k) => k.number) })),
      )
    : new Map<string, Projection>();
  const projection = contests.map((c) => {
    const p = estimates.get(c.code);
    if (!p || p.sampleSize <= 0) return null;
    return {
      code: c.code,
      name: c.name,
      candidates: ballotChoices(c).map((k) => ({
        number: k.number,
        name: k.kind === "blank" ? "Kolom kosong" : k.name,
        kind: k.kind,
      })),
      projection: {
        sampleSize: p.sampleSize,
        reported: p.reported,
        candidates: p.candidates.map((x) => ({ number: Number(x.number), estimate: x.estimate, margin: x.margin })),
      },
    };
  });
  return {
    projection: projection.filter((p) => p !== null),
    incidents: options.showIncidents ? await publicIncidentCounts(sql) : null,
  };
}

/** Incident counts by category (no descriptions, places or people); rejected ones and unverified citizen reports left out. */
async function publicIncidentCounts(sql: Db): Promise<NonNullable<PublicSummary["incidents"]>> {
  const [rows, categories] = await Promise.all([
    sql<{ category: string; count: number }[]>`
      select category, count(*)::int as count from incidents
      where status <> 'rejected' and (source <> 'citizen' or acknowledged_at is not null)
      group by category order by count(*) desc, category`,
    getSetting(sql, "incident.categories"),
  ]);
  return rows.map((r) => {
    const c = categories.find((x) => x.code === r.category);
    return {
      category: r.category,
      label: { id: c?.id ?? r.category, en: c?.en ?? r.category },
      count: r.count,
    };
  });
}

/** The open data as CSV: one row per contest, area and candidate (area "*" = the whole region). */
export function publicSummaryCsv(summary: PublicSummary, separator: CsvSeparator = ";"): string {
  const lines = [
    [
      "contest",
      "area_code",
      "area_name",
      "tps_total",
      "tps_in",
      "candidate_number",
      "candidate_name",
      "votes",
      "invalid",
      "provisional",
      "last_update",
    ],
  ];
  for (const c of summary.contests) {
    const areas = [
      {
        code: "*",
        name: "",
        tps: c.tpsTotal,
        tpsIn: c.tpsIn,
        votes: Object.fromEntries(c.candidates.map((k) => [String(k.number), k.votes])),
        invalid: c.invalid,
      },
      ...(c.byCity.length > 1 ? c.byCity : []),
      ...c.byKecamatan,
    ];
    for (const a of areas) {
      for (const k of c.candidates) {
        lines.push([
          c.code,
          a.code,
          a.name,
          String(a.tps),
          String(a.tpsIn),
          String(k.number),
          k.name,
          String(a.votes[String(k.number)] ?? 0),
          String(a.invalid),
          "true",
          summary.lastUpdate ?? "",
        ]);
      }
    }
  }
  return toCsv(lines, separator);
}
