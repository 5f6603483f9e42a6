// Reading the event log: what a client missed since a sequence number, limited to what it may see.
import type { Db } from "~/utils/db.server";
import type { LiveEvent } from "~/lib/events";
import type { CommittedEvent } from "~/utils/writer.server";
import { eventViewOf, mayReceive, mayReceiveIn, type AccessUser, type EventView } from "~/lib/access";
import { insideArea } from "./area.server";

export const MAX_EVENTS_PER_PAGE = 1000;

/** An event as stored; its data is the payload its type names, checked when it was written. */
type EventRow = { seq: number; type: LiveEvent["type"]; at: Date; data: unknown };

const liveEvent = (r: EventRow) => ({ seq: r.seq, type: r.type, at: r.at.toISOString(), data: r.data }) as LiveEvent;

/** The events a view might replay, in the database's words: a prefilter no narrower than the rooms the view
 *  joins, so the database reads little; the rule itself is app/lib/access.ts mayReceive, asked of each row. */
function mightSee(sql: Db, { scope, tpsCode, responderId }: EventView) {
  if (responderId !== undefined) return sql`data->'responderIds' @> jsonb_build_array(${responderId}::bigint)`;
  // An event of one TPS names it in tpsCode; a broadcast names each TPS it goes to in tpsCodes.
  if (tpsCode) return sql`(data->>'tpsCode' = ${tpsCode} or data->'tpsCodes' @> jsonb_build_array(${tpsCode}::text))`;
  return insideArea(sql, "region", scope);
}

/**
 * Events after a sequence number that a user may receive, in order, at most `limit`: replay asks the rule of
 * live delivery (mayReceive: the event's rooms against the user's) of every event the prefilter reads, so
 * it answers exactly what a connection of that user was pushed.
 */
export async function eventsAfter(
  sql: Db,
  { after, user, limit = MAX_EVENTS_PER_PAGE }: { after: number; user: AccessUser; limit?: number },
) {
  const view = eventViewOf(user);
  const events: LiveEvent[] = [];
  if (!view) return events;
  for (let from = after; ;) {
    const rows = await sql<(EventRow & { region: string | null })[]>`
      select seq, type, at, region, data from events
      where seq > ${from} and ${mightSee(sql, view)}
      order by seq limit ${limit}`;
    for (const row of rows) {
      if (!mayReceive(user, { region: row.region, data: row.data, type: row.type })) continue;
      events.push(liveEvent(row));
      if (events.length === limit) return events;
    }
    if (rows.length < limit) return events;
    from = rows[rows.length - 1].seq;
  }
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

/**
 * Events after a sequence number that a connection with areas open receives (`areas:open`): the same rule as
 * live delivery to its rooms (app/lib/access.ts mayReceiveIn), asked of every row the prefilter reads.
 */
export async function eventsInAreasAfter(
  sql: Db,
  {
    after,
    user,
    areas,
    rooms,
    limit = MAX_EVENTS_PER_PAGE,
  }: { after: number; user: AccessUser; areas: string[]; rooms: ReadonlySet<string>; limit?: number },
) {
  const events: LiveEvent[] = [];
  const everywhere = areas.includes("ID");
  const places = areas.filter((a) => a !== "ID");
  const inAreas = everywhere
    ? sql`true`
    : places.reduce((any, area) => sql`${any} or ${insideArea(sql, "region", area)}`, sql`region is null`);
  for (let from = after; ;) {
    const rows = await sql<(EventRow & { region: string | null })[]>`
      select seq, type, at, region, data from events
      where seq > ${from} and (${inAreas})
      order by seq limit ${limit}`;
    for (const row of rows) {
      if (!mayReceiveIn(user, rooms, { region: row.region, data: row.data, type: row.type })) continue;
      events.push(liveEvent(row));
      if (events.length === limit) return events;
    }
    if (rows.length < limit) return events;
    from = rows[rows.length - 1].seq;
  }
}

/** The regions of a list that exist, with their TPS counted up to `upTo + 1` (enough to tell "more than"). */
export async function areaSizes(sql: Db, { codes, upTo }: { codes: string[]; upTo: number }) {
  const sizes = new Map<string, number>();
  for (const code of codes) {
    if (code !== "ID") {
      const [region] = await sql`select 1 from regions where code = ${code}`;
      if (!region) continue;
    }
    const [{ n }] = await sql<[{ n: number }]>`
      select count(*)::int as n from (select 1 from tps
        where ${insideArea(sql, "kelurahan_code", code === "ID" ? null : code)} limit ${upTo + 1}) t`;
    sizes.set(code, n);
  }
  return sizes;
}
