// Incidents over the HTTP API and Socket.IO against the real server.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { LiveEvent } from "../app/lib/events";
import { api } from "./support/api";
import { startTestServer, type TestServer } from "./support/server";
import { liveClients, resume } from "./support/sockets";

let server: TestServer;
const http = api(() => server);
const live = liveClients();
let officer: string;
let operator: string;
let tps: string[];
let responders: Record<string, number>;

beforeAll(async () => {
  server = await startTestServer();
  tps = (
    await server.services.sql`select code from tps where kelurahan_code like '16.73.03.%' order by code limit 2`
  ).map((r) => r.code as string);
  officer = await http.login(tps[0]);
  operator = await http.login("posko");
  responders = Object.fromEntries(
    (await server.services.sql`select login, id from users where role = 'responder'`).map((r) => [
      r.login,
      r.id as number,
    ]),
  );
});
afterEach(() => live.closeAll());
afterAll(() => server?.stop());

const incident = (over: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  tpsCode: tps[0],
  category: "intimidation",
  severity: "critical",
  description: "Sekelompok orang menghalangi pemilih masuk TPS.",
  lat: -3.29,
  lng: 102.86,
  occurredAt: "2026-11-22T09:15:00+07:00",
  ...over,
});

const post = http.post;
const get = (path: string, token: string) => http.get(path, token);
const step = (id: string, body: unknown, token: string) => post(`/api/v1/incidents/${id}/transitions`, body, token);
/** A connected client that records every event it is pushed. */
const listen = (token: string) => live.connect(server.url, { token });

describe("POST /api/v1/incidents", () => {
  it("creates an incident (201), answers an identical retry with the first answer (200) and a changed one with 409", async () => {
    const body = incident();
    const first = await post("/api/v1/incidents", body, officer);
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ id: body.id, status: "new" });
    const retry = await post("/api/v1/incidents", body, officer);
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual({ id: body.id, status: "new" });
    const changed = await post("/api/v1/incidents", { ...body, severity: "low" }, officer);
    expect(changed.status).toBe(409);
    const [row] = await server.services
      .sql`select tps_code, region_code, source, status, reporter_id is not null as has_reporter from incidents where id = ${body.id}`;
    expect(row).toMatchObject({ tpsCode: tps[0], source: "app", status: "new", hasReporter: true });
    expect(row.regionCode).toMatch(/^16\.73\.03\./);
  });

  it("takes the officer's own TPS when none is given", async () => {
    const body = incident({ tpsCode: undefined, lat: undefined, lng: undefined });
    expect((await post("/api/v1/incidents", body, officer)).status).toBe(201);
    const [row] = await server.services.sql`select tps_code from incidents where id = ${body.id}`;
    expect(row.tpsCode).toBe(tps[0]);
  });

  it("answers 422 with one error per field and writes nothing", async () => {
    const body = incident({
      category: "Aliens!",
      severity: "extreme",
      description: "  ",
      lat: 200,
      occurredAt: "yesterday",
    });
    const res = await post("/api/v1/incidents", body, officer);
    expect(res.status).toBe(422);
    const { errors } = await res.json();
    expect(errors.map((e: { field: string }) => e.field).sort()).toEqual([
      "category",
      "description",
      "lat",
      "occurredAt",
      "severity",
    ]);
    const unknownTps = await post("/api/v1/incidents", incident({ tpsCode: "9999999999-001" }), operator);
    expect(unknownTps.status).toBe(422);
    expect((await unknownTps.json()).errors[0]).toMatchObject({ field: "tpsCode", code: "unknown_tps" });
    const [{ count }] = await server.services.sql`select count(*)::int from incidents where id = ${body.id}`;
    expect(count).toBe(0);
  });

  it("forbids another TPS (403), anonymous callers (401) and responders (403); a supervisor only in their area", async () => {
    expect((await post("/api/v1/incidents", incident({ tpsCode: tps[1] }), officer)).status).toBe(403);
    expect((await post("/api/v1/incidents", incident())).status).toBe(401);
    const responder = await http.login("tim-1");
    expect((await post("/api/v1/incidents", incident(), responder)).status).toBe(403);
    const outsider = await http.login("pengawas-04");
    expect((await post("/api/v1/incidents", incident(), outsider)).status).toBe(403);
    const insider = await http.login("pengawas-03");
    expect((await post("/api/v1/incidents", incident({ source: "phone" }), insider)).status).toBe(201);
  });
});

