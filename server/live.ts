// Socket.IO: authenticates every connection and puts it in the rooms it may see (live/handshake.ts),
// pushes committed events in seq order (live/order.ts, across instances live/cluster.ts) in per-room
// batches (live/coalesce.ts), and answers `resume` with what a client missed (live/resume.ts); a dashboard
// narrows its connection to the areas it has open (live/areas.ts) and gets their running totals (live/totals.ts);
// every connection hears a heartbeat (live/heartbeat.ts), and review screens see who else has an item open
// (live/presence.ts).
import type { Server as HttpServer, IncomingMessage, ServerResponse } from "node:http";
import type { Sql } from "postgres";
import { Server, type ServerOptions } from "socket.io";
import type { CommittedEvent } from "~/utils/writer.server";
import { createRoomBatches } from "./live/coalesce";
import { joinCluster } from "./live/cluster";
import { authenticateSockets, type SocketData } from "./live/handshake";
import { createOrdering } from "./live/order";
import { answerResume } from "./live/resume";
import { answerAreasOpen } from "./live/areas";
import { createTotalsFeed } from "./live/totals";
import { createHeartbeat } from "./live/heartbeat";
import { answerReviewPresence } from "./live/presence";
import type { RegionSummary } from "~/lib/region-summary";
import { refuseTooLarge } from "./request-boundary";

export type { Ack } from "./live/resume";

/** The largest Socket.IO message (and long-polling POST) a client may send. */
export const MAX_SOCKET_MESSAGE_BYTES = 16 * 1024;

export interface Live {
  io: Server;
  publish: (events: CommittedEvent[]) => void;
  close: () => Promise<void>;
}

/**
 * Long-polling POSTs are held to maxHttpBufferSize as well: one announced as larger is refused before a byte
 * is read, and when engine.io refuses a chunked one at the cap (413) the connection is closed with it, so the
 * rest of the body is never read.
 */
function boundPollingBodies(req: IncomingMessage, res: ServerResponse, next: (error?: Error) => void) {
  if (Number(req.headers["content-length"] ?? 0) > MAX_SOCKET_MESSAGE_BYTES) {
    refuseTooLarge(req, res, MAX_SOCKET_MESSAGE_BYTES);
    return;
  }
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    if (status === 413) {
      this.shouldKeepAlive = false;
      this.setHeader("Connection", "close");
    }
    return (writeHead as (...args: unknown[]) => ServerResponse).call(this, status, ...rest);
  } as ServerResponse["writeHead"];
  next();
}

export function createLive(
  httpServer: HttpServer,
  {
    sql,
    flushMs = 100,
    adapter,
    catchUpMs = 500,
    crossOrigin,
    summarize,
    summarizePublic,
    totalsMs = 1000,
    tpsMapMax,
    heartbeatMs = 5000,
  }: {
    sql: Sql;
    flushMs?: number;
    /** A Socket.IO cluster adapter (server/scale-out.ts) when several instances share the database. */
    adapter?: ServerOptions["adapter"];
    /** How often the event log's head is checked for events no message brought (live/order.ts). */
    catchUpMs?: number;
    /** What another site a browser's handshake comes from, or null when it may connect (server/request-boundary.ts). */
    crossOrigin?: (req: IncomingMessage) => string | null;
    /** A region's running totals (app/models/region-summary.server.ts), pushed to dashboards with areas open. */
    summarize?: (code: string) => Promise<RegionSummary | undefined>;
    /** A region's public summary (aggregates only, app/models/public-region.server.ts), pushed to public pages
     *  with an area open. */
    summarizePublic?: (code: string) => Promise<RegionSummary | undefined>;
    /** At most how often one area's totals are pushed. */
    totalsMs?: number;
    /** PANTAU_TPS_MAP_MAX: above it an open area's connection gets no per-TPS events. */
    tpsMapMax?: number;
    /** PANTAU_HEARTBEAT_MS: how often every connection hears `heartbeat` (live/heartbeat.ts). */
    heartbeatMs?: number;
  },
): Live {
  const typed = new Server<Record<string, never>, Record<string, never>, Record<string, never>, SocketData>(
    httpServer,
    {
      serveClient: false,
      ...(adapter ? { adapter } : {}),
      maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES, // clients only send small requests
      // A page on another site may not open a socket with the visitor's cookie (cross-site WebSocket hijacking).
      ...(crossOrigin
        ? {
            allowRequest: (req, callback) => {
              const foreign = crossOrigin(req);
              callback(foreign === null ? null : "cross-origin", foreign === null);
            },
          }
        : {}),
      connectionStateRecovery: undefined,
    },
  );
  const io = typed as unknown as Server;
  io.engine.use(boundPollingBodies);

  authenticateSockets(typed, sql);
  const batches = createRoomBatches(io, flushMs);
  const totals = summarize ? createTotalsFeed({ io, summarize, intervalMs: totalsMs }) : null;
  const publicTotals = summarizePublic
    ? createTotalsFeed({ io, summarize: summarizePublic, intervalMs: totalsMs, room: "public-totals" })
    : null;
  const heartbeat = createHeartbeat({
    io,
    intervalMs: heartbeatMs,
    lastSentTo: batches.lastSentTo,
    forgetEmptyRooms: batches.forgetEmptyRooms,
  });
  io.on("connection", (socket) => {
    heartbeat.greet(socket);
    answerResume(socket, sql);
    answerReviewPresence(io, socket, sql);
    answerAreasOpen(socket, sql, {
      opened: (areas) => totals?.opened(areas),
      openedPublic: publicTotals ? (areas) => publicTotals.opened(areas) : undefined,
      tpsMapMax,
    });
  });

  const ordering = createOrdering({
    sql,
    catchUpMs,
    deliver: (events) => {
      batches.deliver(events);
      totals?.changed(events);
      publicTotals?.changed(events);
    },
  });
  const cluster = adapter ? joinCluster(io, ordering.accept) : null;

  return {
    io,
    publish(committed) {
      cluster?.share(committed);
      ordering.accept(committed);
    },
    close: async () => {
      ordering.close();
      heartbeat.close();
      totals?.close();
      publicTotals?.close();
      cluster?.close();
      batches.flushAll();
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}
