// The officer's small actions (arrival check-in, opening checklist, TPS day status): request shapes shared
// by the phone, the API and the outbox, plus the distance rule. Every string and collection is bounded.
import { z } from "zod";
import type { DayStatus } from "./events";
import { TPS_CODE } from "./schemas";

/** Beyond this many metres from the TPS a check-in is still accepted, but only with a note (issue 3.3). */
export const FAR_FROM_TPS_M = 300;

export const DAY_ORDER: DayStatus[] = ["not_arrived", "arrived", "open", "counting", "reported"];
/** What an officer may set by hand; `arrived` comes from the check-in, `reported` from the results. */
export const OFFICER_DAY_STATUSES = ["open", "counting"] as const;

const capturedAt = z.string().datetime({ offset: true });
const tpsCode = z.string().max(20).regex(TPS_CODE);

export const CheckinBody = z
  .object({
    id: z.string().uuid(),
    tpsCode,
    lat: z.number().min(-90).max(90).nullish(),
    lng: z.number().min(-180).max(180).nullish(),
    accuracy: z.number().min(0).max(100_000).nullish(),
    note: z.string().trim().max(1000).nullish(),
    capturedAt,
  })
  .refine((b) => (b.lat == null) === (b.lng == null), { message: "lat and lng go together", path: ["lng"] });
export type CheckinBody = z.infer<typeof CheckinBody>;

export const ChecklistBody = z.object({
  id: z.string().uuid(),
  tpsCode,
  answers: z
    .array(
      z.object({
        item: z.string().regex(/^[a-z0-9_-]{1,40}$/),
        ok: z.boolean(),
        note: z.string().trim().max(500).nullish(),
      }),
    )
    .min(1)
    .max(50),
  capturedAt,
});
export type ChecklistBody = z.infer<typeof ChecklistBody>;

export const DayStatusBody = z.object({
  id: z.string().uuid(),
  tpsCode,
  status: z.enum(OFFICER_DAY_STATUSES),
  capturedAt,
});
export type DayStatusBody = z.infer<typeof DayStatusBody>;

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
