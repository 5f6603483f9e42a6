// The officer's small actions (arrival check-in, opening checklist, TPS day status) as the phone, the API and
// the outbox send them.
import { z } from "zod";
import { OFFICER_DAY_STATUSES } from "../officer";
import { accuracy, latitude, longitude, SLUG, string, text, timestamp, tpsCode, uuid } from "./atoms";

export const CheckinBody = z
  .object({
    id: uuid,
    tpsCode,
    lat: latitude.nullish(),
    lng: longitude.nullish(),
    accuracy: accuracy.nullish(),
    note: text(1000).nullish(),
    capturedAt: timestamp,
  })
  .refine((b) => (b.lat == null) === (b.lng == null), { message: "lat and lng go together", path: ["lng"] });
export type CheckinBody = z.infer<typeof CheckinBody>;

export const ChecklistBody = z.object({
  id: uuid,
  tpsCode,
  answers: z
    .array(
      z.object({
        item: string().regex(SLUG),
        ok: z.boolean(),
        note: text(500).nullish(),
      }),
    )
    .min(1)
    .max(50),
  capturedAt: timestamp,
});
export type ChecklistBody = z.infer<typeof ChecklistBody>;

export const DayStatusBody = z.object({
  id: uuid,
  tpsCode,
  status: z.enum(OFFICER_DAY_STATUSES),
  capturedAt: timestamp,
});
export type DayStatusBody = z.infer<typeof DayStatusBody>;

/** The most TPS one phone reports holding items of (a phone shared by a whole kelurahan's officers at most). */
export const MAX_HELD_TPS = 50;

/** What a phone holds unsent per TPS (POST /api/v1/outbox-held): counts and times, never the reports. */
export const OutboxHeldBody = z.object({
  device: uuid,
  held: z
    .array(
      z.object({
        tpsCode,
        count: z.number().int().min(1).max(10_000),
        oldestAt: timestamp,
      }),
    )
    .max(MAX_HELD_TPS),
});
export type OutboxHeldBody = z.infer<typeof OutboxHeldBody>;
