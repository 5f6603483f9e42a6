// Uploads are checked by content and pixel size, and taken only where their author may report: a C.Hasil
// photo from who may submit that TPS's result, an incident's photo from that incident's people; an incident
// names only its reporter's own photos. The same pixel bound holds for a citizen's report.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_PHOTO_MEGAPIXELS, MAX_PHOTO_SIDE, imageSize } from "../app/lib/photos";
import { formatNumber } from "../app/lib/format";
import { api, C1_PHOTO } from "./support/api";
import { startTestServer, submitAsOfficer, type TestServer } from "./support/server";

let server: TestServer;
const http = api(() => server);

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

// Kecamatan 16.73.04 (pengawas-04); another kecamatan's TPS for "elsewhere".
const TPS = "1673041003-001";
const NEIGHBOUR = "1673041003-002";
const FAR = "1673061002-001";

const u32be = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const u16be = (n: number) => [(n >> 8) & 255, n & 255];
const u24le = (n: number) => [n & 255, (n >> 8) & 255, (n >> 16) & 255];

/** Image headers claiming a size, each a few dozen bytes: what a decompression bomb looks like at the door. */
const images = {
  png: (w: number, h: number) =>
    Buffer.from([
      ...[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52],
      ...u32be(w),
      ...u32be(h),
      ...[8, 6, 0, 0, 0, 0, 0, 0, 0],
    ]),
  jpeg: (w: number, h: number) =>
    Buffer.from([
      ...[0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0], // SOI, APP0
      ...[0xff, 0xc0, 0, 17, 8, ...u16be(h), ...u16be(w), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1], // SOF0
      ...[0xff, 0xd9],
    ]),
  webp: (w: number, h: number) =>
    Buffer.from([
      ...Buffer.from("RIFF"),
      ...[22, 0, 0, 0],
      ...Buffer.from("WEBPVP8X"),
      ...[10, 0, 0, 0, 0, 0, 0, 0],
      ...u24le(w - 1),
      ...u24le(h - 1),
    ]),
};

function photoForm(fields: Record<string, string>, bytes: Buffer = C1_PHOTO) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set("photo", new Blob([new Uint8Array(bytes)], { type: "image/png" }), "photo.png");
  return form;
}
const upload = async (token: string, fields: Record<string, string>, bytes?: Buffer) =>
  http.multipart("/api/v1/photos", photoForm({ id: randomUUID(), ...fields }, bytes), token);

describe("a photo's pixels", () => {
  it("are read from the header of every accepted type", () => {
    for (const [type, make] of Object.entries(images))
      expect({ type, size: imageSize(make(1234, 567)) }).toEqual({ type, size: { width: 1234, height: 567 } });
    expect(imageSize(C1_PHOTO)).toEqual({ width: 1, height: 1 });
    expect(imageSize(readFileSync("public/icons/icon-192.png"))).toEqual({ width: 192, height: 192 });
  });

  it("are refused above the bound, by type, on the photo API and the citizen's report", async () => {
    const officer = await http.login(TPS);
    const tooBig = [
      [20_000, 20_000],
      [MAX_PHOTO_SIDE + 1, 10],
      [8_000, Math.ceil((MAX_PHOTO_MEGAPIXELS * 1_000_000) / 8_000) + 1],
    ];
    for (const [type, make] of Object.entries(images)) {
      for (const [w, h] of tooBig) {
        const res = await upload(officer, { purpose: "c1", tpsCode: TPS }, make(w, h));
        const body = await res.json();
        expect({ type, w, h, status: res.status, code: body.errors?.[0]?.code }).toEqual({
          type,
          w,
          h,
          status: 422,
          code: "too_many_pixels",
        });
        expect(body.message).toContain(formatNumber(w, "id"));
      }
      expect({
        type,
        status: (await upload(officer, { purpose: "c1", tpsCode: TPS }, make(1600, 1200))).status,
      }).toEqual({ type, status: 201 });
    }
    // A header whose size cannot be read is refused too (a PNG cut before its IHDR).
    const cut = await upload(officer, { purpose: "c1", tpsCode: TPS }, C1_PHOTO.subarray(0, 12));
    expect(cut.status).toBe(422);
    expect((await cut.json()).errors[0]).toMatchObject({ field: "photo", code: "unreadable" });

    const report = new FormData();
    const fields = { category: "other", place: "Pasar", description: "Foto kerumunan di depan pasar." };
    for (const [k, v] of Object.entries(fields)) report.set(k, v);
    report.set("photo", new Blob([new Uint8Array(images.png(20_000, 20_000))], { type: "image/png" }), "x.png");
    const refused = await http.multipart("/api/v1/public/reports", report);
    expect(refused.status).toBe(422);
    expect((await refused.json()).errors[0]).toMatchObject({ field: "photo", code: "too_many_pixels" });
  });
});

