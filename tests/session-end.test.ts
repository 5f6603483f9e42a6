// Ending a session ends its live connections: a logout (API or page), an expiry and a disabled account close
// every socket opened with that session, on both of two instances sharing one database, while the same
// user's other sessions stay open; a socket whose session ended gets nothing more, `resume` included.
import { io, type Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { LiveEvent } from "../app/lib/events";
import { hashToken } from "../app/utils/auth.server";
import type { Pantau } from "../server/app";
import { api } from "./support/api";
import { startInstance, startTestServer, submitAsOfficer, type TestServer } from "./support/server";
import { liveClients, resume, until, type LiveAuth } from "./support/sockets";

let a: TestServer;
let b: Pantau;
const http = api(() => a);
const live = liveClients();
const cookieSockets: Socket[] = [];

beforeAll(async () => {
  a = await startTestServer();
  b = await startInstance(a.databaseUrl);
});
afterEach(() => {
  live.closeAll();
  for (const s of cookieSockets.splice(0)) s.close();
});
afterAll(async () => {
  await b?.close();
  await a?.stop();
});

/** A connection that records every event and the reason it was closed. */
async function watch(url: string, auth: LiveAuth) {
  const client = await live.connect(url, auth);
  const watched = { ...client, closedBy: null as string | null };
  client.socket.on("disconnect", (reason) => (watched.closedBy = reason));
  return watched;
}

/** A browser-like connection that sends the session cookie instead of a token. */
async function cookieSocket(url: string, token: string) {
  const socket = io(url, {
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    extraHeaders: { Cookie: `pantau_session=${token}` },
  });
  cookieSockets.push(socket);
  const received: LiveEvent[] = [];
  const state = { socket, received, closedBy: null as string | null };
  socket.on("event", (e: LiveEvent) => received.push(e));
  socket.on("events", (list: LiveEvent[]) => received.push(...list));
  socket.on("disconnect", (reason) => (state.closedBy = reason));
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return state;
}

/** An event made after the session ended reaches a bystander but not the closed connections. */
async function nothingMoreFor(tpsCode: string, closed: { received: LiveEvent[] }[]) {
  const bystander = await watch(a.url, { token: await http.login(tpsCode) });
  const before = closed.map((c) => c.received.length);
  expect(await submitAsOfficer(a, tpsCode, "walikota")).toBe(201);
  await until(() => bystander.received.some((e) => e.type === "result:updated"), "the bystander to see the result");
  // Both instances have routed the event by the time B's own dashboard has it.
  const dashboardOnB = await watch(b.url, { token: await http.login("posko2") });
  const [{ seq }] = await a.services.sql`select seq from event_head`;
  expect((await resume(dashboardOnB.socket, seq - 1)).ok).toBe(true);
  expect(closed.map((c) => c.received.length)).toEqual(before);
}

describe("a session that ends", () => {
  it("closes, on logout over the API, every socket it opened on either instance, and no other", async () => {
    const tps = "1673071003-001";
    const token = await http.login(tps);
    const otherSession = await http.login(tps); // the same officer on a second phone
    const onA = await watch(a.url, { token });
    const onB = await watch(b.url, { token });
    const byCookie = await cookieSocket(b.url, token);
    const secondPhone = await watch(b.url, { token: otherSession });

    expect((await http.delete("/api/v1/session", token)).status).toBe(200);
    await until(() => !!onA.closedBy && !!onB.closedBy && !!byCookie.closedBy, "the session's sockets to close");
    expect([onA.closedBy, onB.closedBy, byCookie.closedBy]).toEqual(Array(3).fill("io server disconnect"));
    expect(secondPhone.socket.connected).toBe(true);
    expect((await http.get("/api/v1/session", token)).status).toBe(401);
    // The other session still gets what it may see.
    await nothingMoreFor(tps, [onA, onB, byCookie]);
    await until(() => secondPhone.received.some((e) => e.type === "result:updated"), "the second phone's event");
  });

  it("closes, on logout from the page, the sockets the browser opened with its cookie", async () => {
    const tps = "1673071003-002";
    const token = await http.login(tps);
    const onA = await cookieSocket(a.url, token);
    const onB = await cookieSocket(b.url, token);
    const res = await fetch(`${a.url}/logout`, {
      method: "POST",
      redirect: "manual",
      headers: {
        Cookie: `pantau_session=${token}`,
        Origin: a.url,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: "",
    });
    expect(res.status).toBe(302);
    await until(() => !!onA.closedBy && !!onB.closedBy, "the browser's sockets to close");
    expect([onA.closedBy, onB.closedBy]).toEqual(["io server disconnect", "io server disconnect"]);
    await nothingMoreFor(tps, [onA, onB]);
  });

  it("closes the sockets of a disabled account on both instances", async () => {
    const tps = "1673071003-003";
    const onA = await watch(a.url, { token: await http.login(tps) });
    const onB = await watch(b.url, { token: await http.login(tps) });
    const [{ id }] = await a.services.sql`select id from users where login = ${tps}`;
    const admin = await http.login("admin");
    expect((await http.form("/admin/akun", { intent: "disable", userId: id }, admin)).status).toBe(200);
    await until(() => !!onA.closedBy && !!onB.closedBy, "the disabled account's sockets to close");
    expect([onA.closedBy, onB.closedBy]).toEqual(["io server disconnect", "io server disconnect"]);
    await http.form("/admin/akun", { intent: "enable", userId: id }, admin);
  });

  it("closes a socket when its session expires, without any request", async () => {
    const tps = "1673071003-004";
    const token = await http.login(tps);
    // The session runs out shortly; from here on no request is made until the socket has closed.
    await a.services.sql`update sessions set expires_at = now() + interval '1500 milliseconds'
      where token_hash = ${hashToken(token)}`;
    const onA = await watch(a.url, { token });
    const onB = await watch(b.url, { token });
    await until(() => !!onA.closedBy && !!onB.closedBy, "the expired session's sockets to close", 400);
    expect([onA.closedBy, onB.closedBy]).toEqual(["io server disconnect", "io server disconnect"]);
    // Closed because it had expired, by the database's clock.
    const [row] = await a.services.sql`select expires_at <= now() as expired from sessions
      where token_hash = ${hashToken(token)}`;
    expect(row.expired).toBe(true);
    await nothingMoreFor(tps, [onA, onB]);
  });

  it("answers `resume` on a socket whose session has ended with unauthenticated and closes it", async () => {
    const token = await http.login("pengawas-07");
    const onB = await watch(b.url, { token });
    expect((await resume(onB.socket, 0)).ok).toBe(true);
    // The session row goes without any message reaching the live server (as an expiry between checks would).
    await a.services.sql`delete from sessions where token_hash = ${hashToken(token)}`;
    expect(await resume(onB.socket, 0)).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
    await until(() => !!onB.closedBy, "the socket to close");
    expect(onB.closedBy).toBe("io server disconnect");
  });

  it("puts nothing that names the session into the event log", async () => {
    const token = await http.login("pengawas-08");
    const [{ seq }] = await a.services.sql`select seq from event_head`;
    expect((await http.delete("/api/v1/session", token)).status).toBe(200);
    const log = await a.services.sql`select data::text as text from events where seq > ${seq}`;
    expect(log.length).toBeGreaterThan(0);
    for (const { text } of log) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(hashToken(token));
    }
  });
});
