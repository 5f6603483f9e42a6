// Reading the event log: what a client missed since a sequence number, limited to what it may see.
import type { Db } from "~/utils/db.server";
import type { LiveEvent } from "~/lib/events";
import type { View } from "./snapshot.server";

export const MAX_EVENTS_PER_PAGE = 1000;

/** Events of the view's region and below (plus election-wide ones); for an officer, only their TPS's. */
export async function eventsAfter(sql: Db, { after, view: { scope, tpsCode }, limit = MAX_EVENTS_PER_PAGE }: { after: number; view: View; limit?: number }) {
  const rows = await sql`
    select seq, type, at, data from events
    where seq > ${after}
      ${scope === null ? sql`` : sql`and (region is null or region = ${scope} or region like ${scope + ".%"})`}
      ${tpsCode ? sql`and (region is null or data->>'tpsCode' = ${tpsCode})` : sql``}
    order by seq limit ${limit}`;
  return rows.map((r) => ({ seq: r.seq, type: r.type, at: (r.at as Date).toISOString(), data: r.data }) as LiveEvent);
}

export async function headSeq(sql: Db): Promise<number> {
  const [row] = await sql`select seq from event_head`;
  return row.seq as number;
}
