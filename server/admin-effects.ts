// Live side effects of admin and public changes. Pushes the public summary (aggregates only,
// app/models/public.server.ts) to the `public` Socket.IO room when results or incidents change, at most once
// per `minIntervalMs`: a busy election day costs one summary query every few seconds, however many changes or
// public viewers there are. Only version-1 clients are in that room: the public page opens its area
// (`areas:open`, server/live/areas.ts) and gets the small public totals of that area instead; with nobody in
// the room on this node the summary is not computed at all.
import type { Sql } from "postgres";
import type { Server } from "socket.io";
import { invalidatePublicRegionSummaries } from "~/models/public-region.server";
import { getCachedPublicSummary, invalidatePublicSummary } from "~/models/public.server";
import { sessionRoom } from "~/utils/permissions.server";
import type { CommittedEvent } from "~/utils/writer.server";

/** Event types that change what the public page shows. */
const PUBLIC_TYPES = /^(result|incident|settings):/;

export function createPublicFeed({
  sql,
  io,
  minIntervalMs = 3000,
  clustered = false,
}: {
  sql: Sql;
  io: Server;
  minIntervalMs?: number;
  /** Several nodes share the database (server/scale-out.ts). */
  clustered?: boolean;
}) {
  let timer: NodeJS.Timeout | null = null;
  let last = 0;
  let closed = false;

  async function flush() {
    timer = null;
    last = Date.now();
    // Nobody listening here (with several nodes each node's writer pushes its own commits to every node's room,
    // so only a single node may skip: the adapter cannot say cheaply whether other nodes have listeners).
    if (!clustered && !io.of("/").adapter.rooms.get("public")?.size) return;
    try {
      const summary = await getCachedPublicSummary(sql);
      if (!closed) io.to("public").emit("summary", summary);
    } catch {
      // The database is busy or closing: the next change schedules another try.
    }
  }

  return {
    changed(events: CommittedEvent[]) {
      if (closed || !events.some((e) => PUBLIC_TYPES.test(e.event.type))) return;
      invalidatePublicSummary(sql);
      invalidatePublicRegionSummaries(sql);
      if (timer) return;
      timer = setTimeout(flush, Math.max(0, last + minIntervalMs - Date.now()));
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
    },
  };
}

/** Closes the live connections of ended sessions on every node (the adapter forwards the request): every
 *  session of accounts an admin disabled or gave a new secret, and single sessions that logged out.
 *  (Expired sessions close on their own: server/live/handshake.ts.) */
export function signOutSockets(io: Server, events: CommittedEvent[]) {
  for (const { event } of events) {
    if (event.type !== "accounts:signed-out") continue;
    for (const id of event.data.userIds) io.in(`user:${id}`).disconnectSockets(true);
    for (const id of event.data.sessions ?? []) io.in(sessionRoom(id)).disconnectSockets(true);
  }
}
