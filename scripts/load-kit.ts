// Shared by the load scripts (bench.ts, fault.ts): loopback-only HTTP client, child processes, latency
// histograms, and lightweight command-post dashboards that speak Socket.IO's wire protocol.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { randomBytes } from "node:crypto";
import { appendFileSync, readFileSync, rmSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import postgres, { type Sql } from "postgres";
import WebSocket from "ws";
import { rebuildTotalsNow } from "../app/models/region-totals.server";
import { hashToken } from "../app/utils/auth.server";
import { createSql } from "../db/connect";
import { startEmbeddedPostgres } from "../db/embedded";
import { migrate } from "../db/migrate";
import { seed, type SeedOptions } from "../db/seed";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const HOST = "127.0.0.1";

// ---------- measuring ----------
/** Latency histogram in whole milliseconds (0..120 s): constant memory however many samples. */
export class Histogram {
  counts = new Uint32Array(120_001);
  n = 0;
  max = 0;
  add(ms: number) {
    const v = Math.min(120_000, Math.max(0, Math.round(ms)));
    this.counts[v]++;
    this.n++;
    if (v > this.max) this.max = v;
  }
  q(p: number) {
    if (this.n === 0) return NaN;
    const target = Math.ceil(this.n * p);
    let seen = 0;
    for (let i = 0; i < this.counts.length; i++) if ((seen += this.counts[i]) >= target) return i;
    return this.max;
  }
  summary() {
    return { n: this.n, p50: this.q(0.5), p95: this.q(0.95), p99: this.q(0.99), max: this.max };
  }
}
/**
 * A plain-text table: a header row, a rule, then the rows; numbers right-aligned, text left-aligned, each
 * column as wide as its widest cell. What the benches print for figures per level or per endpoint.
 */
export function formatTable(headers: string[], rows: (string | number | null)[][]) {
  const cells = rows.map((row) =>
    headers.map((_, i) => (row[i] === null || row[i] === undefined ? "-" : String(row[i]))),
  );
  const numeric = headers.map(
    (_, i) => rows.length > 0 && rows.every((row) => typeof row[i] === "number" || row[i] === null),
  );
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i].length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...cells.map(line)].join("\n");
}

/** Resident memory of a process in MB (Linux /proc), or null elsewhere or when it is gone. */
export async function residentMb(pid: number) {
  const status = await fs.readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
  return Number.isFinite(kb) && kb > 0 ? Math.round(kb / 102.4) / 10 : null;
}

export const now = () => performance.now();
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const log = (line: string) =>
  process.stderr.write(`[${path.basename(process.argv[1] ?? "load", ".ts")}] ${line}\n`);

export async function withDeadline<T>(what: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms)),
  );
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, HOST, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

// ---------- HTTP client (keep-alive, loopback only) ----------
export const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
export function request(port: number, method: string, pathname: string, body?: unknown, token?: string) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      {
        host: HOST,
        port,
        method,
        path: pathname,
        agent,
        headers: {
          ...(payload ? { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(payload) } : {}),
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("request timed out")));
    req.on("error", reject);
    req.end(payload);
  });
}

// ---------- child processes ----------
/** Children still running when this process exits (Ctrl-C, time limit, crash) are killed with it. */
const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

