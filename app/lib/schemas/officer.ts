// The officer's small actions (arrival check-in, opening checklist, TPS day status) as the phone, the API and
// the outbox send them.
import { z } from "zod";
import { CHECKLIST_PHASES, MAX_CHECKLIST_NUMBER, MAX_CHECKLIST_TEXT } from "../checklists";
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

/** A checklist's answers for one phase (app/lib/checklists.ts); without `phase`, the opening checklist (v1). */
export const ChecklistBody = z.object({
  id: uuid,
  tpsCode,
  phase: z.enum(CHECKLIST_PHASES).optional(),
  answers: z
    .array(
      z.object({
        item: string().regex(SLUG),
        /** A yes/no item's answer. */
        ok: z.boolean().optional(),
        /** A number item's answer. */
        number: z.number().int().min(0).max(MAX_CHECKLIST_NUMBER).optional(),
        /** A short-text item's answer. */
        text: text(MAX_CHECKLIST_TEXT).optional(),
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
