// Messages from the posko to officers (app/models/broadcasts.server.ts): one schema for the page's form and
// the API.
import { z } from "zod";
import { REGION_CODE, string, text, tpsCode, uuid, wholeNumber } from "./atoms";

export const BROADCAST_TARGETS = ["all", "area", "silent"] as const;
export type BroadcastTarget = (typeof BROADCAST_TARGETS)[number];
/** The longest broadcast: three SMS, for officers who get it by SMS. */
export const BROADCAST_MAX = 459;

export const BroadcastBody = z
  .object({
    id: uuid,
    target: z.enum(BROADCAST_TARGETS),
    /** The area ("area"; optional for "silent"): a kecamatan or kelurahan inside the sender's view. */
    area: z.preprocess((v) => (v === "" ? undefined : v), string().regex(REGION_CODE).optional()),
    /** "silent": no check-in, or nothing received for this many minutes. */
    silentMinutes: wholeNumber(1, 1440).default(60),
    body: text(BROADCAST_MAX).min(1),
  })
  .refine((b) => b.target !== "area" || b.area, { message: "required", path: ["area"] });
export type BroadcastBody = z.infer<typeof BroadcastBody>;

/** An officer opened a broadcast (sent through the outbox, so it survives offline). */
export const BroadcastReadBody = z.object({ id: uuid, tpsCode });
