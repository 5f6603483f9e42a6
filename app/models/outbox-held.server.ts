// What officers' phones hold unsent, per TPS (migration 0009): each phone replaces its own rows whenever its
// outbox changes, and the command post reads them on the TPS detail panel. Counts and times only.
import { problem } from "~/lib/problems";
import type { OutboxHeldBody } from "~/lib/schemas/officer";
import type { Db } from "~/utils/db.server";
import type { Tx } from "~/utils/writer.server";

/** Replaces what `device` holds with `held` (empty: it holds nothing any more). Unknown TPS: 422. */
export async function replaceHeld(tx: Tx, { device, held, userId }: OutboxHeldBody & { userId: number }) {
  const codes = held.map((h) => h.tpsCode);
  const known = codes.length ? await tx<{ code: string }[]>`select code from tps where code in ${tx(codes)}` : [];
  const index = held.findIndex((h) => !known.some((k) => k.code === h.tpsCode));
  if (index >= 0) throw problem.invalidField(`held.${index}.tpsCode`, "unknown_tps", { tps: held[index].tpsCode });
  await tx`delete from outbox_held where device_id = ${device}`;
  if (!held.length) return;
  await tx`insert into outbox_held ${tx(
    held.map((h) => ({
      deviceId: device,
      tpsCode: h.tpsCode,
      items: h.count,
      oldestAt: new Date(h.oldestAt),
      reportedBy: userId,
    })),
  )}`;
}

/** For the command post: how many phones hold how many unsent items of a TPS, and since when (null: none). */
export async function heldAt(sql: Db, { tpsCode }: { tpsCode: string }) {
  const [row] = await sql<{ phones: number; items: number; oldestAt: Date | null }[]>`
    select count(*)::int as phones, coalesce(sum(items), 0)::int as items, min(oldest_at) as oldest_at
    from outbox_held where tps_code = ${tpsCode}`;
  return row.phones ? { phones: row.phones, items: row.items, oldestAt: row.oldestAt!.toISOString() } : null;
}
