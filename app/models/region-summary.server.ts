// One region's summary for the drill-down (app/lib/region-summary.ts, `GET /api/v1/regions/:code/summary`):
// the region's running totals and each child's, read from region_totals (app/models/region-totals.server.ts)
// in one snapshot with the event log's head, so live updates continue exactly after `seq`. Bounded at every
// level: contests that only partly cover a region are grouped by type (the DPR dapils of a province at the
// national level), and only a kelurahan lists TPS.
import type { Sql } from "postgres";
import { inArea, type View } from "~/lib/access";
import type { ContestType, RegionKind } from "~/lib/contests";
import { ballotStructure } from "~/lib/contests";
import type { ResultStatus } from "~/lib/events";
import {
  ELECTION_ROOT,
  type AreaTotals,
  type ContestProgress,
  type RegionSummary,
  type SummaryLevel,
  type SummaryTps,
} from "~/lib/region-summary";
import type { Db } from "~/utils/db.server";
import { getSetting } from "./settings.server";

/** A group's name: the contest type's, as the ballots print it (names are data, like contest names). */
const TYPE_NAMES: Record<ContestType, string> = {
  presiden: "Presiden dan Wakil Presiden",
  dpr: "DPR RI",
  dpd: "DPD RI",
  dprd_prov: "DPRD Provinsi",
  dprd_kabkota: "DPRD Kabupaten/Kota",
  gubernur: "Gubernur dan Wakil Gubernur",
  bupati: "Bupati dan Wakil Bupati",
  walikota: "Wali Kota dan Wakil Wali Kota",
};

/** The root's name in the breadcrumb and on the map. */
const ROOT_NAME = "Indonesia";

type Region = { code: string; name: string; level: SummaryLevel; kind: RegionKind | "election" };

type TotalsRow = {
  regionCode: string;
  contestCode: string;
  name: string;
  type: ContestType;
  position: number;
  tps: number;
  reporting: number;
  submitted: number;
  flagged: number;
  conflict: number;
  verified: number;
  quick: number;
  complete: number;
  votes: Record<string, number | string>;
  invalid: number | string;
};

const ROOT: Region = { code: ELECTION_ROOT, name: ROOT_NAME, level: "election", kind: "election" };

/**
 * The summary of a region (or ELECTION_ROOT) as `audience` may see it, or undefined for an unknown region or
 * one outside `view` (a null scope is the whole election). The public audience gets no incident counts.
 */
