// A shared phone against the real server: a report sent for another account than the session's is refused
// with 409 other_account on a real route (and nothing is stored); what a phone holds unsent per TPS is
// stored, shown on the command post's TPS panel, cleared, and refused without a session or when too big.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNT_HEADER } from "../app/lib/outbox";
import { MAX_HELD_TPS } from "../app/lib/schemas/officer";
import { api } from "./support/api";
import { startTestServer, type TestServer } from "./support/server";

const TPS = "1673021003-001";
const OTHER_TPS = "1673021003-002";
let server: TestServer;
const http = api(() => server);
let officer: string;
let officerId: number;
let otherId: number;
let posko: string;
beforeAll(async () => {
  server = await startTestServer();
  officer = await http.login(TPS);
  posko = await http.login("posko");
  officerId = (await (await http.get("/api/v1/session", officer)).json()).user.id;
  const other = await http.login(OTHER_TPS);
  otherId = (await (await http.get("/api/v1/session", other)).json()).user.id;
});
afterAll(() => server?.stop());

const checkin = () => ({ id: randomUUID(), tpsCode: TPS, capturedAt: "2026-11-22T06:30:00+07:00" });

describe("a report for another account", () => {
  it("is refused 409 other_account under this session, in both languages, and nothing is stored", async () => {
    const body = checkin();
    const res = await http.post("/api/v1/checkins", body, officer, { [ACCOUNT_HEADER]: String(otherId) });
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      code: "other_account",
      message:
        "Laporan ini dibuat oleh akun lain di ponsel ini; laporan disimpan dan dikirim saat akun itu masuk lagi.",
    });
    const en = await http.post("/api/v1/checkins", body, officer, {
      [ACCOUNT_HEADER]: String(otherId),
      "Accept-Language": "en",
    });
    expect((await en.json()).message).toMatch(/made by another account on this phone/);
    const [{ n }] = await server.services.sql`select count(*)::int as n from checkins where id = ${body.id}`;
    expect(n).toBe(0);
  });

  it("goes through when the header names the session's own account, or when there is none", async () => {
    const own = await http.post("/api/v1/checkins", checkin(), officer, { [ACCOUNT_HEADER]: String(officerId) });
    expect(own.status).toBe(201);
    expect((await http.post("/api/v1/checkins", checkin(), officer)).status).toBe(201);
  });

  it("is 401, not 409, without a session: the phone keeps it for the next login", async () => {
    const res = await http.post("/api/v1/checkins", checkin(), undefined, { [ACCOUNT_HEADER]: String(otherId) });
    expect(res.status).toBe(401);
  });
});

describe("what a phone holds unsent", () => {
  const detail = async (code: string) => (await (await http.get(`/api/v1/tps/${code}`, posko)).json()).held;

  it("is stored per TPS, shown to the command post, and cleared when the phone holds nothing", async () => {
    const device = randomUUID();
    const held = [
      { tpsCode: TPS, count: 2, oldestAt: "2026-11-22T10:32:00+07:00" },
      { tpsCode: OTHER_TPS, count: 1, oldestAt: "2026-11-22T11:00:00+07:00" },
    ];
    // Any officer on the phone reports everything it holds, another officer's TPS included.
    const res = await http.post("/api/v1/outbox-held", { device, held }, officer);
    expect(res.status).toBe(200);
    expect(await detail(TPS)).toEqual({ phones: 1, items: 2, oldestAt: "2026-11-22T03:32:00.000Z" });
    expect(await detail(OTHER_TPS)).toMatchObject({ phones: 1, items: 1 });
    // A second phone adds up; the oldest of both is shown.
    await http.post(
      "/api/v1/outbox-held",
      { device: randomUUID(), held: [{ tpsCode: TPS, count: 1, oldestAt: "2026-11-22T09:00:00+07:00" }] },
      officer,
    );
    expect(await detail(TPS)).toEqual({ phones: 2, items: 3, oldestAt: "2026-11-22T02:00:00.000Z" });
    // The first phone sent one TPS's items: its other row is gone, its report replaced.
    await http.post("/api/v1/outbox-held", { device, held: [held[0]] }, officer);
    expect(await detail(OTHER_TPS)).toBeNull();
    await http.post("/api/v1/outbox-held", { device, held: [] }, officer);
    expect(await detail(TPS)).toMatchObject({ phones: 1, items: 1 });
  });

  it("is refused without a session, from a role that has no officer app, and when unknown or too big", async () => {
    const device = randomUUID();
    const one = [{ tpsCode: TPS, count: 1, oldestAt: "2026-11-22T10:00:00+07:00" }];
    expect((await http.post("/api/v1/outbox-held", { device, held: one })).status).toBe(401);
    expect((await http.post("/api/v1/outbox-held", { device, held: one }, posko)).status).toBe(403);
    const unknown = await http.post(
      "/api/v1/outbox-held",
      { device, held: [{ ...one[0], tpsCode: "1673999999-001" }] },
      officer,
    );
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).errors).toEqual([expect.objectContaining({ field: "held.0.tpsCode" })]);
    const many = Array.from({ length: MAX_HELD_TPS + 1 }, () => one[0]);
    expect((await http.post("/api/v1/outbox-held", { device, held: many }, officer)).status).toBe(422);
    const huge = await http.post("/api/v1/outbox-held", { device, held: one, pad: "x".repeat(20_000) }, officer);
    expect(huge.status).toBe(413);
    expect((await http.post("/api/v1/outbox-held", { device: "not-a-uuid", held: one }, officer)).status).toBe(422);
    const [{ n }] = await server.services.sql`select count(*)::int as n from outbox_held where device_id = ${device}`;
    expect(n).toBe(0);
  });
});
