// Review presence: `review:open {tps, contest}` puts a reviewer's connection in the item's room and tells
// everyone there who has it open (`review:presence {tps, contest, people}`), so two operators never decide
// the same result unknowingly; `review:close`, or the connection ending, takes them out and tells the rest.
// Who is there is asked of every instance (the adapter's fetchSockets), so presence holds across nodes.
// Only someone who may review the TPS (the permission module's canReview) may open its item.
import type { Sql } from "postgres";
import type { Server, Socket } from "socket.io";
import { z } from "zod";
import { contestCode, tpsCode } from "~/lib/schemas/atoms";
import { getContest, getTps } from "~/models/election.server";
import { sessionOfHash } from "~/utils/auth.server";
import { canReview } from "~/utils/permissions.server";
import type { SocketData } from "./handshake";

export type ReviewPerson = { id: number; name: string };
export type ReviewPresence = { tps: string; contest: string; people: ReviewPerson[] };
export type PresenceAck =
  | { ok: true; people: ReviewPerson[] }
  | { ok: false; code: "invalid" | "unauthenticated" | "forbidden" | "not_found" | "unavailable" };

const ReviewItem = z.object({ tps: tpsCode, contest: contestCode });

const roomOf = (item: { tps: string; contest: string }) => `review:${item.tps}:${item.contest}`;

/** Everyone with the item open, on any instance, once per person, in the order they are found. */
async function peopleIn(io: Server, room: string): Promise<ReviewPerson[]> {
  const sockets = await io.in(room).fetchSockets();
  const people = new Map<number, ReviewPerson>();
  for (const s of sockets) {
    const user = (s.data as SocketData).user;
    if (user && !people.has(user.id)) people.set(user.id, { id: user.id, name: user.name });
  }
  return [...people.values()];
}

export function answerReviewPresence(io: Server, socket: Socket, sql: Sql) {
  const data = socket.data as SocketData & { review?: { tps: string; contest: string } };

  const tell = async (item: { tps: string; contest: string }) => {
    try {
      const people = await peopleIn(io, roomOf(item));
      io.to(roomOf(item)).emit("review:presence", { ...item, people } satisfies ReviewPresence);
      return people;
    } catch {
      // An instance that does not answer in time: the next open or close tells again.
      return null;
    }
  };
  const leave = async () => {
    const item = data.review;
    if (!item) return;
    data.review = undefined;
    socket.leave(roomOf(item));
    await tell(item);
  };

  socket.on("review:open", async (payload: unknown, ack: unknown) => {
    if (typeof ack !== "function") return;
    const reply = ack as (answer: PresenceAck) => void;
    const parsed = ReviewItem.safeParse(payload);
    if (!parsed.success) return reply({ ok: false, code: "invalid" });
    const item = parsed.data;
    const { user, tokenHash } = data;
    if (!user || !tokenHash) return reply({ ok: false, code: "unauthenticated" });
    try {
      // The session may have ended since the handshake: it opens nothing more.
      if (!(await sessionOfHash(sql, tokenHash))) {
        reply({ ok: false, code: "unauthenticated" });
        return void socket.disconnect(true);
      }
      const [tps, contest] = await Promise.all([
        getTps(sql, { code: item.tps }),
        getContest(sql, { code: item.contest }),
      ]);
      if (!tps || !contest) return reply({ ok: false, code: "not_found" });
      if (!canReview(user, tps)) return reply({ ok: false, code: "forbidden" });
    } catch {
      return reply({ ok: false, code: "unavailable" });
    }
    if (data.review && roomOf(data.review) !== roomOf(item)) await leave();
    data.review = item;
    socket.join(roomOf(item));
    const people = await tell(item);
    reply(people ? { ok: true, people } : { ok: false, code: "unavailable" });
  });
  socket.on("review:close", () => void leave());
  socket.on("disconnect", () => void leave());
}
