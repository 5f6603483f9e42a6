// `npm run bench:public -- [--national [N] | --tps 100000] [--keep-db DIR | --db URL] [--connections 2000]
//                          [--duration 10] [--viewers 10000] [--rate 50] [--viewer-duration 20]
//                          [--public-interval 1000] [--nodes 1] [--only KINDS] [--json FILE]`
// The public side at scale (figures: docs/BENCHMARKS.md, "The public side"). Everything on 127.0.0.1: an
// embedded PostgreSQL with a generated election (the national one with --national, else a generated
// province), Pantau's production build (`npm run build` first), and:
//  1. readers: --connections keep-alive HTTP connections, each asking again as soon as it has its answer
//     (gzip accepted, as browsers do), for --duration s per request kind: a static file served by the same
//     server (the yardstick), the public summary, region summaries, a TPS's public page and its JSON.
//     Requests/s, p50/p99, statuses, bytes per answer; and the ratio of each to the static file.
//  2. viewers: --viewers public Socket.IO connections held open (raw WebSockets speaking the protocol, in
//     processes of their own, scripts/public-viewers.ts) while officers post first results at --rate/s:
//     connections held to the end, pushes per viewer, the update delivery (an officer's submission to each
//     viewer's first push after its acknowledgement), the server's resident memory and CPU.
// The bench's own clients share the machine's cores with the server and PostgreSQL: the figures are a floor.
// Every loop is bounded in count and time; 20 minutes overall.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { startTestRedis } from "../tests/support/redis";
import {
  cpuBetween,
  cpuSeconds,
  formatTable,
  freePort,
  Histogram,
  HOST,
  log,
  mintSessions,
  now,
  request,
  residentMb,
  ROOT,
  sleep,
  startLoadDatabase,
  startPantau,
  stopChild,
  withDeadline,
} from "./load-kit";

// ---------- options ----------
const argAt = (name: string) => process.argv.indexOf(`--${name}`);
function bounded(name: string, fallback: number, min: number, max: number) {
  const i = argAt(name);
  const value = Number(i > 0 ? process.argv[i + 1] : fallback);
  if (!Number.isInteger(value) || value < min || value > max) {
    console.error(`--${name} must be a whole number from ${min} to ${max}`);
    process.exit(2);
  }
  return value;
}
const text = (name: string) => (argAt(name) > 0 ? (process.argv[argAt(name) + 1] ?? "") : "");
const nationalAt = argAt("national");
const opts = {
  /** TPS of the national election (0: a generated province of --tps TPS instead). */
  national:
    nationalAt < 0
      ? 0
      : /^\d+$/.test(process.argv[nationalAt + 1] ?? "")
        ? bounded("national", 820_000, 1_000, 2_000_000)
        : 820_000,
  tps: bounded("tps", 100_000, 100, 200_000),
  keepDb: text("keep-db"),
  db: text("db"),
  connections: bounded("connections", 2_000, 1, 10_000),
  duration: bounded("duration", 10, 1, 120),
  viewers: bounded("viewers", 10_000, 0, 20_000),
  rate: bounded("rate", 50, 1, 1_000),
  viewerDuration: bounded("viewer-duration", 20, 2, 300),
  /** The server's PUBLIC_SUMMARY_MS: the public summary is pushed at most this often. */
  publicInterval: bounded("public-interval", 1_000, 100, 60_000),
  /** Pantau instances on the one database, sharing live events through Redis (the Redis Streams adapter). */
  nodes: bounded("nodes", 1, 1, 4),
  /** Only these request kinds (comma-separated, as the table names them: `static file,TPS (JSON)`). */
  only: text("only")
    .split(",")
    .map((k) => k.trim())
    .filter(Boolean),
  json: text("json"),
};
const WARMUP_MS = 3_000;
/** How long the first request of a kind may take (a summary computed from nothing at national scale). */
const PROBE_MS = 120_000;
/** Viewers per client process: each holds its WebSockets in one event loop. */
const VIEWERS_PER_PROCESS = 5_000;
const round = (n: number) => Math.round(n * 10) / 10;

