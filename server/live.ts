// Socket.IO: authenticates every connection, puts it in the rooms it may see, pushes committed events in
// per-room batches, and answers `resume` with what a client missed (SPEC sections 5 and 7).
import type { Server as HttpServer } from "node:http";
import type { Sql } from "postgres";
import { Server, type ServerOptions, type Socket } from "socket.io";
import type { LiveEvent } from "~/lib/events";
import { problem } from "~/lib/problems";
import { tokenFrom, userFromToken, viewOf } from "~/utils/auth.server";
import type { CommittedEvent } from "~/utils/writer.server";
import { handshakeLang } from "~/utils/lang.server";
import { problemAck } from "~/utils/problem-answer.server";
import { eventsAfter, eventViewOf, headSeq, MAX_EVENTS_PER_PAGE } from "~/models/events.server";
import type { View } from "~/models/snapshot.server";
import type { SessionUser } from "~/models/users.server";

export type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

interface SocketData {
  user: SessionUser | null;
  view: View | null;
}

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

export function createLive(
  httpServer: HttpServer,
  {
    sql,
    flushMs = 100,
    adapter,
    catchUpMs = 500,
  }: {
    sql: Sql;
    flushMs?: number;
    /** A Socket.IO cluster adapter (server/scale-out.ts) when several instances share the database. */
    adapter?: ServerOptions["adapter"];
    /** How often the event log's head is checked for events no message brought (see `order`). */
    catchUpMs?: number;
  },
): Live {
  const io = new Server<Record<string, never>, Record<string, never>, Record<string, never>, SocketData>(httpServer, {
    serveClient: false,
    ...(adapter ? { adapter } : {}),
    maxHttpBufferSize: 16 * 1024, // clients only send small requests
    connectionStateRecovery: undefined,
  });

  io.use(async (socket, next) => {
    try {
      const auth = socket.handshake.auth as { token?: unknown; public?: unknown };
      // The public page asks for the public room only (aggregates), also when its visitor is logged in.
      if (auth?.public === true) {
        socket.data.user = null;
        socket.data.view = null;
        socket.join("public");
        return next();
      }
      const token = tokenFrom({
        authorization: typeof auth?.token === "string" ? `Bearer ${auth.token}` : null,
        cookie: socket.handshake.headers.cookie,
      });
      const user = await userFromToken(sql, token);
      if (token && !user)
        return next(Object.assign(new Error("unauthenticated"), { data: { code: "unauthenticated" } }));
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
      const lang = handshakeLang(socket.handshake.headers);
      const after = (payload as { after?: unknown })?.after;
      if (typeof after !== "number" || !Number.isInteger(after) || after < 0) {
        return reply(problemAck(problem.invalid([{ field: "after", code: "invalid" }], "live.badAfter"), lang));
      }
      const view = eventViewOf(socket.data.user as SessionUser | null);
      if (!view) return reply(problemAck(problem.forbidden({ key: "live.noEventView" }), lang));
      try {
        const events = await eventsAfter(sql, { after, view, limit: MAX_EVENTS_PER_PAGE });
        reply({ ok: true, data: { events, more: events.length === MAX_EVENTS_PER_PAGE, head: await headSeq(sql) } });
      } catch {
        reply(problemAck(problem.unavailable(), lang));
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
    // Local sockets only: every instance routes every event itself, in order (below).
    if (batch.length === 1) io.local.to(room).emit("event", batch[0]);
    else io.local.to(room).emit("events", batch);
  }

  function route(committed: CommittedEvent[]) {
    const rooms = io.of("/").adapter.rooms;
    for (const item of committed) {
      for (const room of roomsFor(item)) {
        // Most TPS and region rooms have nobody in them on this instance: no batch, no timer, no encoding.
        // A socket that joins later asks `resume` for what it missed.
        if (!rooms.has(room)) continue;
        let list = pending.get(room);
        if (!list) pending.set(room, (list = []));
        list.push(item.event);
        if (!timers.has(room)) {
          const wait = Math.max(0, (lastFlush.get(room) ?? 0) + flushMs - Date.now());
          timers.set(
            room,
            setTimeout(() => flush(room), wait),
          );
        }
      }
    }
  }

  // Order across instances (issue 6): each instance hands its sockets every committed event strictly in seq
  // order, its own commits and the other instances' (sent through the adapter as server-side messages).
  // Events wait here until the ones before them have arrived; a gap that no message fills (an instance
  // killed between commit and message, no adapter, a lost notification) is read from the event log.
  const waiting = new Map<number, CommittedEvent>();
  let next = 0; // the next seq to route; 0 until the head is known
  let behindSince = 0;
  let closed = false;
  let clustered = false;

  function accept(items: CommittedEvent[]) {
    for (const item of items) if (next === 0 || item.event.seq >= next) waiting.set(item.event.seq, item);
    if (next === 0) return;
    const ready: CommittedEvent[] = [];
    for (let item = waiting.get(next); item; item = waiting.get(next)) {
      waiting.delete(next);
      ready.push(item);
      next++;
    }
    if (ready.length) route(ready);
  }

  async function catchUp() {
    if (closed) return;
    try {
      const head = await headSeq(sql);
      if (next === 0) {
        next = head + 1;
        for (const seq of [...waiting.keys()]) if (seq < next) waiting.delete(seq);
        return accept([]);
      }
      if (head < next) {
        behindSince = 0;
        return;
      }
      // Behind: give messages in flight a moment, then read the missing events.
      if (!behindSince) {
        behindSince = Date.now();
        return;
      }
      if (Date.now() - behindSince < Math.min(300, catchUpMs)) return;
      const rows = await sql`
        select seq, type, at, region, data from events where seq >= ${next} and seq <= ${head} order by seq limit 1000`;
      behindSince = 0;
      accept(
        rows.map((r) => ({
          region: r.region as string | null,
          event: { seq: r.seq, type: r.type, at: (r.at as Date).toISOString(), data: r.data } as LiveEvent,
        })),
      );
    } catch {
      // Database busy or restarting: try again on the next tick.
    }
  }
  void catchUp();
  const catchUpTimer = setInterval(() => void catchUp(), catchUpMs);
  catchUpTimer.unref();

  let countTimer: NodeJS.Timeout | undefined;
  if (adapter) {
    (io as unknown as Server).on("pantau:events", (items: CommittedEvent[]) => accept(items));
    // Server-side messages cost a query each: send them only while another instance is there to hear.
    const count = () =>
      io
        .of("/")
        .adapter.serverCount()
        .then(
          (n: number) => {
            clustered = n > 1;
          },
          () => {},
        );
    void count();
    countTimer = setInterval(count, 2000);
    countTimer.unref();
  }

  function publish(committed: CommittedEvent[]) {
    if (clustered) (io as unknown as Server).serverSideEmit("pantau:events", committed);
    accept(committed);
  }

  return {
    io: io as unknown as Server,
    publish,
    close: async () => {
      closed = true;
      clearInterval(catchUpTimer);
      clearInterval(countTimer);
      for (const room of [...timers.keys()]) {
        clearTimeout(timers.get(room));
        flush(room);
      }
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}
