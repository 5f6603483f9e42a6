// `npm run bench -- [--tps 10000] [--rate 500|max] [--duration 20] [--warmup 5] [--incidents 5]
//                   [--dashboards 1000] [--officers 2000] [--form] [--statements] [--skip-baseline] [--json FILE]`
// --form: officers send the complete C.Hasil (sections I-V, the API's `form` body) instead of the quick entry,
// so the figures can be printed for both kinds of body.
// --statements: PostgreSQL's time per submission, statement by statement (pg_stat_statements), while the load
// runs; the extension's own cost makes the other figures of such a run a little slower.
// Pantau under load against the bare stack it is built on (figures: docs/BENCHMARKS.md). Everything runs on
// 127.0.0.1: a fresh embedded PostgreSQL in a temporary folder, seeded with a generated region; Pantau's
// production build in a child process; simulated officers posting quick counts (and a share of incident
// reports) over HTTP at a target rate while N command-post dashboards, in a process of their own
// (scripts/dashboards.ts), hold Socket.IO connections. A warm-up at the same load comes first, unmeasured. Then, on the same database and the same
// clients, the baseline: a plain postgres.js loop (two inserts per durable transaction, Pantau's pool size)
// and a plain Socket.IO server broadcasting the same number of events to the same number of clients.
// Every loop is bounded in count and in time. Results go to stdout (and --json FILE).
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { checkTotals } from "../app/models/region-totals.server";
import { DEMO_OFFICER_PIN, DEMO_SECRET } from "../db/seed";

import {
  cpuBetween,
  cpuSeconds,
  mintSessions,
  startDashboards,
  startLoadDatabase,
  statementCosts,
  resetStatementCosts,
  freePort,
  Histogram,
  HOST,
  log,
  now,
  request,
  ROOT,
  sleep,
  startPantau,
  stopChild,
  withDeadline,
  type DashboardsReport,
} from "./load-kit";

// `npm run bench -- voters [--import] [--iterations 1000,2000]`: the voter-list check's figures (name search
// against a baseline, NIK hashing, a city's import; scripts/bench-voters.ts), not the load bench below.
if (process.argv[2] === "voters") {
  await import("./bench-voters");
  process.exit(0);
}

// ---------- options ----------
function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const flag = (name: string) => process.argv.includes(`--${name}`);
function bounded(name: string, fallback: number, min: number, max: number) {
  const value = Number(option(name, String(fallback)));
  if (!Number.isFinite(value) || value < min || value > max) {
    console.error(`--${name} must be a number between ${min} and ${max}`);
    process.exit(2);
  }
  return value;
}
const rateText = option("rate", "500");
const opts = {
  tps: bounded("tps", 10_000, 100, 200_000),
  rate: rateText === "max" ? 0 : bounded("rate", 500, 1, 5_000),
  duration: bounded("duration", 20, 2, 300),
  warmup: bounded("warmup", 5, 0, 60),
  incidents: bounded("incidents", 5, 0, 100),
  dashboards: bounded("dashboards", 1_000, 0, 5_000),
  officers: bounded("officers", 2_000, 1, 50_000),
  /** Complete C.Hasil bodies instead of quick entries. */
  form: flag("form"),
  statements: flag("statements"),
  baseline: !flag("skip-baseline"),
  json: option("json", ""),
};
/** Pantau's pool size (db/connect.ts): the baseline uses the same number of connections. */
const POOL = 20;
const CONTESTS = ["gubernur", "walikota"] as const;
const CANDIDATES = { gubernur: 2, walikota: 3 } as const;
/** Incident reports from officers, beside the quick counts (demo categories; critical ones, which sound an alarm, left out). */
const INCIDENT_CATEGORIES = ["logistics", "voter_list", "intimidation", "vote_buying"] as const;
const INCIDENT_SEVERITIES = ["low", "medium", "high"] as const;

// ---------- Pantau run ----------
interface Slot {
  token: string;
  tps: string;
  contest: (typeof CONTESTS)[number];
  dpt: number;
  dptMen: number | null;
  dptWomen: number | null;
  revision: number;
  busy: boolean;
}

