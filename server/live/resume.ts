// `resume {after}`: the events a client missed since a sequence number, the same ones live delivery would
// have brought it (the permission rules' event view), at most one page at a time.
import type { Sql } from "postgres";
import type { Socket } from "socket.io";
import type { LiveEvent } from "~/lib/events";
import { eventsAfter, headSeq, MAX_EVENTS_PER_PAGE } from "~/models/events.server";
import { eventViewOf } from "~/utils/permissions.server";
import type { SocketData } from "./handshake";

export type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

export function answerResume(socket: Socket, sql: Sql) {
  socket.on("resume", async (payload: unknown, ack: unknown) => {
    if (typeof ack !== "function") return;
    const reply = ack as (answer: Ack<{ events: LiveEvent[]; more: boolean; head: number }>) => void;
    const after = (payload as { after?: unknown })?.after;
    if (typeof after !== "number" || !Number.isInteger(after) || after < 0) {
      return reply({ ok: false, error: { code: "invalid", message: "resume needs {after: a whole number >= 0}" } });
    }
    const view = eventViewOf((socket.data as SocketData).user);
    if (!view) return reply({ ok: false, error: { code: "forbidden", message: "this account has no event view" } });
    try {
      const events = await eventsAfter(sql, { after, view, limit: MAX_EVENTS_PER_PAGE });
      reply({ ok: true, data: { events, more: events.length === MAX_EVENTS_PER_PAGE, head: await headSeq(sql) } });
    } catch {
      reply({ ok: false, error: { code: "unavailable", message: "database unavailable, try again" } });
    }
  });
}
