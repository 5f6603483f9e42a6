// Broadcasts from the posko to officers against the real server: targets resolved per area and for silent
// officers, live delivery to exactly the TPS named (real Socket.IO clients), the list on the next open,
// read receipts counted live for the posko, idempotency on the client's id, and the supervisor's area.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { LiveEvent } from "../app/lib/events";
import { api } from "./support/api";
import { startTestServer, type TestServer } from "./support/server";
import { liveClients, resume } from "./support/sockets";

let server: TestServer;
const http = api(() => server);
const clients = liveClients();
beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => clients.closeAll());
afterAll(() => server.stop());

const KEC = "16.73.04";
const KEL = "16.73.04.1001";
const TPS = "1673041001-001";
const OTHER = "1673041002-001";
/** A TPS of KEL only the reading test's broadcasts are read at. */
const READER = "1673041001-002";
const ELSEWHERE = "1673011001-001";

async function broadcast(token: string, body: Record<string, unknown>) {
  const res = await http.post("/api/v1/broadcasts", { id: randomUUID(), body: "Pesan uji", ...body }, token);
  return { status: res.status, body: await res.json() };
}
const tpsIn = async (area: string) =>
  (
    await server.services.sql`select count(*)::int as n from tps where kelurahan_code = ${area}
      or kelurahan_code like ${area + ".%"}`
  )[0].n as number;

