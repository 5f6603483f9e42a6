// Command-post state: a snapshot plus the events after it. Pure functions, shared by the browser and tests.
import type { LiveEvent } from "./events";

export interface DashboardTps { code: string; kelurahanCode: string; lat: number; lng: number; dayStatus: string; lastSeenAt?: string | null; results: Record<string, string> }
export interface DashboardTotals { votes: Record<string, number>; invalid: number; reported: number }
export interface DashboardState {
  seq: number;
  tps: Record<string, DashboardTps>;
  totals: Record<string, DashboardTotals>;
  lastEventAt: string | null;
}

/** A TPS's colour on the map: the most urgent status among its contests. */
export type MapStatus = "missing" | "partial" | "submitted" | "flagged" | "conflict" | "verified";
export const MAP_STATUSES: MapStatus[] = ["missing", "partial", "submitted", "flagged", "conflict", "verified"];
export const STATUS_COLOURS: Record<MapStatus, string> = {
  missing: "#9aa0a6", partial: "#8ab4f8", submitted: "#1a73e8", flagged: "#f29900", conflict: "#d93025", verified: "#188038",
};

export function mapStatus(results: Record<string, string>, contestCodes: string[]): MapStatus {
  const statuses = contestCodes.map((c) => results[c] ?? "missing");
  if (statuses.includes("conflict")) return "conflict";
  if (statuses.includes("flagged")) return "flagged";
  const missing = statuses.filter((s) => s === "missing").length;
  if (missing === statuses.length) return "missing";
  if (missing > 0) return "partial";
  return statuses.every((s) => s === "verified") ? "verified" : "submitted";
}

export function initialState(snapshot: { seq: number; tps: DashboardTps[]; totals: Record<string, DashboardTotals> }): DashboardState {
  return {
    seq: snapshot.seq,
    tps: Object.fromEntries(snapshot.tps.map((t) => [t.code, t])),
    totals: snapshot.totals,
    lastEventAt: null,
  };
}

/**
 * Applies events in order; events at or below the state's seq were already applied and are skipped.
 * The state is never changed in place, but the TPS and totals maps are copied once per call (not once per
 * event): a burst of events on a 100,000-TPS region costs one copy, and unchanged TPS keep their objects.
 */
export function applyEvents(state: DashboardState, events: LiveEvent[]): DashboardState {
  let { seq, lastEventAt, tps, totals } = state;
  let tpsCopied = false;
  let totalsCopied = false;
  const sorted = events.length > 1 ? [...events].sort((a, b) => a.seq - b.seq) : events;
  for (const event of sorted) {
    if (event.seq <= seq) continue;
    seq = event.seq;
    lastEventAt = event.at;
    if (event.type === "result:updated") {
      const d = event.data;
      const row = tps[d.tpsCode];
      if (row) {
        if (!tpsCopied) { tps = { ...tps }; tpsCopied = true; }
        tps[d.tpsCode] = { ...row, results: { ...row.results, [d.contest]: d.status } };
      }
      const sums = totals[d.contest];
      if (sums) {
        if (!totalsCopied) { totals = { ...totals }; totalsCopied = true; }
        const votes = { ...sums.votes };
        for (const [k, n] of Object.entries(d.delta.votes)) votes[k] = (votes[k] ?? 0) + n;
        const newlyIn = d.previousStatus === "missing" && d.status !== "missing" ? 1 : 0;
        totals[d.contest] = { votes, invalid: sums.invalid + d.delta.invalid, reported: sums.reported + newlyIn };
      }
    } else if (event.type === "tps:updated") {
      const row = tps[event.data.tpsCode];
      if (row) {
        if (!tpsCopied) { tps = { ...tps }; tpsCopied = true; }
        tps[row.code] = { ...row, dayStatus: event.data.dayStatus, lastSeenAt: event.data.lastSeenAt };
      }
    }
  }
  return seq === state.seq ? state : { seq, tps, totals, lastEventAt };
}

/** mapStatus per TPS object: a TPS the reducer did not touch keeps its object, so its status is not recomputed. */
const statusCache = new WeakMap<string[], WeakMap<DashboardTps, MapStatus>>();
export function tpsStatus(tps: DashboardTps, contestCodes: string[]): MapStatus {
  let cache = statusCache.get(contestCodes);
  if (!cache) statusCache.set(contestCodes, (cache = new WeakMap()));
  let status = cache.get(tps);
  if (status === undefined) cache.set(tps, (status = mapStatus(tps.results, contestCodes)));
  return status;
}