describe("configurable categories", () => {
  it("accepts the admin's active categories only", async () => {
    const categories = [
      { code: "other", id: "Lainnya", en: "Other", active: true },
      { code: "hoax", id: "Hoaks / disinformasi", en: "Hoax / disinformation", active: true },
      { code: "weather", id: "Cuaca", en: "Weather", active: false },
    ];
    const sql = server.services.sql;
    await sql`insert into settings (key, value) values ('incident.categories', ${sql.json(categories)})`;
    try {
      expect((await post("/api/v1/incidents", incident({ category: "hoax" }), officer)).status).toBe(201);
      const retired = await post("/api/v1/incidents", incident({ category: "weather" }), officer);
      expect(retired.status).toBe(422);
      expect((await retired.json()).errors[0]).toMatchObject({ field: "category" });
    } finally {
      await sql`delete from settings where key = 'incident.categories'`;
    }
  });
});

describe("incident workflow", () => {
  it("goes new -> acknowledged -> dispatched -> on_scene -> resolved -> reopened with actor, time and note, live to the command post and the responder", async () => {
    const posko = await listen(operator);
    const tim1 = await http.login("tim-1");
    const responder = await listen(tim1);
    const tim2 = await http.login("tim-2");
    const otherResponder = await listen(tim2);

    const body = incident();
    expect((await post("/api/v1/incidents", body, officer)).status).toBe(201);
    const created = await posko.waitFor((e) => e.type === "incident:created" && e.data.id === body.id);
    expect(created.data).toMatchObject({ severity: "critical", status: "new", tpsCode: tps[0], responderIds: [] });

    const ack = await step(body.id, { action: "acknowledge", note: "Diterima posko" }, operator);
    expect(ack.status).toBe(200);
    expect((await ack.json()).incident).toMatchObject({ status: "acknowledged" });

    const noResponders = await step(body.id, { action: "dispatch" }, operator);
    expect(noResponders.status).toBe(422);
    expect((await noResponders.json()).errors[0]).toMatchObject({ field: "responderIds", code: "required" });
    const notResponder = await step(body.id, { action: "dispatch", responderIds: [1] }, operator);
    expect(notResponder.status).toBe(422);

    const dispatch = await step(
      body.id,
      { action: "dispatch", responderIds: [responders["tim-1"]], note: "Segera ke lokasi" },
      operator,
    );
    expect(dispatch.status).toBe(200);
    const pushed = await responder.waitFor(
      (e) => e.type === "incident:updated" && e.data.id === body.id && e.data.status === "dispatched",
    );
    expect(pushed.data).toMatchObject({ responderIds: [responders["tim-1"]], description: body.description });

    // Only the responder it was dispatched to may take the field steps.
    expect((await step(body.id, { action: "on_scene" }, tim2)).status).toBe(403);
    expect((await step(body.id, { action: "acknowledge" }, tim1)).status).toBe(403);
    expect((await step(body.id, { action: "on_scene" }, tim1)).status).toBe(200);
    const resolved = await step(body.id, { action: "resolve", note: "Massa sudah bubar" }, tim1);
    expect(resolved.status).toBe(200);
    await posko.waitFor((e) => e.type === "incident:updated" && e.data.id === body.id && e.data.status === "resolved");

    const again = await step(body.id, { action: "resolve" }, operator);
    expect(again.status).toBe(409);
    expect((await again.json()).message).toMatch(/Selesai/);
    expect((await step(body.id, { action: "reopen", note: "Massa kembali" }, operator)).status).toBe(200);

    const detail = await (await get(`/api/v1/incidents/${body.id}`, operator)).json();
    expect(detail.timeline.map((s: { action: string }) => s.action)).toEqual([
      "create",
      "acknowledge",
      "dispatch",
      "on_scene",
      "resolve",
      "reopen",
    ]);
    expect(detail.timeline[2]).toMatchObject({
      actor: { name: expect.any(String) },
      note: "Segera ke lokasi",
      responderIds: [responders["tim-1"]],
    });
    expect(detail.timeline[4]).toMatchObject({ actor: { id: responders["tim-1"] }, note: "Massa sudah bubar" });
    expect(detail.responseTimes).toMatchObject({
      acknowledge: expect.any(Number),
      dispatch: expect.any(Number),
      arrive: expect.any(Number),
      resolve: expect.any(Number),
    });

    // The responder's own list and replay hold their incident; another responder sees none of it.
    const mine = await (await get("/api/v1/incidents", tim1)).json();
    expect(mine.incidents.map((i: { id: string }) => i.id)).toContain(body.id);
    expect((await (await get("/api/v1/incidents", tim2)).json()).incidents).toEqual([]);
    const replay = await (await get("/api/v1/events?after=0", tim1)).json();
    expect(replay.events.length).toBeGreaterThan(0);
    expect(
      replay.events.every(
        (e: LiveEvent) =>
          e.type.startsWith("incident:") &&
          (e.data as { responderIds: number[] }).responderIds.includes(responders["tim-1"]),
      ),
    ).toBe(true);
    expect(otherResponder.received).toEqual([]);
    expect((await get(`/api/v1/incidents/${body.id}`, tim2)).status).toBe(403);
  });

  it("rejects and answers unknown incidents and bad actions clearly", async () => {
    const body = incident({ severity: "low", category: "other" });
    expect((await post("/api/v1/incidents", body, officer)).status).toBe(201);
    expect((await step(body.id, { action: "reject", note: "Laporan ganda" }, operator)).status).toBe(200);
    expect((await step(randomUUID(), { action: "acknowledge" }, operator)).status).toBe(404);
    expect((await step("not-a-uuid", { action: "acknowledge" }, operator)).status).toBe(404);
    const bad = await step(body.id, { action: "explode" }, operator);
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors[0].field).toBe("action");
    expect((await step(body.id, { action: "reopen" }, officer)).status).toBe(403);
  });
});

