// The live event contract (README "HTTP API", docs/decisions/002-event-log.md): every change appends one of
// these with a global, gap-free sequence number. The server sends `event` (one) or `events` (an ordered
// array) messages.

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
  /** "quick" (section IV + invalid) or "complete" (the whole C.Hasil). */
  completeness: "quick" | "complete";
  /** What this change adds to the contest totals, so a dashboard needs no per-TPS history. */
  delta: { votes: Record<string, number>; invalid: number };
}

export interface TpsUpdated {
  tpsCode: string;
  dayStatus: DayStatus;
  lastSeenAt: string | null;
}

// --- officer ---
/** An officer checked in at their TPS; far = more than FAR_FROM_TPS_M away (allowed, with a note). */
export interface CheckinCreated {
  tpsCode: string;
  distanceM: number | null;
  far: boolean;
  note: string | null;
  at: string;
}
/** A checklist of a TPS changed: items in order of all the phase's items, and the yes/no ones that are not. */
export interface ChecklistUpdated {
  tpsCode: string;
  /** The phase of the day (app/lib/checklists.ts); absent in events from before phases: the opening. */
  phase?: string;
  ok: number;
  total: number;
  problems: { item: string; note: string | null }[];
}
/** A photo arrived (a C1 form of a quick count, or an incident's). */
export interface PhotoAdded {
  photoId: string;
  tpsCode: string | null;
  purpose: "c1" | "incident" | "other";
  contest: string | null;
  quickCountId: string | null;
  incidentId: string | null;
}
/** An incident as every screen shows it. Carries responderIds: the event also goes to
 *  each responder's own room (app/lib/access.ts roomsFor). */
export interface IncidentData {
  id: string;
  tpsCode: string | null;
  /** Where the TPS is, for directions when the report has no coordinates of its own. */
  tps: { lat: number; lng: number; address: string } | null;
  regionCode: string | null;
  category: string;
  severity: "low" | "medium" | "high" | "critical";
  description: string;
  lat: number | null;
  lng: number | null;
  photoIds: string[];
  source: string;
  /** A citizen report accepted while citizen reports flooded in: shown after the others, never refused. */
  queued: boolean;
  status: "new" | "acknowledged" | "dispatched" | "on_scene" | "resolved" | "rejected" | "reopened";
  reporter: { id: number; name: string } | null;
  responderIds: number[];
  occurredAt: string;
  createdAt: string;
  acknowledgedAt: string | null;
  dispatchedAt: string | null;
  onSceneAt: string | null;
  resolvedAt: string | null;
  rejectedAt: string | null;
  reopenedAt: string | null;
  /** When staff shared a citizen's report with its TPS's officer, who sees it only from then on
   *  (app/lib/access.ts officerMaySee); null if not shared (and for every other source). */
  sharedAt: string | null;
  /** The operator who handles it now ("ditangani oleh"), since when; null when nobody claimed it
   *  (docs/decisions/036-alerts-follow-the-incident.md). */
  claimedBy: { id: number; name: string } | null;
  claimedAt: string | null;
}

export interface IncidentStep {
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actor: { id: number; name: string } | null;
  responderIds: number[];
  note: string | null;
  at: string;
  /** A takeover (`take_over`): whose claim it ended. */
  claimedFrom?: { id: number; name: string } | null;
  /** The names of `responderIds` (the timeline API; live events carry the ids only). */
  responderNames?: string[];
}

export interface IncidentUpdated extends IncidentData {
  /** The step that caused this update. */
  step: IncidentStep;
}

/** A paper form's double entry moved on (numbers are not in it: the second keying stays blind). */
export interface PaperUpdated {
  formId: string;
  tpsCode: string;
  contest: string;
  state: "awaiting_second" | "consolidated" | "conflict" | "resolved";
}

/** A responder shared their location (optional); shown on the command-post map. */
export interface ResponderLocated {
  responderId: number;
  name: string;
  lat: number;
  lng: number;
  accuracy: number | null;
  at: string;
}

/** An unusual rate of refused secrets (docs/decisions/030-guessing-and-flooding.md): the account-wide budget
 *  for strangers spent on one account, or many failures from one address or SMS sender. */
export interface SecurityAlert {
  id: number;
  kind: "account" | "address" | "sender";
  /** The login, the client address or the SMS sender (deliberately not named tpsCode: only the command post
   *  receives this, never the TPS's own officer). */
  subject: string;
  channel: "web" | "sms";
  failures: number;
  at: string;
}