// ---------- readers ----------
interface Target {
  name: string;
  /** A path per request (codes vary, so no single answer sits in a cache). */
  path: () => string;
}
interface ReadFigures {
  name: string;
  example: string;
  status: number;
  /** The first answer, before anything is cached. */
  coldMs: number | null;
  perSecond: number | null;
  latency: ReturnType<Histogram["summary"]> | null;
  statuses: Record<number, number>;
  errors: number;
  bytesPerAnswer: number | null;
  pantauCpuMs: number | null;
  skipped?: string;
}

/** One keep-alive connection per reader, bodies read to the end but never decompressed or parsed. */
function reader(agent: http.Agent, port: number, pathname: string) {
  return new Promise<{ status: number; bytes: number }>((resolve, reject) => {
    const req = http.request(
      { host: HOST, port, path: pathname, agent, headers: { "Accept-Encoding": "gzip" }, timeout: 60_000 },
      (res) => {
        let bytes = 0;
        res.on("data", (c: Buffer) => (bytes += c.length));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, bytes }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("request timed out")));
    req.on("error", reject);
    req.end();
  });
}

/** The Pantau instances under test: their ports and processes. */
interface Nodes {
  ports: number[];
  pids: number[];
}

/**
 * The readers' connections, shared by every kind and opened once before the first (100 at a time, each with
 * one request for the static file): thousands of connects at once overflow the server's listen queue while its
 * event loop is busy, and a connection dropped there ends in a reset or a SYN retried after 1, 3, 7 s, which
 * would time TCP, not Pantau. Idle connections are kept (Node keeps only 256 by default).
 */
const agent = new http.Agent({
  keepAlive: true,
  maxSockets: opts.connections,
  maxFreeSockets: opts.connections,
  scheduling: "fifo",
});
async function openReaders(nodes: Nodes) {
  const start = now();
  let failed = 0;
  for (let i = 0; i < opts.connections; i += 100) {
    const batch = Array.from({ length: Math.min(100, opts.connections - i) }, (_, k) =>
      reader(agent, nodes.ports[(i + k) % nodes.ports.length], "/favicon.ico").catch(() => failed++),
    );
    await withDeadline("readers connect", 120_000, Promise.all(batch));
  }
  log(`${opts.connections} reader connections opened in ${Math.round(now() - start)} ms (${failed} failed)`);
}

async function readLoad(nodes: Nodes, target: Target): Promise<ReadFigures> {
  const example = target.path();
  const figures: ReadFigures = {
    name: target.name,
    example,
    status: 0,
    coldMs: null,
    perSecond: null,
    latency: null,
    statuses: {},
    errors: 0,
    bytesPerAnswer: null,
    pantauCpuMs: null,
  };
  // The first answer alone: what the first reader waits while nothing is cached yet.
  const probeAgent = new http.Agent({ keepAlive: false });
  const probeStart = now();
  try {
    const probe = await withDeadline("probe", PROBE_MS, reader(probeAgent, nodes.ports[0], example));
    figures.status = probe.status;
    figures.coldMs = Math.round(now() - probeStart);
  } catch {
    figures.skipped = `GET ${example}: no answer in ${PROBE_MS / 1000} s`;
  } finally {
    probeAgent.destroy();
  }
  if (!figures.skipped && figures.status !== 200)
    figures.skipped = `GET ${example} answered ${figures.status}: not in this build`;
  if (figures.skipped) {
    log(`skipped ${target.name}: ${figures.skipped}`);
    return figures;
  }
  const latency = new Histogram();
  const statuses = new Map<number, number>();
  let answered = 0;
  let bytes = 0;
  let errors = 0;
  // Reader i keeps to instance i mod N, as a sticky proxy would.
  const loop = async (endAt: number, counting: boolean, port: number) => {
    for (let n = 0; now() < endAt && n < 1_000_000; n++) {
      const start = now();
      try {
        const res = await reader(agent, port, target.path());
        if (!counting) continue;
        latency.add(now() - start);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        answered++;
        bytes += res.bytes;
      } catch (error) {
        if (!counting) continue;
        if (++errors <= 3) log(`${target.name}: ${(error as Error).message}`);
      }
    }
  };
  const phase = (ms: number, counting: boolean) => {
    const endAt = now() + ms;
    return Promise.all(
      Array.from({ length: opts.connections }, (_, i) => loop(endAt, counting, nodes.ports[i % nodes.ports.length])),
    );
  };
  await phase(WARMUP_MS, false); // warms the JIT and the server's caches
  const cpuStart = await cpuSeconds(nodes.pids);
  const start = now();
  await phase(opts.duration * 1000, true);
  const seconds = (now() - start) / 1000;
  const cpu = cpuBetween(cpuStart, await cpuSeconds(nodes.pids));
  Object.assign(figures, {
    perSecond: round(answered / seconds),
    latency: latency.summary(),
    statuses: Object.fromEntries(statuses),
    errors,
    bytesPerAnswer: answered ? Math.round(bytes / answered) : null,
    pantauCpuMs: answered ? Math.round(((cpu * 1000) / answered) * 100) / 100 : null,
  });
  log(`${target.name}: ${figures.perSecond}/s, p50 ${figures.latency!.p50} ms, p99 ${figures.latency!.p99} ms`);
  return figures;
}

