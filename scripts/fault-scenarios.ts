// The fault scenarios behind `npm run test:fault` and the fault tests: each runs the production build in a
// child process on its own embedded PostgreSQL (127.0.0.1 only), bounded in time and count, and hands each
// promise it checks to `check` instead of exiting, so the command line and the tests each decide how to fail.
//  kill      SIGKILL the server while officers submit and dashboards watch, start it again: every
//            acknowledged submission is stored, every submission is acknowledged after retries (same id,
//            as the phone's outbox does), every dashboard catches up by seq (resume) without a gap.
//  postgres  stop PostgreSQL under load and start it again: clients get 503 (never a 500), retry, nothing
//            is lost; dashboards catch up.
//  storm     thousands of sockets connect at once, are all cut off by a server restart and reconnect at
//            once, each asking to resume: all are served, and HTTP keeps answering meanwhile.
import { randomUUID } from "node:crypto";
import type { ChildProcess } from "node:child_process";
import { io, type Socket } from "socket.io-client";
import WebSocket from "ws";
import { DEMO_SECRET } from "../db/seed";
import {
  freePort,
  HOST,
  log,
  mintSessions,
  now,
  request,
  sleep,
  startLoadDatabase,
  startPantau,
  stopChild,
  withDeadline,
} from "./load-kit";

/** Called once per promise a scenario checks: `ok` whether it held, `what` says which, with the figures. */
export type Check = (ok: boolean, what: string) => void;
type Db = Awaited<ReturnType<typeof startLoadDatabase>>;
async function startServer(db: Db, port: number) {
  return startPantau(db.databaseUrl, port);
}

/** A command-post dashboard as app/components/use-live.ts runs it: reconnects, resumes from its last seq. */
function dashboard(port: number, token: string) {
  const seen: number[] = [];
  let last = 0;
  let resuming = false;
  let held: { seq: number }[] = [];
  const socket: Socket = io(`http://${HOST}:${port}`, {
    auth: { token },
    transports: ["websocket"],
    reconnectionDelay: 200,
    reconnectionDelayMax: 1000,
    timeout: 5000,
  });
  const deliver = (events: { seq: number }[]) => {
    for (const e of [...events].sort((x, y) => x.seq - y.seq))
      if (e.seq > last) {
        seen.push(e.seq);
        last = e.seq;
      }
  };
  const resume = () => {
    resuming = true;
    socket
      .timeout(5000)
      .emit(
        "resume",
        { after: last },
        (error: unknown, answer: { ok: boolean; data?: { events: { seq: number }[]; more: boolean } }) => {
          if (error || !answer?.ok) return void setTimeout(() => socket.connected && resume(), 300);
          deliver(answer.data!.events);
          if (answer.data!.more) return resume();
          resuming = false;
          deliver(held);
          held = [];
        },
      );
  };
  const receive = (events: { seq: number }[]) => (resuming ? held.push(...events) : deliver(events));
  socket.on("connect", resume);
  socket.on("event", (e) => receive([e]));
  socket.on("events", (list) => receive(list));
  return {
    socket,
    seen,
    get last() {
      return last;
    },
  };
}