describe("broadcasts", () => {
  it("reach every TPS of a kecamatan live, and no one outside it", async () => {
    const posko = await http.login("posko");
    const [inside, outside, room] = await Promise.all([
      clients.connect(server.url, { token: await http.login(TPS) }),
      clients.connect(server.url, { token: await http.login(ELSEWHERE) }),
      clients.connect(server.url, { token: posko }),
    ]);
    const [{ seq: before }] = await server.services.sql`select seq from event_head`;
    const sent = await broadcast(posko, { target: "area", area: KEC, body: "Rapat koordinasi pukul 10.00" });
    expect(sent.status).toBe(201);
    expect(sent.body.recipients).toBe(await tpsIn(KEC));
    const live = (await inside.waitFor((e) => e.type === "broadcast:sent")) as Extract<
      LiveEvent,
      { type: "broadcast:sent" }
    >;
    expect(live.data).toMatchObject({ body: "Rapat koordinasi pukul 10.00", target: "area", area: KEC });
    expect(live.data.tpsCodes).toContain(TPS);
    // A phone that reconnects catches up on it by sequence.
    const replay = await resume(inside.socket, before);
    expect(replay.ok && replay.data.events.map((e) => e.type)).toEqual(["broadcast:sent"]);
    await room.waitFor((e) => e.type === "broadcast:counted" && e.data.id === sent.body.id);
    await new Promise((r) => setTimeout(r, 300));
    expect(outside.received.filter((e) => e.type.startsWith("broadcast:"))).toEqual([]);
  });

  it("is listed for the officer on the next open, unread first, and counts delivered and read", async () => {
    const posko = await http.login("posko");
    const first = await broadcast(posko, { target: "area", area: KEL, body: "Pertama" });
    const second = await broadcast(posko, { target: "area", area: KEL, body: "Kedua" });
    const officer = await http.login(READER);
    const room = await clients.connect(server.url, { token: posko });

    // Read the first one: it moves below the unread one.
    const read = await http.post(
      `/api/v1/broadcasts/${first.body.id}/read`,
      { id: randomUUID(), tpsCode: READER },
      officer,
    );
    expect(read.status).toBe(200);
    const counted = await room.waitFor(
      (e) => e.type === "broadcast:counted" && e.data.id === first.body.id && e.data.read === 1,
    );
    expect(counted.data).toMatchObject({ read: 1, delivered: 1, recipients: await tpsIn(KEL) });
    const list = (await (await http.get("/api/v1/broadcasts", officer)).json()).broadcasts.filter(
      (b: { id: string }) => b.id === first.body.id || b.id === second.body.id,
    );
    expect(list.map((b: { body: string; readAt: string | null }) => [b.body, b.readAt !== null])).toEqual([
      ["Kedua", false],
      ["Pertama", true],
    ]);
    // The retry of a receipt changes nothing; another TPS's officer cannot mark it.
    const again = await http.post(
      `/api/v1/broadcasts/${first.body.id}/read`,
      { id: randomUUID(), tpsCode: READER },
      officer,
    );
    expect((await again.json()).readAt).toBe((await read.json()).readAt);
    const stranger = await http.login(ELSEWHERE);
    const refused = await http.post(
      `/api/v1/broadcasts/${first.body.id}/read`,
      { id: randomUUID(), tpsCode: ELSEWHERE },
      stranger,
    );
    expect(refused.status).toBe(404);
    const otherTps = await http.post(
      `/api/v1/broadcasts/${first.body.id}/read`,
      { id: randomUUID(), tpsCode: TPS },
      stranger,
    );
    expect(otherTps.status).toBe(403);

    const rows = (await (await http.get("/api/v1/broadcasts", posko)).json()).broadcasts;
    const row = (id: string) => rows.find((r: { id: string }) => r.id === id);
    expect(row(first.body.id)).toMatchObject({ delivered: 1, read: 1, sms: 0 });
    expect(row(second.body.id)).toMatchObject({ delivered: 1, read: 0 });
  });

  it("goes to the silent officers only: no check-in, or nothing for the minutes chosen", async () => {
    const posko = await http.login("posko");
    await server.services.sql`update tps set day_status = 'open', last_seen_at = now() where code = ${TPS}`;
    await server.services.sql`update tps set day_status = 'open', last_seen_at = now() - interval '2 hours'
      where code = ${OTHER}`;
    const sent = await broadcast(posko, { target: "silent", area: KEC, silentMinutes: 30 });
    expect(sent.status).toBe(201);
    const codes = (
      await server.services.sql`select tps_code from broadcast_recipients where broadcast_id = ${sent.body.id}`
    ).map((r) => r.tpsCode);
    expect(codes).not.toContain(TPS);
    expect(codes).toContain(OTHER);
    expect(codes.length).toBe((await tpsIn(KEC)) - 1);
    const longer = await broadcast(posko, { target: "silent", area: KEC, silentMinutes: 180 });
    expect(longer.body.recipients).toBe((await tpsIn(KEC)) - 2);
  });

  it("keeps a supervisor to their own area, and is idempotent on its id", async () => {
    const supervisor = await http.login("pengawas-04");
    const own = await broadcast(supervisor, { target: "all" });
    expect(own.body.recipients).toBe(await tpsIn(KEC));
    expect((await broadcast(supervisor, { target: "area", area: "16.73.01" })).status).toBe(403);
    const id = randomUUID();
    expect((await broadcast(supervisor, { id, target: "area", area: KEL })).status).toBe(201);
    expect((await broadcast(supervisor, { id, target: "area", area: KEL })).status).toBe(200);
    expect((await broadcast(supervisor, { id, target: "area", area: KEL, body: "Lain" })).status).toBe(409);
    // Their list holds their area's broadcasts only; an officer and a responder may not send.
    const rows = (await (await http.get("/api/v1/broadcasts", await http.login("pengawas-01"))).json()).broadcasts;
    expect(rows.every((r: { area: string }) => r.area.startsWith("16.73.01"))).toBe(true);
    expect((await broadcast(await http.login(TPS), { target: "all" })).status).toBe(403);
    expect((await broadcast(await http.login("tim-1"), { target: "all" })).status).toBe(403);
  });

  it("refuses what a client cannot send: bad target, empty or long text, unknown area", async () => {
    const posko = await http.login("posko");
    expect((await broadcast(posko, { target: "everyone" })).status).toBe(422);
    expect((await broadcast(posko, { target: "all", body: "   " })).status).toBe(422);
    expect((await broadcast(posko, { target: "all", body: "x".repeat(460) })).status).toBe(422);
    expect((await broadcast(posko, { target: "all", body: "a\u0000b" })).status).toBe(422);
    expect((await broadcast(posko, { target: "area" })).status).toBe(422);
    expect((await broadcast(posko, { target: "area", area: "16.73.99" })).status).toBe(422);
    const bad = await http.post(
      "/api/v1/broadcasts/not-a-uuid/read",
      { id: randomUUID(), tpsCode: TPS },
      await http.login(TPS),
    );
    expect(bad.status).toBe(404);
  });

  it("shows the posko page with the counts, and only to staff who may send", async () => {
    const posko = await http.login("posko");
    await broadcast(posko, { target: "area", area: KEL, body: "Cek logistik kotak suara" });
    const page = await http.get("/posko/siaran", posko);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Cek logistik kotak suara");
    expect(html).toMatch(/dibaca <!-- -->0|dibaca 0/);
    expect((await http.page("/posko/siaran", await http.login(TPS))).status).toBe(403);
  });
});