export async function regionSummary(
  sql: Sql,
  { code, view, audience }: { code: string; view: View; audience: "staff" | "public" },
): Promise<RegionSummary | undefined> {
  if (view.scope !== null && (code === ELECTION_ROOT || !inArea(code, view.scope))) return undefined;
  return sql.begin("isolation level repeatable read read only", async (tx) => {
    const region =
      code === ELECTION_ROOT
        ? ROOT
        : (await tx<Region[]>`select code, name, level, kind from regions where code = ${code}`)[0];
    if (!region) return undefined;
    const root = code === ELECTION_ROOT;
    const [parents, children, [head], shown] = await Promise.all([
      root
        ? []
        : tx<Region[]>`select code, name, level, kind from regions
            where code = any(region_path(${code})) and code <> ${code} order by length(code)`,
      tx<Region[]>`select code, name, level, kind from regions
        where ${root ? tx`parent_code is null` : tx`parent_code = ${code}`} order by code`,
      tx<[{ seq: number; at: Date }]>`select seq, now() as at from event_head`,
      // The public sees votes only while the command post shows results publicly (docs/decisions/013).
      audience === "public" ? getSetting(tx, "public").then((s) => s.showResults) : true,
    ]);
    const codes = [code, ...children.map((c) => c.code)];
    const depth = root ? 0 : code.split(".").length;
    const [totals, centres, incidents, tps] = await Promise.all([
      tx<TotalsRow[]>`
        select t.region_code, t.contest_code, c.name, c.type, c.position, t.tps, t.reporting, t.submitted, t.flagged,
          t.conflict, t.verified, t.quick, t.complete, t.votes, t.invalid
        from region_totals t join contests c on c.code = t.contest_code
        where t.region_code = any(${codes}) and (t.tps > 0 or t.reporting > 0)
        order by c.position, c.code`,
      tx<{ regionCode: string; tps: number; lat: number | null; lng: number | null }[]>`
        select region_code, tps, lat, lng from region_centres where region_code = any(${codes})`,
      audience === "staff"
        ? tx<{ child: string | null; n: number }[]>`
            select (region_path(region_code))[${depth + 2}] as child, count(*)::int as n from incidents
            where status not in ('resolved', 'rejected')
              and ${root ? tx`true` : tx`(region_code = ${code} or region_code like ${code + ".%"})`}
            group by 1`
        : [],
      region.level === "kelurahan" ? kelurahanTps(tx, code) : [],
    ]);
    const centreOf = new Map(centres.map((c) => [c.regionCode, c]));
    const rowsOf = new Map<string, TotalsRow[]>();
    for (const row of totals) {
      if (!rowsOf.has(row.regionCode)) rowsOf.set(row.regionCode, []);
      rowsOf.get(row.regionCode)!.push(row);
    }
    const incidentsOf = (c: string | null) =>
      audience === "staff"
        ? c === code
          ? incidents.reduce((sum, i) => sum + i.n, 0)
          : (incidents.find((i) => i.child === c)?.n ?? 0)
        : null;
    const areaTotals = (r: Region, child = false): AreaTotals => {
      const centre = centreOf.get(r.code);
      const regionTps = centre?.tps ?? 0;
      return {
        ...r,
        centre: centre && centre.lat !== null && centre.lng !== null ? [centre.lat, centre.lng] : null,
        tps: regionTps,
        // A child's groups of contests carry no votes: a province's party totals per type would make the
        // national answer some 25 KB larger for what the map does not show; opening the child gives them.
        contests: progressOf(rowsOf.get(r.code) ?? [], regionTps).map((c) =>
          shown && !(child && c.contests > 1) ? c : { ...c, votes: null },
        ),
        openIncidents: incidentsOf(r.code),
      };
    };
    const contestsHere = (rowsOf.get(code) ?? []).map((r) => r.contestCode);
    return {
      area: areaTotals(region),
      parents: root ? [] : [ROOT, ...parents],
      children: children.map((c) => areaTotals(c, true)),
      tps: tpsWithStatus(tps, contestsHere),
      seq: Number(head.seq),
      asOf: head.at.toISOString(),
    };
  });
}

/**
 * A region's contests: each one that covers the whole region by itself, the others grouped by type
 * (`type:<type>`), so a province at the national level lists a handful of entries, not its ~60 dapils.
 */
function progressOf(rows: TotalsRow[], regionTps: number): ContestProgress[] {
  const out: ContestProgress[] = [];
  const groups = new Map<ContestType, TotalsRow[]>();
  for (const row of rows) {
    if (row.tps === regionTps) out.push(progress(row.contestCode, row.name, row.type, [row]));
    else {
      if (!groups.has(row.type)) {
        groups.set(row.type, []);
        out.push({ key: `type:${row.type}` } as ContestProgress); // its place in the contests' order
      }
      groups.get(row.type)!.push(row);
    }
  }
  return out.map((entry) => {
    if (!entry.key.startsWith("type:")) return entry;
    const type = entry.key.slice(5) as ContestType;
    return progress(entry.key, TYPE_NAMES[type], type, groups.get(type)!);
  });
}

