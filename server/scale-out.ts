// Several Pantau instances on one database (docs/decisions/008-cluster-adapter.md): they share live events
// through @socket.io/postgres-adapter (LISTEN/NOTIFY on the same PostgreSQL; payloads over 8 kB go through
// the socket_io_attachments table of migration 0007). On by default: a single instance pays one cheap LISTEN
// connection, and server/live.ts sends server-side messages only while another instance is there.
// With REDIS_URL they use @socket.io/redis-streams-adapter instead (server-side messages over Redis pub/sub).
// Deployment (sticky sessions or websocket-only transport): docs/DEPLOYMENT.md.
import { createAdapter } from "@socket.io/postgres-adapter";
import { createAdapter as createRedisAdapter } from "@socket.io/redis-streams-adapter";
import pg from "pg";
import { createClient } from "redis";
import type { ServerOptions } from "socket.io";

export interface ClusterAdapter {
  adapter: ServerOptions["adapter"];
  close: () => Promise<void>;
}

export function createClusterAdapter(options: {
  databaseUrl: string;
  mode: "postgres" | "off";
  redisUrl?: string;
  log?: (line: string) => void;
}): ClusterAdapter | null {
  if (options.mode === "off") return null;
  if (options.redisUrl) return redisAdapter(options.redisUrl, options.log);
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 3, application_name: "pantau-live" });
  // The adapter keeps one client checked out for LISTEN and has no error listener on it: a PostgreSQL restart
  // would otherwise crash the process. The adapter reconnects by itself when that client ends.
  pool.on("connect", (client) => client.on("error", () => {}));
  pool.on("error", () => {});
  let warned = false;
  const adapter = createAdapter(pool, {
    tableName: "socket_io_attachments",
    errorHandler: (error) => {
      if (!warned)
        options.log?.(
          `live adapter: ${error.message} (retrying; events also reach other instances through the event log)`,
        );
      warned = true;
    },
  });
  // After a PostgreSQL restart the adapter drops its dead LISTEN client without releasing it, and pool.end()
  // would wait for it forever (found by `npm run test:fault -- postgres`): wait one second at most.
  const close = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 1000);
      pool
        .end()
        .catch(() => {})
        .finally(() => {
          clearTimeout(timer);
          resolve();
        });
    });
  return { adapter, close };
}

type RedisClient = ReturnType<typeof createClient>;

// The Redis Streams adapter leaves the promises of PUBLISH (server-side messages) and SUBSCRIBE unhandled and
// calls disconnect() on clients that may be closed already: with Redis away, either would crash the process.
// Every client it uses (ours and its duplicates) goes through this guard.
const UNHANDLED = new Set<PropertyKey>(["publish", "sPublish", "subscribe", "sSubscribe"]);
function guard(client: RedisClient, onError: (error: Error) => void, all: RedisClient[]): RedisClient {
  all.push(client);
  return new Proxy(client, {
    get(target, prop) {
      if (prop === "duplicate") return () => guard(target.duplicate(), onError, all);
      if (prop === "disconnect")
        return async () => {
          if (target.isOpen) target.destroy();
        };
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== "function") return value;
      if (UNHANDLED.has(prop))
        return (...args: unknown[]) => (value.apply(target, args) as Promise<unknown>).catch(onError);
      return value.bind(target);
    },
  });
}

function redisAdapter(url: string, log?: (line: string) => void): ClusterAdapter {
  let down = false;
  const onError = (error: Error) => {
    if (!down)
      log?.(
        `live adapter: Redis unavailable (${error.message}); retrying, events also reach other instances through the event log`,
      );
    down = true;
  };
  const clients: RedisClient[] = [];
  const client = createClient({
    url,
    // Retry for as long as the process runs, at most every 5 s: Redis coming back must not need a restart.
    socket: { reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 5000) },
    // Commands wait while Redis is away (the stream reader must not spin); this bounds what can pile up.
    commandsQueueMaxLength: 10_000,
  });
  client.on("error", onError);
  client.on("ready", () => {
    if (down) log?.("live adapter: Redis is back");
    down = false;
  });
  // Not awaited: Pantau starts (and serves alone, with the event log) while Redis is not there yet.
  client.connect().catch(onError);
  const adapter = createRedisAdapter(guard(client, onError, clients));
  return {
    adapter,
    // Called after io.close() (server/live.ts), which closes the adapter and so stops its stream reader; closed
    // before that, the reader would retry XREAD on a closed client without end.
    close: async () => {
      for (const c of clients) if (c.isOpen) c.destroy();
    },
  };
}
