// A citizen's report about a TPS may be about its own officer: it reaches that officer on no channel (live,
// replay, lists, the incident itself, the officer's page) until command-post staff share it, and then never
// with the reporter's contact or tracking code. Sharing is for staff who may act on the incident, audited
// and live.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { LiveEvent } from "../app/lib/events";
import { eventsAfter } from "../app/models/events.server";
import { api } from "./support/api";
import { startTestServer, type TestServer } from "./support/server";
import { liveClients, resume } from "./support/sockets";

let server: TestServer;
const http = api(() => server);
const live = liveClients();

beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => live.closeAll());
afterAll(() => server?.stop());

const TPS = "1673031002-004"; // kecamatan 16.73.03: pengawas-03

/** A citizen's report about the TPS, with a contact that must never reach the officer. */
async function citizenReport(tpsCode: string | null = TPS) {
  const contact = `0812-${randomUUID().slice(0, 8)}`;
  const description = `Petugas TPS membagikan amplop kepada pemilih ${randomUUID().slice(0, 8)}.`;
  const res = await http.post("/api/v1/public/reports", {
    category: "vote_buying",
    ...(tpsCode ? { tpsCode } : {}),
    place: "Di belakang tenda TPS",
    description,
    contact,
  });
  expect(res.status).toBe(201);
  const { trackingCode } = (await res.json()) as { trackingCode: string };
  const [row] = await server.services
    .sql`select incident_id from citizen_reports where tracking_code = ${trackingCode}`;
  return { id: row.incidentId as string, contact, trackingCode, description };
}

/** Everything the officer of the TPS can read about incidents, on every channel, as one text. */
async function officerSees(token: string, after: number, socket: Awaited<ReturnType<typeof live.connect>>) {
  const resumed = await resume(socket.socket, after);
  if (!resumed.ok) throw new Error("resume failed");
  const texts = [
    JSON.stringify(socket.received),
    JSON.stringify(resumed.data.events),
    await (await http.get(`/api/v1/events?after=${after}`, token)).text(),
    await (await http.get("/api/v1/incidents", token)).text(),
    await (await http.get("/officer/incidents", token)).text(),
  ];
  return texts.join("\n");
}

const head = async () => (await server.services.sql`select seq from event_head`)[0].seq as number;

describe("a citizen's report about a TPS", () => {
  it("reaches the TPS's officer on no channel until staff share it, then without the reporter", async () => {
    const officerToken = await http.login(TPS);
    const officer = await live.connect(server.url, { token: officerToken });
    const supervisor = await live.connect(server.url, { token: await http.login("pengawas-03") });
    const after = await head();

    const report = await citizenReport();
    // The staff of the area are told at once; once they have it, the officer's room has had its chance too.
    await supervisor.waitFor((e) => e.type === "incident:created" && e.data.id === report.id);
    await new Promise((r) => setTimeout(r, 300));
    const before = await officerSees(officerToken, after, officer);
    expect(before).not.toContain(report.id);
    expect(before).not.toContain(report.description.slice(0, 40));
    expect((await http.get(`/api/v1/incidents/${report.id}`, officerToken)).status).toBe(403);

    // The officer cannot share it with themself; staff of another kecamatan may not either.
    for (const login of [TPS, "tim-1", "pengawas-01", "bawaslu"]) {
      const res = await http.post(`/api/v1/incidents/${report.id}/share`, {}, await http.login(login));
      expect({ login, status: res.status }).toEqual({ login, status: 403 });
    }
    expect(officer.received.filter((e) => JSON.stringify(e).includes(report.id))).toEqual([]);

    const supervisorToken = await http.login("pengawas-03");
    const shared = await http.post(`/api/v1/incidents/${report.id}/share`, {}, supervisorToken);
    expect(shared.status).toBe(200);
    expect(((await shared.json()) as { incident: { sharedAt: string | null } }).incident.sharedAt).not.toBeNull();

    const seen = await officer.waitFor((e) => e.type === "incident:updated" && e.data.id === report.id);
    expect(seen.data).toMatchObject({ id: report.id, tpsCode: TPS, source: "citizen", reporter: null });
    expect(seen.type === "incident:updated" && seen.data.step.action).toBe("share");
    const single = await http.get(`/api/v1/incidents/${report.id}`, officerToken);
    expect(single.status).toBe(200);
    const afterShare = (await officerSees(officerToken, after, officer)) + (await single.text());
    expect(afterShare).toContain(report.id);
    expect(afterShare).toContain(report.description);
    // Never the reporter: neither the contact nor the tracking code, on any channel.
    expect(afterShare).not.toContain(report.contact);
    expect(afterShare).not.toContain(report.trackingCode);
    expect((await http.get(`/api/v1/incidents/${report.id}/citizen`, officerToken)).status).toBe(403);

    // Audited once; sharing again changes nothing and tells nobody.
    const audit = await server.services.sql`
      select actor_id from audit_log where action = 'incident.share' and entity = ${`incident:${report.id}`}`;
    expect(audit).toHaveLength(1);
    const seq = await head();
    expect((await http.post(`/api/v1/incidents/${report.id}/share`, {}, await http.login("posko"))).status).toBe(200);
    expect(await head()).toBe(seq);
  });

  it("is shared only when it is a citizen's report about a TPS", async () => {
    const operator = await http.login("posko");
    const placeOnly = await citizenReport(null);
    const bad = await http.post(`/api/v1/incidents/${placeOnly.id}/share`, {}, operator);
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ code: "invalid", errors: [{ field: "id", code: "not_shareable" }] });

    const officerReport = {
      id: randomUUID(),
      tpsCode: TPS,
      category: "logistics",
      severity: "low",
      description: "Kotak suara datang terlambat.",
      occurredAt: new Date().toISOString(),
    };
    expect((await http.post("/api/v1/incidents", officerReport, await http.login(TPS))).status).toBe(201);
    expect((await http.post(`/api/v1/incidents/${officerReport.id}/share`, {}, operator)).status).toBe(422);
    expect((await http.post(`/api/v1/incidents/${randomUUID()}/share`, {}, operator)).status).toBe(404);
    expect((await http.post(`/api/v1/incidents/not-an-id/share`, {}, operator)).status).toBe(404);
    expect((await http.get(`/api/v1/incidents/${placeOnly.id}/share`, operator)).status).toBe(405);
  });

  it("stays out of the officer's replay, whose pages are still filled with what the officer may see", async () => {
    const tps = "1673031002-005";
    const officerToken = await http.login(tps);
    const after = await head();
    for (let i = 0; i < 3; i++) await citizenReport(tps);
    const own = {
      id: randomUUID(),
      category: "logistics",
      severity: "low",
      description: "Tinta habis.",
      occurredAt: new Date().toISOString(),
    };
    expect((await http.post("/api/v1/incidents", own, officerToken)).status).toBe(201);
    const officer = await live.connect(server.url, { token: officerToken });
    const resumed = await resume(officer.socket, after);
    if (!resumed.ok) throw new Error("resume failed");
    const idOf = (e: LiveEvent) => (e.data as { id?: string }).id;
    expect(resumed.data.events.map(idOf)).toEqual([own.id]);
    // Pages of one event: the hidden reports before the officer's own do not end the replay early.
    const [user] = await server.services.sql`select id, role, region_code, tps_code from users where login = ${tps}`;
    const page = await eventsAfter(server.services.sql, { after, user: user as never, limit: 1 });
    expect(page.map(idOf)).toEqual([own.id]);
  });
});
