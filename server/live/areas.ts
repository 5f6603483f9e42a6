// `areas:open {areas, after?}`: a dashboard says which areas it has open, and from then on its connection
// receives only their events (app/lib/access.ts areaRoomsOf: every event of an area small enough for TPS
// markers, the non-per-TPS kinds of a larger one) and their running totals (live/totals.ts). With `after`,
// the acknowledgement first carries what it missed in them since then, by the rule of live delivery.
// A connection that never sends it keeps the rooms of its whole view (version 1). A visitor's connection (the
// public page, no session) may open any region: it leaves the `public` room (whose pushes are the whole public
// summary) and gets only the public totals of its areas (`public-totals:<area>`), no events.
import type { Sql } from "postgres";
import type { Socket } from "socket.io";
import { z } from "zod";
import { areaOf, areaRoomsOf, mayOpenArea, publicAreaRoomsOf, roomsOf } from "~/lib/access";
import { isAreaCode, MAX_OPEN_AREAS, showsTps, TPS_MAP_MAX } from "~/lib/drill-down";
import type { LiveEvent } from "~/lib/events";
import { eventCursor, string } from "~/lib/schemas/atoms";
import { areaSizes, eventsInAreasAfter, headSeq, MAX_EVENTS_PER_PAGE } from "~/models/events.server";
import { sessionOfHash } from "~/utils/auth.server";
import type { SocketData } from "./handshake";

export type AreasAck =
  | { ok: true; seq: number; events: LiveEvent[]; more: boolean }
  | { ok: false; code: "invalid" | "unauthenticated" | "forbidden" | "other_area" | "not_found" | "unavailable" };

const AreasOpen = z.object({
  areas: z
    .array(string().max(20).refine(isAreaCode))
    .min(1)
    .max(MAX_OPEN_AREAS)
    .transform((list) => [...new Set(list)]),
  after: eventCursor.optional(),
});

export function answerAreasOpen(
  socket: Socket,
  sql: Sql,
  {
    opened,
    openedPublic,
    tpsMapMax = TPS_MAP_MAX,
  }: { opened: (areas: string[]) => void; openedPublic?: (areas: string[]) => void; tpsMapMax?: number },
) {
  socket.on("areas:open", async (payload: unknown, ack: unknown) => {
    if (typeof ack !== "function") return;
    const reply = ack as (answer: AreasAck) => void;
    const parsed = AreasOpen.safeParse(payload);
    if (!parsed.success) return reply({ ok: false, code: "invalid" });
    const { areas, after } = parsed.data;
    const { user, tokenHash } = socket.data as SocketData;
    try {
      if (tokenHash && !(await sessionOfHash(sql, tokenHash))) {
        reply({ ok: false, code: "unauthenticated" });
        return void socket.disconnect(true);
      }
    } catch {
      return reply({ ok: false, code: "unavailable" });
    }
    if (!user) {
      if (tokenHash || !openedPublic) return reply({ ok: false, code: "unauthenticated" });
      return openPublic(socket, sql, areas, { reply, opened: openedPublic });
    }
    if (!areas.every((code) => mayOpenArea(user, code)))
      // A results view (which opens its own area) hears "another area"; officers and responders "forbidden".
      return reply({ ok: false, code: mayOpenArea(user, areaOf(user) ?? "ID") ? "other_area" : "forbidden" });
    let sizes: Map<string, number>;
    try {
      sizes = await areaSizes(sql, { codes: areas, upTo: tpsMapMax });
    } catch {
      return reply({ ok: false, code: "unavailable" });
    }
    if (areas.some((code) => !sizes.has(code))) return reply({ ok: false, code: "not_found" });

    // Rooms change at once (synchronously): every event pushed after this line belongs to the new areas, and
    // every event pushed before it was committed before the head read below, so `seq` separates the two.
    const rooms = areaRoomsOf(
      user,
      areas.map((code) => ({ code, showsTps: showsTps(sizes.get(code)!, tpsMapMax) })),
    );
    const data = socket.data as SocketData;
    const before = data.open?.rooms ?? new Set(roomsOf(user).filter((r) => !r.startsWith("user:")));
    for (const room of before) if (!rooms.includes(room)) socket.leave(room);
    socket.join(rooms);
    const joined = new Set(rooms);
    data.open = { areas, rooms: joined };
    opened(areas);
    try {
      if (after === undefined) return reply({ ok: true, seq: await headSeq(sql), events: [], more: false });
      const head = await headSeq(sql);
      const events = await eventsInAreasAfter(sql, { after, user, areas, rooms: joined, limit: MAX_EVENTS_PER_PAGE });
      // With more to come the client asks again from the last one; else it is caught up to the head read
      // before (later events reach it live, as it joined its rooms before that read).
      if (events.length === MAX_EVENTS_PER_PAGE)
        return reply({ ok: true, seq: events[events.length - 1].seq, events, more: true });
      reply({ ok: true, seq: head, events: events.filter((e) => e.seq <= head), more: false });
    } catch {
      reply({ ok: false, code: "unavailable" });
    }
  });
}

/** A visitor's `areas:open`: the public totals of any existing region, nothing else (no events to catch up). */
async function openPublic(
  socket: Socket,
  sql: Sql,
  areas: string[],
  { reply, opened }: { reply: (answer: AreasAck) => void; opened: (areas: string[]) => void },
) {
  try {
    const sizes = await areaSizes(sql, { codes: areas, upTo: 0 });
    if (areas.some((code) => !sizes.has(code))) return reply({ ok: false, code: "not_found" });
    const data = socket.data as SocketData;
    const rooms = publicAreaRoomsOf(areas);
    const before = data.open?.rooms ?? new Set(roomsOf(null));
    for (const room of before) if (!rooms.includes(room)) socket.leave(room);
    socket.join(rooms);
    data.open = { areas, rooms: new Set(rooms) };
    opened(areas);
    reply({ ok: true, seq: await headSeq(sql), events: [], more: false });
  } catch {
    reply({ ok: false, code: "unavailable" });
  }
}
