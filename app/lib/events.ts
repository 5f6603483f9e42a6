// The live event contract (SPEC sections 5 and 7): every change appends one of these with a global,
// gap-free sequence number. The server sends `event` (one) or `events` (an ordered array) messages.

export type ResultStatus = "missing" | "submitted" | "flagged" | "conflict" | "verified";
export type DayStatus = "not_arrived" | "arrived" | "open" | "counting" | "reported";

export interface ResultUpdated {
  tpsCode: string;
  contest: string;
  status: ResultStatus;
  previousStatus: ResultStatus;
  revision: number;
  source: string;
  votes: Record<string, number>;
  invalid: number;
  /** What this change adds to the contest totals, so a dashboard needs no per-TPS history. */
  delta: { votes: Record<string, number>; invalid: number };
}

export interface TpsUpdated {
  tpsCode: string;
  dayStatus: DayStatus;
  lastSeenAt: string | null;
}

// --- officer (issue 3) ---
/** An officer checked in at their TPS; far = more than FAR_FROM_TPS_M away (allowed, with a note). */
export interface CheckinCreated { tpsCode: string; distanceM: number | null; far: boolean; note: string | null; at: string }
/** The opening checklist of a TPS changed: items answered "ok" of all active items, and the ones that are not. */
export interface ChecklistUpdated { tpsCode: string; ok: number; total: number; problems: { item: string; note: string | null }[] }
/** A photo arrived (a C1 form of a quick count, or an incident's). */
export interface PhotoAdded { photoId: string; tpsCode: string | null; purpose: "c1" | "incident" | "other"; contest: string | null; quickCountId: string | null; incidentId: string | null }

export interface EventPayloads {
  "result:updated": ResultUpdated;
  "tps:updated": TpsUpdated;
  "checkin:created": CheckinCreated;
  "checklist:updated": ChecklistUpdated;
  "photo:added": PhotoAdded;
}
export type EventType = keyof EventPayloads;

export type LiveEvent = {
  [K in EventType]: { seq: number; type: K; at: string; data: EventPayloads[K] };
}[EventType];