async function runPantau(databaseUrl: string, sql: postgres.Sql, postgresPids: () => Promise<number[]>) {
  const port = await freePort();
  const server = await startPantau(databaseUrl, port);
  try {
    // Officers: the first N TPS of the region. A few log in over HTTP (the real path, demo PIN); the rest get
    // sessions written straight into the bench database, since hashing thousands of PINs (scrypt) would
    // make the set-up take minutes and measure nothing the run is about.
    const tpsRows = await sql<
      { code: string; dpt: number; dptMen: number | null; dptWomen: number | null; userId: number }[]
    >`
      select t.code, t.dpt, t.dpt_men, t.dpt_women, u.id as user_id from tps t join users u on u.tps_code = t.code
      order by t.code limit ${opts.officers}`;
    const tokens: string[] = [];
    const t0 = now();
    for (const t of tpsRows.slice(0, 16)) {
      const res = await request(port, "POST", "/api/v1/session", { login: t.code, secret: DEMO_OFFICER_PIN });
      if (res.status !== 200) throw new Error(`login ${t.code}: ${res.status} ${res.text}`);
      tokens.push(JSON.parse(res.text).token as string);
    }
    tokens.push(
      ...(await mintSessions(
        sql,
        tpsRows.slice(16).map((t) => t.userId),
      )),
    );

    log(`${tokens.length} officers logged in (${Math.round(now() - t0)} ms)`);
    const operator = await request(port, "POST", "/api/v1/session", { login: "posko", secret: DEMO_SECRET });
    const operatorToken = JSON.parse(operator.text).token as string;

    const snapshotBefore = await measureSnapshot(port, operatorToken);
    log(
      `snapshot of ${opts.tps} TPS: ${snapshotBefore.ms} ms, ${snapshotBefore.bytes} bytes (${snapshotBefore.gzipped} gzipped)`,
    );

    // Every TPS votes for the governor; only Kota Lubuklinggau's (16.73, the demo city) for `walikota`: a
    // generated province has a regent's or mayor's contest of its own in every other kabupaten/kota.
    const slots: Slot[] = tpsRows.flatMap((t, i) =>
      CONTESTS.filter((contest) => contest === "gubernur" || t.code.startsWith("1673")).map((contest) => ({
        token: tokens[i],
        tps: t.code,
        contest,
        dpt: t.dpt,
        dptMen: t.dptMen,
        dptWomen: t.dptWomen,
        revision: 0,
        busy: false,
      })),
    );
    /** When each measured submission was sent, wall-clock ms by event key (the dashboards' process times arrivals). */
    const sentAt = new Map<string, number>();
    const dashboards = opts.dashboards
      ? await startDashboards({ port, count: opts.dashboards, token: operatorToken, timing: "pantau" })
      : null;
    log(`${opts.dashboards} dashboards connected`);
    const [{ seq: startSeq }] = await sql`select seq from event_head`;

    const ack = new Histogram();
    /** Ack latencies by the second of the run they were sent in: shows a warm-up apart from the steady state. */
    const ackBySecond: number[][] = [];
    const statuses = new Map<number, number>();
    let errors = 0;
    let sent = 0; // measured submissions (after the warm-up)
    let ackedMeasured = 0;
    let inFlight = 0;
    let measuring = false;
    let phaseStart = 0;
    const acked = new Set<string>(); // every acknowledged id, warm-up included: all must be in the database
    const rnd = (n: number) => Math.floor(Math.random() * n);
    let nextSlot = 0;
    const freeSlot = () => {
      for (let k = 0; k < slots.length; k++) {
        const s = slots[(nextSlot + k) % slots.length];
        if (!s.busy) {
          nextSlot = (nextSlot + k + 1) % slots.length;
          return s;
        }
      }
      return undefined;
    };
    const incidentAck = new Histogram();
    let incidentsSent = 0;
    let incidentsAcked = 0;
    const ackedIncidents = new Set<string>();

    /** One officer request: marks its slot busy, times the answer, counts statuses and errors. */
    const send = async (
      slot: Slot,
      path: string,
      body: { id: string },
      key: string,
      onAck: (text: string, ms: number, measured: boolean, start: number) => void,
    ) => {
      const measured = measuring;
      slot.busy = true;
      inFlight++;
      const start = now();
      if (measured) sentAt.set(key, performance.timeOrigin + start);
      try {
        const res = await request(port, "POST", path, body, slot.token);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status === 201) onAck(res.text, now() - start, measured, start);
        else {
          errors++;
          if (errors <= 5) log(`${path} answered ${res.status}: ${res.text.slice(0, 200)}`);
        }
      } catch (error) {
        errors++;
        if (errors <= 5) log(`${path} failed: ${(error as Error).message}`);
      } finally {
        slot.busy = false;
        inFlight--;
      }
    };

    const submit = (slot: Slot) => {
      if (measuring) sent++;
      // About 60 % turnout, 3 % invalid, votes split with small jitter: no C1 warnings, every revision differs
      // from the one before by far less than half.
      const used = Math.round(slot.dpt * 0.6);
      const invalid = Math.round(used * 0.03);
      const n = CANDIDATES[slot.contest];
      const votes: Record<string, number> = {};
      let left = used - invalid;
      for (let c = 1; c <= n; c++) {
        const share = c === n ? left : Math.round((used - invalid) / n) + rnd(5) - 2;
        votes[String(c)] = share;
        left -= share;
      }
      const body = {
        id: randomUUID(),
        tpsCode: slot.tps,
        contest: slot.contest,
        ...(opts.form ? { form: completeForm(slot, votes, invalid) } : { votes, invalid }),
        capturedAt: new Date().toISOString(),
      };
      return send(
        slot,
        "/api/v1/quick-counts",
        body,
        `${slot.tps}/${slot.contest}/${slot.revision + 1}`,
        (text, ms, measured, start) => {
          if (measured) {
            ack.add(ms);
            (ackBySecond[Math.floor((start - phaseStart) / 1000)] ??= []).push(ms);
            ackedMeasured++;
          }
          acked.add(body.id);
          slot.revision = JSON.parse(text).revision;
        },
      );
    };

    let incidentNumber = 0;
    const reportIncident = (slot: Slot) => {
      if (measuring) incidentsSent++;
      const n = incidentNumber++;
      const body = {
        id: randomUUID(),
        tpsCode: slot.tps,
        category: INCIDENT_CATEGORIES[n % INCIDENT_CATEGORIES.length],
        severity: INCIDENT_SEVERITIES[n % INCIDENT_SEVERITIES.length],
        description: `Laporan uji beban ${n} dari TPS ${slot.tps}`,
        occurredAt: new Date().toISOString(),
      };
      return send(slot, "/api/v1/incidents", body, `incident:${body.id}`, (_text, ms, measured) => {
        if (measured) {
          incidentAck.add(ms);
          incidentsAcked++;
        }
        ackedIncidents.add(body.id);
      });
    };

    // Open loop at --rate (a backlog builds when no officer slot is free), or closed loop with every slot busy
    // for --rate max. Bounded by the duration and by rate x duration submissions.
    let backlogPeak = 0;
    const offer = async (seconds: number) => {
      const maxCount = opts.rate ? Math.ceil(opts.rate * seconds) : 10_000_000;
      let offered = 0;
      phaseStart = now();
      const endAt = phaseStart + seconds * 1000;
      while (now() < endAt && offered < maxCount) {
        const due = opts.rate ? Math.min(maxCount, Math.floor(((now() - phaseStart) / 1000) * opts.rate)) : Infinity;
        let slot: Slot | undefined;
        while (offered < due && (slot = freeSlot())) {
          offered++;
          void submit(slot);
          // --incidents N: N incident reports per 100 quick counts, from other officers, on top of the rate.
          if (opts.incidents && offered % Math.round(100 / opts.incidents) === 0 && (slot = freeSlot()))
            void reportIncident(slot);
        }
        if (opts.rate) backlogPeak = Math.max(backlogPeak, due - offered);
        await sleep(opts.rate ? 5 : 1);
      }
      const end = now();
      await withDeadline(
        "in-flight submissions",
        60_000,
        (async () => {
          while (inFlight > 0) await sleep(10);
        })(),
      );
      return end;
    };
    // Warm-up: the same load, not measured (new connections, prepared statements, the JIT; see the per-second
    // figures of a run with --warmup 0). Its errors count, and its submissions must be stored like the others.
    if (opts.warmup) {
      log(`warm-up: ${opts.warmup} s at the same rate, not measured`);
      await offer(opts.warmup);
      // Statistics as autovacuum leaves them within a minute of the first results on the day. The warm-up
      // starts on empty results and submissions, where PostgreSQL's cached generic plans read them whole
      // (a sequential scan is the cheapest plan for an empty table) until an analyze replaces the plans;
      // the bench's seconds would otherwise measure that first minute only (docs/decisions/049).
      await sql`analyze`;
    }
    // Where the CPU goes while the load runs: Pantau's process, PostgreSQL, and this bench (its clients).
    const cpuAt = async () => ({
      pantau: await cpuSeconds([server.pid!]),
      postgres: await cpuSeconds(await postgresPids()),
      bench: process.cpuUsage(),
      dashboards: await cpuSeconds(dashboards ? [dashboards.pid] : []),
    });
    if (opts.statements) await resetStatementCosts(sql);
    const cpuStart = await cpuAt();
    measuring = true;
    dashboards?.measure();
    const loadStart = now();
    const loadEnd = await offer(opts.duration);
    const elapsed = (now() - loadStart) / 1000;
    const cpuEnd = await cpuAt();
    const statements = opts.statements ? await statementCosts(sql, ackedMeasured) : [];
    const benchCpu = process.cpuUsage(cpuStart.bench);
    const cpuMsPerSubmission = (seconds: number) => round((seconds * 1000) / Math.max(1, ackedMeasured));
    const cpu = {
      pantau: cpuMsPerSubmission(cpuBetween(cpuStart.pantau, cpuEnd.pantau)),
      postgres: cpuMsPerSubmission(cpuBetween(cpuStart.postgres, cpuEnd.postgres)),
      bench: cpuMsPerSubmission(
        (benchCpu.user + benchCpu.system) / 1e6 + cpuBetween(cpuStart.dashboards, cpuEnd.dashboards),
      ),
      pantauBusy: round((cpuBetween(cpuStart.pantau, cpuEnd.pantau) / elapsed) * 100),
    };

    // Wait for the dashboards to reach the head (bounded), then count what each one missed.
    const [{ seq: endSeq }] = await sql`select seq from event_head`;
    const seen: DashboardsReport = dashboards
      ? await dashboards.finish(startSeq, endSeq, sentAt)
      : { lost: 0, duplicates: 0, frames: 0, delivery: new Histogram().summary() };

    // Every acknowledged submission must be in the database; how many writes shared one commit (the audit
    // rows of one writer batch carry the same transaction time).
    const ids = [...acked];
    let stored = 0;
    for (let i = 0; i < ids.length; i += 5000) {
      const [{ count }] = await sql`select count(*)::int from submissions where id in ${sql(ids.slice(i, i + 5000))}`;
      stored += count;
    }
    const incidentIds = [...ackedIncidents];
    for (let i = 0; i < incidentIds.length; i += 5000) {
      const [{ count }] =
        await sql`select count(*)::int from incidents where id in ${sql(incidentIds.slice(i, i + 5000))}`;
      stored += count;
    }
    const [batching] = await sql`
      select count(*)::int as commits, avg(n)::float as avg, max(n)::int as max,
        percentile_cont(0.5) within group (order by n)::float as p50
      from (select count(*) as n from audit_log where action = 'quick_count.submit' group by at) b`;
    // The running totals kept per batch must equal their recomputation from results (decision 032).
    const totals = await checkTotals(sql);
    const snapshotAfter = await measureSnapshot(port, operatorToken);
    const floor = opts.baseline ? await measureFloor(port, server.pid!, Math.min(opts.duration, 10)) : null;

    return {
      submissions: sent,
      acked: ackedMeasured,
      perSecond: round(ackedMeasured / elapsed),
      warmupSeconds: opts.warmup,
      offeredPerSecond: opts.rate || null,
      loadSeconds: round((loadEnd - loadStart) / 1000),
      backlogPeak,
      ack: ack.summary(),
      ackP99BySecond: Array.from(ackBySecond, (list) => {
        const sorted = (list ?? []).sort((a, b) => a - b);
        return sorted.length
          ? Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)])
          : null;
      }),
      delivery: seen.delivery,
      statuses: Object.fromEntries(statuses),
      errors,
      events: endSeq - startSeq,
      lostEvents: seen.lost,
      duplicateEvents: seen.duplicates,
      framesPerDashboardPerSecond: round(seen.frames / Math.max(1, opts.dashboards) / elapsed),
      missingAcknowledged: ids.length + incidentIds.length - stored,
      totalsDiffering: totals.count,
      incidents: {
        sent: incidentsSent,
        acked: incidentsAcked,
        perSecond: round(incidentsAcked / elapsed),
        ack: incidentAck.summary(),
      },
      writesPerCommit: {
        commits: batching.commits,
        avg: round(batching.avg ?? 0),
        p50: batching.p50,
        max: batching.max,
      },
      snapshot: { before: snapshotBefore, after: snapshotAfter },
      cpu,
      floor,
      statements,
    };
  } finally {
    await stopChild(server);
  }
}

