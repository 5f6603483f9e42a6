// Several Pantau instances on one database (issue 6, SPEC section 5): they share live events through
// @socket.io/postgres-adapter (LISTEN/NOTIFY on the same PostgreSQL; payloads over 8 kB go through the
// socket_io_attachments table of migration 0007). On by default: a single instance pays one cheap LISTEN
// connection, and server/live.ts sends server-side messages only while another instance is there.
// Deployment (sticky sessions or websocket-only transport): docs/DEPLOYMENT.md.
import { createAdapter } from "@socket.io/postgres-adapter";
import pg from "pg";
import type { ServerOptions } from "socket.io";

export interface ClusterAdapter {
  adapter: ServerOptions["adapter"];
  close: () => Promise<void>;
}

export function createClusterAdapter(options: { databaseUrl: string; mode: "postgres" | "off"; log?: (line: string) => void }): ClusterAdapter | null {
  if (options.mode === "off") return null;
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 3, application_name: "pantau-live" });
  // The adapter keeps one client checked out for LISTEN and has no error listener on it: a PostgreSQL restart
  // would otherwise crash the process. The adapter reconnects by itself when that client ends.
  pool.on("connect", (client) => client.on("error", () => {}));
  pool.on("error", () => {});
  let warned = false;
  const adapter = createAdapter(pool, {
    tableName: "socket_io_attachments",
    errorHandler: (error) => {
      if (!warned) options.log?.(`live adapter: ${error.message} (retrying; events also reach other instances through the event log)`);
      warned = true;
    },
  });
  // After a PostgreSQL restart the adapter drops its dead LISTEN client without releasing it, and pool.end()
  // would wait for it forever (found by `npm run test:fault -- postgres`): wait one second at most.
  const close = () => new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 1000);
    pool.end().catch(() => {}).finally(() => { clearTimeout(timer); resolve(); });
  });
  return { adapter, close };
}
