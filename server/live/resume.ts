// `resume {after}`: the events a client missed since a sequence number, the same ones live delivery would
// have brought it (the permission rules' event view), at most one page at a time.
import type { Sql } from "postgres";
import type { Socket } from "socket.io";
import type { LiveEvent } from "~/lib/events";
import { problem } from "~/lib/problems";
import { eventsAfter, headSeq, MAX_EVENTS_PER_PAGE } from "~/models/events.server";
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
    const after = (payload as { after?: unknown })?.after;
    if (typeof after !== "number" || !Number.isInteger(after) || after < 0) {
      return reply(problemAck(problem.invalid([{ field: "after", code: "invalid" }], "live.badAfter"), lang));
    }
    const data = socket.data as SocketData;
    let user = data.user;
    try {
      // The session may have ended since the handshake (logout, expiry, disable): it gets nothing more.
      if (data.tokenHash) {
        user = (await sessionOfHash(sql, data.tokenHash))?.user ?? null;
        if (!user) {
          reply(problemAck(problem.unauthenticated(), lang));
          return void socket.disconnect(true);
        }
      }
    } catch {
      return reply(problemAck(problem.unavailable(), lang));
    }
    const view = eventViewOf(user);
    if (!view) return reply(problemAck(problem.forbidden({ key: "live.noEventView" }), lang));
    try {
      const events = await eventsAfter(sql, { after, view, limit: MAX_EVENTS_PER_PAGE });
      reply({ ok: true, data: { events, more: events.length === MAX_EVENTS_PER_PAGE, head: await headSeq(sql) } });
    } catch {
      reply(problemAck(problem.unavailable(), lang));
    }
  });
}
