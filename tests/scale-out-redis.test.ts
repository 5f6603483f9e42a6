// Two real Pantau instances on one database sharing live events through a real redis-server (REDIS_URL,
// @socket.io/redis-streams-adapter): the checks every adapter passes, proof that the events
// really travel through Redis, `resume` on the other instance, and Redis going away and coming back.
import { createClient } from "redis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { LiveEvent } from "~/lib/events";
import type { Ack } from "../server/live";
import { parseEnv } from "~/utils/env.server";
import type { Pantau } from "../server/app";
import { startTestRedis, type TestRedis } from "./support/redis";
import { startInstance, startTestServer, type TestServer } from "./support/server";
import { until } from "./support/sockets";
import { clusterClients, twoInstanceChecks } from "./support/two-instances";

let redis: TestRedis;
let a: TestServer;
let b: Pantau;
const logOfB: string[] = [];
// What crosses Redis between the instances: server-side messages go over pub/sub on this channel. A pattern
// subscription, because the adapter counts instances by the channel's plain subscribers (PUBSUB NUMSUB).
const overRedis: string[] = [];
let listener: ReturnType<typeof createClient>;

const serverCount = (p: Pantau) => p.live.io.of("/").adapter.serverCount() as Promise<number>;
const tpsOf = (e: LiveEvent) => (e.data as { tpsCode?: string }).tpsCode;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Redis, instance A (a test server) and instance B on A's database, both joined through Redis. */
async function startCluster() {
  logOfB.length = 0;
  overRedis.length = 0;
  redis = await startTestRedis();
  a = await startTestServer({ REDIS_URL: redis.url });
  b = await startInstance(a.databaseUrl, { REDIS_URL: redis.url }, (line) => logOfB.push(line));
  listener = createClient({ url: redis.url, socket: { reconnectStrategy: () => 100 } });
  listener.on("error", () => {}); // the outage test stops Redis on purpose
  await listener.connect();
  await listener.pSubscribe("socket.io#/#", (message) => overRedis.push(message.toString("latin1")), true);
  // Both instances are subscribed, and server/live.ts (which re-counts every 2 s) knows it is not alone.
  for (let i = 0; i < 100 && ((await serverCount(a)) < 2 || (await serverCount(b)) < 2); i++) await pause(50);
  await pause(2100);
}
async function stopCluster() {
  await b?.close();
  await a?.stop();
  if (listener?.isOpen) listener.destroy();
  await redis?.close();
}

describe("two instances on one database with REDIS_URL", () => {
  beforeAll(startCluster);
  afterAll(stopCluster);
  const { dashboard, submit } = twoInstanceChecks(() => ({ a, b }));

  it("uses the Redis Streams adapter, and a quick count's event crosses Redis to the other instance", async () => {
    for (const p of [a, b]) {
      expect(p.live.io.of("/").adapter.constructor.name).toBe("RedisStreamsAdapter");
      expect(await serverCount(p)).toBe(2);
    }
    const { received: onB } = await dashboard(b.url);
    await submit(a.url, "1673051004-001", "walikota");
    await until(() => onB.some((e) => e.type === "result:updated" && tpsOf(e) === "1673051004-001"), "the event on B");
    await until(() => overRedis.some((m) => m.includes("1673051004-001")), "the event on the Redis channel");
  });

  it("answers resume on instance B with the events committed on A, in seq order", async () => {
    const { socket } = await dashboard(b.url);
    const [{ seq: before }] = await a.services.sql`select seq from event_head`;
    await submit(a.url, "1673051004-002", "gubernur");
    await submit(a.url, "1673051004-002", "walikota");
    const [{ seq: head }] = await a.services.sql`select seq from event_head`;
    const answer = (await socket.emitWithAck("resume", { after: before })) as Ack<{
      events: LiveEvent[];
      more: boolean;
      head: number;
    }>;
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.data.events.map((e) => e.seq)).toEqual(
      Array.from({ length: head - before }, (_, i) => before + 1 + i),
    );
    expect(
      answer.data.events.filter((e) => e.type === "result:updated").map((e) => [tpsOf(e), e.data.contest]),
    ).toEqual([
      ["1673051004-002", "gubernur"],
      ["1673051004-002", "walikota"],
    ]);
    expect(answer.data).toMatchObject({ more: false, head });
  });
});

