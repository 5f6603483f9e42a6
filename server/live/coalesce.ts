// Delivery to rooms: each room gets at most one message per `flushMs`; several events travel as one
// `events` array, a single one as `event`. Only rooms with a socket on this instance cost anything.
import type { Server } from "socket.io";
import type { LiveEvent } from "~/lib/events";
import { roomsFor } from "~/utils/permissions.server";
import type { CommittedEvent } from "~/utils/writer.server";

export function createRoomBatches(io: Server, flushMs: number) {
  const pending = new Map<string, LiveEvent[]>();
  const timers = new Map<string, NodeJS.Timeout>();
  const lastFlush = new Map<string, number>();
  /** Per room with a socket here, the seq of the last event sent to it: what a heartbeat vouches for. */
  const lastSent = new Map<string, number>();

  function flush(room: string) {
    timers.delete(room);
    const batch = pending.get(room);
    pending.delete(room);
    lastFlush.set(room, Date.now());
    if (!batch?.length) return;
    lastSent.set(room, batch[batch.length - 1].seq);
    // Local sockets only: every instance routes every event itself, in order (order.ts).
    if (batch.length === 1) io.local.to(room).emit("event", batch[0]);
    else io.local.to(room).emit("events", batch);
  }

  /** Queues events, already in seq order, for the rooms that may receive them. */
  function deliver(committed: CommittedEvent[]) {
    const rooms = io.of("/").adapter.rooms;
    for (const item of committed) {
      for (const room of roomsFor({ region: item.region, data: item.event.data, type: item.event.type })) {
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

  /** Sends what is still waiting, at once (on close). */
  function flushAll() {
    for (const room of [...timers.keys()]) {
      clearTimeout(timers.get(room));
      flush(room);
    }
  }

  /** The seq of the last event sent to any of `rooms` (0 for none); rooms nobody is in any more are forgotten. */
  function lastSentTo(rooms: Iterable<string>) {
    let seq = 0;
    for (const room of rooms) seq = Math.max(seq, lastSent.get(room) ?? 0);
    return seq;
  }
  function forgetEmptyRooms() {
    const rooms = io.of("/").adapter.rooms;
    for (const room of lastSent.keys()) if (!rooms.has(room)) lastSent.delete(room);
  }

  return { deliver, flushAll, lastSentTo, forgetEmptyRooms };
}
