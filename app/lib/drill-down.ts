// How deep the command post shows single TPS: an open area of at most TPS_MAP_MAX TPS shows its TPS markers
// (clustered) and receives every event of them; a larger one shows its child regions as aggregates and
// receives their running totals instead (docs/decisions/033-drill-down-and-area-subscriptions.md).
import { REGION_CODE } from "./schemas/atoms";
import type { MapStatus } from "./dashboard";
import { ELECTION_ROOT, type AreaTotals, type ContestProgress } from "./region-summary";

/**
 * 10,000 TPS: the largest region whose TPS page the command post has measured comfortably (bench:posko:
 * about 108 KiB of page and a smooth clustered map at 10,000; 7.8 MB at 100,000). A kabupaten/kota (at most
 * a few thousand TPS nationally) and everything below it is under it; a province rarely is.
 */
export const TPS_MAP_MAX = 10_000;

/** Whether an area of this many TPS is shown TPS by TPS (`max`: the PANTAU_TPS_MAP_MAX setting). */
export const showsTps = (tpsCount: number, max = TPS_MAP_MAX) => tpsCount <= max;

/** How many areas one connection may have open at once. */
export const MAX_OPEN_AREAS = 20;

/** Longest at which an upper level lists its stale and quick-only TPS; the rest is a count. */
export const TOP_N = 50;

/** A code the drill-down can open: the election's root or a region code. */
export const isAreaCode = (code: string) => code === ELECTION_ROOT || REGION_CODE.test(code);

/** A region's colour on the map: the most urgent status among its contests' results, as a TPS's (mapStatus):
 *  any conflict, else any flagged, else nothing in, some in, all verified, or submitted. */
export function worstStatus(contests: ContestProgress[]): MapStatus {
  if (contests.some((c) => c.status.conflict > 0)) return "conflict";
  if (contests.some((c) => c.status.flagged > 0)) return "flagged";
  const tps = contests.reduce((n, c) => n + c.tps, 0);
  const reporting = contests.reduce((n, c) => n + c.reporting, 0);
  if (reporting === 0) return "missing";
  if (reporting < tps) return "partial";
  return contests.every((c) => c.status.verified === c.tps) ? "verified" : "submitted";
}

/** Replaces the areas a `totals` push carries (newer than what is shown) in a list of area totals. */
export function mergeTotals(list: AreaTotals[], pushed: AreaTotals[]): AreaTotals[] {
  const byCode = new Map(pushed.map((a) => [a.code, a]));
  return list.map((a) => byCode.get(a.code) ?? a);
}
