// Who may see and do what: every rule about roles, areas, TPS, incidents, photos and events lives here,
// as pure functions a browser may import too. The server's gatekeeper (app/utils/permissions.server.ts)
// asks these rules and turns a "no" into a 401 or 403; the database asks the same area question through
// `insideArea` (app/models/area.server.ts), and the live server routes events through `roomsOf` and
// `roomsFor`, which agree with `mayReceive` (app/lib/access.test.ts walks every case).

import { RESPONDER_ACTIONS } from "./incidents";

export const ROLES = ["officer", "supervisor", "operator", "responder", "admin", "case_officer"] as const;
export type Role = (typeof ROLES)[number];

/** What the rules need to know about a signed-in user. */
export interface AccessUser {
  id: number;
  role: Role;
  /** The region a supervisor or case officer watches (kecamatan or wider); for an officer, the kelurahan of
   *  their TPS. */
  regionCode: string | null;
  /** An officer's own TPS. */
  tpsCode: string | null;
}

/** Actions a route asks for by name; the table below says which roles hold each. */
const PERMISSIONS = {
  /** Submit quick counts, TPS day status, check-ins and checklists, and read a TPS's detail. */
  "result:report": ["officer", "supervisor", "operator", "admin"],
  /** Report a quick count or an incident by SMS (the login is the TPS code, the secret its PIN). */
  "sms:report": ["officer"],
  /** Report an incident. */
  "incident:report": ["officer", "supervisor", "operator", "admin"],
  /** Move an incident through its workflow (which steps and which incidents: `canActOnIncident`). */
  "incident:transition": ["supervisor", "operator", "admin", "responder"],
  /** Read a citizen report's contact details. */
  "incident:citizen": ["supervisor", "operator", "admin"],
  /** Share a citizen's report with the officer of its TPS (which reports: `canShareWithOfficer`). */
  "incident:share": ["supervisor", "operator", "admin"],
  /** Claim an incident ("ditangani oleh"), release or take over a claim (which incidents: `canClaimIncident`). */
  "incident:claim": ["supervisor", "operator", "admin"],
  /** Upload a photo (which TPS: `canReportFor`). */
  "photo:upload": ["officer", "supervisor", "operator", "admin", "responder"],
  /** Verify, flag or correct a result (which TPS: `canReview`). */
  "result:review": ["supervisor", "operator", "admin"],
  /** Key in a paper C.Hasil form. */
  "paper:enter": ["operator", "admin"],
  /** Settle a paper form whose two keyings disagree. */
  "paper:resolve": ["supervisor", "admin"],
  /** Print paper forms and use the command post's dashboard, recap, projection and exports. */
  "posko:view": ["supervisor", "operator", "admin", "case_officer"],
  /** Read the audit log (a supervisor only their area's TPS). */
  "audit:read": ["supervisor", "operator", "admin"],
  /** Send messages to officers and follow their receipts (which officers: `areaOf`). */
  "broadcast:send": ["supervisor", "operator", "admin"],
  /** Check the audit chain and read SMS traffic. */
  "posko:operate": ["operator", "admin"],
  /** Download the whole audit log. */
  "audit:export": ["admin"],
  /** Share a live location with the command post. */
  "responder:locate": ["responder"],
  /** The officer's screens. */
  "officer:app": ["officer"],
  /** The responder's screen. */
  "responder:app": ["responder"],
  /** The field guide. */
  "guide:read": ["officer", "supervisor", "operator", "admin"],
  /** The contact list. */
  "contacts:read": ["officer", "supervisor", "operator", "responder", "admin"],
  /** The officer roster with officers' phones (which area: `areaWithin`). */
  "roster:read": ["supervisor", "operator", "admin"],
  /** Put a reserve in for a TPS's officer, move an officer (which TPS: `canManageOfficerAt`). */
  "roster:manage": ["supervisor", "operator", "admin"],
  /** Draw the projection's sample again after results of the current one came in, with a reason. */
  "projection:force": ["supervisor", "admin"],
  /** Accounts, election set-up, imports, settings. */
  "admin:manage": ["admin"],
  /** Issue officers' credential letters (new PINs) and their handover lists (which area: `mayIssueLettersFor`). */
  "letters:issue": ["supervisor", "admin"],
  /** Close a command-post shift after printing its handover sheet (for their own area). */
  "handover:close": ["supervisor", "operator", "admin"],
  // --- The data centre: supervisory staff's activity log (/pengawasan) ---
  /** Record and list supervision activities (campaign supervision, prevention) of their region (`areaOf`). */
  "supervision:record": ["case_officer", "admin"],
  // --- the voter-list check (docs/decisions/047-voter-list-check.md) ---
  /** Download their own TPS's voter list to the phone, and report the lookups made in it (`mayHoldVoterList`). */
  "voters:check": ["officer"],
  // The TPS supervision report (Form A) and the staff archive (decision 048).
  /** Send the supervision report of one's own TPS (which TPS: `canReportFor`). */
  "report:submit": ["officer"],
  /** Open and print a TPS's supervision report, upload its signed scan (which TPS: `canReadReport`). */
  "report:read": ["supervisor", "operator", "admin", "case_officer"],
  /** Accept a TPS's supervision report, after which its officer can no longer replace it. */
  "report:accept": ["supervisor", "operator", "admin"],
  /** Search the archive of reports, C.Hasil photos and documents, and download from it (within `areaOf`). */
  "archive:read": ["supervisor", "operator", "admin", "case_officer"],
  // --- Process disputes (SIPS, app/lib/disputes.ts): which petitions, `canHandleDispute`. ---
  /** File petitions, take their steps, schedule hearings, read the register and its documents. */
  "dispute:handle": ["case_officer", "admin"],

  // --- Violation cases (laporan and temuan; app/lib/cases.ts) ---
  /** Read and work violation cases, raise a temuan, read their recap (which cases: `canSeeCase`). */
  "case:handle": ["case_officer", "admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

export function can(user: { role: Role } | null, permission: Permission): boolean {
  return !!user && (PERMISSIONS[permission] as readonly Role[]).includes(user.role);
}

/** Whether a region code lies inside an area (itself or below it); a null area is the whole election. */
export function inArea(regionCode: string | null, area: string | null): boolean {
  if (area === null) return true;
  return !!regionCode && (regionCode === area || regionCode.startsWith(area + "."));
}

/** What a user's snapshot and results lists contain: an area (null = all) and, for officers, one TPS. */
export interface View {
  scope: string | null;
  tpsCode?: string | null;
}

/** The results view of a user; null for roles without one (responders see incidents, not results). */
export function viewOf(user: AccessUser): View | null {
  switch (user.role) {
    case "operator":
    case "admin":
      return { scope: null };
    // A case officer (Bawaslu/Panwaslu) reads the results of the region it supervises, like a supervisor,
    // without acting on them.
    case "supervisor":
    case "case_officer":
      return user.regionCode ? { scope: user.regionCode } : null;
    case "officer":
      return { scope: user.regionCode, tpsCode: user.tpsCode };
    default:
      return null;
  }
}

/** Which contests a caller is given (GET /api/v1/contests): the public and roles without a results view
 *  (responders) every contest, as a ballot holds no personal data; everyone else those of their results
 *  view, as in their snapshot (a supervisor without a region none). */
export function contestViewOf(user: AccessUser | null): View {
  if (!user) return { scope: null };
  if ((user.role === "supervisor" || user.role === "case_officer") && !user.regionCode) return { scope: "-" };
  return viewOf(user) ?? { scope: null };
}

/** The area a command-post user's lists, exports and paper forms cover: a supervisor's or case officer's
 *  own (none when it has no region), else all. */
export function areaOf(user: AccessUser): string | null {
  return user.role === "supervisor" || user.role === "case_officer" ? (user.regionCode ?? "-") : null;
}

/** An area a user asked for, kept inside a supervisor's own area (their own when outside it). */
export function areaWithin(user: AccessUser, asked: string | null): string | null {
  const own = areaOf(user);
  if (own === null) return asked;
  return asked && inArea(asked, own) ? asked : own;
}

/** Whether a user may name this TPS in a report: an officer only their own (others: `canReportFor`). */
export function mayNameTps(user: AccessUser, tpsCode: string | null | undefined): boolean {
  return user.role !== "officer" || tpsCode === user.tpsCode;
}

/** Which incidents a user's lists hold: the database side of `canSeeIncident` (`officerView`: the database
 *  side of `officerMaySee`). */
export function incidentViewOf(user: AccessUser): {
  scope: string | null;
  tpsCode: string | null;
  responderId?: number;
  officerView?: boolean;
} {
  return {
    scope: areaOf(user),
    tpsCode: user.role === "officer" ? (user.tpsCode ?? "-") : null,
    responderId: user.role === "responder" ? user.id : undefined,
    ...(user.role === "officer" ? { officerView: true } : {}),
  };
}

/** Whether a user may report for a TPS: officers only their own, supervisors inside their area. */
export function canReportFor(user: AccessUser, tps: { code: string; kelurahanCode: string }): boolean {
  switch (user.role) {
    case "officer":
      return user.tpsCode === tps.code;
    case "supervisor":
      return !!user.regionCode && inArea(tps.kelurahanCode, user.regionCode);
    case "operator":
    case "admin":
      return true;
    default:
      return false;
  }
}

/** Whether a user may change the person on a TPS's officer account: roster managers, supervisors in their area. */
export function canManageOfficerAt(user: AccessUser, tps: { code: string; kelurahanCode: string }): boolean {
  return can(user, "roster:manage") && canReportFor(user, tps);
}

/** Whether a user may upload a photo for a TPS (a C.Hasil photo, or one for an incident not yet filed): who
 *  may report for the TPS. A responder's photos belong to incidents dispatched to them (`canAttachPhotoTo`). */
export function canUploadPhotoFor(user: AccessUser, tps: { code: string; kelurahanCode: string }): boolean {
  return can(user, "photo:upload") && canReportFor(user, tps);
}

/** Whether a user's report may replace a verified result: only a review may, officers get a conflict. */
export function mayReplaceVerified(user: AccessUser): boolean {
  return user.role !== "officer";
}

/** Whether a user may review a TPS's results: reviewers, supervisors only inside their area. */
export function canReview(user: AccessUser, tps: { code: string; kelurahanCode: string }): boolean {
  return can(user, "result:review") && canReportFor(user, tps);
}

type IncidentScope = {
  regionCode: string | null;
  tpsCode: string | null;
  responderIds: number[];
  source: string;
  sharedAt: string | null;
};

/** Whether the officer of an incident's TPS may see it: a citizen's report only once staff shared it, as the
 *  officer may be the one reported on (a whistleblower's text and place must not reach them unchecked). */
export function officerMaySee(incident: { source?: unknown; sharedAt?: unknown }): boolean {
  return incident.source !== "citizen" || (typeof incident.sharedAt === "string" && incident.sharedAt !== "");
}

/** Who may see an incident: command post everywhere, supervisors and case officers in their area (as their
 *  events reach them), responders theirs, officers their TPS's. */
export function canSeeIncident(user: AccessUser, incident: IncidentScope): boolean {
  switch (user.role) {
    case "operator":
    case "admin":
      return true;
    case "supervisor":
    case "case_officer":
      return !!user.regionCode && inArea(incident.regionCode, user.regionCode);
    case "responder":
      return incident.responderIds.includes(user.id);
    case "officer":
      return !!incident.tpsCode && incident.tpsCode === user.tpsCode && officerMaySee(incident);
    default:
      return false;
  }
}

/** Command post everywhere, supervisors in their area, responders the field steps of their own incidents. */
export function canActOnIncident(user: AccessUser, incident: IncidentScope, action: string): boolean {
  switch (user.role) {
    case "operator":
    case "admin":
      return true;
    case "supervisor":
      return canSeeIncident(user, incident);
    case "responder":
      return incident.responderIds.includes(user.id) && (RESPONDER_ACTIONS as readonly string[]).includes(action);
    default:
      return false;
  }
}

/** Whether a user may share a citizen's report about a TPS with that TPS's officer: staff who may act on it. */
export function canShareWithOfficer(user: AccessUser, incident: IncidentScope): boolean {
  return can(user, "incident:share") && canActOnIncident(user, incident, "share");
}

/** Staff who may act on an incident may claim it, release their claim or take another's over. */
export function canClaimIncident(user: AccessUser, incident: IncidentScope): boolean {
  return can(user, "incident:claim") && canActOnIncident(user, incident, "claim");
}

/** Whether a user may attach a photo to a filed incident: its reporter, the officer of its TPS (when they
 *  may see it), the staff who may act on it and the responders dispatched to it. */
export function canAttachPhotoTo(user: AccessUser, incident: IncidentScope & { reporter: { id: number } | null }) {
  if (!can(user, "photo:upload")) return false;
  if (incident.reporter?.id === user.id) return true;
  if (user.role === "officer") return canSeeIncident(user, incident);
  return canActOnIncident(user, incident, "on_scene");
}

/** Whether a user may issue the credential letters of an area or TPS code: admins anywhere, a supervisor (a
 *  kecamatan coordinator) only inside their own area. */
export function mayIssueLettersFor(user: AccessUser | null, area: string): boolean {
  if (!can(user, "letters:issue")) return false;
  // A TPS code (1673011002-002) names its kelurahan (16.73.01.1002) in its first ten digits.
  const tps = /^(\d{2})(\d{2})(\d{2})(\d{4})-\d{3}$/.exec(area);
  const region = tps ? tps.slice(1, 5).join(".") : area;
  return user!.role === "admin" || (!!user!.regionCode && inArea(region, user!.regionCode));
}

/** Whether a user may report an incident at a place: officers at their TPS, supervisors inside their area. */
export function canReportIncidentAt(user: AccessUser, place: { tpsCode: string | null; regionCode: string | null }) {
  if (!can(user, "incident:report")) return false;
  if (user.role === "officer" && place.tpsCode !== null && place.tpsCode !== user.tpsCode) return false;
  if (user.role === "supervisor" && !inArea(place.regionCode, user.regionCode)) return false;
  return true;
}

/** Whether a user may see a photo: anyone (the public too) a C.Hasil photo of a verified result, as the
 *  official form is public; else its uploader, whoever may report for its TPS, responders of its incident;
 *  a photo without a TPS only the command post. */
export function canSeePhoto(
  user: AccessUser | null,
  photo: { uploaderId: number; tpsCode: string | null; kelurahanCode: string | null; ofVerifiedResult?: boolean },
  { dispatchedToUser }: { dispatchedToUser: boolean },
): boolean {
  if (photo.ofVerifiedResult) return true;
  if (!user) return false;
  if (dispatchedToUser && user.role === "responder") return true;
  if (photo.uploaderId === user.id) return true;
  if (photo.tpsCode && photo.kelurahanCode)
    return canReportFor(user, { code: photo.tpsCode, kelurahanCode: photo.kelurahanCode });
  return user.role === "operator" || user.role === "admin";
}

// --- Process disputes (SIPS): the case officers of the KPU office's region, and admins. ---

/** Whether a user may read and act on a petition against a KPU office of this region. */
export function canHandleDispute(user: AccessUser, regionCode: string): boolean {
  if (!can(user, "dispute:handle")) return false;
  return user.role === "admin" || (!!user.regionCode && inArea(regionCode, user.regionCode));
}

// --- Violation cases ---

/** Whether a user may read and work a case: admins every case, a case officer those placed in their region.
 *  A case with no region (a v1 report naming only a place text) is the admins' to place. Officers,
 *  responders, operators and supervisors never see cases: a report may be about them. */
export function canSeeCase(user: AccessUser | null, c: { regionCode: string | null }): boolean {
  if (!can(user, "case:handle")) return false;
  if (user!.role === "admin") return true;
  return !!user!.regionCode && inArea(c.regionCode, user!.regionCode);
}

/** Event kinds delivered in rooms of their own, `<room>:<area>` for the region they are filed under and every
 *  area above it, joined only by those who hold the permission (`ownRoomsOf`), outside the view's stream. */
const OWN_ROOMS: ReadonlyMap<string, "cases" | "disputes"> = new Map([
  ["case:changed", "cases"],
  ["dispute:changed", "disputes"],
]);
export const OWN_ROOM_EVENTS: readonly string[] = [...OWN_ROOMS.keys()];
const OWN_ROOM_PERMISSION = { cases: "case:handle", disputes: "dispute:handle" } as const;

/** The own rooms a user joins: for each kind they may handle, the one of their area (`areaOf`: a case
 *  officer's region, all for admins). */
const ownRoomsOf = (user: AccessUser | null): string[] => {
  if (!user) return [];
  const area = areaOf(user);
  if (area === "-") return [];
  return Object.entries(OWN_ROOM_PERMISSION)
    .filter(([, permission]) => can(user, permission))
    .map(([room]) => `${room}:${area ?? "*"}`);
};

// --- Events: replay (`resume`, GET /api/v1/events) and live delivery answer the same question. ---

/** What a user may replay: an area (null = all), an officer's TPS, or a responder's dispatched incidents. */
export type EventView = { scope: string | null; tpsCode?: string | null; responderId?: number };

/** The command post and supervisors replay their results view; an officer the events of their TPS; a
 *  responder the incidents dispatched to them. */
export function eventViewOf(user: AccessUser | null): EventView | null {
  if (!user) return null;
  if (user.role === "officer") return user.tpsCode ? { scope: null, tpsCode: user.tpsCode } : null;
  if (user.role === "responder") return { scope: null, responderId: user.id };
  return viewOf(user);
}

/** The parts of a committed event that decide who receives it. */
export interface EventAddress {
  /** The region the writer filed it under (a kelurahan, usually); null for election-wide events. */
  region: string | null;
  data: unknown;
  /** Its type: a dashboard open at an upper level takes running totals instead of the per-TPS kinds. */
  type?: string;
}

/** Event kinds that happen once per TPS, many times over: a dashboard open on an area too large for TPS
 *  markers (`feed:<area>`) does not receive them one by one; it receives the area's running totals. */
export const PER_TPS_EVENT_TYPES: readonly string[] = [
  "result:updated",
  "tps:updated",
  "checkin:created",
  "checklist:updated",
  "photo:added",
  "paper:updated",
];

const tpsOf = (data: unknown) => (data as { tpsCode?: unknown } | null)?.tpsCode;
const tpsListOf = (data: unknown) => {
  const codes = (data as { tpsCodes?: unknown } | null)?.tpsCodes;
  return Array.isArray(codes) ? codes.filter((c): c is string => typeof c === "string") : [];
};
const respondersOf = (data: unknown) => {
  const ids = (data as { responderIds?: unknown } | null)?.responderIds;
  return Array.isArray(ids) ? (ids as number[]) : [];
};

/** The one rule: whether a user receives an event, live or on replay — whether one of the rooms the event
 *  goes to (`roomsFor`) is one the user's connection joins (`roomsOf`). Live delivery asks Socket.IO's rooms,
 *  replay asks this function: both ask the same two. Election-wide events (no region) reach the command post
 *  only; an officer gets their TPS's events (a citizen's report once shared), a responder their dispatched
 *  incidents. */
export function mayReceive(user: AccessUser | null, event: EventAddress): boolean {
  const joined = new Set(roomsOf(user));
  return roomsFor(event).some((room) => joined.has(room));
}

/** The room of the live connections opened with one session (its opaque id): a logout closes them on every
 *  instance. No event goes there. */
export const sessionRoom = (socketId: string) => `session:${socketId}`;

/** The Socket.IO rooms a connection joins. `user:<id>` lets the server end a signed-out account's
 *  connections (no event goes there; nor to `sessionRoom`, joined beside these); the public page's `public`
 *  room gets aggregates only, never events. */
export function roomsOf(user: AccessUser | null): string[] {
  if (!user) return ["public"];
  const rooms = [`user:${user.id}`, ...ownRoomsOf(user)];
  const view = eventViewOf(user);
  if (!view) return rooms;
  if (view.responderId !== undefined) rooms.push(`responder:${view.responderId}`);
  else if (view.tpsCode) rooms.push(`tps:${view.tpsCode}`);
  else rooms.push(view.scope === null ? "scope:*" : `scope:${view.scope}`);
  return rooms;
}

/** The rooms an event goes to: the whole election's, each area above its region, its TPS's and the rooms
 *  of the responders it is dispatched to. A connection that opened areas (`areaRoomsOf`) joins, instead of
 *  its whole view, `scope:<area>` (every event), `feed:<area>` (all but the per-TPS kinds), and `unplaced`
 *  (events of no region, for a view of the whole election). */
export function roomsFor({ region, data, type }: EventAddress): string[] {
  // A case's or a petition's changes reach those who handle them in its region, and nobody else (not the
  // command post's other roles, never an officer or the public).
  const own = type === undefined ? undefined : OWN_ROOMS.get(type);
  if (own) {
    const parts = region ? region.split(".") : [];
    return [`${own}:*`, ...parts.map((_, i) => `${own}:${parts.slice(0, i + 1).join(".")}`)];
  }
  const rooms = ["scope:*"];
  const feed = type !== undefined && !PER_TPS_EVENT_TYPES.includes(type);
  if (feed) rooms.push("feed:*");
  if (region) {
    const parts = region.split(".");
    for (let i = 1; i <= parts.length; i++) {
      const area = parts.slice(0, i).join(".");
      rooms.push(`scope:${area}`);
      if (feed) rooms.push(`feed:${area}`);
    }
  } else rooms.push("unplaced");
  const tpsCode = tpsOf(data);
  if (typeof tpsCode === "string" && officerMaySee(data ?? {})) rooms.push(`tps:${tpsCode}`);
  // A broadcast goes to the room of each TPS it names.
  for (const code of tpsListOf(data)) rooms.push(`tps:${code}`);
  for (const id of respondersOf(data)) rooms.push(`responder:${id}`);
  return rooms;
}

// --- Areas a dashboard has open (socket `areas:open`): it receives only their events. ---

/** The root of the drill-down (app/lib/region-summary.ts ELECTION_ROOT): every region of the election. */
const ROOT = "ID";

/** Whether a user may open an area on their live connection: a results view (no officer's TPS, no responder)
 *  that holds the area; the root only for a view of the whole election. */
export function mayOpenArea(user: AccessUser | null, area: string): boolean {
  const view = eventViewOf(user);
  if (!view || view.tpsCode || view.responderId !== undefined) return false;
  return area === ROOT ? view.scope === null : inArea(area, view.scope);
}

/**
 * The rooms a connection joins for the areas it opened, in place of its whole view's: per area `scope:<area>`
 * when it shows the area's TPS (every event), else `feed:<area>` (incidents and the other non-per-TPS kinds;
 * the running totals come as `totals:<area>`); a view of the whole election also keeps the events of no
 * region (`unplaced`: responder positions, security alerts). Only areas `mayOpenArea` allows.
 */
export function areaRoomsOf(user: AccessUser, areas: { code: string; showsTps: boolean }[]): string[] {
  const rooms = new Set<string>();
  for (const { code, showsTps } of areas) {
    if (!mayOpenArea(user, code)) continue;
    const key = code === ROOT ? "*" : code;
    rooms.add(`${showsTps ? "scope" : "feed"}:${key}`);
    rooms.add(`totals:${code}`);
  }
  if (rooms.size && eventViewOf(user)?.scope === null) rooms.add("unplaced");
  // Opening areas of the map does not change which cases and petitions a user follows.
  if (rooms.size) for (const room of ownRoomsOf(user)) rooms.add(room);
  return [...rooms];
}

/** The rooms a visitor's connection (the public page) joins for the areas it opened, in place of the `public`
 *  room: `public-totals:<area>` only, the area's public totals and its children's (aggregates, no incidents,
 *  no events). A visitor may open any region of the election. */
export function publicAreaRoomsOf(areas: string[]): string[] {
  return areas.map((code) => `public-totals:${code}`);
}

/** The rule of a connection that opened areas, live and on replay: the user may receive the event, and one of
 *  its rooms is one the connection joined. */
export function mayReceiveIn(user: AccessUser | null, joined: ReadonlySet<string>, event: EventAddress): boolean {
  return mayReceive(user, event) && roomsFor(event).some((room) => joined.has(room));
}

// --- the voter-list check (docs/decisions/047-voter-list-check.md) ---
/** Only the officer of a TPS holds its voter list: no one else, not even staff, downloads it. */
export const mayHoldVoterList = (user: AccessUser, tpsCode: string) =>
  can(user, "voters:check") && user.tpsCode === tpsCode;
// --- The TPS supervision report (Form A) and the archive (decision 048) ---------------------------------------

/** Whether a staff member may open a TPS's supervision report: the report's readers, inside their area. */
export function canReadReport(user: AccessUser, tps: { kelurahanCode: string }): boolean {
  return can(user, "report:read") && inArea(tps.kelurahanCode, areaOf(user));
}

/** Whether a staff member may accept a TPS's supervision report: acceptors, inside their area. */
export function canAcceptReport(user: AccessUser, tps: { kelurahanCode: string }): boolean {
  return can(user, "report:accept") && inArea(tps.kelurahanCode, areaOf(user));
}

/** Whether an archived file about `regionCode` (null: no place) is within a staff member's archive. */
export function canSeeInArchive(user: AccessUser, regionCode: string | null): boolean {
  const area = areaOf(user);
  return can(user, "archive:read") && (area === null || inArea(regionCode, area));
}