function progress(key: string, name: string, type: ContestType, rows: TotalsRow[]): ContestProgress {
  const sum = (f: (r: TotalsRow) => number | string) => rows.reduce((s, r) => s + Number(f(r)), 0);
  // Votes add up across contests only where their choices mean the same: one contest, or party lists
  // (parties are numbered nationally); DPD candidates and executive pairs differ per contest.
  const votes = rows.length === 1 || ballotStructure(type) === "parties" ? sumVotes(rows) : null;
  return {
    key,
    type,
    name,
    contests: rows.length,
    tps: sum((r) => r.tps),
    reporting: sum((r) => r.reporting),
    status: {
      submitted: sum((r) => r.submitted),
      flagged: sum((r) => r.flagged),
      conflict: sum((r) => r.conflict),
      verified: sum((r) => r.verified),
    },
    quick: sum((r) => r.quick),
    complete: sum((r) => r.complete),
    votes,
    invalid: sum((r) => r.invalid),
  };
}

function sumVotes(rows: TotalsRow[]): Record<string, number> {
  const votes: Record<string, number> = {};
  for (const r of rows) for (const [k, n] of Object.entries(r.votes)) votes[k] = (votes[k] ?? 0) + Number(n);
  return votes;
}

type TpsRow = {
  code: string;
  number: number;
  lat: number | null;
  lng: number | null;
  contestCode: string | null;
  status: ResultStatus | null;
};

function kelurahanTps(tx: Db, kelurahan: string) {
  return tx<TpsRow[]>`
    select t.code, t.number, t.lat, t.lng, r.contest_code, r.status
    from tps t left join results r on r.tps_code = t.code
    where t.kelurahan_code = ${kelurahan} order by t.number, r.contest_code`;
}

/** A kelurahan's TPS with their status in every contest the kelurahan votes in (missing without a result). */
function tpsWithStatus(rows: TpsRow[], contests: string[]): SummaryTps[] {
  const byCode = new Map<string, SummaryTps>();
  for (const row of rows) {
    let tps = byCode.get(row.code);
    if (!tps) {
      tps = {
        code: row.code,
        number: row.number,
        lat: row.lat,
        lng: row.lng,
        status: Object.fromEntries(contests.map((c) => [c, "missing" as ResultStatus])),
      };
      byCode.set(row.code, tps);
    }
    if (row.contestCode && row.status) tps.status[row.contestCode] = row.status;
  }
  return [...byCode.values()];
}

/** The event log's head: the `seq` a summary read now would carry (a cache check needs no more). */
export async function summarySeq(sql: Db): Promise<number> {
  const [head] = await sql<[{ seq: number }]>`select seq from event_head`;
  return Number(head.seq);
}

// The public page may be opened by many thousands of readers at once, most at the same few levels: one
// public summary per region is read from the database per node at a time and served for up to
// PUBLIC_CACHE_MS (the HTTP answer may be cached 5 s anyway). Hung on the pool under a global symbol, as the
// server and the Remix build each load their own copy of this module (like the public summary's cache).
const PUBLIC_CACHE_MS = 1000;
const PUBLIC_CACHE_MAX = 5000;
const PUBLIC_CACHE = Symbol.for("pantau.publicRegionSummaryCache");
type PublicCache = Map<string, { at: number; summary: Promise<RegionSummary | undefined> }>;

/**
 * The public summary of a region, shared between concurrent readers for up to PUBLIC_CACHE_MS; one newer than
 * `newerThan` (the seq of the answer a client already holds) is read again if the shared one is not.
 */
export async function publicRegionSummary(
  sql: Sql,
  { code, newerThan = -1 }: { code: string; newerThan?: number },
): Promise<RegionSummary | undefined> {
  const slot = sql as unknown as Record<symbol, PublicCache | undefined>;
  const cache = (slot[PUBLIC_CACHE] ??= new Map());
  const hit = cache.get(code);
  if (hit && Date.now() - hit.at < PUBLIC_CACHE_MS) {
    const shared = await hit.summary.catch(() => undefined);
    if (shared === undefined || shared.seq > newerThan) return shared;
  }
  if (cache.size >= PUBLIC_CACHE_MAX) cache.clear();
  const summary = regionSummary(sql, { code, view: { scope: null }, audience: "public" });
  const entry = { at: Date.now(), summary };
  cache.set(code, entry);
  summary.catch(() => {
    if (cache.get(code) === entry) cache.delete(code);
  });
  return summary;
}
