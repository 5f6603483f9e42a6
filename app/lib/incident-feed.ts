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
    if (event.type !== "incident:created" && event.type !== "incident:updated" && event.type !== "incident:claimed")
      continue;
    const { step: _step, ...incident } = event.data as IncidentData & { step?: unknown };
    next = { ...next };
    if (keep(incident)) next[incident.id] = incident;
    else delete next[incident.id];
  }
  return next;
}

export const isOpen = (i: { status: string }) => !CLOSED_STATUSES.includes(i.status as IncidentStatus);

/** Still waiting in the flood queue: queued on arrival and not yet acted on by an operator. */
export const inQueue = (i: { queued: boolean; status: string }) => i.queued && i.status === "new";

/** Most urgent first: open before closed, reports still in the flood queue after the others, then severity,
 *  then the oldest. */
export function sortIncidents(list: IncidentData[]): IncidentData[] {
  return [...list].sort(
    (a, b) =>
      Number(isOpen(b)) - Number(isOpen(a)) ||
      Number(inQueue(a)) - Number(inQueue(b)) ||
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
      a.createdAt.localeCompare(b.createdAt),
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

/**
 * What makes two unverified citizen reports "the same" for the feed: the category and the words of the
 * description, without case, digits, punctuation, spacing or the appended place. A flood of copies (numbers
 * or places varied to look new) then takes one line, and a real report with its own words stands apart.
 * Staff reports and reports an operator has acted on are never grouped.
 */
export function similarityKey(i: IncidentData): string | null {
  if (i.source !== "citizen" || i.status !== "new") return null;
  const words = i.description
    .split("\n— ")[0]
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}]+/gu, " ")
    .trim();
  return `${i.category}|${words.slice(0, 160)}`;
}

/** One line of the feed: an incident, with the near-identical reports that came after it. */
export interface FeedItem {
  lead: IncidentData;
  similar: IncidentData[];
}

/** Groups near-identical reports under the first of them, keeping the list's order otherwise. */
export function groupSimilar(list: IncidentData[]): FeedItem[] {
  const items: FeedItem[] = [];
  const byKey = new Map<string, FeedItem>();
  for (const incident of list) {
    const key = similarityKey(incident);
    const group = key ? byKey.get(key) : undefined;
    if (group) {
      group.similar.push(incident);
      continue;
    }
    const item = { lead: incident, similar: [] };
    items.push(item);
    if (key) byKey.set(key, item);
  }
  return items;
}

/**
 * The feed in two parts, each sorted and grouped: everything but the flood queue, then the reports queued
 * while citizen reports flooded in (app/models/reports.server.ts RATE.floodAt), which an operator opens
 * when there is time. Spam then never pushes a staff report or an earlier citizen report down the list.
 */
export function feedSections(list: IncidentData[]): { main: FeedItem[]; queued: FeedItem[] } {
  const sorted = sortIncidents(list);
  return {
    main: groupSimilar(sorted.filter((i) => !inQueue(i))),
    queued: groupSimilar(sorted.filter(inQueue)),
  };
}
