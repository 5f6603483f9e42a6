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

/** Applies events in order; events at or below the state's seq were already applied and are skipped. */
export function applyEvents(state: DashboardState, events: LiveEvent[]): DashboardState {
  let next = state;
  for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
    if (event.seq <= next.seq) continue;
    next = { ...next, seq: event.seq, lastEventAt: event.at };
    if (event.type === "result:updated") {
      const d = event.data;
      const tps = next.tps[d.tpsCode];
      if (tps) next.tps = { ...next.tps, [d.tpsCode]: { ...tps, results: { ...tps.results, [d.contest]: d.status } } };
      const totals = next.totals[d.contest];
      if (totals) {
        const votes = { ...totals.votes };
        for (const [k, n] of Object.entries(d.delta.votes)) votes[k] = (votes[k] ?? 0) + n;
        const newlyIn = d.previousStatus === "missing" && d.status !== "missing" ? 1 : 0;
        next.totals = { ...next.totals, [d.contest]: { votes, invalid: totals.invalid + d.delta.invalid, reported: totals.reported + newlyIn } };
      }
    } else if (event.type === "tps:updated") {
      const tps = next.tps[event.data.tpsCode];
      if (tps) next.tps = { ...next.tps, [tps.code]: { ...tps, dayStatus: event.data.dayStatus, lastSeenAt: event.data.lastSeenAt } };
    }
  }
  return next;
}
