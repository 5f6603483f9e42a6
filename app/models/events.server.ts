// Reading the event log: what a client missed since a sequence number, limited to what it may see.
import type { Db } from "~/utils/db.server";
import type { LiveEvent } from "~/lib/events";
import type { CommittedEvent } from "~/utils/writer.server";
import type { EventView } from "~/lib/access";
import { insideArea } from "./area.server";

export const MAX_EVENTS_PER_PAGE = 1000;

/** An event as stored; its data is the payload its type names, checked when it was written. */
type EventRow = { seq: number; type: LiveEvent["type"]; at: Date; data: unknown };

const liveEvent = (r: EventRow) => ({ seq: r.seq, type: r.type, at: r.at.toISOString(), data: r.data }) as LiveEvent;

/** The events a view may replay, in the database's words: the same rule as app/lib/access.ts mayReceive. */
function visibleTo(sql: Db, { scope, tpsCode, responderId }: EventView) {
  if (responderId !== undefined) return sql`data->'responderIds' @> jsonb_build_array(${responderId}::bigint)`;
  if (tpsCode) return sql`data->>'tpsCode' = ${tpsCode}`;
  return insideArea(sql, "region", scope);
}

/** Events after a sequence number that a view may see, in order. */
export async function eventsAfter(
  sql: Db,
  { after, view, limit = MAX_EVENTS_PER_PAGE }: { after: number; view: EventView; limit?: number },
) {
  const rows = await sql<EventRow[]>`
    select seq, type, at, data from events
    where seq > ${after} and ${visibleTo(sql, view)}
    order by seq limit ${limit}`;
  return rows.map(liveEvent);
}

/** Committed events from one sequence number to another, as the writer publishes them (for live delivery
 *  of events that no message brought). */
export async function committedBetween(sql: Db, { from, to }: { from: number; to: number }): Promise<CommittedEvent[]> {
  const rows = await sql<(EventRow & { region: string | null })[]>`
    select seq, type, at, region, data from events where seq >= ${from} and seq <= ${to} order by seq limit 1000`;
  return rows.map((r) => ({ region: r.region, event: liveEvent(r) }));
}

export async function headSeq(sql: Db): Promise<number> {
  const [row] = await sql<[{ seq: number }]>`select seq from event_head`;
  return row.seq;
}