describe("supervisor area", () => {
  it("lets a supervisor read and act only on incidents of their kecamatan, over HTTP and Socket.IO", async () => {
    const inside = await http.login("pengawas-03");
    const outside = await http.login("pengawas-04");
    const insideLive = await listen(inside);
    const outsideLive = await listen(outside);
    const body = incident({ severity: "high" });
    expect((await post("/api/v1/incidents", body, officer)).status).toBe(201);
    await insideLive.waitFor((e) => e.type === "incident:created" && e.data.id === body.id);

    expect((await get(`/api/v1/incidents/${body.id}`, outside)).status).toBe(403);
    const refused = await step(body.id, { action: "acknowledge" }, outside);
    expect(refused.status).toBe(403);
    expect((await refused.json()).message).toMatch(/wilayah/);
    const list = await (await get("/api/v1/incidents", outside)).json();
    expect(list.incidents.some((i: { id: string }) => i.id === body.id)).toBe(false);

    expect((await get(`/api/v1/incidents/${body.id}`, inside)).status).toBe(200);
    expect((await step(body.id, { action: "acknowledge" }, inside)).status).toBe(200);
    await insideLive.waitFor((e) => e.type === "incident:updated" && e.data.id === body.id);

    // Nor the TPS detail of another kecamatan.
    expect((await get(`/api/v1/tps/${tps[0]}`, outside)).status).toBe(403);
    expect((await get(`/api/v1/tps/${tps[0]}`, inside)).status).toBe(200);

    // Replaying by sequence does not leak either.
    const resumed = await resume(outsideLive.socket, 0);
    expect(resumed.ok).toBe(true);
    expect(resumed.ok && resumed.data.events.some((e) => e.type.startsWith("incident:"))).toBe(false);
    expect(outsideLive.received.some((e) => e.type.startsWith("incident:"))).toBe(false);
  });
});

describe("responder location", () => {
  it("reaches the command post live, never officers, and only responders may share it", async () => {
    const tim3 = await http.login("tim-3");
    const posko = await listen(operator);
    const officerLive = await listen(officer);
    const shared = await post("/api/v1/responders/location", { lat: -3.3, lng: 102.87, accuracy: 12 }, tim3);
    expect(shared.status).toBe(200);
    const seen = await posko.waitFor((e) => e.type === "responder:located");
    expect(seen.data).toMatchObject({ responderId: responders["tim-3"], lat: -3.3, lng: 102.87 });
    expect((await post("/api/v1/responders/location", { lat: 500, lng: 0 }, tim3)).status).toBe(422);
    expect((await post("/api/v1/responders/location", { lat: 1, lng: 1 }, officer)).status).toBe(403);
    const replay = await resume(officerLive.socket, 0);
    expect(replay.ok).toBe(true);
    expect(replay.ok && replay.data.events.some((e) => e.type === "responder:located")).toBe(false);
    expect(officerLive.received.some((e) => e.type === "responder:located")).toBe(false);
  });
});