async function measureSnapshot(port: number, token: string) {
  const start = now();
  const res = await request(port, "GET", "/api/v1/snapshot", undefined, token);
  if (res.status !== 200) throw new Error(`snapshot: ${res.status} ${res.text.slice(0, 200)}`);
  const ms = Math.round(now() - start);
  // What a browser downloads: the same answer gzip-compressed (the server compresses for clients that ask).
  const gzipped = await new Promise<number>((resolve, reject) => {
    http
      .get(
        {
          host: HOST,
          port,
          path: "/api/v1/snapshot",
          headers: { Authorization: `Bearer ${token}`, "Accept-Encoding": "gzip" },
        },
        (r) => {
          let n = 0;
          r.on("data", (c: Buffer) => (n += c.length));
          r.on("end", () => resolve(n));
          r.on("error", reject);
        },
      )
      .on("error", reject);
  });
  return { ms, bytes: Buffer.byteLength(res.text), gzipped };
}

/**
 * A complete C.Hasil for a slot's numbers on which every printed relationship holds (no C1 warnings): every
 * voter from the DPT, no damaged ballots, received = DPT + the 2% reserve rounded up, as the rules expect.
 */
function completeForm(slot: Slot, votes: Record<string, number>, invalid: number) {
  const half = (n: number) => ({ m: Math.floor(n / 2), f: n - Math.floor(n / 2), total: n });
  const zero = { m: 0, f: 0, total: 0 };
  const valid = Object.values(votes).reduce((a, n) => a + n, 0);
  const voters = valid + invalid;
  const received = slot.dpt + Math.ceil(slot.dpt * 0.02);
  return {
    voters: {
      dpt:
        slot.dptMen !== null && slot.dptWomen !== null
          ? { m: slot.dptMen, f: slot.dptWomen, total: slot.dpt }
          : half(slot.dpt),
      dptUsed: half(voters),
      dptbUsed: zero,
      dpkUsed: zero,
      used: half(voters),
    },
    ballots: { received, used: voters, damaged: 0, unused: received - voters },
    disabled: zero,
    votes,
    valid,
    invalid,
    total: voters,
  };
}

