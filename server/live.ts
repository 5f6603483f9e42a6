// Socket.IO: authenticates every connection and puts it in the rooms it may see (live/handshake.ts),
// pushes committed events in seq order (live/order.ts, across instances live/cluster.ts) in per-room
// batches (live/coalesce.ts), and answers `resume` with what a client missed (live/resume.ts).
import type { Server as HttpServer } from "node:http";
import type { Sql } from "postgres";
import { Server, type ServerOptions } from "socket.io";
import type { CommittedEvent } from "~/utils/writer.server";
import { createRoomBatches } from "./live/coalesce";
import { joinCluster } from "./live/cluster";
import { authenticateSockets, type SocketData } from "./live/handshake";
import { createOrdering } from "./live/order";
import { answerResume } from "./live/resume";

export type { Ack } from "./live/resume";

export interface Live {
  io: Server;
  publish: (events: CommittedEvent[]) => void;
  close: () => Promise<void>;
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
    /** How often the event log's head is checked for events no message brought (live/order.ts). */
    catchUpMs?: number;
  },
): Live {
  const typed = new Server<Record<string, never>, Record<string, never>, Record<string, never>, SocketData>(
    httpServer,
    {
      serveClient: false,
      ...(adapter ? { adapter } : {}),
      maxHttpBufferSize: 16 * 1024, // clients only send small requests
      connectionStateRecovery: undefined,
    },
  );
  const io = typed as unknown as Server;

  authenticateSockets(typed, sql);
  io.on("connection", (socket) => answerResume(socket, sql));

  const batches = createRoomBatches(io, flushMs);
  const ordering = createOrdering({ sql, catchUpMs, deliver: batches.deliver });
  const cluster = adapter ? joinCluster(io, ordering.accept) : null;

  return {
    io,
    publish(committed) {
      cluster?.share(committed);
      ordering.accept(committed);
    },
    close: async () => {
      ordering.close();
      cluster?.close();
      batches.flushAll();
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}
