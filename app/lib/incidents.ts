// Incidents: categories, severities and the workflow (docs/overview.md), shared by browser and server.
// Categories are a fixed default list for now (the admin may add more in settings): codes are stored,
// labels are shown.
import type { Lang } from "./i18n";

export const INCIDENT_CATEGORIES = [
  { code: "logistics", id: "Logistik (surat suara, kotak, formulir)", en: "Logistics (ballots, boxes, forms)" },
  { code: "voter_list", id: "Daftar pemilih (DPT)", en: "Voter list (DPT)" },
  { code: "intimidation", id: "Intimidasi", en: "Intimidation" },
  { code: "vote_buying", id: "Politik uang", en: "Vote buying" },
  { code: "violence", id: "Kekerasan / keamanan", en: "Violence / security" },
  { code: "procedure", id: "Pelanggaran prosedur", en: "Procedural violation" },
  { code: "weather", id: "Cuaca / bencana", en: "Weather / disaster" },
  { code: "other", id: "Lainnya", en: "Other" },
] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number]["code"];
export const CATEGORY_CODES = INCIDENT_CATEGORIES.map((c) => c.code) as [IncidentCategory, ...IncidentCategory[]];

export interface CategoryOption {
  code: string;
  id: string;
  en: string;
  active?: boolean;
}

/** The label of a category code, from the configured list (admin setting) or the defaults. */
export function categoryLabel(code: string, lang: Lang, list: readonly CategoryOption[] = INCIDENT_CATEGORIES): string {
  const found = list.find((c) => c.code === code) ?? INCIDENT_CATEGORIES.find((c) => c.code === code);
  return found ? found[lang] : code;
}

export const SEVERITIES = ["low", "medium", "high", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];
/** Higher = more urgent; the feed sorts by this, then by age. */
export const SEVERITY_RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2, critical: 3 };

export const INCIDENT_SOURCES = ["app", "paper", "phone", "sms", "citizen"] as const;
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];

export const INCIDENT_STATUSES = [
  "new",
  "acknowledged",
  "dispatched",
  "on_scene",
  "resolved",
  "rejected",
  "reopened",
] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export const CLOSED_STATUSES: IncidentStatus[] = ["resolved", "rejected"];

export const INCIDENT_ACTIONS = ["acknowledge", "dispatch", "on_scene", "resolve", "reject", "reopen"] as const;
export type IncidentAction = (typeof INCIDENT_ACTIONS)[number];

/**
 * The workflow: new -> acknowledged -> dispatched -> on_scene -> resolved; rejected (false
 * or duplicate) from any open state; reopened from a closed one. Dispatching again adds responders.
 */
const TRANSITIONS: Record<IncidentAction, { from: IncidentStatus[]; to: IncidentStatus }> = {
  acknowledge: { from: ["new", "reopened"], to: "acknowledged" },
  dispatch: { from: ["new", "acknowledged", "reopened", "dispatched", "on_scene"], to: "dispatched" },
  on_scene: { from: ["dispatched"], to: "on_scene" },
  resolve: { from: ["new", "acknowledged", "dispatched", "on_scene", "reopened"], to: "resolved" },
  reject: { from: ["new", "acknowledged", "dispatched", "on_scene", "reopened"], to: "rejected" },
  reopen: { from: ["resolved", "rejected"], to: "reopened" },
};

/** The status an action leads to, or null when the action is not allowed from `status`. */
export function nextStatus(status: IncidentStatus, action: IncidentAction): IncidentStatus | null {
  const rule = TRANSITIONS[action];
  return rule.from.includes(status) ? rule.to : null;
}

export function allowedActions(status: IncidentStatus): IncidentAction[] {
  return INCIDENT_ACTIONS.filter((a) => nextStatus(status, a) !== null);
}

/** Steps the server refuses without a note (422 naming `note`): a refusal says why in the timeline. */
export const NOTE_REQUIRED: readonly string[] = ["reject"];

/** What an operator does with a claim ("ditangani oleh"): take a free one, give up one's own, take another's. */
export const CLAIM_ACTIONS = ["claim", "release", "take_over"] as const;
export type ClaimAction = (typeof CLAIM_ACTIONS)[number];

/**
 * "Handled" (docs/decisions/036): someone at the command post has answered the incident, so its alert clears for
 * every operator. An incident is handled once it is claimed or has moved past `new`/`reopened` (acknowledged,
 * dispatched, on scene, resolved or rejected). A reopened incident is unhandled again until someone answers it:
 * a claim from before the reopening does not count.
 */
export function isHandled(i: { status: IncidentStatus; claimedAt: string | null; reopenedAt: string | null }): boolean {
  if (i.status !== "new" && i.status !== "reopened") return true;
  if (!i.claimedAt) return false;
  return i.status === "new" || !i.reopenedAt || Date.parse(i.claimedAt) >= Date.parse(i.reopenedAt);
}

/** Responders act only on incidents dispatched to them, and only these steps. */
export const RESPONDER_ACTIONS: IncidentAction[] = ["on_scene", "resolve"];

export interface IncidentTimes {
  createdAt: string;
  acknowledgedAt: string | null;
  dispatchedAt: string | null;
  onSceneAt: string | null;
  resolvedAt: string | null;
}

/** Response times in seconds: to acknowledge, to dispatch, to arrive, to resolve. */
export function responseTimes(t: IncidentTimes) {
  const since = (a: string | null, b: string | null) =>
    a && b ? Math.max(0, Math.round((Date.parse(b) - Date.parse(a)) / 1000)) : null;
  return {
    acknowledge: since(t.createdAt, t.acknowledgedAt),
    dispatch: since(t.createdAt, t.dispatchedAt),
    arrive: since(t.dispatchedAt, t.onSceneAt),
    resolve: since(t.createdAt, t.resolvedAt),
  };
}

/** "4:05" or "1:04:05" (h:mm:ss): reads the same in both languages. */
export function formatDuration(seconds: number | null): string {
  if (seconds == null) return "–";
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** One timeline step as the incidents export reads it (logins, not names: the export names accounts). */
export interface TimelineExportStep {
  at: string;
  action: string;
  actor: string | null;
  note: string | null;
  /** A takeover: whose claim it ended. */
  from?: string | null;
  /** A dispatch: the responders sent. */
  responders?: string[] | null;
}

/**
 * The incidents export's `timeline` cell: every step in order on one line, separated by " | ", each
 * "<time> <action> <login>[ -> responders | <- previous holder][: note]". One cell (not a row per step) keeps
 * one row per incident, so the export still filters and counts like the feed; the time is ISO 8601 in UTC like
 * the export's other time columns, and line breaks in a note become spaces so the row stays one line.
 */
export function timelineCell(steps: readonly TimelineExportStep[]): string {
  return steps
    .map((s) => {
      const at = new Date(s.at).toISOString();
      const who = s.actor ? ` ${s.actor}` : "";
      const extra =
        s.action === "dispatch" && s.responders?.length
          ? ` -> ${s.responders.join(" ")}`
          : s.action === "take_over" && s.from
            ? ` <- ${s.from}`
            : "";
      const note = s.note ? `: ${s.note.replace(/\s+/g, " ").trim()}` : "";
      return `${at} ${s.action}${who}${extra}${note}`;
    })
    .join(" | ");
}