export function startChild(
  name: string,
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
): Promise<ChildProcess> {
  // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server while it is measured;
  // BENCH_CHILD_LOG=FILE keeps its output (say with BENCH_NODE_ARGS=--trace-gc).
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  child.once("exit", () => running.delete(child));
  return withDeadline(
    `${name} start`,
    60_000,
    new Promise<ChildProcess>((resolve, reject) => {
      let out = "";
      const onData = (chunk: Buffer) => {
        out += chunk.toString();
        if (process.env.BENCH_CHILD_LOG) appendFileSync(process.env.BENCH_CHILD_LOG, chunk);
        if (ready.test(out)) resolve(child);
      };
      child.stdout!.on("data", onData);
      child.stderr!.on("data", (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk}`));
      child.once("exit", (code) => reject(new Error(`${name} exited (${code}) before it was ready:\n${out}`)));
    }),
  );
}
/** Pantau's production build (`npm run build` first) on 127.0.0.1:port against the load database. */
export function startPantau(databaseUrl: string, port: number, env: Record<string, string> = {}) {
  return startChild(
    "pantau",
    ["server/index.ts"],
    {
      NODE_ENV: "production",
      PORT: String(port),
      HOST,
      DATABASE_URL: databaseUrl,
      PANTAU_SEED: "none",
      COOKIE_SECURE: "false",
      ...env,
    },
    /Pantau is ready/,
  );
}
export async function stopChild(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null) return;
  child.kill("SIGTERM");
  await withDeadline("child stop", 15_000, new Promise((r) => child.once("exit", r))).catch(() =>
    child.kill("SIGKILL"),
  );
}

// ---------- dashboards ----------
// A thousand socket.io-client instances parsing every batch need more CPU than the server that feeds them
// (measured: the bench's own event loop, not Pantau, set the delivery figures). These clients speak the
// Engine.IO/Socket.IO wire protocol over a raw WebSocket instead: they answer pings, read every event's seq
// straight from the frame's bytes (exact gap and duplicate check), and decode only the first event of each
// frame to time it (the oldest event in a batch, so the figure is the conservative one).
export interface Dashboard {
  ws: WebSocket;
  last: number;
  duplicates: number;
  gaps: number;
  frames: number;
}
const SEQ = Buffer.from('"seq":');
/** The start of an `event` or `events` message after its packet type (`42`). */
const EVENT_FRAME = Buffer.from('["event');

export function readInt(buf: Buffer, at: number) {
  let n = 0;
  for (let i = at; i < buf.length; i++) {
    const c = buf[i];
    if (c < 0x30 || c > 0x39) break;
    n = n * 10 + (c - 0x30);
  }
  return n;
}
/** Text of a JSON string field inside buf[from, to), or undefined. */
export function readField(buf: Buffer, name: string, from: number, to: number) {
  const key = buf.indexOf(`"${name}":`, from);
  if (key < 0 || key >= to) return undefined;
  const at = key + name.length + 3;
  if (buf[at] === 0x22) return buf.toString("utf8", at + 1, buf.indexOf(0x22, at + 1));
  return String(readInt(buf, at));
}

/** A frame's events, found once per distinct frame and shared by every dashboard that received the same bytes. */
export interface Frame {
  bytes: Buffer;
  seqs: number[];
  /** Where each event starts (its `"seq":`); event i ends where event i + 1 starts. */
  starts: number[];
  /** Filled by whoever times the events, once per distinct frame. */
  keys?: (string | undefined)[];
}

export async function connectDashboards(
  port: number,
  count: number,
  token: string | undefined,
  onFrame: (frame: Frame, at: number) => void,
) {
  const dashboards: Dashboard[] = [];
  // Every dashboard in a room gets the same frames: the bench searches a frame's bytes for its events once and
  // compares the other copies byte for byte (much cheaper than searching each again; measured, the search
  // was half the bench's own CPU). Recent frames only, keyed by their first seq.
  const scanned = new Map<number, Frame>();
  const scan = (bytes: Buffer) => {
    const first = bytes.indexOf(SEQ);
    const firstSeq = first < 0 ? -1 : readInt(bytes, first + 6);
    const known = scanned.get(firstSeq);
    if (known && known.bytes.equals(bytes)) return known;
    const frame: Frame = { bytes, seqs: [], starts: [] };
    for (let i = first; i >= 0; i = bytes.indexOf(SEQ, i + 6)) {
      frame.starts.push(i);
      frame.seqs.push(readInt(bytes, i + 6));
    }
    scanned.set(firstSeq, frame);
    if (scanned.size > 512) scanned.delete(scanned.keys().next().value!);
    return frame;
  };
  const connectOne = () =>
    new Promise<Dashboard>((resolve, reject) => {
      const ws = new WebSocket(`ws://${HOST}:${port}/socket.io/?EIO=4&transport=websocket`);
      const d: Dashboard = { ws, last: -1, duplicates: 0, gaps: 0, frames: 0 };
      ws.on("error", reject);
      ws.on("message", (frame: Buffer) => {
        const at = now();
        if (frame[0] === 0x30) return ws.send(`40${JSON.stringify(token ? { token } : {})}`); // open -> join namespace
        if (frame[0] === 0x32) return ws.send("3"); // ping -> pong
        if (frame[0] !== 0x34) return;
        if (frame[1] === 0x30) return resolve(d); // connected
        if (frame[1] === 0x34) return reject(new Error(`dashboard refused: ${frame}`));
        if (frame[1] !== 0x32) return;
        // Only `event` and `events` carry the sequence: a heartbeat's `seq` is the head it vouches for.
        if (!frame.subarray(2, 2 + EVENT_FRAME.length).equals(EVENT_FRAME)) return;
        d.frames++;
        const scannedFrame = scan(frame);
        for (const seq of scannedFrame.seqs) track(d, seq);
        if (scannedFrame.seqs.length) onFrame(scannedFrame, at);
      });
    });
  for (let i = 0; i < count; i += 50) {
    dashboards.push(
      ...(await withDeadline(
        "dashboards connect",
        60_000,
        Promise.all(Array.from({ length: Math.min(50, count - i) }, connectOne)),
      )),
    );
  }
  return dashboards;
}
const DEBUG = !!process.env.BENCH_DEBUG; // read once: process.env is slow, and this runs for every event

export interface DashboardsReport {
  lost: number;
  duplicates: number;
  frames: number;
  delivery: ReturnType<Histogram["summary"]>;
}

/**
 * `count` dashboards in a child process (scripts/dashboards.ts), so that reading their frames does not delay
 * what the bench's own process measures. `finish` waits for them to reach `endSeq` and returns their figures;
 * for Pantau's events the delivery is timed against `sentAt` (wall-clock ms by event key).
 */
export async function startDashboards(options: {
  port: number;
  count: number;
  token?: string;
  timing: "pantau" | "baseline";
}) {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/dashboards.ts")], {
    cwd: ROOT,
    env: { ...process.env, DASHBOARDS: JSON.stringify(options) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  running.add(child);
  child.once("exit", () => running.delete(child));
  const next = <T>(type: string, ms: number) =>
    withDeadline(
      `dashboards ${type}`,
      ms,
      new Promise<T>((resolve, reject) => {
        const onMessage = (message: { type: string }) => {
          if (message.type === type) {
            child.off("message", onMessage);
            resolve(message as T);
          }
        };
        child.on("message", onMessage);
        child.once("exit", (code) => reject(new Error(`dashboards process exited (${code})`)));
      }),
    );
  await next("connected", 120_000);
  return {
    pid: child.pid!,
    /** The measured phase begins: frames count from here. */
    measure: () => child.send({ type: "measure" }),
    finish: async (startSeq: number, endSeq: number, sentAt?: Map<string, number>): Promise<DashboardsReport> => {
      const report = next<DashboardsReport>("report", 60_000);
      child.send({ type: "finish", startSeq, endSeq, sentAt: sentAt ? [...sentAt] : undefined });
      return report;
    },
    stop: () => {
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}

/** Every dashboard must see every seq after `from` once, in order. */
export function track(d: Dashboard, seq: number) {
  if (d.last < 0) d.last = seq - 1;
  if (DEBUG && seq !== d.last + 1 && d.duplicates + d.gaps < 3) log(`dashboard saw ${seq} after ${d.last}`);
  if (seq <= d.last) d.duplicates++;
  else {
    d.gaps += seq - d.last - 1;
    d.last = seq;
  }
}

// ---------- database ----------
export interface LoadDatabaseOptions {
  /** Generated TPS (none: the demo city). */
  tpsCount?: number;
  /** What to generate (db/seed.ts): a province by default, or the national election. */
  election?: SeedOptions["election"];
  /**
   * Keep the cluster in this folder and reuse it on the next run: seeding the national election takes
   * 40-100 s and 1.3 GB, which a run that measures pages need not pay every time. A folder whose database
   * was seeded with another election or size is refused, not reseeded.
   */
  keepDir?: string;
  /** A database that is already migrated and seeded (nothing is started, seeded or removed). */
  url?: string;
  /** Load pg_stat_statements, for `statementCosts` (each statement's time, nested ones included). */
  statements?: boolean;
}

/**
 * Which election a kept database holds, and the latest migration it was seeded under: written after seeding,
 * checked before reuse. Another election is refused; a newer migration is applied and named, since a table it
 * adds that seeding fills (the running totals were one) would stay empty: remove the folder then.
 */
const seededWith = async (o: LoadDatabaseOptions) => {
  const migrations = (await fs.readdir(path.join(ROOT, "db/migrations"))).filter((f) => f.endsWith(".sql")).sort();
  return { election: `${o.election ?? "province"} ${o.tpsCount ?? "demo"}`, migration: migrations.at(-1) ?? "" };
};

/**
 * A fresh embedded PostgreSQL in a temporary folder with one seeded database (or a kept one, or one at `url`:
 * see LoadDatabaseOptions); `restart` stops and starts the server.
 */
export async function startLoadDatabase(options: LoadDatabaseOptions) {
  const { tpsCount } = options;
  if (options.url) {
    const sql = createSql(options.url, { max: 4 });
    await migrate(sql);
    const [{ tps }] = await sql<[{ tps: number }]>`select count(*)::int as tps from tps`;
    log(`using the database at ${options.url.replace(/:[^:@/]+@/, ":***@")} (${tps} TPS)`);
    return {
      databaseUrl: options.url,
      sql,
      postgresPids: async () => [] as number[],
      stopPostgres: async () => {},
      startPostgres: async () => {},
      close: async () => {
        await sql.end({ timeout: 5 });
        agent.destroy();
      },
    };
  }
  const kept = options.keepDir ? path.resolve(options.keepDir) : null;
  const dir = kept ?? (await fs.mkdtemp(path.join(os.tmpdir(), "pantau-load-")));
  await fs.mkdir(dir, { recursive: true });
  await fs.chmod(dir, 0o755);
  const dataDir = path.join(dir, "data");
  const markFile = path.join(dir, "seeded-with");
  const mark = kept ? await fs.readFile(markFile, "utf8").catch(() => null) : null;
  const wanted = await seededWith(options);
  const [markElection, markMigration] = (mark ?? "").trim().split(" @ ");
  if (mark !== null && markElection !== wanted.election)
    throw new Error(`--keep-db ${dir} holds "${markElection}", not "${wanted.election}": use another folder`);
  if (mark !== null && markMigration !== wanted.migration)
    log(`--keep-db: seeded under ${markMigration}, ${wanted.migration} applied since (to reseed, remove ${dir})`);
  if (kept && mark === null) await fs.rm(dataDir, { recursive: true, force: true }); // a seeding that never finished
  const settings = options.statements
    ? [
        "shared_preload_libraries=pg_stat_statements",
        "pg_stat_statements.track=all",
        "pg_stat_statements.track_planning=on",
      ]
    : [];
  let pg = await startEmbeddedPostgres({ dir: dataDir, settings });
  const port = Number(new URL(pg.url).port);
  leaveNothingBehind(kept ? null : dir, dataDir);
  const databaseUrl = pg.url.replace(/\/postgres$/, "/pantau_load");
  if (mark === null) {
    const admin = postgres(pg.url, { max: 1, onnotice: () => {} });
    await admin.unsafe("create database pantau_load");
    await admin.end();
  }
  const sql = createSql(databaseUrl, { max: 4 });
  await migrate(sql);
  if (mark === null) {
    const t0 = now();
    await seed(sql, { tpsCount, election: options.election });
    log(`seeded ${tpsCount ?? "the demo"} TPS (${options.election ?? "province"}) in ${Math.round(now() - t0)} ms`);
    await sql`vacuum analyze`;
    if (kept) await fs.writeFile(markFile, `${wanted.election} @ ${wanted.migration}\n`);
  } else log(`reusing the database kept in ${dir} (${mark.trim()})`);
  if (options.statements) await sql`create extension if not exists pg_stat_statements`;
  return {
    databaseUrl,
    sql,
    /** The PostgreSQL server's processes (postmaster and its children), for CPU accounting. */
    postgresPids: async () => {
      const postmaster = Number(
        (await fs.readFile(path.join(dataDir, "postmaster.pid"), "utf8").catch(() => "")).split("\n")[0],
      );
      return postmaster ? [postmaster, ...(await childPids(postmaster))] : [];
    },
    stopPostgres: () => pg.stop(),
    startPostgres: async () => {
      pg = await startEmbeddedPostgres({ dir: dataDir, port, settings });
    },
    close: async () => {
      await sql.end({ timeout: 5 });
      await pg.stop().catch(() => {});
      if (!kept) await fs.rm(dir, { recursive: true, force: true });
      agent.destroy();
    },
  };
}

// ---------- where PostgreSQL spends its time (a database started with `statements`) ----------
export const resetStatementCosts = (sql: postgres.Sql) => sql`select pg_stat_statements_reset()`;

/**
 * The statements that took most of PostgreSQL's execution time since the last reset, per unit of work (a
 * submission): calls and milliseconds each. Statements run inside functions and triggers are counted on their
 * own and inside their caller, so the shares add up to more than 100 %.
 */
export async function statementCosts(sql: postgres.Sql, units: number, top = 25) {
  const rows = await sql<{ calls: number; ms: number; plans: number; planMs: number; rows: number; query: string }[]>`
    select calls::float8 as calls, total_exec_time as ms, plans::float8 as plans, total_plan_time as plan_ms,
           rows::float8 as rows, query
      from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
     order by total_exec_time + total_plan_time desc limit ${top}`;
  const per = (n: number) => Math.round((n / Math.max(1, units)) * 1000) / 1000;
  return rows.map((r) => ({
    callsPerUnit: per(r.calls),
    msPerUnit: per(r.ms),
    msPerCall: Math.round((r.ms / Math.max(1, r.calls)) * 1000) / 1000,
    rowsPerCall: Math.round((r.rows / Math.max(1, r.calls)) * 10) / 10,
    /** Planning, which happens again whenever PostgreSQL prefers a custom plan to its cached generic one. */
    plansPerUnit: per(r.plans),
    planMsPerUnit: per(r.planMs),
    query: r.query.replace(/\s+/g, " ").slice(0, 160),
  }));
}

// ---------- CPU accounting (Linux /proc; elsewhere the figures are absent) ----------
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU seconds (user + system) each process has used so far; processes that are gone are left out. */
export async function cpuSeconds(pids: number[]) {
  const used = new Map<number, number>();
  for (const pid of pids) {
    const stat = await fs.readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
    if (!stat) continue;
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // the name in parentheses may hold spaces
    used.set(pid, (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND); // utime, stime (stat fields 14, 15)
  }
  return used;
}

/** CPU seconds used between two readings (a process that started in between counts from zero). */
export const cpuBetween = (start: Map<number, number>, end: Map<number, number>) =>
  [...end].reduce((sum, [pid, seconds]) => sum + seconds - (start.get(pid) ?? 0), 0);

async function childPids(parent: number) {
  const pids: number[] = [];
  for (const name of await fs.readdir("/proc").catch(() => [] as string[])) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await fs.readFile(`/proc/${name}/stat`, "utf8").catch(() => "");
    if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === parent) pids.push(Number(name));
  }
  return pids;
}

/**
 * Stops the load database and removes its folder however the run ends (Ctrl-C, the overall time limit's
 * process.exit, an uncaught error): otherwise a PostgreSQL would keep running in the background and skew the
 * next run. Synchronous, as 'exit' handlers must be: an immediate shutdown of the postmaster, then the folder.
 */
function leaveNothingBehind(dir: string | null, dataDir: string) {
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));
  process.once("exit", () => {
    try {
      const postmaster = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
      if (postmaster) process.kill(postmaster, "SIGQUIT");
    } catch {
      // Already stopped (close() ran): nothing to do.
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
}

/** Sessions written straight into the load database (hashing thousands of PINs would only measure scrypt). */
export async function mintSessions(sql: Sql, userIds: number[]) {
  const minted = userIds.map((userId) => ({ token: randomBytes(32).toString("base64url"), userId }));
  for (let i = 0; i < minted.length; i += 5000) {
    await sql`insert into sessions ${sql(minted.slice(i, i + 5000).map((m) => ({ tokenHash: hashToken(m.token), userId: m.userId, expiresAt: new Date(Date.now() + 3600_000) })))}`;
  }
  return minted.map((m) => m.token);
}

/**
 * Reports results straight into the tables of a generated election (no bench here then measures the writer):
 * 60% of the TPS report every contest they vote in, every other one a quick entry only; then the running
 * totals are rebuilt. For the benches that time reads (scripts/bench-loader-queries.ts, bench-public-summary.ts).
 */
export async function fillWithResults(sql: Sql) {
  const [author] = await sql<[{ id: number }]>`select id from users order by id limit 1`;
  await sql`create temp table pairs as
    select t.code as tps_code, c.code as contest_code, (hashtext(t.code) & 1) = 0 as quick
    from tps t join contests c on exists (select 1 from contest_areas a where a.contest_code = c.code
      and (t.kelurahan_code = a.region_code or t.kelurahan_code like a.region_code || '.%'))
    where abs(hashtext(t.code || 'r')) % 10 < 6`;
  await sql`insert into submissions (id, tps_code, contest_code, source, author_id, revision, votes, invalid,
      captured_at, body_hash, response, completeness)
    select gen_random_uuid(), tps_code, contest_code, 'app', ${author.id}, 1,
      jsonb_build_object('1', 100 + abs(hashtext(tps_code)) % 50, '2', 80 + abs(hashtext(tps_code || 'b')) % 60),
      3, now(), md5(tps_code || contest_code), '{}', case when quick then 'quick' else 'complete' end from pairs`;
  await sql`insert into results (tps_code, contest_code, status, submission_id, votes, invalid, completeness)
    select tps_code, contest_code, 'submitted', id, votes, invalid, completeness from submissions`;
  await rebuildTotalsNow(sql);
  await sql`analyze`;
}
