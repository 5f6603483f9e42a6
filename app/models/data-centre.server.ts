// The public data centre's datasets for one area (app/lib/data-centre.ts shapes them): counts per child region
// of the area (a kelurahan: per TPS), read from the TPS records, the supervisory staff's activities, the TPS
// vulnerability map, the running results totals (through the public region summary, decision 032) and, through
// the seam (./data-centre-sources.server.ts), the cases and disputes modules. Aggregates only. Computed once
// per area for every reader for CACHE_MS, as the public region summary is (decision 034).
import {
  ACTIVITY_KINDS,
  addTo,
  columnTotals,
  disputesDataset,
  shapeRows,
  unitOf,
  VULNERABILITY_INDICATORS,
  violationsDataset,
  weekOf,
  weekSpan,
  type Column,
  type Dataset,
  type DatasetKey,
  type Unit,
} from "~/lib/data-centre";
import { ELECTION_ROOT, type RegionSummary, type SummaryLevel } from "~/lib/region-summary";
import { regionLabel } from "~/lib/regions";
import type { Db } from "~/utils/db.server";
import type { Sql } from "postgres";
import { insideArea } from "./area.server";
import { dataCentreSources, type DataCentreSources } from "./data-centre-sources.server";
import { getPublicRegionSummary } from "./public-region.server";

/** The data centre of one area: where it lies, its children (the drill-down) and every dataset. */
export interface DataCentre {
  summary: Pick<RegionSummary, "area" | "parents" | "children">;
  datasets: Dataset[];
  /** What changes when any number does (the answers' ETag). */
  version: string;
}

/** Characters of a child's code at each level (Kemendagri codes have fixed widths: 16, 16.73, 16.73.01, ...). */
const CHILD_WIDTH: Record<Exclude<SummaryLevel, "kelurahan">, number> = {
  election: 2,
  province: 5,
  city: 8,
  kecamatan: 13,
};

const CACHE_MS = 2000;
const MAX_ENTRIES = 2000;
const CACHE = Symbol.for("pantau.dataCentreCache");
type Entry = { at: number; value: Promise<DataCentre | undefined> };
const slot = (sql: Sql) => ((sql as unknown as Record<symbol, Map<string, Entry> | undefined>)[CACHE] ??= new Map());

/**
 * The data centre of a region code or ELECTION_ROOT (a level with exactly one child opens that child, as the
 * public page does); undefined for an unknown region. `sources` are the cases and disputes modules' counts.
 */
export function getDataCentre(
  sql: Sql,
  { code, sources = dataCentreSources }: { code: string; sources?: DataCentreSources },
): Promise<DataCentre | undefined> {
  if (sources !== dataCentreSources) return dataCentre(sql, { code, sources });
  const cache = slot(sql);
  const hit = cache.get(code);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
  const value = dataCentre(sql, { code, sources });
  const entry = { at: Date.now(), value };
  cache.delete(code);
  cache.set(code, entry);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  value.catch(() => {
    if (cache.get(code) === entry) cache.delete(code);
  });
  return value;
}

/** Drops the kept readings (a new activity or import shows at once on this node). */
export function invalidateDataCentre(sql: Sql) {
  slot(sql).clear();
}

