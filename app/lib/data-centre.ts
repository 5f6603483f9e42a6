// The public data centre (`/publik/data`, SPEC section 9; docs/decisions/046-public-data-centre.md): one table
// per dataset of a stage of the election, counted per unit of the open area (its child regions; a kelurahan's
// TPS; weeks), each with its "as of" time. Pure shaping shared by the server, the page and the CSV, so the
// page and its CSV are the same rows by construction. Aggregates only: no row here is ever a person.
import { CASE_OUTCOMES } from "./cases";
import { DISPUTE_STATES } from "./disputes";
import { translate, type Lang } from "./i18n";
import { inArea } from "./access";
import { dataCentreMessages } from "./messages/data-centre";

export const DATASETS = [
  "voters",
  "activities",
  "activities-weekly",
  "violations",
  "disputes",
  "vulnerability",
  "results",
] as const;
export type DatasetKey = (typeof DATASETS)[number];
export const isDataset = (value: string): value is DatasetKey => (DATASETS as readonly string[]).includes(value);

/** What supervisory staff record on /pengawasan: the kinds of activity the data centre counts. */
export const ACTIVITY_KINDS = ["campaign", "prevention", "socialisation", "other"] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/**
 * TPS vulnerability indicators (kerawanan TPS), as Bawaslu maps them before election day: a fixed list, not a
 * setting, so that counts of one election compare with the next. Codes are what the admin's CSV carries.
 */
export const VULNERABILITY_INDICATORS = [
  {
    code: "dpt_not_eligible",
    shortId: "DPT tak memenuhi syarat",
    shortEn: "Ineligible on DPT",
    id: "Ada pemilih di DPT yang tidak memenuhi syarat (meninggal, pindah, di bawah umur, TNI/Polri)",
    en: "Voters on the DPT who are not eligible (deceased, moved away, under age, military or police)",
  },
  {
    code: "dpt_unlisted",
    shortId: "Warga tak terdaftar",
    shortEn: "Eligible, not listed",
    id: "Ada warga yang memenuhi syarat tetapi tidak terdaftar di DPT",
    en: "Eligible residents who are not on the DPT",
  },
  {
    code: "hard_access",
    shortId: "Sulit dijangkau",
    shortEn: "Hard to reach",
    id: "Lokasi TPS sulit dijangkau",
    en: "The TPS is hard to reach",
  },
  {
    code: "no_signal",
    shortId: "Tanpa sinyal",
    shortEn: "No signal",
    id: "Tidak ada sinyal telepon atau internet",
    en: "No phone or internet signal",
  },
  {
    code: "no_electricity",
    shortId: "Tanpa listrik",
    shortEn: "No electricity",
    id: "Tidak ada aliran listrik",
    en: "No electricity",
  },
  {
    code: "violence_history",
    shortId: "Riwayat kekerasan",
    shortEn: "Past violence",
    id: "Pernah terjadi kekerasan atau intimidasi di TPS",
    en: "A history of violence or intimidation at the TPS",
  },
  {
    code: "near_contestant_base",
    shortId: "Dekat posko peserta",
    shortEn: "Near a contestant",
    id: "Dekat posko atau rumah peserta pemilu atau tim kampanye",
    en: "Near a contestant's or campaign team's base",
  },
  {
    code: "money_politics_history",
    shortId: "Riwayat politik uang",
    shortEn: "Past vote buying",
    id: "Pernah ada politik uang di sekitar TPS",
    en: "A history of vote buying around the TPS",
  },
  {
    code: "special_location",
    shortId: "Lokasi khusus",
    shortEn: "Special location",
    id: "TPS di lokasi khusus (rumah sakit, lapas, panti)",
    en: "TPS at a special location (hospital, prison, care home)",
  },
  {
    code: "disaster_prone",
    shortId: "Rawan bencana",
    shortEn: "Disaster-prone",
    id: "Rawan bencana (banjir, longsor)",
    en: "Prone to disasters (floods, landslides)",
  },
  {
    code: "kpps_neutrality",
    shortId: "KPPS tak netral",
    shortEn: "KPPS not neutral",
    id: "Pernah ada petugas KPPS yang tidak netral",
    en: "A history of KPPS members who were not neutral",
  },
] as const;
export type VulnerabilityIndicator = (typeof VULNERABILITY_INDICATORS)[number]["code"];
export const INDICATOR_CODES: readonly string[] = VULNERABILITY_INDICATORS.map((i) => i.code);

/** Outcomes of a decided violation case (SPEC section 9); a case still in hand has none ("pending"). */
export const VIOLATION_OUTCOMES = CASE_OUTCOMES;

