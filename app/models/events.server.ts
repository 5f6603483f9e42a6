// Reading the event log: what a client missed since a sequence number, limited to what it may see.
import type { Db } from "~/utils/db.server";
import type { LiveEvent } from "~/lib/events";
import type { EventView } from "~/lib/access";
import { insideArea } from "./area.server";

export const MAX_EVENTS_PER_PAGE = 1000;

/** Events of the view's region and below (plus election-wide ones); for an officer, only their TPS's. */
export async function eventsAfter(
  sql: Db,
  {
    after,
    view: { scope, tpsCode, responderId },
    limit = MAX_EVENTS_PER_PAGE,
  }: { after: number; view: EventView; limit?: number },
) {
  const rows = await sql`
    select seq, type, at, data from events
    where seq > ${after}
      ${scope === null ? sql`` : sql`and (region is null or ${insideArea(sql, "region", scope)})`}
      ${tpsCode ? sql`and (data->>'tpsCode' = ${tpsCode} or (region is null and type not like 'incident:%' and type not like 'responder:%'))` : sql``}
      ${responderId ? sql`and data->'responderIds' @> jsonb_build_array(${responderId}::bigint)` : sql``}
    order by seq limit ${limit}`;
  return rows.map((r) => ({ seq: r.seq, type: r.type, at: (r.at as Date).toISOString(), data: r.data }) as LiveEvent);
}

export async function headSeq(sql: Db): Promise<number> {
  const [row] = await sql`select seq from event_head`;
  return row.seq as number;
}
