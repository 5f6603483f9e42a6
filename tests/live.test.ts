// Socket.IO with real clients against the real server: one acts, the other sees it; reconnect and resume
// by sequence, also across a server restart.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { api } from "./support/api";
import { startTestServer, submitAsOfficer, VALID_VOTES, type TestServer } from "./support/server";
import { liveClients, resume, until } from "./support/sockets";

let server: TestServer;
const http = api(() => server);
const live = liveClients();
let operatorToken: string;

beforeAll(async () => {
  server = await startTestServer();
  operatorToken = await http.login("posko");
});
afterEach(() => live.closeAll());
afterAll(() => server?.stop());

/** A dashboard client that records every event it is pushed (no token: the anonymous public room). */
const connect = (token: string | undefined) => live.open(server.url, token === undefined ? {} : { token });

const submit = async (tpsCode: string, contest: "gubernur" | "walikota") =>
  expect(await submitAsOfficer(server, tpsCode, contest)).toBe(201);

describe("live events", () => {
  it("pushes an officer's submission to the command post, and not to a supervisor of another kecamatan", async () => {
    const posko = connect(operatorToken);
    const ownArea = connect(await http.login("pengawas-01"));
    const otherArea = connect(await http.login("pengawas-02"));
    await Promise.all([posko.ready, ownArea.ready, otherArea.ready]);

    await submit("1673011002-001", "gubernur");

    await until(() => posko.received.some((e) => e.type === "result:updated"), "the command post to see the result");
    await until(() => ownArea.received.some((e) => e.type === "result:updated"), "the kecamatan supervisor to see it");
    const event = posko.received.find((e) => e.type === "result:updated")!;
    expect(event.data).toMatchObject({
      tpsCode: "1673011002-001",
      contest: "gubernur",
      status: "submitted",
      delta: { votes: VALID_VOTES.gubernur },
    });
    expect(posko.received.map((e) => e.seq)).toEqual(ownArea.received.map((e) => e.seq));
    expect(otherArea.received).toEqual([]);
  });

  it("answers resume with the missed events in order, gap-free", async () => {
    const dashboard = connect(operatorToken);
    await dashboard.ready;
    const start = await resume(dashboard.socket, 0);
    if (!start.ok) throw new Error("resume failed");
    const lastSeen = start.data.head;
    dashboard.socket.disconnect();

    await submit("1673011002-002", "gubernur");
    await submit("1673011002-003", "walikota");

    const again = connect(operatorToken);
    await again.ready;
    const missed = await resume(again.socket, lastSeen);
    if (!missed.ok) throw new Error("resume failed");
    const seqs = missed.data.events.map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => lastSeen + 1 + i));
    expect(
      missed.data.events.filter((e) => e.type === "result:updated").map((e) => (e.data as { tpsCode: string }).tpsCode),
    ).toEqual(["1673011002-002", "1673011002-003"]);
  });

  it("lets a dashboard catch up after a server restart", async () => {
    const before = connect(operatorToken);
    await before.ready;
    const start = await resume(before.socket, 0);
    if (!start.ok) throw new Error("resume failed");
    const disconnected = new Promise((r) => before.socket.once("disconnect", r));

    server = await server.restart();
    await disconnected;
    await submit("1673011002-004", "gubernur");

    const after = connect(operatorToken);
    await after.ready;
    const missed = await resume(after.socket, start.data.head);
    if (!missed.ok) throw new Error("resume failed");
    expect(missed.data.events.map((e) => e.type)).toContain("result:updated");
    expect(missed.data.events[0].seq).toBe(start.data.head + 1);
  });

  it("refuses a forged token and a malformed resume", async () => {
    const forged = connect("not-a-real-token");
    await expect(forged.ready).rejects.toThrow(/unauthenticated/);
    const dashboard = connect(operatorToken);
    await dashboard.ready;
    expect(await resume(dashboard.socket, -1)).toMatchObject({ ok: false, error: { code: "invalid" } });
    expect(await resume(dashboard.socket, "0; drop table events")).toMatchObject({
      ok: false,
      error: { code: "invalid" },
    });
  });

  it("gives an anonymous (public) client no results events", async () => {
    const anonymous = connect(undefined);
    const posko = connect(operatorToken);
    await Promise.all([anonymous.ready, posko.ready]);
    expect(await resume(anonymous.socket, 0)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    await submit("1673011002-005", "gubernur");
    await until(() => posko.received.some((e) => e.type === "result:updated"), "the command post to see the result");
    expect(anonymous.received).toEqual([]);
  });
});
