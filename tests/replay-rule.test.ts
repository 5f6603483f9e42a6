// Replay sees what live sees, for every kind of event and every kind of address: real connections of every
// role receive a generated log (each event type at every place an event can be filed, for every TPS and
// responder, citizen reports shared or not) through the writer; then what each connection was pushed live
// must equal what `resume` and GET /api/v1/events return for it, page by page, and the permission rule
// (mayReceive). A new event type is walked as soon as it is listed in EVENT_TYPES, which the compiler
// enforces. Real incidents of every shape then check the incident's own route agrees with both.
import { randomUUID } from "node:crypto";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mayReceive, type AccessUser } from "../app/lib/access";
import { EVENT_TYPES, type LiveEvent } from "../app/lib/events";
import { api } from "./support/api";
import { startTestServer, type TestServer } from "./support/server";
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
const FAR_TPS = "1673021001-001";
const LOGINS = ["posko", "admin", "pengawas-01", "pengawas-02", "bawaslu", OWN_TPS, NEIGHBOUR_TPS, "tim-1", "tim-2"];

/** A signed-in client: its account as the server sees it and every event pushed to its socket. */
async function client(login: string) {
  const token = await http.login(login);
  const user = (await (await http.get("/api/v1/session", token)).json()).user as AccessUser;
  const { socket, received } = await live.connect(server.url, { token });
  return { login, token, user, socket, live: received };
}
type Client = Awaited<ReturnType<typeof client>>;

const head = async () => (await server.services.sql`select seq from event_head`)[0].seq as number;

/** Every page of `resume` after `after`. */
async function resumeAll(socket: Socket, after: number) {
  const seqs: number[] = [];
  for (let from = after; ;) {
    const answer = await resume(socket, from);
    if (!answer.ok) throw new Error(`resume failed: ${answer.error.code}`);
    seqs.push(...answer.data.events.map((e) => e.seq));
    if (!answer.data.more) return seqs;
    from = seqs[seqs.length - 1];
  }
}

/** Every page of GET /api/v1/events after `after`. */
async function fetchAll(token: string, after: number) {
  const seqs: number[] = [];
  for (let from = after; ;) {
    const res = await http.get(`/api/v1/events?after=${from}`, token);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { events: LiveEvent[]; more: boolean };
    seqs.push(...body.events.map((e) => e.seq));
    if (!body.more) return seqs;
    from = seqs[seqs.length - 1];
  }
}

/** After the command post has every event up to `last`, each client's live, replayed and fetched events
 *  since `after` must be exactly those the rule gives it. */
async function expectReplayIsLive(clients: Client[], after: number) {
  const last = await head();
  const operator = clients.find((c) => c.login === "posko")!;
  const log = await server.services
    .sql`select seq, type, region, data from events where seq > ${after} and seq <= ${last} order by seq`;
  // The command post sees every event but the violation cases' (case officers' own rooms).
  const lastForOperator = Math.max(
    after,
    ...log.filter((e) => mayReceive(operator.user, { region: e.region, data: e.data, type: e.type })).map((e) => e.seq),
  );
  await until(() => operator.live.some((e) => e.seq === lastForOperator), "the command post to see every event", 400);
  await new Promise((r) => setTimeout(r, 400)); // the other rooms' batches (flushMs) land
  const sets = new Set<string>();
  for (const c of clients) {
    const allowed = log
      .filter((e) => mayReceive(c.user, { region: e.region, data: e.data, type: e.type }))
      .map((e) => e.seq);
    const got = {
      // Case events travel in rooms of their own and may overtake the view's others: compared as a set.
      live: c.live
        .map((e) => e.seq)
        .filter((s) => s > after)
        .sort((a, b) => a - b),
      resume: await resumeAll(c.socket, after),
      events: await fetchAll(c.token, after),
    };
    expect({ login: c.login, ...got }).toEqual({ login: c.login, live: allowed, resume: allowed, events: allowed });
    sets.add(allowed.join(","));
  }
  return sets;
}