// ---------- Pantau's floor ----------
/**
 * The least any API request costs in Pantau: a quick count without a session, answered 401 before any
 * database work, through the same Express, security headers, compression and Remix route, by the same clients,
 * as many at once as the closed loop of `--rate max` keeps busy. Its ratio to the postgres.js loop bounds what
 * any quick count, which also reads and writes, can reach on this machine.
 */
async function measureFloor(port: number, pid: number, seconds: number) {
  const body = {
    id: randomUUID(),
    tpsCode: "0000000000-000",
    contest: "walikota",
    votes: { "1": 1 },
    invalid: 0,
    capturedAt: new Date().toISOString(),
  };
  let answered = 0;
  let unexpected = 0;
  const loop = async (endAt: number, counting: boolean) => {
    while (now() < endAt && answered < 10_000_000) {
      const res = await request(port, "POST", "/api/v1/quick-counts", body).catch(() => ({ status: 0 }));
      if (!counting) continue;
      if (res.status === 401) answered++;
      else unexpected++;
    }
  };
  const phase = async (ms: number, counting: boolean) => {
    const endAt = now() + ms;
    await Promise.all(Array.from({ length: 64 }, () => loop(endAt, counting)));
  };
  await phase(2000, false); // warm-up: connections and the JIT
  const start = now();
  const cpuStart = await cpuSeconds([pid]);
  await phase(seconds * 1000, true);
  const cpuMs = (cpuBetween(cpuStart, await cpuSeconds([pid])) * 1000) / Math.max(1, answered);
  return { perSecond: round(answered / ((now() - start) / 1000)), cpuMs: Math.round(cpuMs * 100) / 100, unexpected };
}

