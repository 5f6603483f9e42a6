// `resume {after}`: the events a client missed since a sequence number, the same ones live delivery would
// have brought it (the permission rules' event view; on a connection that opened areas, the rule of its
// rooms), at most one page at a time.
import type { Sql } from "postgres";
import type { Socket } from "socket.io";
import type { LiveEvent } from "~/lib/events";
import { problem } from "~/lib/problems";
import { eventCursor } from "~/lib/schemas/atoms";
import { eventsAfter, eventsInAreasAfter, headSeq, MAX_EVENTS_PER_PAGE } from "~/models/events.server";
import { sessionOfHash } from "~/utils/auth.server";
import { handshakeLang } from "~/utils/lang.server";
import { eventViewOf } from "~/utils/permissions.server";
import { problemAck } from "~/utils/problem-answer.server";
import type { SocketData } from "./handshake";

export type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

export function answerResume(socket: Socket, sql: Sql) {
  socket.on("resume", async (payload: unknown, ack: unknown) => {
    if (typeof ack !== "function") return;
    const reply = ack as (answer: Ack<{ events: LiveEvent[]; more: boolean; head: number }>) => void;
    const lang = handshakeLang(socket.handshake.headers);
    // Within bigint and exact in JavaScript: a cursor beyond would otherwise fail in SQL as an outage.
    const after = eventCursor.safeParse((payload as { after?: unknown })?.after).data;
    if (after === undefined) {
      return reply(problemAck(problem.invalid([{ field: "after", code: "invalid" }], "live.badAfter"), lang));
    }
    const { user, tokenHash } = socket.data as SocketData;
    try {
      // The session may have ended since the handshake (logout, expiry, disable): it gets nothing more.
      if (tokenHash && !(await sessionOfHash(sql, tokenHash))) {
        reply(problemAck(problem.unauthenticated(), lang));
        return void socket.disconnect(true);
      }
    } catch {
      return reply(problemAck(problem.unavailable(), lang));
    }
    // The user as the handshake found them, whose rooms this connection joined: replay answers as live does.
    if (!user || !eventViewOf(user)) return reply(problemAck(problem.forbidden({ key: "live.noEventView" }), lang));
    try {
      const { open } = socket.data as SocketData;
      const events = open
        ? await eventsInAreasAfter(sql, { after, user, ...open, limit: MAX_EVENTS_PER_PAGE })
        : await eventsAfter(sql, { after, user, limit: MAX_EVENTS_PER_PAGE });
      reply({ ok: true, data: { events, more: events.length === MAX_EVENTS_PER_PAGE, head: await headSeq(sql) } });
    } catch {
      reply(problemAck(problem.unavailable(), lang));
    }
  });
}