/** A message from the posko to officers (app/models/broadcasts.server.ts). It reaches the room of each TPS in
 *  `tpsCodes` (app/lib/access.ts roomsFor) and the command post of its area. */
export interface BroadcastSent {
  id: string;
  body: string;
  target: "all" | "area" | "silent";
  area: string | null;
  author: string;
  createdAt: string;
  tpsCodes: string[];
}
/** How far a broadcast got: how many TPS it went to, how many phones fetched it, opened it, got it by SMS.
 *  No TPS in it, so it reaches the command post only. */
export interface BroadcastCounted {
  id: string;
  recipients: number;
  delivered: number;
  read: number;
  sms: number;
}

/** A process dispute (petition) was filed, took a step, got a hearing or a document. Filed under the KPU
 *  office's region (also in `disputeRegion`), it reaches the case officers of that region and admins only
 *  (app/lib/access.ts roomsFor); no parties' addresses or phones: a screen reloads what it shows. */
export interface DisputeChanged {
  id: string;
  disputeRegion: string;
  state: string;
  registerNumber: string | null;
  /** What happened: `file`, a step (app/lib/disputes.ts DISPUTE_ACTIONS), `hearing` or `document`. */
  change: string;
}

/** A violation case's public-safe summary, as its event carries it. */
export interface CaseChanged {
  id: string;
  kind: "laporan" | "temuan";
  state: string;
  registrationNumber: string | null;
  dueAt: string | null;
  step: string;
}

export interface EventPayloads {
  "result:updated": ResultUpdated;
  "tps:updated": TpsUpdated;
  "checkin:created": CheckinCreated;
  "checklist:updated": ChecklistUpdated;
  "photo:added": PhotoAdded;
  "incident:created": IncidentData;
  "incident:updated": IncidentUpdated;
  /** An operator claimed, released or took over an incident (step.action `claim`, `release`, `take_over`). */
  "incident:claimed": IncidentUpdated;
  "responder:located": ResponderLocated;
  "paper:updated": PaperUpdated;
  /** An admin changed a setting (app/lib/settings.ts); screens that show it may reload it. */
  "settings:updated": { key: string };
  /** Sessions that ended: every session of `userIds` (an admin disabled the account or set a new secret) and
   *  the single sessions of `sessions` (a logout; opaque ids, app/lib/access.ts sessionRoom). Their live
   *  connections are closed on every instance. */
  "accounts:signed-out": { userIds: number[]; sessions?: string[] };
  /** Refused secrets at an unusual rate; election-wide, so only the whole election's command post gets it. */
  "security:alert": SecurityAlert;
  "broadcast:sent": BroadcastSent;
  "broadcast:counted": BroadcastCounted;
  /** The person on a TPS's officer account changed (the roster, docs/decisions/038-officer-roster.md). Named
   *  `tps`, not tpsCode, so it goes to the command post only, never to the TPS's own phone; no names, no
   *  phones: a roster reloads its page. */
  "officer:changed": { tps: string; kind: "replace" | "move_out" | "move_in" };
  "dispute:changed": DisputeChanged;
  /** A violation case was filed or moved a step (app/lib/cases.ts). Case officers of its region and admins
   *  only (app/lib/access.ts caseRoomsFor); no personal data, no text: a list reloads the case. */
  "case:changed": CaseChanged;
}
export type EventType = keyof EventPayloads;

/** Every event type, at run time (a type added above does not compile until it is listed here): tests walk
 *  them all, so a new kind is covered without new test code. */
const EVENT_TYPE_SET: Record<EventType, true> = {
  "result:updated": true,
  "tps:updated": true,
  "checkin:created": true,
  "checklist:updated": true,
  "photo:added": true,
  "incident:created": true,
  "incident:updated": true,
  "incident:claimed": true,
  "responder:located": true,
  "paper:updated": true,
  "settings:updated": true,
  "accounts:signed-out": true,
  "security:alert": true,
  "broadcast:sent": true,
  "broadcast:counted": true,
  "officer:changed": true,
  "dispute:changed": true,
  "case:changed": true,
};
export const EVENT_TYPES = Object.keys(EVENT_TYPE_SET) as EventType[];

export type LiveEvent = {
  [K in EventType]: { seq: number; type: K; at: string; data: EventPayloads[K] };
}[EventType];
