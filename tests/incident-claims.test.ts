// Claims ("ditangani oleh"), the note a refusal needs, and the timeline in the export, over the HTTP API and
// Socket.IO against the real server and database.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { api } from "./support/api";
import { startTestServer, type TestServer } from "./support/server";
import { liveClients } from "./support/sockets";

let server: TestServer;
const http = api(() => server);
const live = liveClients();
let officer: string;
let posko: string;
let posko2: string;
let tps: string;
let ids: Record<string, number>;

beforeAll(async () => {
  server = await startTestServer();
  [{ code: tps }] = await server.services.sql<{ code: string }[]>`
    select code from tps where kelurahan_code = '16.73.01.1003' order by code limit 1`;
  officer = await http.login(tps);
  posko = await http.login("posko");
  posko2 = await http.login("posko2");
  ids = Object.fromEntries(
    (await server.services.sql`select login, id from users where login in ('posko', 'posko2', 'tim-2')`).map((r) => [
      r.login,
      Number(r.id),
    ]),
  );
});
afterEach(() => live.closeAll());
afterAll(() => server?.stop());

async function report() {
  const id = randomUUID();
  const res = await http.post(
    "/api/v1/incidents",
    {
      id,
      category: "violence",
      severity: "critical",
      description: "Keributan di depan TPS.",
      occurredAt: "2026-11-22T09:15:00+07:00",
    },
    officer,
  );
  expect(res.status).toBe(201);
  return id;
}
const claim = (id: string, body: unknown, token: string) => http.post(`/api/v1/incidents/${id}/claim`, body, token);
const step = (id: string, body: unknown, token: string) =>
  http.post(`/api/v1/incidents/${id}/transitions`, body, token);

describe("a note is required to reject", () => {
  it("answers 422 naming the note, writes nothing, and accepts the refusal with a reason", async () => {
    const id = await report();
    for (const body of [{ action: "reject" }, { action: "reject", note: "   " }]) {
      const res = await step(id, body, posko);
      expect(res.status).toBe(422);
      const answer = await res.json();
      expect(answer.errors[0]).toMatchObject({ field: "note", code: "required" });
      expect(answer.message).toMatch(/catatan/i);
    }
    const [row] = await server.services.sql`select status from incidents where id = ${id}`;
    expect(row.status).toBe("new");
    expect((await step(id, { action: "reject", note: "Laporan ganda" }, posko)).status).toBe(200);
    // Other steps keep the note optional.
    const other = await report();
    expect((await step(other, { action: "acknowledge" }, posko)).status).toBe(200);
  });
});

describe("claims", () => {
  it("claim, refusal to a second claimant, takeover shown in the timeline, release: live and on replay", async () => {
    const watcher = await live.connect(server.url, { token: posko2 });
    const id = await report();

    const first = await claim(id, { action: "claim" }, posko);
    expect(first.status).toBe(200);
    expect((await first.json()).incident.claimedBy).toEqual({ id: ids.posko, name: expect.any(String) });
    const seen = await watcher.waitFor((e) => e.type === "incident:claimed" && e.data.id === id);
    expect(seen.type === "incident:claimed" && seen.data.claimedBy?.id).toBe(ids.posko);
    // Claiming one's own claim again changes nothing (no second step).
    expect((await claim(id, { action: "claim" }, posko)).status).toBe(200);

    const refused = await claim(id, { action: "claim" }, posko2);
    expect(refused.status).toBe(409);
    expect((await refused.json()).code).toBe("claimed_by_other");
    expect((await claim(id, { action: "release" }, posko2)).status).toBe(409);

    const taken = await claim(id, { action: "take_over", note: "Saya lanjutkan" }, posko2);
    expect(taken.status).toBe(200);
    expect((await taken.json()).incident.claimedBy.id).toBe(ids.posko2);

    const released = await claim(id, { action: "release" }, posko2);
    expect((await released.json()).incident.claimedBy).toBeNull();

    const detail = await (await http.get(`/api/v1/incidents/${id}`, posko)).json();
    expect(detail.timeline.map((s: { action: string }) => s.action)).toEqual([
      "create",
      "claim",
      "take_over",
      "release",
    ]);
    expect(detail.timeline[2]).toMatchObject({
      actor: { id: ids.posko2 },
      claimedFrom: { id: ids.posko },
      note: "Saya lanjutkan",
    });

    // A dashboard that reconnects catches up on the claims by sequence.
    const replay = await (await http.get("/api/v1/events?after=0", posko)).json();
    const claims = replay.events.filter(
      (e: { type: string; data: { id: string } }) => e.type === "incident:claimed" && e.data.id === id,
    );
    expect(claims.map((e: { data: { step: { action: string } } }) => e.data.step.action)).toEqual([
      "claim",
      "take_over",
      "release",
    ]);
  });

  it("is for command-post staff only, on open incidents", async () => {
    const id = await report();
    const tim2 = await http.login("tim-2");
    expect((await claim(id, { action: "claim" }, officer)).status).toBe(403);
    expect((await claim(id, { action: "claim" }, tim2)).status).toBe(403);
    expect((await claim(id, { action: "seize" }, posko)).status).toBe(422);
    expect((await claim(randomUUID(), { action: "claim" }, posko)).status).toBe(404);
    expect((await step(id, { action: "resolve", note: "Selesai" }, posko)).status).toBe(200);
    expect((await claim(id, { action: "claim" }, posko)).status).toBe(409);
  });
});

describe("incidents export", () => {
  it("has who handles each incident and its whole timeline with the notes", async () => {
    const id = await report();
    expect((await claim(id, { action: "claim" }, posko)).status).toBe(200);
    expect(
      (await step(id, { action: "dispatch", responderIds: [ids["tim-2"]], note: "Bawa dua personel" }, posko)).status,
    ).toBe(200);
    const csv = await (await http.get("/api/v1/exports/incidents.csv", posko)).text();
    const header = csv.split(/\r?\n/)[0];
    // Whatever separator the export writer uses (comma, or semicolon for a spreadsheet set to Indonesian).
    expect(header).toMatch(/[,;]handled_by[,;]timeline$/);
    const line = csv.split(/\r?\n/).find((l) => l.startsWith(id))!;
    expect(line).toMatch(/[,;]posko[,;]/);
    expect(line).toMatch(/create \d{10}-\d{3} \| \S+ claim posko \| \S+ dispatch posko -> tim-2: Bawa dua personel/);
  });
});
