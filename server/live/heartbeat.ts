// `heartbeat {seq, at, every}`: every `every` ms each connection on this instance hears that the server is
// there (`at`, its clock) and the seq of the last event sent to its rooms (`seq`). A path that dies without
// closing (a proxy or a mobile network that stops forwarding) leaves a socket "connected" for up to the
// engine's ping timeout (45 s): the client, hearing nothing for a few intervals, says so at once
// (app/lib/live-health.ts). A heartbeat follows on the wire every event it counts (the same connection, sent
// after them), so a `seq` above what the client holds means it missed something: it resumes by sequence.
import type { Server, Socket } from "socket.io";

export type Heartbeat = { seq: number; at: string; every: number };

export function createHeartbeat({
  io,
  intervalMs,
  lastSentTo,
  forgetEmptyRooms,
}: {
  io: Server;
  intervalMs: number;
  /** The seq of the last event sent to any of the rooms (live/coalesce.ts). */
  lastSentTo: (rooms: Iterable<string>) => number;
  forgetEmptyRooms: () => void;
}) {
  const beat = (socket: Socket, at: string) =>
    socket.emit("heartbeat", { seq: lastSentTo(socket.rooms), at, every: intervalMs } satisfies Heartbeat);
  const timer = setInterval(() => {
    forgetEmptyRooms();
    const at = new Date().toISOString();
    // Local sockets only: each instance beats for its own connections.
    for (const socket of io.of("/").sockets.values()) beat(socket, at);
  }, intervalMs);
  timer.unref();
  return {
    /** A new connection hears one at once: it learns the interval before it could think itself forgotten. */
    greet: (socket: Socket) => beat(socket, new Date().toISOString()),
    close: () => clearInterval(timer),
  };
}
