// The one queue of SMS Pantau sends (replies and broadcasts), whatever the gateway: each row has a status
// (queued -> sending -> sent -> delivered, or failed), its tries, and the gateway's id, which delivery
// receipts name. Gateways with an API are sent to by app/utils/sms-sender.server.ts; a polling gateway
// (SMSSync) collects its rows. Rows are claimed with SKIP LOCKED, so several instances share the work.
import { createHash, randomUUID } from "node:crypto";
import type { Sql, TransactionSql } from "postgres";

export type OutboundStatus = "queued" | "sending" | "sent" | "delivered" | "failed";

export interface OutboundRow {
  id: string;
  toNumber: string;
  body: string;
  attempts: number;
}

/** A row id made from a text: the same gateway message never queues its reply twice. */
export function outboundIdFrom(text: string): string {
  const h = createHash("sha256").update(text).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Queues one SMS (or records one the gateway carries in its answer: status "sent"); its id, or null when a
 *  row of that id was queued before. */
export async function queueSms(
  sql: Sql | TransactionSql,
  {
    id = randomUUID(),
    gateway,
    to,
    body,
    purpose,
    status = "queued",
  }: {
    id?: string;
    gateway: string;
    to: string;
    body: string;
    purpose: "reply" | "broadcast";
    status?: "queued" | "sent";
  },
): Promise<string | null> {
  const rows = await sql`
    insert into sms_outbound (id, gateway, to_number, body, purpose, status, sent_at)
    values (${id}, ${gateway}, ${to.slice(0, 40)}, ${body.slice(0, 1600)}, ${purpose}, ${status},
      ${status === "sent" ? sql`now()` : null})
    on conflict (id) do nothing returning id`;
  return rows.length ? id : null;
}

/** Takes up to `limit` due rows for sending; a row taken is not due again for `leaseMs` (a crashed sender's
 *  rows come back by themselves). */
export async function claimDue(
  sql: Sql,
  { gateway, limit, leaseMs }: { gateway: string; limit: number; leaseMs: number },
): Promise<OutboundRow[]> {
  return sql<OutboundRow[]>`
    update sms_outbound set status = 'sending', attempts = attempts + 1,
      next_at = now() + make_interval(secs => ${leaseMs / 1000})
    where id in (
      select id from sms_outbound
      where gateway = ${gateway} and status in ('queued', 'sending') and next_at <= now()
      order by next_at limit ${limit} for update skip locked)
    returning id, to_number, body, attempts`;
}

/** The outcome of one send: sent (with the gateway's id), again later, or failed for good. */
export async function settleSend(
  sql: Sql,
  {
    id,
    gatewayMessageId = null,
    error = null,
    retryInMs = null,
  }: { id: string; gatewayMessageId?: string | null; error?: string | null; retryInMs?: number | null },
) {
  if (error === null) {
    await sql`update sms_outbound set status = 'sent', sent_at = now(), last_error = null,
      gateway_message_id = ${gatewayMessageId?.slice(0, 200) ?? null} where id = ${id} and status = 'sending'`;
  } else if (retryInMs !== null) {
    await sql`update sms_outbound set status = 'queued', last_error = ${error.slice(0, 500)},
      next_at = now() + make_interval(secs => ${retryInMs / 1000}) where id = ${id} and status = 'sending'`;
  } else {
    await sql`update sms_outbound set status = 'failed', last_error = ${error.slice(0, 500)}
      where id = ${id} and status = 'sending'`;
  }
}

/** A polling gateway confirmed these of its rows sent; the ids it knew. */
export async function confirmSent(sql: Sql, { gateway, ids }: { gateway: string; ids: string[] }): Promise<string[]> {
  const uuids = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id)).slice(0, 500);
  if (!uuids.length) return [];
  const rows = await sql<{ id: string }[]>`
    update sms_outbound set status = 'sent', sent_at = coalesce(sent_at, now())
    where gateway = ${gateway} and id = any(${uuids}::uuid[]) and status in ('queued', 'sending', 'sent')
    returning id`;
  return rows.map((r) => r.id);
}

/** A delivery receipt: the row named by the gateway's id (or Pantau's own) moves on; never backwards. */
export async function applyReceipt(
  sql: Sql,
  {
    gateway,
    messageId,
    status,
    error,
  }: { gateway: string; messageId: string; status: "sent" | "delivered" | "failed"; error?: string },
): Promise<boolean> {
  const own = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(messageId) ? messageId : null;
  const rows = await sql`
    update sms_outbound set
      status = case when status = 'delivered' then status else ${status} end,
      delivered_at = case when ${status} = 'delivered' then coalesce(delivered_at, now()) else delivered_at end,
      sent_at = coalesce(sent_at, now()),
      last_error = case when ${status} = 'failed' then ${(error ?? "failed").slice(0, 500)} else last_error end
    where gateway = ${gateway}
      and (gateway_message_id = ${messageId.slice(0, 200)} or id = ${own}::uuid)
    returning id`;
  return rows.length > 0;
}

/** The outbound queue as the command post reads it: newest first. */
export async function listOutbound(sql: Sql, { limit = 200 }: { limit?: number } = {}) {
  const rows = await sql<
    {
      id: string;
      toNumber: string;
      body: string;
      purpose: string;
      status: OutboundStatus;
      attempts: number;
      lastError: string | null;
      createdAt: Date;
    }[]
  >`select id, to_number, body, purpose, status, attempts, last_error, created_at from sms_outbound
    order by created_at desc limit ${limit}`;
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
