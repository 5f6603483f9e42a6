// Command-post state: a snapshot plus the events after it. Pure functions, shared by the browser and tests.
import { votesIn } from "./contests";
import type { DayStatus, LiveEvent } from "./events";
import type { MessageKey } from "./i18n";
import type { tpsStatusMessages } from "./messages/tps-status";

export interface DashboardTps {
  code: string;
  kelurahanCode: string;
  lat: number;
  lng: number;
  dayStatus: string;
  lastSeenAt?: string | null;
  results: Record<string, string>;
  /** Contests whose result here is a quick entry only (the complete C.Hasil is still to come). */
  quick?: string[];
}
export interface DashboardTotals {
  votes: Record<string, number>;
  invalid: number;
  reported: number;
  /** TPS of the view that vote in the contest: the progress denominator. */
  tpsCount?: number;
}
export interface DashboardState {
  seq: number;
  /** Every TPS, in the snapshot's order (the set never changes after the snapshot, only its rows do). */
  tps: DashboardTps[];
  /** TPS code -> its position in `tps`. */
  index: ReadonlyMap<string, number>;
  totals: Record<string, DashboardTotals>;
  /** Each contest's electoral area: a result from a TPS outside it never enters its totals. */
  areas: Readonly<Record<string, string[]>>;
  /** Per contest and kelurahan, the totals of its TPS (when the page loaded them): an area filter sums them. */
  areaTotals?: Record<string, Record<string, DashboardTotals>>;
  lastEventAt: string | null;
}

/** A TPS's colour on the map: the most urgent status among its contests. */
export type MapStatus = "missing" | "partial" | "submitted" | "flagged" | "conflict" | "verified";
export const MAP_STATUSES: MapStatus[] = ["missing", "partial", "submitted", "flagged", "conflict", "verified"];
export const STATUS_COLOURS: Record<MapStatus, string> = {
  missing: "#9aa0a6",
  partial: "#8ab4f8",
  submitted: "#1a73e8",
  flagged: "#f29900",
  conflict: "#d93025",
  verified: "#188038",
};

/** What the map and its filters label: a map status, or a TPS's day status as `day:<status>`. */
export type StatusLabel = MapStatus | `day:${DayStatus}`;
export const STATUS_LABEL_KEYS: Record<StatusLabel, MessageKey<typeof tpsStatusMessages>> = {
  missing: "status.missing",
  partial: "status.partial",
  submitted: "status.submitted",
  flagged: "status.flagged",
  conflict: "status.conflict",
  verified: "status.verified",
  "day:not_arrived": "day.not_arrived",
  "day:arrived": "day.arrived",
  "day:open": "day.open",
  "day:counting": "day.counting",
  "day:reported": "day.reported",
};
export const isStatusLabel = (s: string): s is StatusLabel => Object.hasOwn(STATUS_LABEL_KEYS, s);

export function mapStatus(results: Record<string, string>, contestCodes: string[]): MapStatus {
  const statuses = contestCodes.map((c) => results[c] ?? "missing");
  if (statuses.includes("conflict")) return "conflict";
  if (statuses.includes("flagged")) return "flagged";
  const missing = statuses.filter((s) => s === "missing").length;
  if (missing === statuses.length) return "missing";
  if (missing > 0) return "partial";
  return statuses.every((s) => s === "verified") ? "verified" : "submitted";
}

export function initialState(snapshot: {
  seq: number;
  tps: DashboardTps[];
  totals: Record<string, DashboardTotals>;
  contests?: { code: string; area: string[] }[];
  areaTotals?: Record<string, Record<string, DashboardTotals>>;
}): DashboardState {
  return {
    seq: snapshot.seq,
    tps: snapshot.tps,
    index: new Map(snapshot.tps.map((t, i) => [t.code, i])),
    totals: snapshot.totals,
    areas: Object.fromEntries((snapshot.contests ?? []).map((c) => [c.code, c.area])),
    areaTotals: snapshot.areaTotals,
    lastEventAt: null,
  };
}