// ---------- viewers ----------
interface ViewersReport {
  open: number;
  closed: number;
  failed: number;
  pushes: number;
  bytes: number;
  arrivals: number[][];
}

function startViewerProcess(port: number, count: number) {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/public-viewers.ts")], {
    cwd: ROOT,
    env: { ...process.env, VIEWERS: JSON.stringify({ port, count }) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const next = <T>(type: string, ms: number) =>
    withDeadline(
      `viewers ${type}`,
      ms,
      new Promise<T>((resolve, reject) => {
        const onMessage = (message: { type: string }) => {
          if (message.type !== type) return;
          child.off("message", onMessage);
          resolve(message as T);
        };
        child.on("message", onMessage);
        child.once("exit", (code) => reject(new Error(`viewers process exited (${code})`)));
      }),
    );
  return { child, next };
}

/** The first index in a sorted list whose value is above `at`, or -1. */
function firstAfter(sorted: number[], at: number) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] > at) hi = mid;
    else lo = mid + 1;
  }
  return lo < sorted.length ? lo : -1;
}

async function viewersLoad(
  nodes: Nodes,
  sql: Awaited<ReturnType<typeof startLoadDatabase>>["sql"],
  contest: string,
  choices: string[],
) {
  const processes: ReturnType<typeof startViewerProcess>[] = [];
  const memory = () => Promise.all(nodes.pids.map(residentMb));
  const memoryBefore = await memory();
  const connectStart = now();
  try {
    // Each instance gets its share of the viewers; the officers post to the first instance only, so the
    // viewers of every other instance are reached through the adapter.
    nodes.ports.forEach((port, k) => {
      const share = Math.floor(opts.viewers / nodes.ports.length) + (k < opts.viewers % nodes.ports.length ? 1 : 0);
      for (let left = share; left > 0; left -= VIEWERS_PER_PROCESS)
        processes.push(startViewerProcess(port, Math.min(VIEWERS_PER_PROCESS, left)));
    });
    const connected = await Promise.all(
      processes.map((p) => p.next<{ open: number; failed: number }>("connected", 300_000)),
    );
    const open = connected.reduce((n, c) => n + c.open, 0);
    const failed = connected.reduce((n, c) => n + c.failed, 0);
    const connectMs = Math.round(now() - connectStart);
    await sleep(1000);
    const memoryConnected = await memory();
    log(`${open} viewers connected in ${connectMs} ms (${failed} failed); server ${memoryConnected.join(" + ")} MB`);

    // Officers post the first result of TPS nobody reported yet, at --rate/s (open loop).
    const count = opts.rate * opts.viewerDuration;
    const officers = await sql<{ code: string; dpt: number; userId: number }[]>`
      select t.code, t.dpt, u.id as user_id from tps t join users u on u.tps_code = t.code
      where not exists (select 1 from results r where r.tps_code = t.code and r.contest_code = ${contest})
      order by md5(t.code) limit ${count}`;
    const tokens = await mintSessions(
      sql,
      officers.map((o) => o.userId),
    );
    const sent: { sentAt: number; ackAt: number }[] = [];
    let errors = 0;
    const cpuStart = await cpuSeconds(nodes.pids);
    const start = now();
    const inFlight = new Set<Promise<void>>();
    for (let i = 0; i < officers.length && now() - start < opts.viewerDuration * 1000 + 10_000;) {
      const due = Math.min(officers.length, Math.floor(((now() - start) / 1000) * opts.rate));
      for (; i < due; i++) {
        const o = officers[i];
        const used = Math.round(o.dpt * 0.6);
        const invalid = Math.round(used * 0.03);
        const votes = Object.fromEntries(
          choices.map((c, k) => [
            c,
            k === choices.length - 1
              ? used - invalid - Math.floor((used - invalid) / choices.length) * (choices.length - 1)
              : Math.floor((used - invalid) / choices.length),
          ]),
        );
        const body = {
          id: randomUUID(),
          tpsCode: o.code,
          contest,
          votes,
          invalid,
          capturedAt: new Date().toISOString(),
        };
        const sentAt = performance.timeOrigin + now();
        const p = request(nodes.ports[0], "POST", "/api/v1/quick-counts", body, tokens[i])
          .then((res) => {
            if (res.status === 201) sent.push({ sentAt, ackAt: performance.timeOrigin + now() });
            else if (++errors <= 3) log(`quick count answered ${res.status}: ${res.text.slice(0, 200)}`);
          })
          .catch((error: Error) => {
            if (++errors <= 3) log(`quick count failed: ${error.message}`);
          })
          .finally(() => inFlight.delete(p));
        inFlight.add(p);
      }
      await sleep(5);
    }
    // An overwhelmed server leaves some unanswered: counted as errors, and the viewers still report.
    await withDeadline("quick counts", 60_000, Promise.all(inFlight)).catch(() => {
      errors += inFlight.size;
      log(`${inFlight.size} quick counts unanswered after 60 s`);
    });
    const postedSeconds = (now() - start) / 1000;
    // The last pushes: the summary waits up to --public-interval after a change, then is read and sent.
    await sleep(opts.publicInterval + 3_000);
    const cpu = cpuBetween(cpuStart, await cpuSeconds(nodes.pids));
    const seconds = (now() - start) / 1000;
    const memoryEnd = await memory();
    const reports = await Promise.all(
      processes.map((p) => {
        const report = p.next<ViewersReport>("report", 120_000);
        p.child.send({ type: "finish" });
        return report;
      }),
    );
    // Delivery: each acknowledged submission to each viewer's first push after the acknowledgement, timed
    // from when the officer sent it (at most 1,000 submissions, evenly spread, times every viewer).
    const delivery = new Histogram();
    let undelivered = 0;
    const step = Math.max(1, Math.ceil(sent.length / 1000));
    const arrivals = reports.flatMap((r) => r.arrivals);
    for (let k = 0; k < sent.length; k += step) {
      const { sentAt, ackAt } = sent[k];
      for (const list of arrivals) {
        const i = firstAfter(list, ackAt);
        if (i < 0) undelivered++;
        else delivery.add(list[i] - sentAt);
      }
    }
    const held = reports.reduce((n, r) => n + r.open, 0);
    const pushes = reports.reduce((n, r) => n + r.pushes, 0);
    return {
      viewers: opts.viewers,
      open,
      failed,
      connectMs,
      held,
      submissions: sent.length,
      submissionErrors: errors,
      postedPerSecond: round(sent.length / postedSeconds),
      pushesPerViewer: open ? round(pushes / open) : 0,
      pushBytes: pushes ? Math.round(reports.reduce((n, r) => n + r.bytes, 0) / pushes) : 0,
      delivery: delivery.summary(),
      undelivered,
      memoryMb: { before: memoryBefore, connected: memoryConnected, end: memoryEnd },
      pantauBusy: round((cpu / seconds) * 100),
    };
  } finally {
    for (const p of processes) if (p.child.exitCode === null) p.child.kill("SIGKILL");
  }
}