// These stop Redis or an instance, so each starts from a cluster of its own.
describe("two instances with REDIS_URL when Redis goes away", () => {
  beforeEach(startCluster);
  afterEach(stopCluster);
  const { dashboard, submit, closeAll } = clusterClients();
  afterEach(closeAll);

  it("keeps serving when Redis goes away (logged once, events from the event log) and uses it again when it is back", async () => {
    const { received: onB } = await dashboard(b.url);
    await redis.stop();
    await submit(a.url, "1673051005-001", "gubernur");
    await submit(b.url, "1673051005-001", "walikota");
    await until(
      () => onB.filter((e) => e.type === "result:updated" && tpsOf(e) === "1673051005-001").length === 2,
      "both events on B without Redis",
    );
    await until(() => logOfB.some((l) => l.includes("Redis unavailable")), "the log line");
    await pause(1500); // several failed reconnects later, still one line
    expect(logOfB.filter((l) => l.includes("Redis unavailable"))).toHaveLength(1);

    await redis.start();
    await until(() => logOfB.some((l) => l.includes("Redis is back")), "Redis back", 400);
    // Subscriptions are renewed as each client reconnects: submit until one event is seen crossing Redis.
    const tps = ["1673051005-002", "1673051005-003", "1673051006-001", "1673051006-002", "1673051006-003"];
    for (const code of tps) {
      await submit(a.url, code, "gubernur");
      await until(() => onB.some((e) => tpsOf(e) === code), `${code} on B`);
      if (overRedis.some((m) => m.includes(code))) break;
      await pause(500);
    }
    expect(
      tps.some((code) => overRedis.some((m) => m.includes(code))),
      "an event crossed Redis after it came back",
    ).toBe(true);
  });

  it("closes an instance cleanly while Redis is away, with messages still waiting for it", async () => {
    await redis.stop();
    await submit(b.url, "1673051006-004", "gubernur"); // B's message to A now waits for Redis
    await b.close();
    await expect(fetch(`${b.url}/login`)).rejects.toThrow();
    const onA = (await dashboard(a.url)).received;
    await submit(a.url, "1673051006-004", "walikota");
    await until(() => onA.some((e) => e.type === "result:updated" && tpsOf(e) === "1673051006-004"), "A still serving");
  });

  it("starts while Redis is not there yet and joins it when it comes", async () => {
    // Only A runs, and Redis is down, when C starts.
    await b.close();
    await redis.stop();
    const log: string[] = [];
    const c = await startInstance(a.databaseUrl, { REDIS_URL: redis.url }, (line) => log.push(line));
    try {
      const { received: onC } = await dashboard(c.url);
      await submit(a.url, "1673051006-005", "gubernur");
      await until(
        () => onC.some((e) => e.type === "result:updated" && tpsOf(e) === "1673051006-005"),
        "A's event on C",
      );
      await until(() => log.some((l) => l.includes("Redis unavailable")), "the log line");
      expect(log.filter((l) => l.includes("Redis unavailable"))).toHaveLength(1);
      await redis.start();
      await until(() => log.some((l) => l.includes("Redis is back")), "Redis back", 400);
      for (let i = 0; i < 100 && (await serverCount(c)) < 2; i++) await pause(50);
      expect(await serverCount(c)).toBe(2); // A and C
    } finally {
      await c.close();
    }
  });
});

describe("REDIS_URL", () => {
  const env = (REDIS_URL: string) => parseEnv({ REDIS_URL }).REDIS_URL;
  it("takes redis:// and rediss:// URLs, and empty as unset", () => {
    expect(env("redis://127.0.0.1:6379")).toBe("redis://127.0.0.1:6379");
    expect(env("rediss://:secret@redis.example.go.id:6380/2")).toBe("rediss://:secret@redis.example.go.id:6380/2");
    expect(env("")).toBeUndefined();
  });
  it("refuses anything else with a message that says what it must be", () => {
    for (const bad of ["http://127.0.0.1:6379", "127.0.0.1:6379", "redis://", "unix:///run/redis.sock"]) {
      expect(() => env(bad), bad).toThrow("REDIS_URL: must be a redis:// or rediss:// URL");
    }
  });
});