async function dataCentre(
  sql: Sql,
  { code, sources }: { code: string; sources: DataCentreSources },
): Promise<DataCentre | undefined> {
  let summary = await getPublicRegionSummary(sql, { code });
  if (!summary) return undefined;
  while (summary.children.length === 1 && summary.area.level !== "kelurahan") {
    const child = await getPublicRegionSummary(sql, { code: summary.children[0].code });
    if (!child) break;
    summary = child;
  }
  const a = summary.area;
  const area: Unit = { code: a.code, name: a.kind === "election" ? a.name : regionLabel(a.kind, a.name) };
  const scope = a.code === ELECTION_ROOT ? null : a.code;
  const kelurahan = a.level === "kelurahan";
  const regions: Unit[] = kelurahan
    ? []
    : summary.children.map((c) => ({ code: c.code, name: regionLabel(c.kind, c.name) }));
  const tpsUnits: Unit[] = summary.tps.map((t) => ({ code: t.code, name: `TPS ${String(t.number).padStart(3, "0")}` }));
  // TPS-based datasets count by child region, or by TPS inside a kelurahan.
  const tpsLevel = kelurahan ? tpsUnits : regions;
  const unitColumn = kelurahan
    ? sql`t.code`
    : sql`left(t.kelurahan_code, ${CHILD_WIDTH[a.level as keyof typeof CHILD_WIDTH]})`;
  const now = new Date().toISOString();

  const [voters, activities, weekly, vulnerable, imported, violations, disputes] = await Promise.all([
    sql<
      {
        unit: string;
        tps: number;
        dpt: number;
        men: number;
        women: number;
        unknown: number;
        dptb: number;
        dpk: number;
      }[]
    >`
      select ${unitColumn} as unit, count(*)::int as tps, coalesce(sum(t.dpt), 0)::int as dpt,
        coalesce(sum(t.dpt_men), 0)::int as men, coalesce(sum(t.dpt_women), 0)::int as women,
        coalesce(sum(t.dpt) filter (where t.dpt_men is null), 0)::int as unknown,
        coalesce(sum(t.dptb), 0)::int as dptb, coalesce(sum(t.dpk), 0)::int as dpk
      from tps t where ${insideArea(sql, "t.kelurahan_code", scope)} group by 1`,
    sql<{ regionCode: string; kind: string; n: number; events: number; people: number; findings: number }[]>`
      select region_code, kind, count(*)::int as n, sum(events)::int as events, sum(people)::int as people,
        sum(findings)::int as findings
      from supervision_activities where ${insideArea(sql, "region_code", scope)} group by 1, 2`,
    sql<{ heldOn: string; kind: string; n: number }[]>`
      select held_on::text as held_on, kind, count(*)::int as n
      from supervision_activities where ${insideArea(sql, "region_code", scope)} group by 1, 2`,
    sql<{ unit: string; indicator: string | null; n: number }[]>`
      select unit, indicator, count(distinct tps_code)::int as n from (
        select ${unitColumn} as unit, v.indicator, v.tps_code
        from tps_vulnerability v join tps t on t.code = v.tps_code
        where ${insideArea(sql, "t.kelurahan_code", scope)}) s
      group by grouping sets ((unit, indicator), (unit))`,
    sql<{ at: Date | null }[]>`
      select max(v.imported_at) as at from tps_vulnerability v join tps t on t.code = v.tps_code
      where ${insideArea(sql, "t.kelurahan_code", scope)}`,
    sources.violationCounts(sql as Db, { area: a.code }),
    sources.disputeCounts(sql as Db, { area: a.code }),
  ]);

  // 1. The voter list, from the TPS records.
  const voterColumns: Column[] = ["tps", "dpt", "dpt_men", "dpt_women", "dpt_sex_unknown", "dptb", "dpk"].map(
    (key) => ({ key }),
  );
  const voterCounts = new Map<string | null, number[]>(
    voters.map((r) => [r.unit, [r.tps, r.dpt, r.men, r.women, r.unknown, r.dptb, r.dpk]]),
  );
  const voterRows = shapeRows(tpsLevel, area, voterCounts, voterColumns.length, !kelurahan);

  // 2. Supervision activities per area and kind, and per week.
  const kindIndex = (kind: string) => 1 + ACTIVITY_KINDS.indexOf(kind as (typeof ACTIVITY_KINDS)[number]);
  const activityColumns: Column[] = [
    { key: "activities" },
    ...ACTIVITY_KINDS.map((k) => ({ key: `kind.${k}` })),
    { key: "events" },
    { key: "people" },
    { key: "findings" },
  ];
  const activityCounts = new Map<string | null, number[]>();
  const byRegion = kelurahan ? [] : regions;
  for (const r of activities)
    addTo(activityCounts, unitOf(r.regionCode, byRegion)?.code ?? null, activityColumns.length, [
      [0, r.n],
      [kindIndex(r.kind), r.n],
      [5, r.events],
      [6, r.people],
      [7, r.findings],
    ]);
  const activityRows = shapeRows(byRegion, area, activityCounts, activityColumns.length, true);
  const weeklyColumns: Column[] = [{ key: "activities" }, ...ACTIVITY_KINDS.map((k) => ({ key: `kind.${k}` }))];
  const weekCounts = new Map<string | null, number[]>();
  for (const r of weekly)
    addTo(weekCounts, weekOf(r.heldOn), weeklyColumns.length, [
      [0, r.n],
      [kindIndex(r.kind), r.n],
    ]);
  const weeklyRows = weekSpan([...weekCounts.keys()].filter((w): w is string => w !== null)).map((w) => ({
    code: w,
    name: w,
    link: false,
    values: weekCounts.get(w) ?? new Array<number>(weeklyColumns.length).fill(0),
  }));

  // 4. TPS vulnerability per indicator.
  const vulnerabilityColumns: Column[] = [
    { key: "tps" },
    { key: "vulnerable" },
    ...VULNERABILITY_INDICATORS.map((i) => ({ key: `indicator.${i.code}` })),
  ];
  const vulnerabilityCounts = new Map<string | null, number[]>();
  for (const r of voters) addTo(vulnerabilityCounts, r.unit, vulnerabilityColumns.length, [[0, r.tps]]);
  for (const r of vulnerable) {
    const index = r.indicator === null ? 1 : 2 + VULNERABILITY_INDICATORS.findIndex((i) => i.code === r.indicator);
    if (index >= 1) addTo(vulnerabilityCounts, r.unit, vulnerabilityColumns.length, [[index, r.n]]);
  }
  const vulnerabilityRows = shapeRows(tpsLevel, area, vulnerabilityCounts, vulnerabilityColumns.length, !kelurahan);

  // 5. Results progress, from the running totals the public summary already reads.
  const contests = a.contests;
  const resultColumns: Column[] = contests.flatMap((c) => [
    { key: `${c.key}.tps`, label: "tps", name: c.name },
    { key: `${c.key}.reporting`, label: "reporting", name: c.name },
    { key: `${c.key}.share`, label: "share", name: c.name, share: true },
  ]);
  const progress = (tps: number, reporting: number) => [tps, reporting, tps ? reporting / tps : 0];
  const resultRows = kelurahan
    ? summary.tps.map((t, i) => ({
        code: t.code,
        name: tpsUnits[i].name,
        link: false,
        values: contests.flatMap((c) =>
          c.key in t.status ? progress(1, t.status[c.key] === "missing" ? 0 : 1) : progress(0, 0),
        ),
      }))
    : summary.children.map((child, i) => ({
        code: child.code,
        name: regions[i].name,
        link: true,
        values: contests.flatMap((c) => {
          const here = child.contests.find((x) => x.key === c.key);
          return here ? progress(here.tps, here.reporting) : progress(0, 0);
        }),
      }));

  const datasets: Dataset[] = [
    {
      key: "voters",
      asOf: now,
      unit: kelurahan ? "tps" : "area",
      columns: voterColumns,
      rows: voterRows,
      total: columnTotals(voterRows, voterColumns.length),
      chart: [1],
    },
    {
      key: "activities",
      asOf: now,
      unit: "area",
      columns: activityColumns,
      rows: activityRows,
      total: columnTotals(activityRows, activityColumns.length),
      chart: [0],
    },
    {
      key: "activities-weekly",
      asOf: now,
      unit: "week",
      columns: weeklyColumns,
      rows: weeklyRows,
      total: columnTotals(weeklyRows, weeklyColumns.length),
      chart: [0],
    },
    violationsDataset(violations, { area, units: regions }),
    disputesDataset(disputes, { area, units: regions }),
    {
      key: "vulnerability",
      asOf: imported[0]?.at ? imported[0].at.toISOString() : null,
      unit: kelurahan ? "tps" : "area",
      columns: vulnerabilityColumns,
      rows: vulnerabilityRows,
      total: columnTotals(vulnerabilityRows, vulnerabilityColumns.length),
      chart: [1],
    },
    {
      key: "results",
      asOf: summary.asOf,
      unit: kelurahan ? "tps" : "area",
      columns: resultColumns,
      rows: resultRows,
      total: contests.flatMap((c) => progress(c.tps, c.reporting)),
      chart: resultColumns.flatMap((c, i) => (c.share ? [i] : [])),
    },
  ];
  const shown = { area: summary.area, parents: summary.parents, children: summary.children };
  // The version is the numbers without their reading times, so a reader who has them gets a 304.
  const version = JSON.stringify([a.code, datasets.map((d) => ({ ...d, asOf: null }))]);
  return { summary: shown, datasets, version };
}

/** One dataset of an area's data centre (undefined for an unknown region). */
export async function getDataset(sql: Sql, { code, key }: { code: string; key: DatasetKey }) {
  const centre = await getDataCentre(sql, { code });
  if (!centre) return undefined;
  return { centre, dataset: centre.datasets.find((d) => d.key === key)! };
}
