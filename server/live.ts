// Socket.IO: authenticates every connection, puts it in the rooms it may see, pushes committed events in
// per-room batches, and answers `resume` with what a client missed (SPEC sections 5 and 7).
import type { Server as HttpServer } from "node:http";
import type { Sql } from "postgres";
import { Server, type Socket } from "socket.io";
import type { LiveEvent } from "~/lib/events";
import { tokenFrom, userFromToken, viewOf } from "~/utils/auth.server";
import type { CommittedEvent } from "~/utils/writer.server";
import { eventsAfter, eventViewOf, headSeq, MAX_EVENTS_PER_PAGE } from "~/models/events.server";
import type { View } from "~/models/snapshot.server";
import type { SessionUser } from "~/models/users.server";

export type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

interface SocketData { user: SessionUser | null; view: View | null }

export interface Live {
  io: Server;
  publish: (events: CommittedEvent[]) => void;
  close: () => Promise<void>;
}

/** Rooms that see an event: everyone with the whole election, each region above it, and its TPS. */
export function roomsFor({ event, region }: CommittedEvent): string[] {
  const rooms = ["scope:*"];
  if (region) {
    const parts = region.split(".");
    for (let i = 1; i <= parts.length; i++) rooms.push(`scope:${parts.slice(0, i).join(".")}`);
  }
  const tpsCode = (event.data as { tpsCode?: string }).tpsCode;
  if (tpsCode) rooms.push(`tps:${tpsCode}`);
  // Incidents dispatched to responders also reach each responder's own room (issue 4).
  const responderIds = (event.data as { responderIds?: unknown }).responderIds;
  if (Array.isArray(responderIds)) for (const id of responderIds) rooms.push(`user:${id}`);
  return rooms;
}

function roomsOf(view: View | null, user: SessionUser | null): string[] {
  const rooms: string[] = [];
  if (user) rooms.push(`user:${user.id}`);
  if (!view) return user ? rooms : ["public"];
  if (view.tpsCode) rooms.push(`tps:${view.tpsCode}`);
  else rooms.push(view.scope === null ? "scope:*" : `scope:${view.scope}`);
  return rooms;
}

export function createLive(httpServer: HttpServer, { sql, flushMs = 100 }: { sql: Sql; flushMs?: number }): Live {
  const io = new Server<Record<string, never>, Record<string, never>, Record<string, never>, SocketData>(httpServer, {
    serveClient: false,
    maxHttpBufferSize: 16 * 1024, // clients only send small requests
    connectionStateRecovery: undefined,
  });

  io.use(async (socket, next) => {
    try {
      const auth = socket.handshake.auth as { token?: unknown; public?: unknown };
      // The public page asks for the public room only (aggregates), also when its visitor is logged in.
      if (auth?.public === true) { socket.data.user = null; socket.data.view = null; socket.join("public"); return next(); }
      const token = tokenFrom({
        authorization: typeof auth?.token === "string" ? `Bearer ${auth.token}` : null,
        cookie: socket.handshake.headers.cookie,
      });
      const user = await userFromToken(sql, token);
      if (token && !user) return next(Object.assign(new Error("unauthenticated"), { data: { code: "unauthenticated" } }));
      socket.data.user = user;
      socket.data.view = user ? viewOf(user) : null;
      socket.join(roomsOf(socket.data.view, user));
      next();
    } catch (error) {
      next(Object.assign(new Error("unavailable"), { data: { code: "unavailable" } }));
    }
  });

  io.on("connection", (socket: Socket) => {
    socket.on("resume", async (payload: unknown, ack: unknown) => {
      if (typeof ack !== "function") return;
      const reply = ack as (answer: Ack<{ events: LiveEvent[]; more: boolean; head: number }>) => void;
      const after = (payload as { after?: unknown })?.after;
      if (typeof after !== "number" || !Number.isInteger(after) || after < 0) {
        return reply({ ok: false, error: { code: "invalid", message: "resume needs {after: a whole number >= 0}" } });
      }
      const view = eventViewOf(socket.data.user as SessionUser | null);
      if (!view) return reply({ ok: false, error: { code: "forbidden", message: "this account has no event view" } });
      try {
        const events = await eventsAfter(sql, { after, view, limit: MAX_EVENTS_PER_PAGE });
        reply({ ok: true, data: { events, more: events.length === MAX_EVENTS_PER_PAGE, head: await headSeq(sql) } });
      } catch {
        reply({ ok: false, error: { code: "unavailable", message: "database unavailable, try again" } });
      }
    });
  });

  // Coalescing: each room gets at most one message per flushMs; several events travel as one `events` array.
  const pending = new Map<string, LiveEvent[]>();
  const timers = new Map<string, NodeJS.Timeout>();
  const lastFlush = new Map<string, number>();

  function flush(room: string) {
    timers.delete(room);
    const batch = pending.get(room);
    pending.delete(room);
    lastFlush.set(room, Date.now());
    if (!batch?.length) return;
    if (batch.length === 1) io.to(room).emit("event", batch[0]);
    else io.to(room).emit("events", batch);
  }

  function publish(committed: CommittedEvent[]) {
    for (const item of committed) {
      for (const room of roomsFor(item)) {
        let list = pending.get(room);
        if (!list) pending.set(room, (list = []));
        list.push(item.event);
        if (!timers.has(room)) {
          const wait = Math.max(0, (lastFlush.get(room) ?? 0) + flushMs - Date.now());
          timers.set(room, setTimeout(() => flush(room), wait));
        }
      }
    }
  }

  return {
    io: io as unknown as Server,
    publish,
    close: async () => {
      for (const room of [...timers.keys()]) { clearTimeout(timers.get(room)); flush(room); }
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}
