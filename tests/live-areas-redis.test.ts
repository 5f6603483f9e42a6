// Two Pantau instances on one PostgreSQL sharing live events through a real redis-server: a dashboard on B
// that opened a kecamatan sees that region's running totals move after a submission through A, and receives
// no event of another kecamatan.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LiveEvent } from "../app/lib/events";
import type { AreaTotals } from "../app/lib/region-summary";
import type { Pantau } from "../server/app";
import { api } from "./support/api";
import { startTestRedis, type TestRedis } from "./support/redis";
import { startInstance, startTestServer, submitAsOfficer, type TestServer } from "./support/server";
import { liveClients, openAreas, until } from "./support/sockets";

let redis: TestRedis;
let a: TestServer;
let b: Pantau;
const live = liveClients();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const serverCount = (p: Pantau) => p.live.io.of("/").adapter.serverCount() as Promise<number>;

beforeAll(async () => {
  redis = await startTestRedis();
  a = await startTestServer({ REDIS_URL: redis.url });
  b = await startInstance(a.databaseUrl, { REDIS_URL: redis.url });
  for (let i = 0; i < 100 && ((await serverCount(a)) < 2 || (await serverCount(b)) < 2); i++) await pause(50);
  await pause(2100); // each instance re-counts the others every 2 s before it shares its commits
});
afterAll(async () => {
  live.closeAll();
  await b?.close();
  await a?.stop();
  await redis?.close();
});

const tpsOf = (e: LiveEvent) => (e.data as { tpsCode?: string }).tpsCode;

describe("areas:open on two instances with Redis", () => {
  it("shows a kecamatan's totals moving on B after a submission through A, and nothing of another kecamatan", async () => {
    const pick = async (kecamatan: string) =>
      (
        await a.services.sql`select code from tps where kelurahan_code like ${kecamatan + ".%"} order by code limit 1`
      )[0].code as string;
    const mine = await pick("16.73.04");
    const other = await pick("16.73.03");
    const d = await live.connect(b.url, { token: await api(() => b).login("posko") });
    const totals: { seq: number; areas: AreaTotals[] }[] = [];
    d.socket.on("totals", (push: { seq: number; areas: AreaTotals[] }) => totals.push(push));
    const [{ seq }] = await a.services.sql`select seq from event_head`;
    expect(await openAreas(d.socket, ["16.73.04"], seq)).toMatchObject({ ok: true });
    await until(() => totals.length >= 1, "the first push");
    const reporting = (p: { areas: AreaTotals[] }) => p.areas[0].contests.find((c) => c.key === "gubernur")!.reporting;
    const before = reporting(totals.at(-1)!);

    expect(await submitAsOfficer(a, other, "gubernur")).toBe(201);
    expect(await submitAsOfficer(a, mine, "gubernur")).toBe(201);
    await until(() => totals.some((p) => reporting(p) === before + 1), "the totals of 16.73.04 moved on B", 200);
    await until(() => d.received.some((e) => tpsOf(e) === mine), "the open area's event on B");
    expect(d.received.filter((e) => tpsOf(e) === other)).toEqual([]);
    expect(totals.every((p) => p.areas.every((x) => x.code === "16.73.04" || x.code.startsWith("16.73.04.")))).toBe(
      true,
    );
  });
});