/**
 * A snapshot's TPS in columns, for the command-post page: one JSON object per TPS repeats seven key names
 * 100,000 times. Texts that repeat (kelurahan, day status, result status) are numbers into a short list;
 * a contest without a result is -1. `unpackTps(packTps(x))` equals x.
 */
export interface PackedTps {
  code: string[];
  lat: number[];
  lng: number[];
  lastSeenAt: (string | null)[];
  kelurahan: number[];
  kelurahanCodes: string[];
  dayStatus: number[];
  dayStatuses: string[];
  results: Record<string, number[]>;
  resultStatuses: string[];
  /** Per contest, the positions of the TPS whose result is quick-only (few once the forms come in). */
  quick: Record<string, number[]>;
}

function indexer() {
  const list: string[] = [];
  const at = new Map<string, number>();
  return {
    list,
    of(text: string) {
      let i = at.get(text);
      if (i === undefined) {
        at.set(text, (i = list.length));
        list.push(text);
      }
      return i;
    },
  };
}

export function packTps(tps: DashboardTps[], contestCodes: string[]): PackedTps {
  const kelurahan = indexer();
  const day = indexer();
  const status = indexer();
  const extra = new Set(tps.flatMap((t) => Object.keys(t.results)).filter((c) => !contestCodes.includes(c)));
  const contests = [...contestCodes, ...extra];
  return {
    code: tps.map((t) => t.code),
    lat: tps.map((t) => t.lat),
    lng: tps.map((t) => t.lng),
    lastSeenAt: tps.map((t) => t.lastSeenAt ?? null),
    kelurahan: tps.map((t) => kelurahan.of(t.kelurahanCode)),
    kelurahanCodes: kelurahan.list,
    dayStatus: tps.map((t) => day.of(t.dayStatus)),
    dayStatuses: day.list,
    results: Object.fromEntries(
      contests.map((c) => [c, tps.map((t) => (t.results[c] === undefined ? -1 : status.of(t.results[c])))]),
    ),
    resultStatuses: status.list,
    quick: Object.fromEntries(
      contests.map((c) => [c, tps.flatMap((t, i) => (t.quick?.includes(c) ? [i] : []))]).filter(([, l]) => l.length),
    ),
  };
}

export function unpackTps(p: PackedTps): DashboardTps[] {
  const contests = Object.entries(p.results);
  const quick = new Map<number, string[]>();
  for (const [contest, positions] of Object.entries(p.quick ?? {}))
    for (const i of positions) quick.set(i, [...(quick.get(i) ?? []), contest]);
  return p.code.map((code, i) => {
    const results: Record<string, string> = {};
    for (const [contest, column] of contests) if (column[i] >= 0) results[contest] = p.resultStatuses[column[i]];
    return {
      code,
      kelurahanCode: p.kelurahanCodes[p.kelurahan[i]],
      lat: p.lat[i],
      lng: p.lng[i],
      dayStatus: p.dayStatuses[p.dayStatus[i]],
      lastSeenAt: p.lastSeenAt[i],
      results,
      quick: quick.get(i) ?? [],
    };
  });
}

/**
 * Applies events in order; events at or below the state's seq were already applied and are skipped.
 * The state is never changed in place, but the TPS list and totals are copied once per call (not once per
 * event): a burst of events on a 100,000-TPS region costs one array copy, and unchanged TPS keep their objects.
 */
