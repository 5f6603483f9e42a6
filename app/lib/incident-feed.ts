// Incident lists on the command post and the responder screen: a map by id kept current by live events,
// ordered by severity then age (oldest first). Pure functions, shared by the browser and tests.
import type { IncidentData, LiveEvent } from "./events";
import { CLOSED_STATUSES, responseTimes, SEVERITY_RANK, type IncidentStatus } from "./incidents";

export type IncidentMap = Record<string, IncidentData>;

export function toIncidentMap(list: IncidentData[]): IncidentMap {
  return Object.fromEntries(list.map((i) => [i.id, i]));
}

/** Applies incident events; `keep` decides whether an incident belongs on this screen (e.g. a responder's own). */
export function applyIncidentEvents(
  map: IncidentMap,
  events: LiveEvent[],
  keep: (i: IncidentData) => boolean = () => true,
): IncidentMap {
  let next = map;
  for (const event of events) {
    if (event.type !== "incident:created" && event.type !== "incident:updated") continue;
    const { step: _step, ...incident } = event.data as IncidentData & { step?: unknown };
    next = { ...next };
    if (keep(incident)) next[incident.id] = incident;
    else delete next[incident.id];
  }
  return next;
}

export const isOpen = (i: { status: string }) => !CLOSED_STATUSES.includes(i.status as IncidentStatus);

/** Most urgent first: open before closed, then severity, then the oldest. */
export function sortIncidents(list: IncidentData[]): IncidentData[] {
  return [...list].sort(
    (a, b) =>
      Number(isOpen(b)) - Number(isOpen(a)) ||
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
      a.createdAt.localeCompare(b.createdAt),
  );
}

/** Critical incidents that arrived (or became critical) in these events: they raise the alert. */
export function newCriticals(events: LiveEvent[]): IncidentData[] {
  return events.flatMap((e) =>
    e.type === "incident:created" && e.data.severity === "critical"
      ? [e.data]
      : e.type === "incident:updated" && e.data.severity === "critical" && e.data.step.action === "reopen"
        ? [e.data]
        : [],
  );
}

/** Average response times (seconds) over the incidents that reached each step. */
export function averageTimes(list: IncidentData[]) {
  const times = list.map(responseTimes);
  const avg = (key: keyof ReturnType<typeof responseTimes>) => {
    const values = times.map((t) => t[key]).filter((v): v is number => v != null);
    return values.length ? Math.round(values.reduce((x, y) => x + y, 0) / values.length) : null;
  };
  return { acknowledge: avg("acknowledge"), dispatch: avg("dispatch"), arrive: avg("arrive"), resolve: avg("resolve") };
}
