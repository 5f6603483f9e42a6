// The incident feed held still under the operator's hand: while the pointer is over it or it is scrolled,
// its lines keep their order and place (each card still updates in place), and incidents that arrive wait
// behind a "3 baru" button until the operator asks for them or leaves. Pure, for the feed and its tests.
import type { FeedItem, IncidentMap } from "./incident-feed";

export type FeedSections = { main: FeedItem[]; queued: FeedItem[] };

const idsOfItems = (items: FeedItem[]) => items.flatMap((item) => [item.lead.id, ...item.similar.map((i) => i.id)]);

/** Every incident id the sections show. */
export const idsOf = (sections: FeedSections) =>
  new Set([...idsOfItems(sections.main), ...idsOfItems(sections.queued)]);

/**
 * The held lines with each incident as it is now, in the held order: nothing new comes in and nothing is
 * re-sorted while held. An incident the live feed no longer shows (resolved, rejected) does leave: the
 * operator who just closed it expects it gone.
 */
export function refreshHeld(held: FeedSections, incidents: IncidentMap, live: FeedSections): FeedSections {
  const still = idsOf(live);
  const fresh = (items: FeedItem[]) =>
    items.flatMap((item) => {
      const kept = [item.lead, ...item.similar].filter((i) => still.has(i.id)).map((i) => incidents[i.id] ?? i);
      return kept.length ? [{ lead: kept[0], similar: kept.slice(1) }] : [];
    });
  return { main: fresh(held.main), queued: fresh(held.queued) };
}

/** How many incidents the live feed has that the held one does not show: the "N baru" waiting. */
export function countWaiting(live: FeedSections, held: FeedSections): number {
  const shown = idsOf(held);
  let waiting = 0;
  for (const id of idsOf(live)) if (!shown.has(id)) waiting++;
  return waiting;
}