// ---------- main ----------
async function main() {
  const loadAtStart = os.loadavg()[0];
  const others = await busiest();
  const db = await startLoadDatabase({
    tpsCount: opts.national || opts.tps,
    election: opts.national ? "national" : "province",
    keepDir: opts.keepDb || undefined,
    url: opts.db || undefined,
  });
  const servers: ChildProcess[] = [];
  const redis = opts.nodes > 1 ? await startTestRedis() : null;
  try {
    const ports: number[] = [];
    for (let k = 0; k < opts.nodes; k++) {
      const port = await freePort();
      servers.push(
        await startPantau(db.databaseUrl, port, {
          PUBLIC_SUMMARY_MS: String(opts.publicInterval),
          ...(redis ? { REDIS_URL: redis.url } : {}),
        }),
      );
      ports.push(port);
    }
    const nodes: Nodes = { ports, pids: servers.map((s) => s.pid!) };
    const sql = db.sql;
    const [{ tps }] = await sql<[{ tps: number }]>`select count(*)::int as tps from tps`;
    // Codes asked for: 5,000 TPS and every province and kabupaten/kota, spread over the election.
    const tpsCodes = (await sql<{ code: string }[]>`select code from tps order by md5(code) limit 5000`).map(
      (r) => r.code,
    );
    const regionCodes = (
      await sql<{ code: string }[]>`select code from regions where level in ('province', 'city') order by code`
    ).map((r) => r.code);
    const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)];
    // The yardstick first; the summary computed from every result last (at national scale, before running
    // totals, it takes minutes and would slow every kind measured after it).
    const targets: Target[] = [
      { name: "static file", path: () => "/favicon.ico" },
      { name: "TPS (JSON)", path: () => `/api/v1/public/tps/${pick(tpsCodes)}` },
      { name: "TPS page (HTML)", path: () => `/publik/tps/${pick(tpsCodes)}` },
      { name: "region summary", path: () => `/api/v1/public/regions/${pick(regionCodes)}/summary` },
      { name: "election summary", path: () => "/api/v1/public/regions/ID/summary" },
      { name: "public summary", path: () => "/api/v1/public/summary" },
    ];
    const reads: ReadFigures[] = [];
    await openReaders(nodes);
    for (const target of targets)
      if (!opts.only.length || opts.only.includes(target.name)) reads.push(await readLoad(nodes, target));

    const [{ contest }] = opts.national
      ? [{ contest: "presiden" }]
      : await sql<[{ contest: string }]>`select 'gubernur' as contest`;
    const choices = (
      await sql<{ n: number }[]>`select ballot_number as n from candidates where contest_code = ${contest} order by 1`
    ).map((r) => String(r.n));
    agent.destroy();
    const viewers = opts.viewers ? await viewersLoad(nodes, sql, contest, choices) : null;
    const result = {
      election: opts.national ? `national, ${tps} TPS` : `generated province, ${tps} TPS`,
      connections: opts.connections,
      duration: opts.duration,
      reads,
      viewers,
      cpus: os.cpus().length,
      loadAtStart,
      loadAtEnd: os.loadavg()[0],
      othersAtStart: others,
    };
    report(result);
    if (opts.json) await fs.writeFile(opts.json, JSON.stringify(result, null, 2));
  } finally {
    for (const server of servers) await stopChild(server);
    await redis?.close();
    await db.close();
  }
}