// ---------- baseline: postgres.js ----------
async function baselineInserts(databaseUrl: string, seconds: number) {
  const sql = postgres(databaseUrl, { max: POOL, onnotice: () => {} });
  try {
    await sql`create table if not exists bench_a (id uuid primary key, tps text not null, data jsonb not null, at timestamptz not null default now())`;
    await sql`create table if not exists bench_b (id uuid primary key, a uuid not null references bench_a (id), data jsonb not null)`;
    const latency = new Histogram();
    let done = 0;
    let errors = 0;
    const endAt = now() + seconds * 1000;
    const worker = async () => {
      while (now() < endAt && done < 10_000_000) {
        const start = now();
        try {
          await sql.begin(async (tx) => {
            const id = randomUUID();
            await tx`insert into bench_a (id, tps, data) values (${id}, ${"1673011001-001"}, ${tx.json({ "1": 100, "2": 80, "3": 40 })})`;
            await tx`insert into bench_b (id, a, data) values (${randomUUID()}, ${id}, ${tx.json({ status: "submitted" })})`;
          });
          done++;
          latency.add(now() - start);
        } catch {
          errors++;
        }
      }
    };
    const start = now();
    await Promise.all(Array.from({ length: POOL }, worker));
    return {
      perSecond: round(done / ((now() - start) / 1000)),
      transactions: done,
      errors,
      latency: latency.summary(),
    };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

// ---------- baseline: plain Socket.IO ----------
/** Child process mode: a bare Socket.IO server that broadcasts `count` events at `rate`/s, batched like Pantau. */
async function broadcastServer() {
  const { Server } = await import("socket.io");
  const port = Number(process.env.BENCH_PORT);
  const httpServer = http.createServer();
  const io = new Server(httpServer, { serveClient: false });
  await new Promise<void>((r) => httpServer.listen(port, HOST, r));
  console.log("broadcast server ready");
  process.on("message", async (msg: { rate: number; count: number; flushMs: number }) => {
    let seq = 0;
    let pending: object[] = [];
    const start = Date.now();
    const flush = setInterval(() => {
      if (pending.length === 1) io.emit("event", pending[0]);
      else if (pending.length) io.emit("events", pending);
      pending = [];
    }, msg.flushMs);
    while (seq < msg.count && Date.now() - start < 300_000) {
      const due = Math.min(msg.count, Math.floor(((Date.now() - start) / 1000) * msg.rate));
      while (seq < due) {
        seq++;
        pending.push({
          seq,
          t: performance.timeOrigin + performance.now(),
          type: "result:updated",
          at: new Date().toISOString(),
          data: {
            tpsCode: "1673011001-001",
            contest: "walikota",
            status: "submitted",
            revision: seq,
            votes: { "1": 100, "2": 80, "3": 40 },
            invalid: 6,
          },
        });
      }
      await sleep(5);
    }
    await sleep(msg.flushMs * 2);
    clearInterval(flush);
    process.send!("done");
  });
}

async function baselineBroadcast(events: number, rate: number) {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--broadcast-server"], {
    cwd: ROOT,
    env: { ...process.env, BENCH_PORT: String(port) },
    stdio: ["ignore", "pipe", "inherit", "ipc"],
  });
  try {
    await withDeadline(
      "broadcast server start",
      30_000,
      new Promise<void>((resolve, reject) => {
        child.stdout!.on("data", (c: Buffer) => {
          if (/ready/.test(c.toString())) resolve();
        });
        child.once("exit", () => reject(new Error("broadcast server exited")));
      }),
    );
    const dashboards = opts.dashboards
      ? await startDashboards({ port, count: opts.dashboards, timing: "baseline" })
      : null;
    const start = now();
    child.send({ rate, count: events, flushMs: 100 });
    await withDeadline("broadcast", 330_000, new Promise((r) => child.once("message", r)));
    const seen = dashboards ? await dashboards.finish(0, events) : { lost: 0, delivery: new Histogram().summary() };
    return {
      events,
      perSecond: round(events / ((now() - start) / 1000)),
      delivery: seen.delivery,
      lostEvents: seen.lost,
    };
  } finally {
    child.kill("SIGTERM");
  }
}