/** The shape `violationCounts` of the cases module answers (the seam: app/models/data-centre-sources.server.ts). */
export interface ViolationCounts {
  asOf: string;
  rows: {
    regionCode: string;
    kind: "laporan" | "temuan";
    registered: boolean;
    outcome: string | null;
    count: number;
  }[];
}
/** The shape `disputeCounts` of the disputes module answers. */
export interface DisputeCounts {
  asOf: string;
  rows: { regionCode: string; state: string; outcome: string | null; count: number }[];
}

/** A column of a dataset: `key` is its CSV header; `name` a data name (a contest) its label starts with. */
export interface Column {
  key: string;
  /** The label's message (`dc.col.<label>`); the key when absent. */
  label?: string;
  name?: string;
  /** A share 0..1 (printed as a percentage; a decimal in the CSV). */
  share?: boolean;
}

/** A unit the open area is counted by: a child region, a TPS of a kelurahan, or a week. */
export interface Unit {
  code: string;
  name: string;
}

export interface DataRow {
  code: string;
  name: string;
  /** A child region the drill-down opens (a link one level down). */
  link: boolean;
  /** Counted at the open area's own level, not inside one of its children (an activity of the whole city). */
  self?: boolean;
  values: number[];
}

export interface Dataset {
  key: DatasetKey;
  /** When the numbers were read or, for an imported map, imported (ISO 8601); null when there is nothing. */
  asOf: string | null;
  /** What a row is: a child region, a TPS of the kelurahan, or a week (its Monday, `YYYY-MM-DD`). */
  unit: "area" | "tps" | "week";
  columns: Column[];
  rows: DataRow[];
  total: number[];
  /** The columns a chart shows, one bar per row. */
  chart: number[];
}

/** The unit a region code falls in: the child holding it, or null when it is the open area itself. */
export function unitOf(regionCode: string, units: Unit[]): Unit | null {
  return units.find((u) => inArea(regionCode, u.code)) ?? null;
}

/**
 * Sums counts keyed by unit into rows, one per unit in the units' order (units without any count get zeros),
 * and a row for the open area's own level when something was counted there.
 */
export function shapeRows(
  units: Unit[],
  area: Unit,
  counted: Map<string | null, number[]>,
  width: number,
  link: boolean,
): DataRow[] {
  const rows: DataRow[] = units.map((u) => ({
    code: u.code,
    name: u.name,
    link,
    values: counted.get(u.code) ?? new Array<number>(width).fill(0),
  }));
  const own = counted.get(null);
  if (own) rows.push({ code: area.code, name: area.name, link: false, self: true, values: own });
  return rows;
}

/** Adds `values` into the counts of a unit (null: the open area itself). */
export function addTo(
  counted: Map<string | null, number[]>,
  unit: string | null,
  width: number,
  values: [number, number][],
) {
  let row = counted.get(unit);
  if (!row) counted.set(unit, (row = new Array<number>(width).fill(0)));
  for (const [index, n] of values) row[index] += n;
}

/** Column sums of the rows (a share column is recomputed by its dataset, not summed). */
export const columnTotals = (rows: DataRow[], width: number) =>
  rows.reduce((sum, r) => sum.map((s, i) => s + (r.values[i] ?? 0)), new Array<number>(width).fill(0));

const outcomeKey = (outcome: string | null) => `outcome.${outcome ?? "pending"}`;

/** Violations by kind, registration and outcome per unit (the rows of `violationCounts`). */
export function violationsDataset(counts: ViolationCounts, { area, units }: { area: Unit; units: Unit[] }): Dataset {
  const outcomes = [
    "pending",
    ...VIOLATION_OUTCOMES,
    ...new Set(
      counts.rows
        .map((r) => r.outcome)
        .filter((o): o is string => o !== null && !(VIOLATION_OUTCOMES as readonly string[]).includes(o)),
    ),
  ];
  const columns: Column[] = [
    { key: "total" },
    { key: "laporan" },
    { key: "temuan" },
    { key: "registered" },
    { key: "not_registered" },
    ...outcomes.map((o) => ({ key: `outcome.${o}` })),
  ];
  const index = new Map(columns.map((c, i) => [c.key, i]));
  const counted = new Map<string | null, number[]>();
  for (const r of counts.rows) {
    if (!inArea(r.regionCode, area.code === "ID" ? null : area.code)) continue;
    addTo(counted, unitOf(r.regionCode, units)?.code ?? null, columns.length, [
      [0, r.count],
      [index.get(r.kind)!, r.count],
      [r.registered ? 3 : 4, r.count],
      [index.get(outcomeKey(r.outcome))!, r.count],
    ]);
  }
  const rows = shapeRows(units, area, counted, columns.length, true);
  return {
    key: "violations",
    asOf: counts.asOf,
    unit: "area",
    columns,
    rows,
    total: columnTotals(rows, columns.length),
    chart: [0],
  };
}

