// Who a new Socket.IO connection is, and the rooms it joins: the session token (auth.token or the cookie)
// names the user, and the permission rules name the rooms. A forged token is refused; no token is a
// visitor, who joins the public room only. A connection lives no longer than its session: it joins the
// session's room, which a logout closes on every instance (server/admin-effects.ts), and it closes itself
// when the session expires, without waiting for a request.
import type { Sql } from "postgres";
import type { Server, Socket } from "socket.io";
import type { SessionUser } from "~/models/users.server";
import { sessionFromToken, sessionOfHash, socketIdOf, tokenFrom } from "~/utils/auth.server";
import { roomsOf, sessionRoom } from "~/utils/permissions.server";

export interface SocketData {
  user: SessionUser | null;
  /** The stored hash of the session the connection was opened with (null for visitors). */
  tokenHash: string | null;
  /** The areas the connection opened (`areas:open`, live/areas.ts) and the rooms it joined for them. */
  open?: { areas: string[]; rooms: Set<string> };
}

type LiveServer = Server<Record<string, never>, Record<string, never>, Record<string, never>, SocketData>;

const refusal = (code: "unauthenticated" | "unavailable" | "secret_change_required") =>
  Object.assign(new Error(code), { data: { code } });

/** setTimeout's longest delay (about 24.8 days); a longer session is checked again then. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Closes the connection when its session expires (by the database's clock, read at the handshake), or
 *  later if the database then still holds it open. */
function closeAtExpiry(socket: Socket, sql: Sql, tokenHash: string, expiresInMs: number) {
  let timer: NodeJS.Timeout;
  const arm = (ms: number) => {
    timer = setTimeout(check, Math.min(Math.max(ms, 0), MAX_TIMER_MS));
    timer.unref();
  };
  async function check() {
    if (socket.disconnected) return;
    try {
      const session = await sessionOfHash(sql, tokenHash);
      if (!session) return void socket.disconnect(true);
      // Still open (clocks a few milliseconds apart, or a session longer than one timer): look again then.
      arm(Math.max(session.expiresInMs, 50));
    } catch {
      // Database busy: ask again shortly rather than let an ended session keep its connection.
      arm(1000);
    }
  }
  arm(expiresInMs);
  socket.once("disconnect", () => clearTimeout(timer));
}

export function authenticateSockets(io: LiveServer, sql: Sql) {
  io.use(async (socket, next) => {
    try {
      const auth = socket.handshake.auth as { token?: unknown; public?: unknown };
      socket.data.tokenHash = null;
      // The public page asks for the public room only (aggregates), also when its visitor is logged in.
      if (auth?.public === true) {
        socket.data.user = null;
        socket.join(roomsOf(null));
        return next();
      }
      const token = tokenFrom({
        authorization: typeof auth?.token === "string" ? `Bearer ${auth.token}` : null,
        cookie: socket.handshake.headers.cookie,
      });
      const session = await sessionFromToken(sql, token);
      if (token && !session) return next(refusal("unauthenticated"));
      // A one-time secret opens nothing but the page that changes it (app/utils/permissions.server.ts).
      if (session?.user.mustChangeSecret) return next(refusal("secret_change_required"));
      socket.data.user = session?.user ?? null;
      socket.join(roomsOf(session?.user ?? null));
      if (session) {
        socket.data.tokenHash = session.tokenHash;
        socket.join(sessionRoom(socketIdOf(session.tokenHash)));
        closeAtExpiry(socket, sql, session.tokenHash, session.expiresInMs);
      }
      next();
    } catch {
      next(refusal("unavailable"));
    }
  });
}