const loadAtStart = os.loadavg()[0];
const round = (n: number) => Math.round(n * 10) / 10;

// ---------- main ----------
async function main() {
  const db = await startLoadDatabase({ tpsCount: opts.tps, statements: opts.statements });
  try {
    log(
      `Pantau: rate ${opts.rate || "max"}/s for ${opts.duration} s, ${opts.officers} officers, ${opts.dashboards} dashboards`,
    );
    const pantau = await runPantau(db.databaseUrl, db.sql, db.postgresPids);
    let baseline: {
      inserts: Awaited<ReturnType<typeof baselineInserts>>;
      broadcast: Awaited<ReturnType<typeof baselineBroadcast>>;
    } | null = null;
    if (opts.baseline) {
      log("baseline: postgres.js inserts");
      const inserts = await baselineInserts(db.databaseUrl, Math.min(opts.duration, 20));
      log("baseline: plain Socket.IO broadcast");
      const broadcast = await baselineBroadcast(
        pantau.events,
        Math.max(1, pantau.events / Math.max(1, pantau.loadSeconds)),
      );
      baseline = { inserts, broadcast };
    }
    report(pantau, baseline);
    if (pantau.totalsDiffering > 0) process.exitCode = 1;
    if (opts.json)
      await fs.writeFile(opts.json, JSON.stringify({ opts, pantau, baseline, cpus: os.cpus().length }, null, 2));
  } finally {
    await db.close();
  }
}

