// The officer's small actions (arrival check-in, opening checklist, TPS day status): the day-status order and
// the distance rule. Their request shapes are in schemas/officer.ts.
import type { DayStatus } from "./events";

/** Beyond this many metres from the TPS a check-in is still accepted, but only with a note (TPS sometimes move). */
export const FAR_FROM_TPS_M = 300;

export const DAY_ORDER: DayStatus[] = ["not_arrived", "arrived", "open", "counting", "reported"];
/** What an officer may set by hand; `arrived` comes from the check-in, `reported` from the results. */
export const OFFICER_DAY_STATUSES = ["open", "counting"] as const;

/** Great-circle distance in metres (haversine). */
export function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h))));
}

/** Day status only moves forward; setting the current one again is a harmless repeat. */
export function dayStatusAfter(current: DayStatus, wanted: DayStatus): DayStatus | null {
  const from = DAY_ORDER.indexOf(current);
  const to = DAY_ORDER.indexOf(wanted);
  return to >= from ? wanted : null;
}
