// Messages from the posko to officers. A broadcast goes to every TPS with an officer in the sender's view, to
// an area inside it, or to the TPS whose officers have been silent (app/lib/stale.ts silentFor). It reaches
// the officer's app live (`broadcast:sent` to each TPS's room) and on the next open (stored per TPS); the app
// fetching it marks it delivered, the officer opening it marks it read (a receipt through the phone's
// outbox). A TPS whose app has not fetched it in time gets it by SMS through the outbound queue. Every
// change of the counts is a `broadcast:counted` event for the posko's list.
import { areaOf, inArea, type AccessUser } from "~/lib/access";
import type { BroadcastCounted } from "~/lib/events";
import { problem } from "~/lib/problems";
import type { BroadcastBody } from "~/lib/schemas/broadcast";
import { silentFor } from "~/lib/stale";
import type { Db } from "~/utils/db.server";
import type { Tx, WriteContext } from "~/utils/writer.server";
import { insideArea } from "./area.server";
import { queueSms } from "./sms-outbound.server";

type Sender = AccessUser & { name: string };

export interface BroadcastRow {
  id: string;
  body: string;
  target: "all" | "area" | "silent";
  area: string | null;
  areaName: string | null;
  author: string;
  createdAt: string;
  recipients: number;
  delivered: number;
  read: number;
  sms: number;
}

/** The TPS a broadcast goes to: those with an active officer account, in the area, silent ones only for
 *  "silent". */
async function recipientsOf(
  tx: Tx,
  { target, area, silentMinutes, now }: { target: string; area: string | null; silentMinutes: number; now: Date },
): Promise<string[]> {
  const rows = await tx<{ code: string; dayStatus: string; lastSeenAt: Date | null }[]>`
    select t.code, t.day_status, t.last_seen_at from tps t
    where ${insideArea(tx, "t.kelurahan_code", area)}
      and exists (select 1 from users u where u.tps_code = t.code and u.role = 'officer' and not u.disabled)
    order by t.code`;
  return rows
    .filter(
      (r) =>
        target !== "silent" ||
        silentFor({ dayStatus: r.dayStatus, lastSeenAt: r.lastSeenAt?.toISOString() ?? null }, now, silentMinutes),
    )
    .map((r) => r.code);
}

async function countsOf(tx: Tx | Db, id: string): Promise<BroadcastCounted> {
  const [c] = await tx<Omit<BroadcastCounted, "id">[]>`
    select count(*)::int as recipients, count(delivered_at)::int as delivered, count(read_at)::int as read,
      count(sms_id)::int as sms
    from broadcast_recipients where broadcast_id = ${id}`;
  return { id, ...c };
}

async function emitCounts(ctx: WriteContext, id: string) {
  const [b] = await ctx.tx<{ area: string | null }[]>`select area from broadcasts where id = ${id}`;
  ctx.emit("broadcast:counted", b?.area ?? null, await countsOf(ctx.tx, id));
}

/** Sends a broadcast (idempotent on its id: the same body again answers 200, another body 409). */
export async function sendBroadcast(
  ctx: WriteContext,
  { user, body }: { user: Sender; body: BroadcastBody },
): Promise<{ httpStatus: 200 | 201; body: { id: string; recipients: number } }> {
  const { tx, now } = ctx;
  const [seen] = await tx<{ authorId: number; body: string; target: string }[]>`
    select author_id, body, target from broadcasts where id = ${body.id}`;
  if (seen) {
    if (Number(seen.authorId) !== user.id || seen.body !== body.body || seen.target !== body.target)
      throw problem.idConflict();
    return { httpStatus: 200, body: { id: body.id, recipients: (await countsOf(tx, body.id)).recipients } };
  }
  // A supervisor speaks to their own area only; "all" is everyone in the sender's view.
  const own = areaOf(user);
  const asked = body.target === "all" ? null : (body.area ?? null);
  if (asked !== null && own !== null && !inArea(asked, own)) throw problem.otherArea();
  const area = asked ?? own;
  if (area !== null) {
    const [region] = await tx`select 1 from regions where code = ${area}`;
    if (!region) throw problem.invalidField("area", "unknown_region", { code: area });
  }
  const silentMinutes = body.target === "silent" ? body.silentMinutes : null;
  const tpsCodes = await recipientsOf(tx, {
    target: body.target,
    area,
    silentMinutes: silentMinutes ?? 0,
    now,
  });
  await tx`insert into broadcasts (id, author_id, target, area, silent_minutes, body, created_at)
    values (${body.id}, ${user.id}, ${body.target}, ${area}, ${silentMinutes}, ${body.body}, ${now})`;
  if (tpsCodes.length)
    await tx`insert into broadcast_recipients (broadcast_id, tps_code)
      select ${body.id}, unnest(${tpsCodes}::text[])`;
  ctx.audit({
    actorId: user.id,
    action: "broadcast.sent",
    entity: `broadcast:${body.id}`,
    after: { target: body.target, area, silentMinutes, body: body.body, recipients: tpsCodes.length },
  });
  ctx.emit("broadcast:sent", area, {
    id: body.id,
    body: body.body,
    target: body.target,
    area,
    author: user.name,
    createdAt: now.toISOString(),
    tpsCodes,
  });
  ctx.emit("broadcast:counted", area, { id: body.id, recipients: tpsCodes.length, delivered: 0, read: 0, sms: 0 });
  return { httpStatus: 201, body: { id: body.id, recipients: tpsCodes.length } };
}