function report(
  p: Awaited<ReturnType<typeof runPantau>>,
  b: {
    inserts: Awaited<ReturnType<typeof baselineInserts>>;
    broadcast: Awaited<ReturnType<typeof baselineBroadcast>>;
  } | null,
) {
  const ms = (h: { p50: number; p95?: number; p99: number }) =>
    `p50 ${h.p50} ms${h.p95 !== undefined ? `, p95 ${h.p95} ms` : ""}, p99 ${h.p99} ms`;
  const lines = [
    `Pantau bench — ${opts.form ? "complete C.Hasil" : "quick"} bodies, ${opts.tps} TPS, rate ${opts.rate || "max"}/s, ${opts.duration} s, ${opts.officers} officers, ${opts.dashboards} dashboards, ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)} (${loadAtStart.toFixed(1)} at start)`,
    `  submissions/s         ${p.perSecond} (acknowledged ${p.acked} of ${p.submissions} sent; backlog peak ${p.backlogPeak}; after ${p.warmupSeconds} s of warm-up at the same rate)`,
    `  submit -> ack         ${ms(p.ack)}`,
    `  ack p99 per second    ${p.ackP99BySecond.map((v) => v ?? "-").join(" ")} (ms, by the second the submission was sent)`,
    `  incidents             ${p.incidents.perSecond}/s beside the quick counts (acknowledged ${p.incidents.acked} of ${p.incidents.sent} sent)${p.incidents.acked ? `; submit -> ack ${ms(p.incidents.ack)}` : ""}`,
    `  submit -> dashboard   ${p.delivery.n ? `${ms(p.delivery)} (${p.delivery.n} deliveries of quick counts and incidents)` : "no dashboards"}`,
    `  errors                ${p.errors} (statuses ${JSON.stringify(p.statuses)})`,
    `  events                ${p.events}; lost ${p.lostEvents}, duplicates ${p.duplicateEvents} (over all dashboards); ${p.framesPerDashboardPerSecond} messages/s per dashboard`,
    `  acknowledged missing  ${p.missingAcknowledged}`,
    `  running totals        ${p.totalsDiffering} differ from their recomputation (npm run totals:check)`,
    `  CPU per submission    Pantau ${p.cpu.pantau} ms (its process ${p.cpu.pantauBusy} % busy), PostgreSQL ${p.cpu.postgres} ms, bench clients ${p.cpu.bench} ms`,
    `  writes per commit     avg ${p.writesPerCommit.avg}, p50 ${p.writesPerCommit.p50}, max ${p.writesPerCommit.max} (${p.writesPerCommit.commits} commits)`,
    `  snapshot              ${p.snapshot.before.ms} ms, ${p.snapshot.before.bytes} bytes, ${p.snapshot.before.gzipped} gzipped (after load: ${p.snapshot.after.ms} ms, ${p.snapshot.after.bytes} bytes)`,
  ];
  if (p.statements.length) {
    lines.push(
      `PostgreSQL's time per submission, by statement (calls, ms; nested statements also count in their caller)`,
    );
    for (const st of p.statements)
      lines.push(
        `  ${String(st.callsPerUnit).padStart(6)} x ${String(st.msPerCall).padStart(7)} ms = ${String(st.msPerUnit).padStart(6)} ms, planned ${st.plansPerUnit} x in ${st.planMsPerUnit} ms; ${st.rowsPerCall} rows  ${st.query}`,
      );
  }
  if (b) {
    lines.push(
      `Baseline (bare stack)`,
      `  postgres.js           ${b.inserts.perSecond} tx/s (2 inserts each, ${POOL} connections), ${ms(b.inserts.latency)}, errors ${b.inserts.errors}`,
      opts.dashboards
        ? `  plain Socket.IO       ${b.broadcast.events} events at ${b.broadcast.perSecond}/s to ${opts.dashboards} clients (100 ms batches): ${ms(b.broadcast.delivery)}, lost ${b.broadcast.lostEvents}`
        : "  plain Socket.IO       no dashboards",
      `Pantau / baseline`,
      `  throughput            ${round((p.perSecond / b.inserts.perSecond) * 100)} % of the postgres.js loop${opts.rate ? " (open loop: Pantau is offered --rate; use --rate max for its ceiling)" : ""}`,
      ...(p.floor
        ? [
            `  Pantau's floor        ${p.floor.perSecond} requests/s answered 401 with no database work, ${p.floor.cpuMs} ms of Pantau's CPU each (${round((p.floor.perSecond / b.inserts.perSecond) * 100)} % of the postgres.js loop)${p.floor.unexpected ? `; ${p.floor.unexpected} other answers` : ""}`,
          ]
        : []),
      ...(p.delivery.n ? [`  delivery p99          ${p.delivery.p99} ms vs ${b.broadcast.delivery.p99} ms`] : []),
    );
  }
  console.log(lines.join("\n"));
}

if (flag("broadcast-server")) {
  await broadcastServer();
} else {
  const guard = setTimeout(() => {
    console.error("bench: overall time limit (20 min) reached");
    process.exit(1);
  }, 20 * 60_000);
  guard.unref();
  await main().catch((error) => {
    console.error("bench failed:", error);
    process.exitCode = 1;
  });
}