/** Disputes by state and outcome per unit (the rows of `disputeCounts`). */
export function disputesDataset(counts: DisputeCounts, { area, units }: { area: Unit; units: Unit[] }): Dataset {
  const states = [
    ...DISPUTE_STATES,
    ...new Set(counts.rows.map((r) => r.state).filter((s) => !(DISPUTE_STATES as readonly string[]).includes(s))),
  ];
  const outcomes = [...new Set(counts.rows.map((r) => r.outcome).filter((o): o is string => o !== null))].sort();
  const columns: Column[] = [
    { key: "total" },
    ...states.map((s) => ({ key: `state.${s}` })),
    ...outcomes.map((o) => ({ key: `outcome.${o}` })),
  ];
  const index = new Map(columns.map((c, i) => [c.key, i]));
  const counted = new Map<string | null, number[]>();
  for (const r of counts.rows) {
    if (!inArea(r.regionCode, area.code === "ID" ? null : area.code)) continue;
    const values: [number, number][] = [
      [0, r.count],
      [index.get(`state.${r.state}`)!, r.count],
    ];
    if (r.outcome !== null) values.push([index.get(`outcome.${r.outcome}`)!, r.count]);
    addTo(counted, unitOf(r.regionCode, units)?.code ?? null, columns.length, values);
  }
  const rows = shapeRows(units, area, counted, columns.length, true);
  return {
    key: "disputes",
    asOf: counts.asOf,
    unit: "area",
    columns,
    rows,
    total: columnTotals(rows, columns.length),
    chart: [0],
  };
}

/** Monday of the week of a calendar date `YYYY-MM-DD` (weeks as Indonesian calendars start them). */
export function weekOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

/** Every week from the first to the last with an activity (a quiet week is a row of zeros, not a gap in the
 *  chart), at most the last MAX_WEEKS of them. */
export function weekSpan(weeks: string[]): string[] {
  if (!weeks.length) return [];
  const sorted = [...weeks].sort();
  const last = Date.parse(`${sorted.at(-1)}T00:00:00Z`);
  const first = Math.max(Date.parse(`${sorted[0]}T00:00:00Z`), last - (MAX_WEEKS - 1) * WEEK_MS);
  const out: string[] = [];
  for (let t = first; t <= last; t += WEEK_MS) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}
const WEEK_MS = 7 * 86_400_000;
const MAX_WEEKS = 104;

/** The CSV of a dataset: code, name, then its columns; a last row with the totals. The page shows the same. */
export function datasetCsvRows(d: Dataset, totalName: string): (string | number)[][] {
  const firstHeader = d.unit === "week" ? "week_start" : d.unit === "tps" ? "tps_code" : "region_code";
  const header = [firstHeader, "name", ...d.columns.map((c) => c.key)];
  const cell = (c: Column, v: number) => (c.share ? Math.round(v * 10_000) / 10_000 : v);
  const lines = d.rows.map((r) => [r.code, r.name, ...d.columns.map((c, i) => cell(c, r.values[i]))]);
  return [header, ...lines, ["total", totalName, ...d.columns.map((c, i) => cell(c, d.total[i]))]];
}

/** A column's label in the reader's language. */
export function columnLabel(c: Column, lang: Lang): string {
  const key = c.label ?? c.key;
  const indicator = VULNERABILITY_INDICATORS.find((i) => `indicator.${i.code}` === key);
  const message = `dc.col.${key}`;
  // An indicator's column has its short name; the page lists the full ones beside the table.
  const own =
    (indicator && (lang === "en" ? indicator.shortEn : indicator.shortId)) ??
    (message in dataCentreMessages[lang] ? translate(lang, dataCentreMessages, message as DataCentreKey) : key);
  return c.name ? `${c.name} — ${own}` : own;
}
type DataCentreKey = keyof (typeof dataCentreMessages)["id"];

/** The public address of the data centre opened at an area. */
export const dataCentreHref = (code: string) => `/publik/data?wilayah=${encodeURIComponent(code)}`;
/** A dataset's CSV of an area. */
export const datasetCsvHref = (key: DatasetKey, code: string) =>
  `/api/v1/public/data-centre/${key}.csv?wilayah=${encodeURIComponent(code)}`;