/** What else was using the CPU when the bench started (the machine is shared): the top five processes by ps. */
function busiest() {
  return new Promise<string>((resolve) => {
    const ps = spawn("ps", ["-eo", "pcpu,comm", "--sort=-pcpu", "--no-headers"], {
      stdio: ["ignore", "pipe", "ignore"],
    });
    let out = "";
    ps.stdout.on("data", (c: Buffer) => (out += c.toString()));
    ps.on("close", () =>
      resolve(
        out
          .trim()
          .split("\n")
          .slice(0, 5)
          .map((l) => l.trim().replace(/\s+/, "% "))
          .join(", "),
      ),
    );
    ps.on("error", () => resolve(""));
  });
}

function report(r: {
  election: string;
  connections: number;
  duration: number;
  reads: ReadFigures[];
  viewers: Awaited<ReturnType<typeof viewersLoad>> | null;
  cpus: number;
  loadAtStart: number;
  loadAtEnd: number;
  othersAtStart: string;
}) {
  const yardstick = r.reads.find((x) => x.name === "static file")?.perSecond ?? null;
  const lines = [
    `The public side — ${r.election}, ${opts.nodes > 1 ? `${opts.nodes} Pantau instances sharing live events through Redis, ` : ""}${r.cpus} CPUs, load average ${r.loadAtEnd.toFixed(1)} (${r.loadAtStart.toFixed(1)} at start)`,
    `  busiest processes at start: ${r.othersAtStart}`,
    `Readers: ${r.connections} keep-alive connections, each asking again on its answer, ${r.duration} s per kind after ${WARMUP_MS / 1000} s of warm-up (the bench's clients share the cores)`,
    formatTable(
      [
        "request",
        "first ms",
        "req/s",
        "vs static",
        "p50 ms",
        "p99 ms",
        "KB/answer",
        "Pantau CPU ms",
        "errors",
        "statuses / note",
      ],
      r.reads.map((x) => [
        x.name,
        x.coldMs,
        x.perSecond,
        x.perSecond !== null && yardstick ? `${round((x.perSecond / yardstick) * 100)} %` : null,
        x.latency?.p50 ?? null,
        x.latency?.p99 ?? null,
        x.bytesPerAnswer === null ? null : round(x.bytesPerAnswer / 1024),
        x.pantauCpuMs,
        x.skipped ? null : x.errors,
        x.skipped ?? JSON.stringify(x.statuses),
      ]),
    ),
  ];
  const v = r.viewers;
  if (v) {
    lines.push(
      `Viewers: ${v.viewers} public Socket.IO connections while officers post first results at ${opts.rate}/s for ${opts.viewerDuration} s (summary pushed at most every ${opts.publicInterval} ms)`,
      `  connected             ${v.open} of ${v.viewers} in ${v.connectMs} ms (${v.failed} failed); held to the end ${v.held}`,
      `  results posted        ${v.submissions} (${v.postedPerSecond}/s), errors ${v.submissionErrors}`,
      `  pushes                ${v.pushesPerViewer} per viewer, ${v.pushBytes} bytes each`,
      `  submit -> viewer      p50 ${v.delivery.p50} ms, p95 ${v.delivery.p95} ms, p99 ${v.delivery.p99} ms, max ${v.delivery.max} ms (${v.delivery.n} deliveries; ${v.undelivered} without a push after the ack)`,
      `  server memory         ${v.memoryMb.before.join(" + ")} MB before, ${v.memoryMb.connected.join(" + ")} MB with the viewers, ${v.memoryMb.end.join(" + ")} MB at the end; ${opts.nodes > 1 ? "the instances" : "its process"} ${v.pantauBusy} % busy while results arrived (100 % = one core)`,
    );
  }
  console.log(lines.join("\n"));
}

const guard = setTimeout(() => {
  console.error("bench:public: overall time limit (20 min) reached");
  process.exit(1);
}, 20 * 60_000);
guard.unref();
try {
  await withDeadline("bench:public", 20 * 60_000, main());
  process.exit(0);
} catch (error) {
  console.error(error);
  process.exit(1);
}
