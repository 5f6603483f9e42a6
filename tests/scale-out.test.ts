// Two real Pantau instances on one database (issue 6, SPEC section 5): a submission on A reaches a
// dashboard on B through @socket.io/postgres-adapter, and dashboards on either instance see every event
// of both, once each and in seq order.
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LiveEvent } from "~/lib/events";
import { parseEnv } from "~/utils/env.server";
import { startPantau, type Pantau } from "../server/app";
import { loginToken, startTestServer, submitAsOfficer, until, type TestServer } from "./support/server";

let a: TestServer;
let b: Pantau;
const sockets: Socket[] = [];

beforeAll(async () => {
  a = await startTestServer();
  b = await startPantau(parseEnv({
    NODE_ENV: "production", PORT: "0", HOST: "127.0.0.1", DATABASE_URL: a.databaseUrl, PANTAU_SEED: "none", COOKIE_SECURE: "false",
  }), () => {});
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await b?.close();
  await a?.stop();
});

async function dashboard(url: string) {
  const token = await loginToken({ url }, "posko", "pantau-demo");
  const socket = io(url, { auth: { token }, transports: ["websocket"], reconnection: false, forceNew: true });
  sockets.push(socket);
  const received: LiveEvent[] = [];
  socket.on("event", (e: LiveEvent) => received.push(e));
  socket.on("events", (list: LiveEvent[]) => received.push(...list));
  await new Promise<void>((resolve, reject) => { socket.once("connect", () => resolve()); socket.once("connect_error", reject); });
  return received;
}

const submit = async (url: string, tpsCode: string, contest: "gubernur" | "walikota") => expect(await submitAsOfficer({ url }, tpsCode, contest)).toBe(201);

describe("two instances on one database", () => {
  it("delivers a submission made on instance A to a dashboard connected to instance B", async () => {
    const onB = await dashboard(b.url);
    await submit(a.url, "1673051001-001", "gubernur");
    await until(() => onB.some((e) => e.type === "result:updated" && e.data.tpsCode === "1673051001-001"), "the event on B");
    const event = onB.find((e) => e.type === "result:updated")!;
    expect(event.data).toMatchObject({ tpsCode: "1673051001-001", contest: "gubernur", status: "submitted" });
  });

  it("gives dashboards on both instances every event of both, once and in order", async () => {
    const onA = await dashboard(a.url);
    const onB = await dashboard(b.url);
    const [{ seq: start }] = await a.services.sql`select seq from event_head`;
    const writes = ["1673051001-002", "1673051001-003", "1673051002-001", "1673051002-002"].flatMap((tps, i) => [
      submit(i % 2 ? a.url : b.url, tps, "walikota"),
      submit(i % 2 ? b.url : a.url, tps, "gubernur"),
    ]);
    await Promise.all(writes);
    const [{ seq: head }] = await a.services.sql`select seq from event_head`;
    const expected = Array.from({ length: head - start }, (_, i) => start + 1 + i);
    for (const [name, received] of [["A", onA], ["B", onB]] as const) {
      await until(() => received.length >= expected.length, `every event on ${name}`);
      expect(received.map((e) => e.seq), `dashboard on ${name}`).toEqual(expected);
    }
  });
});