describe("a C.Hasil photo", () => {
  it("is taken only from who may submit that TPS's result", async () => {
    const cases: [string, string, number][] = [
      [TPS, TPS, 201],
      [TPS, NEIGHBOUR, 403],
      ["pengawas-04", NEIGHBOUR, 201],
      ["pengawas-04", FAR, 403],
      ["posko", FAR, 201],
      ["tim-1", TPS, 403],
      ["tim-1", FAR, 403],
    ];
    for (const [login, tpsCode, expected] of cases) {
      const res = await upload(await http.login(login), { purpose: "c1", tpsCode, contest: "walikota" });
      expect({ login, tpsCode, status: res.status }).toEqual({ login, tpsCode, status: expected });
    }
    const noTps = await upload(await http.login("posko"), { purpose: "c1" });
    expect(noTps.status).toBe(422);
    expect((await noTps.json()).errors[0]).toMatchObject({ field: "tpsCode", code: "required" });
  });

  it("goes beside a submission of its own TPS and contest only", async () => {
    expect(await submitAsOfficer(server, NEIGHBOUR, "walikota")).toBe(201);
    const [submission] = await server.services
      .sql`select id from submissions where tps_code = ${NEIGHBOUR} order by received_at desc limit 1`;
    const supervisor = await http.login("pengawas-04");
    const elsewhere = await upload(supervisor, { purpose: "c1", tpsCode: TPS, quickCountId: submission.id });
    expect(elsewhere.status).toBe(422);
    expect((await elsewhere.json()).errors[0]).toMatchObject({ field: "quickCountId", code: "other_submission" });
    const otherContest = { purpose: "c1", tpsCode: NEIGHBOUR, contest: "gubernur", quickCountId: submission.id };
    expect((await upload(supervisor, otherContest)).status).toBe(422);
    const own = { purpose: "c1", tpsCode: NEIGHBOUR, contest: "walikota", quickCountId: submission.id };
    expect((await upload(supervisor, own)).status).toBe(201);
  });
});

describe("an incident's photo", () => {
  async function fileIncident(token: string, tpsCode: string, photoIds: string[] = []) {
    const id = randomUUID();
    const body = {
      id,
      tpsCode,
      category: "logistics",
      severity: "low",
      description: "Segel kotak suara rusak.",
      occurredAt: new Date().toISOString(),
      photoIds,
    };
    return { id, res: await http.post("/api/v1/incidents", body, token) };
  }

  it("is taken only from that incident's people and names its TPS", async () => {
    const officer = await http.login(TPS);
    const neighbour = await http.login(NEIGHBOUR);
    const responder = await http.login("tim-2");
    const { id, res } = await fileIncident(officer, TPS);
    expect(res.status).toBe(201);

    const attach = (token: string, tpsCode?: string) =>
      upload(token, { purpose: "incident", incidentId: id, ...(tpsCode ? { tpsCode } : {}) });
    expect((await attach(officer, TPS)).status).toBe(201);
    expect((await attach(neighbour, NEIGHBOUR)).status).toBe(403);
    expect((await attach(neighbour)).status).toBe(403);
    expect((await attach(responder)).status).toBe(403);
    expect((await attach(await http.login("pengawas-06"))).status).toBe(403);
    const wrongPlace = await attach(await http.login("posko"), FAR);
    expect(wrongPlace.status).toBe(422);
    expect((await wrongPlace.json()).errors[0]).toMatchObject({ field: "tpsCode", code: "other_incident" });

    // Once dispatched, the responder may add photos from the scene.
    const tim2 = await server.services.sql`select id from users where login = 'tim-2'`;
    const dispatch = { action: "dispatch", responderIds: [tim2[0].id] };
    expect((await http.post(`/api/v1/incidents/${id}/transitions`, dispatch, await http.login("posko"))).status).toBe(
      200,
    );
    expect((await attach(responder)).status).toBe(201);
  });

  it("is named by an incident only when it is its reporter's own, for that incident and TPS", async () => {
    const officer = await http.login(TPS);
    const neighbour = await http.login(NEIGHBOUR);
    // The phone uploads a photo before the incident it belongs to (the outbox sends them in any order).
    const early = randomUUID();
    const incidentId = randomUUID();
    const pre = photoForm({ id: early, purpose: "incident", tpsCode: TPS, incidentId });
    expect((await http.multipart("/api/v1/photos", pre, officer)).status).toBe(201);

    // Someone else's photo, or one of another incident, is refused with the field named; nothing is written.
    const { res: stolen } = await fileIncident(neighbour, NEIGHBOUR, [early]);
    expect(stolen.status).toBe(422);
    expect((await stolen.json()).errors[0]).toMatchObject({ field: "photoIds", code: "not_yours" });
    const { res: other } = await fileIncident(officer, TPS, [early]);
    expect(other.status).toBe(422);

    const body = {
      id: incidentId,
      tpsCode: TPS,
      category: "logistics",
      severity: "low",
      description: "Segel kotak suara rusak.",
      occurredAt: new Date().toISOString(),
      photoIds: [early, randomUUID()], // the second arrives later
    };
    expect((await http.post("/api/v1/incidents", body, officer)).status).toBe(201);
  });
});
