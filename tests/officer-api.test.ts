// The officer's actions over HTTP against the real server and PostgreSQL: check-in
// with distance, checklist, day status, photos checked by content. Every one idempotent on the client id.
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { api } from "./support/api";
import { serverPerTest } from "./support/server";
import { liveClients } from "./support/sockets";

const TPS = "1673021001-001"; // at -3.273763, 102.87495
const OTHER = "1673021001-002";
// The TPS's day status only moves forward, so each test has a server and database of its own.
const server = serverPerTest();
const http = api(server);
const live = liveClients();
let officer: string;
beforeEach(async () => {
  officer = await http.login(TPS);
});
afterEach(() => live.closeAll());

const post = (path: string, body: unknown, token = officer) => http.post(path, body, token);
const at = "2026-11-22T06:30:00+07:00";

describe("arrival check-in", () => {
  it("records the distance from the TPS, moves the day status to arrived and tells the command post", async () => {
    const { received: seen } = await live.connect(server().url, { token: await http.login("posko") });

    const id = randomUUID();
    const body = { id, tpsCode: TPS, lat: -3.2738, lng: 102.875, accuracy: 12, capturedAt: at };
    const res = await post("/api/v1/checkins", body);
    expect(res.status).toBe(201);
    const answer = await res.json();
    expect(answer).toMatchObject({ id, far: false, dayStatus: "arrived" });
    expect(answer.distanceM).toBeLessThan(20);
    // a retry gets the first answer; the same id with another body is a conflict
    const again = await post("/api/v1/checkins", body);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(answer);
    expect((await post("/api/v1/checkins", { ...body, accuracy: 50 })).status).toBe(409);
    const [row] = await server().services.sql`select day_status, last_seen_at from tps where code = ${TPS}`;
    expect(row.dayStatus).toBe("arrived");
    expect(row.lastSeenAt).not.toBeNull();
    await expect
      .poll(() => seen.map((e) => e.type))
      .toEqual(expect.arrayContaining(["tps:updated", "checkin:created"]));
    expect(seen.find((e) => e.type === "tps:updated")?.data).toMatchObject({ tpsCode: TPS, dayStatus: "arrived" });
  });

  it("accepts a check-in far from the TPS only with a note", async () => {
    const far = { id: randomUUID(), tpsCode: TPS, lat: -3.29, lng: 102.86, capturedAt: at };
    const refused = await post("/api/v1/checkins", far);
    expect(refused.status).toBe(422);
    const body = await refused.json();
    expect(body.errors).toEqual([expect.objectContaining({ field: "note", code: "far_needs_note" })]);
    expect(body.errors[0].message).toMatch(/Anda berjarak [\d.]+ m dari TPS/);
    const ok = await post("/api/v1/checkins", { ...far, note: "TPS dipindah ke balai desa" });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ far: true });
  });

  it("refuses another TPS, bad coordinates and a missing session", async () => {
    expect((await post("/api/v1/checkins", { id: randomUUID(), tpsCode: OTHER, capturedAt: at })).status).toBe(403);
    const bad = await post("/api/v1/checkins", { id: randomUUID(), tpsCode: TPS, lat: 200, lng: 5, capturedAt: at });
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors[0].field).toBe("lat");
    expect((await post("/api/v1/checkins", { id: randomUUID(), tpsCode: TPS, capturedAt: at }, "nope")).status).toBe(
      401,
    );
  });
});