/** The posko's list: the broadcasts of the user's view (a supervisor's area), newest first, with counts. */
export async function listBroadcasts(sql: Db, { user, limit = 100 }: { user: AccessUser; limit?: number }) {
  const own = areaOf(user);
  const rows = await sql<(Omit<BroadcastRow, "createdAt"> & { createdAt: Date })[]>`
    select b.id, b.body, b.target, b.area, r.name as area_name, u.name as author, b.created_at,
      count(x.tps_code)::int as recipients, count(x.delivered_at)::int as delivered, count(x.read_at)::int as read,
      count(x.sms_id)::int as sms
    from broadcasts b join users u on u.id = b.author_id left join regions r on r.code = b.area
    left join broadcast_recipients x on x.broadcast_id = b.id
    where ${own === null ? sql`true` : insideArea(sql, "b.area", own)}
    group by b.id, r.name, u.name order by b.created_at desc limit ${limit}`;
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

export interface OfficerBroadcast {
  id: string;
  body: string;
  author: string;
  createdAt: string;
  readAt: string | null;
  /** Whether the app had fetched it before (the caller marks the others delivered). */
  delivered: boolean;
}

/** An officer's broadcasts, unread first, newest first within each. */
export async function listForTps(sql: Db, { tpsCode, limit = 50 }: { tpsCode: string; limit?: number }) {
  const rows = await sql<
    { id: string; body: string; author: string; createdAt: Date; readAt: Date | null; deliveredAt: Date | null }[]
  >`
    select b.id, b.body, u.name as author, b.created_at, x.read_at, x.delivered_at
    from broadcast_recipients x join broadcasts b on b.id = x.broadcast_id join users u on u.id = b.author_id
    where x.tps_code = ${tpsCode}
    order by (x.read_at is null) desc, b.created_at desc limit ${limit}`;
  return rows.map((r): OfficerBroadcast => ({
    id: r.id,
    body: r.body,
    author: r.author,
    createdAt: r.createdAt.toISOString(),
    readAt: r.readAt?.toISOString() ?? null,
    delivered: r.deliveredAt !== null,
  }));
}

/** The officer's app fetched its broadcasts: the ones not yet marked are delivered now. */
export async function markDelivered(ctx: WriteContext, { tpsCode }: { tpsCode: string }) {
  const rows = await ctx.tx<{ broadcastId: string }[]>`
    update broadcast_recipients set delivered_at = ${ctx.now}
    where tps_code = ${tpsCode} and delivered_at is null returning broadcast_id`;
  for (const { broadcastId } of rows) await emitCounts(ctx, broadcastId);
  return rows.length;
}

/** The officer opened a broadcast (a retry changes nothing: the first reading counts). */
export async function markRead(
  ctx: WriteContext,
  { broadcastId, tpsCode }: { broadcastId: string; tpsCode: string },
): Promise<{ httpStatus: 200; body: { id: string; readAt: string } }> {
  const [row] = await ctx.tx<{ readAt: Date | null; deliveredAt: Date | null }[]>`
    select read_at, delivered_at from broadcast_recipients
    where broadcast_id = ${broadcastId} and tps_code = ${tpsCode} for update`;
  if (!row) throw problem.notFound();
  if (row.readAt) return { httpStatus: 200, body: { id: broadcastId, readAt: row.readAt.toISOString() } };
  await ctx.tx`update broadcast_recipients set read_at = ${ctx.now}, delivered_at = coalesce(delivered_at, ${ctx.now})
    where broadcast_id = ${broadcastId} and tps_code = ${tpsCode}`;
  await emitCounts(ctx, broadcastId);
  return { httpStatus: 200, body: { id: broadcastId, readAt: ctx.now.toISOString() } };
}

/**
 * Officers without data: a broadcast their app has not fetched `afterSeconds` after it was sent goes to their
 * phone by SMS (once), through the outbound queue of `gateway`. TPS without an officer's phone are left out.
 */
export async function smsUndelivered(
  ctx: WriteContext,
  { afterSeconds, gateway, prefix }: { afterSeconds: number; gateway: string; prefix: string },
): Promise<number> {
  const { tx } = ctx;
  const due = await tx<{ broadcastId: string; tpsCode: string; body: string; phone: string }[]>`
    select x.broadcast_id, x.tps_code, b.body, p.phone
    from broadcast_recipients x join broadcasts b on b.id = x.broadcast_id
    join lateral (select u.phone from users u where u.tps_code = x.tps_code and u.role = 'officer'
      and not u.disabled and u.phone is not null and u.phone <> '' order by u.id limit 1) p on true
    where x.delivered_at is null and x.sms_id is null
      and b.created_at <= ${ctx.now} - make_interval(secs => ${afterSeconds})
    order by b.created_at limit 500
    for update of x skip locked`;
  const touched = new Set<string>();
  for (const r of due) {
    const id = await queueSms(tx, { gateway, to: r.phone, body: `${prefix} ${r.body}`, purpose: "broadcast" });
    await tx`update broadcast_recipients set sms_id = ${id} where broadcast_id = ${r.broadcastId} and tps_code = ${r.tpsCode}`;
    touched.add(r.broadcastId);
  }
  for (const id of touched) await emitCounts(ctx, id);
  return due.length;
}

/** The areas a sender may address: the kecamatan and kelurahan inside their view, in code order. */
export async function areaChoices(sql: Db, { user }: { user: AccessUser }) {
  const own = areaOf(user);
  return sql<{ code: string; name: string; level: "kecamatan" | "kelurahan"; kind: string | null }[]>`
    select code, name, level, kind from regions
    where level in ('kecamatan', 'kelurahan') and ${insideArea(sql, "code", own)}
    order by code limit 2000`;
}
