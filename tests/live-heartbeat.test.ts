// The application heartbeat and review presence with real Socket.IO clients against the real server: a
// heartbeat carries the seq of the last event sent to the connection; through a path that stops forwarding
// without closing, the client's own rule (app/lib/live-health.ts) calls it silent within seconds and live
// again when it is back; two reviewers of one item see each other come and go, on one instance or two; a
// user outside the item's area is refused.
import type { Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { isSilent } from "../app/lib/live-health";
import type { Pantau } from "../server/app";
import { startSlowLink } from "../e2e/support/slow-proxy";
import { api } from "./support/api";
import { startInstance, startTestServer, submitAsOfficer, type TestServer } from "./support/server";
import { liveClients, openAreas, until } from "./support/sockets";

const BEAT_MS = 300;
type Beat = { seq: number; at: string; every: number };
type Person = { id: number; name: string };
type Presence = { tps: string; contest: string; people: Person[] };

let server: TestServer;
let other: Pantau;
const http = api(() => server);
const live = liveClients();

beforeAll(async () => {
  server = await startTestServer({ PANTAU_HEARTBEAT_MS: String(BEAT_MS) });
  other = await startInstance(server.databaseUrl, { PANTAU_HEARTBEAT_MS: String(BEAT_MS) });
});
afterEach(() => live.closeAll());
afterAll(async () => {
  await other?.close();
  await server?.stop();
});

/** A connection that records its heartbeats (with this client's arrival time) and its presence pushes. */
async function listen(url: string, token: string) {
  const client = await live.connect(url, { token });
  const beats: (Beat & { heardAt: number })[] = [];
  const presence: Presence[] = [];
  client.socket.on("heartbeat", (b: Beat) => beats.push({ ...b, heardAt: Date.now() }));
  client.socket.on("review:presence", (p: Presence) => presence.push(p));
  return { ...client, beats, presence };
}

const openItem = (socket: Socket, item: unknown) => socket.timeout(5000).emitWithAck("review:open", item);

describe("heartbeat", () => {
  it("arrives every interval with the seq of the last event sent to the connection", async () => {
    const posko = await listen(server.url, await http.login("posko"));
    await until(() => posko.beats.length >= 2, "two heartbeats");
    expect(posko.beats[0].every).toBe(BEAT_MS);
    expect(Number.isNaN(Date.parse(posko.beats[0].at))).toBe(false);

    expect(await submitAsOfficer(server, "1673021002-001", "gubernur")).toBe(201);
    const event = await posko.waitFor((e) => e.type === "result:updated");
    const lastSeen = Math.max(...posko.received.map((e) => e.seq));
    expect(lastSeen).toBeGreaterThanOrEqual(event.seq);
    const after = posko.beats.length;
    await until(() => posko.beats.length > after, "the next heartbeat");
    expect(posko.beats.at(-1)!.seq).toBe(Math.max(...posko.received.map((e) => e.seq)));
  });

  it("vouches only for the rooms of the connection: another area's event does not move its seq", async () => {
    const dashboard = await listen(server.url, await http.login("posko"));
    const opened = await openAreas(dashboard.socket, ["16.73.02"]);
    expect(opened.ok).toBe(true);
    const nextBeat = async () => {
      const count = dashboard.beats.length;
      await until(() => dashboard.beats.length > count + 1, "a heartbeat after this moment");
      return dashboard.beats.at(-1)!.seq;
    };
    const before = await nextBeat();
    expect(await submitAsOfficer(server, "1673011003-001", "gubernur")).toBe(201);
    // Another kecamatan's result: nothing for this connection, and a heartbeat that does not claim otherwise
    // (the client would otherwise resume on every beat of a busy day).
    expect(await nextBeat()).toBe(before);
    expect(await submitAsOfficer(server, "1673021002-003", "gubernur")).toBe(201);
    const own = await dashboard.waitFor((e) => e.type === "result:updated");
    expect(await nextBeat()).toBeGreaterThanOrEqual(own.seq);
    expect(dashboard.beats.at(-1)!.seq).toBe(Math.max(...dashboard.received.map((e) => e.seq)));
  });

  it("stops through a stalled path, so the client calls it silent, and comes back when it flows again", async () => {
    const link = await startSlowLink({ port: Number(new URL(server.url).port) }, { kbps: 100_000, rttMs: 2 });
    try {
      const posko = await listen(link.url, await http.login("posko"));
      await until(() => posko.beats.length >= 2, "heartbeats through the link");
      link.setMode("stall");
      const cutAt = Date.now();
      await until(
        () => isSilent({ lastHeardAt: posko.beats.at(-1)!.heardAt, now: Date.now(), everyMs: BEAT_MS }),
        "the client to call the connection silent",
      );
      // Within a few intervals, not the engine's 45 s; and the socket itself never noticed.
      expect(Date.now() - cutAt).toBeLessThan(BEAT_MS * 10);
      expect(posko.socket.connected).toBe(true);

      const before = posko.beats.length;
      link.setMode("up");
      await until(() => posko.beats.length > before + 1, "heartbeats again");
      expect(isSilent({ lastHeardAt: posko.beats.at(-1)!.heardAt, now: Date.now(), everyMs: BEAT_MS })).toBe(false);
    } finally {
      await link.close();
    }
  });
});

describe("review presence", () => {
  const item = { tps: "1673021002-002", contest: "gubernur" };

  it("shows two reviewers of one item to each other, and the one who leaves leaves", async () => {
    const first = await listen(server.url, await http.login("posko"));
    const second = await listen(server.url, await http.login("posko2"));
    expect(await openItem(first.socket, item)).toMatchObject({ ok: true, people: [{ name: expect.any(String) }] });
    const answer = await openItem(second.socket, item);
    expect(answer.ok).toBe(true);
    expect(answer.people).toHaveLength(2);
    await until(() => first.presence.some((p) => p.people.length === 2), "the first to see the second");

    second.socket.emit("review:close");
    await until(() => first.presence.at(-1)?.people.length === 1, "the first to see the second leave");
    await openItem(second.socket, item);
    await until(() => first.presence.at(-1)?.people.length === 2, "the second back");
    second.socket.close();
    await until(() => first.presence.at(-1)?.people.length === 1, "the first to see the second disconnect");
  });

  it("holds across two instances", async () => {
    const onA = await listen(server.url, await http.login("posko"));
    const onB = await listen(other.url, await http.login("posko2"));
    await openItem(onA.socket, item);
    const answer = await openItem(onB.socket, item);
    expect(answer.people).toHaveLength(2);
    await until(() => onA.presence.at(-1)?.people.length === 2, "A to see the reviewer on B");
  });

  it("refuses a supervisor outside the item's area, an officer and a malformed item", async () => {
    const outside = await listen(server.url, await http.login("pengawas-01"));
    expect(await openItem(outside.socket, item)).toEqual({ ok: false, code: "forbidden" });
    const officer = await listen(server.url, await http.login("1673021002-002"));
    expect(await openItem(officer.socket, item)).toEqual({ ok: false, code: "forbidden" });
    const posko = await listen(server.url, await http.login("posko"));
    expect(await openItem(posko.socket, { tps: "x'; drop", contest: "gubernur" })).toEqual({
      ok: false,
      code: "invalid",
    });
    expect(await openItem(posko.socket, { tps: "1673021002-999", contest: "gubernur" })).toEqual({
      ok: false,
      code: "not_found",
    });
    // Nobody refused was counted in.
    const answer = await openItem(posko.socket, item);
    expect(answer.people).toHaveLength(1);
  });
});