/** Officers posting quick counts; a failed or refused (5xx) request is sent again with the same id, like the outbox. */
function officers(port: number, slots: { token: string; tps: string }[], rate: number) {
  const stats = { sent: 0, acked: new Set<string>(), statuses: new Map<number, number>(), networkErrors: 0 };
  let stopped = false;
  const pending = new Set<Promise<void>>();
  const submitUntilAcked = async (slot: { token: string; tps: string }, contest: string) => {
    const body = {
      id: randomUUID(),
      tpsCode: slot.tps,
      contest,
      votes: contest === "gubernur" ? { "1": 60, "2": 65 } : { "1": 40, "2": 45, "3": 40 },
      invalid: 3,
      capturedAt: new Date().toISOString(),
    };
    stats.sent++;
    const deadline = now() + 60_000;
    while (now() < deadline) {
      try {
        const res = await request(port, "POST", "/api/v1/quick-counts", body, slot.token);
        stats.statuses.set(res.status, (stats.statuses.get(res.status) ?? 0) + 1);
        if (res.status === 201 || res.status === 200) {
          stats.acked.add(body.id);
          return;
        }
        if (res.status < 500) {
          log(`refused ${res.status}: ${res.text.slice(0, 200)}`);
          return;
        }
      } catch {
        stats.networkErrors++;
      }
      await sleep(250);
    }
  };
  const loop = (async () => {
    let i = 0;
    const start = now();
    while (!stopped && i < 100_000) {
      const due = Math.floor(((now() - start) / 1000) * rate);
      while (i < due) {
        // One submission in flight per TPS and contest at a time: the idempotent retry never races itself.
        const slot = slots[i % slots.length];
        const contest = Math.floor(i / slots.length) % 2 ? "walikota" : "gubernur";
        const p = submitUntilAcked(slot, contest).finally(() => pending.delete(p));
        pending.add(p);
        i++;
      }
      await sleep(10);
    }
  })();
  return {
    stats,
    stop: async () => {
      stopped = true;
      await loop;
      await withDeadline("retries", 90_000, Promise.all([...pending]));
    },
  };
}

async function setUp(db: Db, officerCount: number) {
  const rows = await db.sql<{ code: string; userId: number }[]>`
    select t.code, u.id as user_id from tps t join users u on u.tps_code = t.code order by t.code limit ${officerCount}`;
  const tokens = await mintSessions(
    db.sql,
    rows.map((r) => r.userId),
  );
  const [operator] = await db.sql<{ id: number }[]>`select id from users where login = 'posko'`;
  const [operatorToken] = await mintSessions(db.sql, [operator.id]);
  return { slots: rows.map((r, i) => ({ token: tokens[i], tps: r.code })), operatorToken };
}

async function verify(
  check: Check,
  db: Db,
  load: ReturnType<typeof officers>,
  boards: ReturnType<typeof dashboard>[],
  name: string,
) {
  const ids = [...load.stats.acked];
  const [{ count }] =
    await db.sql`select count(*)::int from submissions where id in ${db.sql(ids.length ? ids : [randomUUID()])}`;
  check(count === ids.length, `${name}: all ${ids.length} acknowledged submissions are stored (${count})`);
  check(
    ids.length === load.stats.sent,
    `${name}: every one of ${load.stats.sent} submissions was acknowledged after retries (${ids.length})`,
  );
  check(
    !load.stats.statuses.has(500),
    `${name}: no 500 (statuses ${JSON.stringify(Object.fromEntries(load.stats.statuses))}, ${load.stats.networkErrors} network errors)`,
  );
  const [{ seq: head }] = await db.sql`select seq from event_head`;
  await withDeadline(
    "dashboards catching up",
    30_000,
    (async () => {
      while (boards.some((b) => b.last < head)) await sleep(100);
    })(),
  ).catch(() => {});
  const complete = boards.filter((b) => b.seen.length === head && b.seen.every((s, i) => s === i + 1)).length;
  check(
    complete === boards.length,
    `${name}: ${complete} of ${boards.length} dashboards hold every seq 1..${head} once, in order`,
  );
}

/** Officers submitting and dashboards watching while `fault` strikes; then every promise is checked. */
async function underLoad(
  check: Check,
  name: string,
  fault: (env: { db: Db; server: { current: ChildProcess }; port: number; acked: () => number }) => Promise<void>,
) {
  const db = await startLoadDatabase({});
  const server = { current: undefined as unknown as ChildProcess };
  try {
    const port = await freePort();
    server.current = await startServer(db, port);
    const { slots, operatorToken } = await setUp(db, 200);
    const boards = Array.from({ length: 20 }, () => dashboard(port, operatorToken));
    const load = officers(port, slots, 150);
    await sleep(2000);
    await fault({ db, server, port, acked: () => load.stats.acked.size });
    await sleep(2500);
    await load.stop();
    check(server.current.exitCode === null, `${name}: the server is serving`);
    if (name === "postgres") {
      const refused = load.stats.statuses.get(503) ?? 0;
      check(refused > 0, `postgres: clients were told 503 while the database was away (${refused})`);
    }
    await verify(check, db, load, boards, name);
    for (const b of boards) b.socket.close();
  } finally {
    await stopChild(server.current);
    await db.close();
  }
}

