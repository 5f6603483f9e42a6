// Live delivery and replay answer the same: real clients of every role and of two kecamatan watch a
// morning of events of every kind; then what each received live must equal what `resume` and
// GET /api/v1/events return for it, and both must equal the permission rule (app/lib/access.ts mayReceive).
// A rule changed on one channel only (the rooms, the replay query) fails here.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mayReceive, type AccessUser } from "../app/lib/access";
import type { LiveEvent } from "../app/lib/events";
import { api } from "./support/api";
import { startTestServer, submitAsOfficer, type TestServer } from "./support/server";
import { liveClients, resume, until } from "./support/sockets";

let server: TestServer;
const http = api(() => server);
const live = liveClients();

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  live.closeAll();
  await server?.stop();
});

const OWN_TPS = "1673011002-001";
const NEIGHBOUR_TPS = "1673011002-002";

async function call(method: "GET" | "POST", path: string, token: string | null, body?: unknown) {
  const res =
    method === "GET" ? await http.get(path, token ?? undefined) : await http.post(path, body, token ?? undefined);
  return { status: res.status, body: await res.json() };
}

/** A signed-in client: its account as the server sees it and every event pushed to its socket. */
async function client(login: string) {
  const token = await http.login(login);
  const user = (await call("GET", "/api/v1/session", token)).body.user as AccessUser;
  const { socket, received } = await live.connect(server.url, { token });
  return { login, token, user, socket, live: received };
}

const incident = (tpsCode: string) => ({
  id: randomUUID(),
  tpsCode,
  category: "intimidation",
  severity: "high",
  description: "Sekelompok orang menghalangi pemilih masuk TPS.",
  occurredAt: "2026-11-22T09:15:00+07:00",
});

describe("live delivery and replay", () => {
  it("give every role and area the same events", async () => {
    const [farTps] = (
      await server.services.sql`select code from tps where kelurahan_code like '16.73.02.%' order by code limit 1`
    ).map((r) => r.code as string);
    const [start] = await server.services.sql`select seq from event_head`;
    const after = start.seq as number;

    const operator = await client("posko");
    const clients = [
      operator,
      await client("admin"),
      await client("pengawas-01"),
      await client("pengawas-02"),
      await client(OWN_TPS),
      await client("tim-1"),
      await client("tim-2"),
    ];
    const tim1 = clients.find((c) => c.login === "tim-1")!;

    // Results in two kecamatan.
    expect(await submitAsOfficer(server, OWN_TPS, "gubernur")).toBe(201);
    expect(await submitAsOfficer(server, NEIGHBOUR_TPS, "gubernur")).toBe(201);
    expect(await submitAsOfficer(server, farTps, "walikota")).toBe(201);
    // An incident at the officer's TPS dispatched to one responder, one far away dispatched to nobody.
    const dispatched = incident(OWN_TPS);
    expect((await call("POST", "/api/v1/incidents", operator.token, dispatched)).status).toBe(201);
    const dispatch = { action: "dispatch", responderIds: [tim1.user.id], note: "Segera ke lokasi" };
    expect(
      (await call("POST", `/api/v1/incidents/${dispatched.id}/transitions`, operator.token, dispatch)).status,
    ).toBe(200);
    expect((await call("POST", "/api/v1/incidents", operator.token, incident(farTps))).status).toBe(201);
    // Election-wide events: a citizen's report without a TPS and a responder's location.
    const citizen = {
      category: "vote_buying",
      place: "Pasar Satelit",
      description: "Ada pembagian amplop di dekat pasar pagi ini.",
    };
    expect((await call("POST", "/api/v1/public/reports", null, citizen)).status).toBe(201);
    expect(
      (await call("POST", "/api/v1/responders/location", tim1.token, { lat: -3.3, lng: 102.87, accuracy: 10 })).status,
    ).toBe(200);

    // The command post sees everything: once it has the head, every room has been sent its share.
    const [end] = await server.services.sql`select seq from event_head`;
    const head = end.seq as number;
    await until(() => operator.live.some((e) => e.seq === head), "the command post to see every event");
    await new Promise((r) => setTimeout(r, 400)); // the other rooms' batches (flushMs) land

    const log = await server.services.sql`select seq, type, region, data from events where seq > ${after} order by seq`;
    const kinds = new Set<string>();
    for (const c of clients) {
      const allowed = log
        .filter((e) => mayReceive(c.user, { region: e.region, data: e.data, type: e.type }))
        .map((e) => e.seq);
      // Case events travel in rooms of their own and may overtake the others: compared as a set.
      const live = c.live.map((e) => e.seq).sort((a, b) => a - b);
      const resumed = await resume(c.socket, after);
      if (!resumed.ok) throw new Error(`resume failed for ${c.login}`);
      const fetched = await call("GET", `/api/v1/events?after=${after}`, c.token);
      expect(fetched.status).toBe(200);
      expect({ login: c.login, live }).toEqual({ login: c.login, live: allowed });
      expect({ login: c.login, resume: resumed.data.events.map((e) => e.seq) }).toEqual({
        login: c.login,
        resume: allowed,
      });
      expect({ login: c.login, events: (fetched.body.events as LiveEvent[]).map((e) => e.seq) }).toEqual({
        login: c.login,
        events: allowed,
      });
      kinds.add(allowed.join(","));
    }
    // The scenario tells the roles apart: the command post, each kecamatan, the officer and the two
    // responders each see a different set (the admin apart from the operator: only the admin gets the
    // violation case the citizen's report filed).
    expect(kinds.size).toBe(7);
    expect(clients.find((c) => c.login === "tim-2")!.live).toEqual([]);
    expect(operator.live.map((e) => e.seq)).toEqual(log.filter((e) => e.type !== "case:changed").map((e) => e.seq));
  });

  it("give a visitor without an account no events, live or replayed", async () => {
    const visitor = await live.connect(server.url);
    expect(await submitAsOfficer(server, OWN_TPS, "walikota")).toBe(201);
    expect(await resume(visitor.socket, 0)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect((await call("GET", "/api/v1/events?after=0", null)).status).toBe(401);
    await new Promise((r) => setTimeout(r, 300));
    expect(visitor.received).toEqual([]);
  });
});