describe("replay and live delivery", () => {
  it("give every account the same events of every type, wherever they are filed", async () => {
    const clients = await Promise.all(LOGINS.map(client));
    const ids = Object.fromEntries(clients.map((c) => [c.login, c.user.id]));
    const after = await head();

    const regions = [null, "16", "16.73", "16.73.01", "16.73.01.1002", "16.73.02.1001"];
    const places = [{}, { tpsCode: OWN_TPS }, { tpsCode: NEIGHBOUR_TPS }, { tpsCode: FAR_TPS }, { tpsCode: null }];
    const shapes: { region: string | null; data: Record<string, unknown> }[] = [
      ...regions.flatMap((region) => places.map((data) => ({ region, data }))),
      ...[[ids["tim-1"]], [ids["tim-1"], ids["tim-2"]]].flatMap((responderIds) => [
        { region: null, data: { tpsCode: null, responderIds } },
        { region: "16.73.02.1001", data: { tpsCode: FAR_TPS, responderIds } },
      ]),
      // A broadcast names the TPS it goes to.
      { region: "16.73", data: { tpsCodes: [OWN_TPS, FAR_TPS] } },
      { region: null, data: { tpsCodes: [NEIGHBOUR_TPS] } },
      ...[null, "2026-11-22T02:00:00.000Z"].map((sharedAt) => ({
        region: "16.73.01.1002",
        data: { tpsCode: OWN_TPS, source: "citizen", sharedAt },
      })),
    ];
    // Every type at every address; `userIds: []` keeps a generated sign-out from closing anyone.
    await server.services.writer.write(async ({ emit }) => {
      for (const type of EVENT_TYPES)
        for (const { region, data } of shapes) emit(type, region, { id: randomUUID(), userIds: [], ...data } as never);
    });
    expect((await head()) - after).toBe(EVENT_TYPES.length * shapes.length);

    const sets = await expectReplayIsLive(clients, after);
    // The walk tells the accounts apart: each role and area sees its own share (the admin apart from the
    // operator since violation cases: only the admin gets their events).
    expect(sets.size).toBe(LOGINS.length);
  });

  it("and an incident's own route agree on every incident, whatever its place and source", async () => {
    const clients = await Promise.all(LOGINS.map(client));
    const token = (login: string) => clients.find((c) => c.login === login)!.token;
    const after = await head();
    const created: string[] = [];
    const report = async (login: string, extra: Record<string, unknown>) => {
      const id = randomUUID();
      const body = {
        id,
        category: "logistics",
        severity: "medium",
        description: "Kotak suara belum datang.",
        occurredAt: new Date().toISOString(),
        ...extra,
      };
      expect((await http.post("/api/v1/incidents", body, token(login))).status).toBe(201);
      created.push(id);
      return id;
    };
    const citizen = async (tpsCode: string | null) => {
      const body = { category: "vote_buying", place: "Pasar", description: "Ada pembagian amplop pagi ini.", tpsCode };
      const res = await http.post("/api/v1/public/reports", tpsCode ? body : { ...body, tpsCode: undefined });
      expect(res.status).toBe(201);
      const code = ((await res.json()) as { trackingCode: string }).trackingCode;
      const [row] = await server.services.sql`select incident_id from citizen_reports where tracking_code = ${code}`;
      created.push(row.incidentId);
      return row.incidentId as string;
    };

    await report("posko", {}); // no TPS, no area
    await report("pengawas-01", {}); // no TPS, the supervisor's area
    await report(OWN_TPS, {});
    await report("posko", { tpsCode: FAR_TPS });
    const dispatched = await report("posko", {});
    const tim1 = clients.find((c) => c.login === "tim-1")!.user.id;
    const dispatch = { action: "dispatch", responderIds: [tim1] };
    expect((await http.post(`/api/v1/incidents/${dispatched}/transitions`, dispatch, token("posko"))).status).toBe(200);
    await citizen(null);
    await citizen(OWN_TPS);
    const shared = await citizen(OWN_TPS);
    expect((await http.post(`/api/v1/incidents/${shared}/share`, {}, token("posko"))).status).toBe(200);

    await expectReplayIsLive(clients, after);
    for (const c of clients) {
      for (const id of created) {
        const delivered = c.live.some((e) => e.seq > after && (e.data as { id?: string }).id === id);
        const opened = (await http.get(`/api/v1/incidents/${id}`, c.token)).status === 200;
        expect({ login: c.login, id, delivered }).toEqual({ login: c.login, id, delivered: opened });
      }
    }
  });
});
