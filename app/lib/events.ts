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

export interface EventPayloads {
  "result:updated": ResultUpdated;
  "tps:updated": TpsUpdated;
}
export type EventType = keyof EventPayloads;

export type LiveEvent = {
  [K in EventType]: { seq: number; type: K; at: string; data: EventPayloads[K] };
}[EventType];