export function applyEvents(state: DashboardState, events: LiveEvent[]): DashboardState {
  let { seq, lastEventAt, tps, totals, areaTotals } = state;
  const { index, areas } = state;
  let tpsCopied = false;
  let totalsCopied = false;
  const areaCopied = new Set<string>();
  const sorted = events.length > 1 ? [...events].sort((a, b) => a.seq - b.seq) : events;
  for (const event of sorted) {
    if (event.seq <= seq) continue;
    seq = event.seq;
    lastEventAt = event.at;
    if (event.type === "result:updated") {
      const d = event.data;
      const at = index.get(d.tpsCode);
      if (at !== undefined) {
        if (!tpsCopied) {
          tps = tps.slice();
          tpsCopied = true;
        }
        const row = tps[at];
        const others = (row.quick ?? []).filter((c) => c !== d.contest);
        const quick = d.completeness === "quick" && d.status !== "missing" ? [...others, d.contest] : others;
        tps[at] = { ...row, results: { ...row.results, [d.contest]: d.status }, quick };
      }
      const sums = totals[d.contest];
      const area = areas[d.contest];
      const outside = at !== undefined && area !== undefined && !votesIn(tps[at].kelurahanCode, { area });
      if (sums && !outside) {
        if (!totalsCopied) {
          totals = { ...totals };
          totalsCopied = true;
        }
        const votes = { ...sums.votes };
        for (const [k, n] of Object.entries(d.delta.votes)) votes[k] = (votes[k] ?? 0) + n;
        const newlyIn = d.previousStatus === "missing" && d.status !== "missing" ? 1 : 0;
        totals[d.contest] = {
          ...sums,
          votes,
          invalid: sums.invalid + d.delta.invalid,
          reported: sums.reported + newlyIn,
        };
        // The kelurahan's share, copied once per contest per call (a contest's map has a row per kelurahan).
        if (areaTotals?.[d.contest] && at !== undefined) {
          const kel = tps[at].kelurahanCode;
          if (!areaCopied.has(d.contest)) {
            areaTotals = { ...areaTotals, [d.contest]: { ...areaTotals[d.contest] } };
            areaCopied.add(d.contest);
          }
          const here = areaTotals[d.contest][kel] ?? { votes: {}, invalid: 0, reported: 0 };
          const kelVotes = { ...here.votes };
          for (const [k, n] of Object.entries(d.delta.votes)) kelVotes[k] = (kelVotes[k] ?? 0) + n;
          areaTotals[d.contest][kel] = {
            votes: kelVotes,
            invalid: here.invalid + d.delta.invalid,
            reported: here.reported + newlyIn,
          };
        }
      }
    } else if (event.type === "tps:updated") {
      const at = index.get(event.data.tpsCode);
      if (at !== undefined) {
        if (!tpsCopied) {
          tps = tps.slice();
          tpsCopied = true;
        }
        tps[at] = { ...tps[at], dayStatus: event.data.dayStatus, lastSeenAt: event.data.lastSeenAt };
      }
    }
  }
  return seq === state.seq ? state : { seq, tps, index, totals, areas, areaTotals, lastEventAt };
}

/** Each contest's electoral area (contest code -> region codes). */
export type ContestAreas = Readonly<Record<string, string[]>>;

/** The contests of a list that a TPS votes in (all of them when their areas are not known). */
export function ballotsAt(kelurahanCode: string, contestCodes: string[], areas?: ContestAreas): string[] {
  if (!areas) return contestCodes;
  return contestCodes.filter((c) => !areas[c] || votesIn(kelurahanCode, { area: areas[c] }));
}

/** mapStatus per TPS object over the contests it votes in: a TPS the reducer did not touch keeps its object,
 *  so its status is not recomputed. */
const statusCache = new WeakMap<string[], WeakMap<DashboardTps, MapStatus>>();
export function tpsStatus(tps: DashboardTps, contestCodes: string[], areas?: ContestAreas): MapStatus {
  let cache = statusCache.get(contestCodes);
  if (!cache) statusCache.set(contestCodes, (cache = new WeakMap()));
  let status = cache.get(tps);
  if (status === undefined)
    cache.set(tps, (status = mapStatus(tps.results, ballotsAt(tps.kelurahanCode, contestCodes, areas))));
  return status;
}

/** A contest's totals over an area, summed from its kelurahan's (kelurahan codes nest inside the area's). */
export function totalsInArea(byKelurahan: Record<string, DashboardTotals>, area: string): DashboardTotals {
  const sum: DashboardTotals = { votes: {}, invalid: 0, reported: 0 };
  for (const [kel, t] of Object.entries(byKelurahan)) {
    if (kel !== area && !kel.startsWith(area + ".")) continue;
    for (const [k, n] of Object.entries(t.votes)) sum.votes[k] = (sum.votes[k] ?? 0) + n;
    sum.invalid += t.invalid;
    sum.reported += t.reported;
  }
  return sum;
}