/** SIGKILL the server while officers submit and dashboards watch, start it again. */
export const killScenario = (check: Check) => {
  log("scenario kill: SIGKILL under load, restart");
  return underLoad(check, "kill", async ({ db, server, port, acked }) => {
    server.current.kill("SIGKILL");
    log(`killed the server after ${acked()} acknowledged submissions`);
    await new Promise((r) => server.current.once("exit", r));
    await sleep(700);
    server.current = await startServer(db, port);
  });
};

/** Stop PostgreSQL under load and start it again: 503s (never a 500), retries succeed, nothing is lost. */
export const postgresScenario = (check: Check) => {
  log("scenario postgres: PostgreSQL stopped and started under load");
  return underLoad(check, "postgres", async ({ db }) => {
    await db.stopPostgres();
    log("PostgreSQL stopped");
    await sleep(1500);
    await db.startPostgres();
    log("PostgreSQL started");
  });
};

/** A raw Socket.IO client (wire protocol over ws): cheap enough to open thousands from one process. */
function rawSocket(port: number, token: string) {
  return new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(`ws://${HOST}:${port}/socket.io/?EIO=4&transport=websocket`);
    ws.on("error", reject);
    ws.on("close", () => reject(new Error("closed before it was served")));
    ws.on("message", (frame: Buffer) => {
      const text = frame.toString();
      if (text[0] === "0") ws.send(`40${JSON.stringify({ token })}`);
      else if (text === "2") ws.send("3");
      else if (text.startsWith("40")) ws.send(`420["resume",{"after":0}]`);
      else if (text.startsWith("44")) reject(new Error(`refused: ${text}`));
      else if (text.startsWith("430")) {
        if (JSON.parse(text.slice(3))[0]?.ok) resolve(ws);
        else reject(new Error(`resume: ${text.slice(0, 200)}`));
      }
    });
  });
}

async function storm(check: Check, port: number, token: string, count: number, name: string) {
  const start = now();
  const probe = (async () => {
    await sleep(200);
    const t = now();
    const res = await request(port, "GET", "/api/v1/session", undefined, token);
    return { status: res.status, ms: Math.round(now() - t) };
  })();
  const results = await withDeadline(
    `${name} storm`,
    120_000,
    Promise.allSettled(Array.from({ length: count }, () => rawSocket(port, token))),
  );
  const served = results
    .filter((r) => r.status === "fulfilled")
    .map((r) => (r as PromiseFulfilledResult<WebSocket>).value);
  const failed = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[];
  const answer = await probe;
  log(
    `${name}: ${served.length} sockets connected and resumed in ${Math.round(now() - start)} ms; an HTTP request during the storm took ${answer.ms} ms (${answer.status})`,
  );
  if (failed.length) log(`first failure: ${failed[0].reason}`);
  check(served.length === count, `${name}: all ${count} sockets served (${failed.length} failed)`);
  check(answer.status === 200, `${name}: HTTP still answers during the storm`);
  return served;
}

/** `sockets` connect at once, are all cut off by a server restart and reconnect at once, each resuming. */
export async function stormScenario(check: Check, sockets: number) {
  log(`scenario storm: ${sockets} sockets at once, cut off by a restart, reconnecting at once`);
  const db = await startLoadDatabase({});
  let server: ChildProcess | undefined;
  try {
    const port = await freePort();
    server = await startServer(db, port);
    const [operator] = await db.sql<{ id: number }[]>`select id from users where login = 'posko'`;
    const [token] = await mintSessions(db.sql, [operator.id]);
    const login = await request(port, "POST", "/api/v1/session", { login: "posko", secret: DEMO_SECRET });
    check(login.status === 200, "storm: operator can log in");
    const first = await storm(check, port, token, sockets, "first connect");
    const closed = Promise.all(first.map((ws) => new Promise((r) => ws.once("close", r))));
    await stopChild(server);
    await withDeadline("sockets cut off", 30_000, closed);
    server = await startServer(db, port);
    await storm(check, port, token, sockets, "reconnect");
  } finally {
    await stopChild(server);
    await db.close();
  }
}