describe("opening checklist and day status", () => {
  it("stores the answers and counts what is in order", async () => {
    const res = await post("/api/v1/checklists", {
      id: randomUUID(),
      tpsCode: TPS,
      capturedAt: at,
      answers: [
        { item: "ballot_box", ok: true },
        { item: "dpt_posted", ok: false, note: "DPT belum ditempel" },
      ],
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ ok: 1, total: 6 }); // the default opening checklist has 6 items
    const rows = await server().services
      .sql`select item_code, ok, note from checklist_answers where tps_code = ${TPS} order by item_code`;
    expect(rows).toEqual([
      { itemCode: "ballot_box", ok: true, note: null },
      { itemCode: "dpt_posted", ok: false, note: "DPT belum ditempel" },
    ]);
  });

  it("refuses an unknown checklist item with its field", async () => {
    const res = await post("/api/v1/checklists", {
      id: randomUUID(),
      tpsCode: TPS,
      capturedAt: at,
      answers: [{ item: "no_such_item", ok: true }],
    });
    expect(res.status).toBe(422);
    expect((await res.json()).errors[0]).toMatchObject({ field: "answers.0.item", code: "unknown_item" });
  });

  it("moves the day status forward only", async () => {
    const open = await post("/api/v1/tps-status", { id: randomUUID(), tpsCode: TPS, status: "open", capturedAt: at });
    expect(open.status).toBe(201);
    expect(
      (await post("/api/v1/tps-status", { id: randomUUID(), tpsCode: TPS, status: "counting", capturedAt: at })).status,
    ).toBe(201);
    const back = await post("/api/v1/tps-status", { id: randomUUID(), tpsCode: TPS, status: "open", capturedAt: at });
    expect(back.status).toBe(409);
    expect((await back.json()).message).toMatch(/hanya bisa maju/);
    const bad = await post("/api/v1/tps-status", {
      id: randomUUID(),
      tpsCode: TPS,
      status: "reported",
      capturedAt: at,
    });
    expect(bad.status).toBe(422);
    const [row] = await server().services.sql`select day_status from tps where code = ${TPS}`;
    expect(row.dayStatus).toBe("counting");
  });
});

describe("photos", () => {
  // A 1x1 PNG and a minimal JPEG header: the server looks at the bytes, not at names or declared types.
  const PNG = Buffer.from(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
    "hex",
  );
  const upload = (
    fields: Record<string, string>,
    file: { bytes: Buffer; name: string; type: string } | null,
    token = officer,
  ) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    if (file) form.set("photo", new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
    return http.multipart("/api/v1/photos", form, token);
  };

  it("stores a C1 photo linked to its quick count, idempotently, and serves it back", async () => {
    const id = randomUUID();
    const quickCountId = randomUUID();
    const fields = { id, purpose: "c1", tpsCode: TPS, contest: "walikota", quickCountId };
    const res = await upload(fields, { bytes: PNG, name: "c1.jpg", type: "image/jpeg" });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ photoId: id });
    expect((await upload(fields, { bytes: PNG, name: "c1.jpg", type: "image/jpeg" })).status).toBe(200);
    const [row] = await server().services.sql`select mime, quick_count_id, size_bytes from photos where id = ${id}`;
    expect(row).toEqual({ mime: "image/png", quickCountId, sizeBytes: PNG.length });
    const back = await http.get(`/api/v1/photos/${id}`, officer);
    expect(back.status).toBe(200);
    expect(back.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await back.arrayBuffer()).equals(PNG)).toBe(true);
    const stranger = await http.login(OTHER);
    expect((await http.get(`/api/v1/photos/${id}`, stranger)).status).toBe(403);
  });

  it("refuses what is not an image, what is too large, a missing file and another TPS", async () => {
    const text = await upload(
      { id: randomUUID(), purpose: "c1", tpsCode: TPS },
      { bytes: Buffer.from("hello, not a photo"), name: "x.jpg", type: "image/jpeg" },
    );
    expect(text.status).toBe(415);
    expect((await text.json()).message).toMatch(/bukan foto JPEG, PNG, atau WebP/);
    const huge = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]);
    expect(
      (
        await upload(
          { id: randomUUID(), purpose: "c1", tpsCode: TPS },
          { bytes: huge, name: "big.png", type: "image/png" },
        )
      ).status,
    ).toBe(413);
    const none = await upload({ id: randomUUID(), purpose: "c1", tpsCode: TPS }, null);
    expect(none.status).toBe(422);
    expect((await none.json()).errors[0].field).toBe("photo");
    expect(
      (
        await upload(
          { id: randomUUID(), purpose: "c1", tpsCode: OTHER },
          { bytes: PNG, name: "a.png", type: "image/png" },
        )
      ).status,
    ).toBe(403);
    const json = await post("/api/v1/photos", { id: randomUUID() });
    expect(json.status).toBe(415);
  });
});
