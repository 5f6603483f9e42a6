// Alerts follow the incident (docs/decisions/036-alerts-follow-the-incident.md): the command post's alerts are
// not toasts an operator closes but a view of the incidents' state. An alert shows while its critical incident
// is unhandled (app/lib/incidents.ts isHandled), for every operator and after every reload, and escalates once
// it has waited longer than the admin's setting. Pure: the caller gives the time, so tests need no clock.
import type { IncidentData } from "./events";
import { inQueue } from "./incident-feed";
import { isHandled, type Severity } from "./incidents";

/** The severities that raise an alert on the command post. */
export const ALERT_SEVERITIES: readonly Severity[] = ["critical"];

export interface IncidentAlert {
  incident: IncidentData;
  /** Since when it waits for an answer: its report, or its reopening. */
  since: string;
  /** Whole seconds and whole minutes it has waited (0 while `now` is unknown). */
  waitingSeconds: number;
  waitingMinutes: number;
  /** Unanswered past the configured time: a stronger style and a repeated sound. */
  escalated: boolean;
}

/**
 * The alerts the incidents raise at `now` (ms since the epoch; null before the page knows the time): critical
 * incidents not yet handled, reports still in the citizen flood queue aside. Most urgent first: escalated
 * before the others, then the one waiting longest.
 */
export function deriveAlerts(
  incidents: Iterable<IncidentData>,
  now: number | null,
  { escalateAfterSeconds }: { escalateAfterSeconds: number },
): IncidentAlert[] {
  const alerts: (IncidentAlert & { waitedMs: number })[] = [];
  for (const incident of incidents) {
    if (!ALERT_SEVERITIES.includes(incident.severity) || isHandled(incident) || inQueue(incident)) continue;
    const since = (incident.status === "reopened" && incident.reopenedAt) || incident.createdAt;
    const waitedMs = now == null ? 0 : Math.max(0, now - Date.parse(since));
    alerts.push({
      incident,
      since,
      waitedMs,
      waitingSeconds: Math.floor(waitedMs / 1000),
      waitingMinutes: Math.floor(waitedMs / 60_000),
      escalated: now != null && waitedMs >= escalateAfterSeconds * 1000,
    });
  }
  alerts.sort(
    (a, b) =>
      Number(b.escalated) - Number(a.escalated) ||
      a.since.localeCompare(b.since) ||
      a.incident.id.localeCompare(b.incident.id),
  );
  return alerts.map(({ waitedMs: _waited, ...alert }) => alert);
}
