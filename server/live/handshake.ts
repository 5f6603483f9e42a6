// Who a new Socket.IO connection is, and the rooms it joins: the session token (auth.token or the cookie)
// names the user, and the permission rules name the rooms. A forged token is refused; no token is a
// visitor, who joins the public room only.
import type { Sql } from "postgres";
import type { Server } from "socket.io";
import type { SessionUser } from "~/models/users.server";
import { tokenFrom, userFromToken } from "~/utils/auth.server";
import { roomsOf } from "~/utils/permissions.server";

export interface SocketData {
  user: SessionUser | null;
}

type LiveServer = Server<Record<string, never>, Record<string, never>, Record<string, never>, SocketData>;

const refusal = (code: "unauthenticated" | "unavailable" | "secret_change_required") =>
  Object.assign(new Error(code), { data: { code } });

export function authenticateSockets(io: LiveServer, sql: Sql) {
  io.use(async (socket, next) => {
    try {
      const auth = socket.handshake.auth as { token?: unknown; public?: unknown };
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
      const user = await userFromToken(sql, token);
      if (token && !user) return next(refusal("unauthenticated"));
      // A one-time secret opens nothing but the page that changes it (app/utils/permissions.server.ts).
      if (user?.mustChangeSecret) return next(refusal("secret_change_required"));
      socket.data.user = user;
      socket.join(roomsOf(user));
      next();
    } catch {
      next(refusal("unavailable"));
    }
  });
}
