// The outbox logic (app/lib/outbox.ts) against the real server: the same code the phone and the service
// worker run, with a Map as the store instead of IndexedDB (which Node has not). Time is injected.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backoffMs, classify, flush, newItem, nextDueIn, type OutboxItem, type OutboxStore } from "../app/lib/outbox";
import { loginToken } from "./support/api";
import { startTestServer, type TestServer } from "./support/server";

const TPS = "1673021002-001";
let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startTestServer();
  token = await loginToken(server, TPS);
});
afterAll(() => server?.stop());

function memoryStore(): OutboxStore & { items: Map<string, OutboxItem> } {
  const items = new Map<string, OutboxItem>();
  const copy = <T>(v: T): T => (v === undefined ? v : structuredClone(v));
  return {
    items,
    all: async () => [...items.values()].map(copy),
    get: async (id) => copy(items.get(id)),
    put: async (item) => {
      items.set(item.id, copy(item));
    },
    delete: async (id) => {
      items.delete(id);
    },
  };
}

/** The phone's fetch, with the officer's session as a bearer token (the browser sends its cookie). */
const asOfficer =
  (t = token) =>
  (url: string, init: RequestInit) =>
    fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), Authorization: `Bearer ${t}` } });

function quickCount(now: number, over: Record<string, unknown> = {}) {
  const id = randomUUID();
  return newItem(
    {
      id,
      kind: "quick-count",
      url: "/api/v1/quick-counts",
      tps: TPS,
      account: 1,
      label: "walikota",
      body: {
        id,
        tpsCode: TPS,
        contest: "walikota",
        votes: { 1: "100", 2: "80", 3: "40" },
        invalid: "6",
        capturedAt: "2026-11-22T13:00:00+07:00",
        ...over,
      },
    },
    now,
  );
}

describe("outbox rules", () => {
  it("reads HTTP answers: 2xx sent, 4xx needs the officer, 401 waits for a login, the rest retries", () => {
    expect([200, 201, 400, 403, 409, 413, 422, 401, 408, 429, 500, 503].map(classify)).toEqual([
      "sent",
      "sent",
      "rejected",
      "rejected",
      "rejected",
      "rejected",
      "rejected",
      "login",
      "retry",
      "retry",
      "retry",
      "retry",
    ]);
  });

  it("backs off exponentially up to five minutes", () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 10, 30].map((n) => backoffMs(n, mid))).toEqual([2000, 4000, 8000, 16000, 300000, 300000]);
    expect(backoffMs(1, () => 0)).toBe(1600);
    expect(backoffMs(1, () => 1)).toBe(2400);
  });
});

describe("flush against the server", () => {
  it("sends in order: a photo, then the quick count; a second flush sends nothing twice", async () => {
    const store = memoryStore();
    let now = 1_000_000;
    const qc = quickCount(now);
    const photoId = randomUUID();
    const png = new Blob([new Uint8Array(Buffer.from("89504e470d0a1a0a0000000d4948445200000001", "hex"))], {
      type: "image/png",
    });
    await store.put(
      newItem(
        {
          id: photoId,
          kind: "photo",
          url: "/api/v1/photos",
          tps: TPS,
          account: 1,
          label: "C1",
          form: {
            fields: { id: photoId, purpose: "c1", tpsCode: TPS, contest: "walikota", quickCountId: qc.id },
            file: png,
            fileName: "c1.png",
          },
        },
        now - 1,
      ),
    );
    await store.put(qc);
    const result = await flush(store, { fetcher: asOfficer(), base: server.url, now: () => now });
    expect(result).toEqual({ sent: 2, rejected: 0, waiting: 0, offline: false });
    expect(store.items.get(qc.id)).toMatchObject({
      state: "sent",
      response: { id: qc.id, status: "submitted", revision: 1 },
    });
    now += 1000;
    expect(await flush(store, { fetcher: asOfficer(), base: server.url, now: () => now })).toMatchObject({ sent: 0 });
    const [{ n }] = await server.services.sql`select count(*)::int as n from submissions where id = ${qc.id}`;
    expect(n).toBe(1);
    const [photo] = await server.services.sql`select quick_count_id from photos where id = ${photoId}`;
    expect(photo.quickCountId).toBe(qc.id);
  });

  it("is safe to resend: a retry of a sent item gets the first answer, not a second submission", async () => {
    const store = memoryStore();
    // 226 voters, as on this TPS's walikota ballot: a plain valid count, so only the resend is under test.
    const item = quickCount(0, { contest: "gubernur", votes: { 1: "120", 2: "100" } });
    await store.put(item);
    await flush(store, { fetcher: asOfficer(), base: server.url, now: () => 0 });
    // the answer was lost (tab closed mid-request): the item is still pending on the phone and goes again
    await store.put({ ...item, state: "pending" });
    await flush(store, { fetcher: asOfficer(), base: server.url, now: () => 1 });
    expect(store.items.get(item.id)?.state).toBe("sent");
    const [{ n }] = await server.services
      .sql`select count(*)::int as n from submissions where tps_code = ${TPS} and contest_code = 'gubernur'`;
    expect(n).toBe(1);
  });

  it("keeps a refused item with the server's message per field, and goes on with the next", async () => {
    const store = memoryStore();
    const bad = quickCount(0, { votes: { 1: "100", 2: "80", 3: "-4" } });
    const good = newItem(
      { id: randomUUID(), kind: "checkin", url: "/api/v1/checkins", tps: TPS, account: 1, label: "" },
      1,
    );
    good.body = { id: good.id, tpsCode: TPS, capturedAt: "2026-11-22T07:00:00+07:00" };
    await store.put(bad);
    await store.put(good);
    const result = await flush(store, { fetcher: asOfficer(), base: server.url, now: () => 10 });
    expect(result).toMatchObject({ sent: 1, rejected: 1, waiting: 0 });
    const refused = store.items.get(bad.id)!;
    expect(refused.state).toBe("rejected");
    expect(refused.error).toMatchObject({ status: 422, message: "Ada angka yang perlu diperbaiki." });
    expect(refused.error?.errors).toContainEqual(
      expect.objectContaining({ field: "votes.3", message: "Tidak boleh negatif." }),
    );
  });

  it("keeps items pending through a network failure, backs off, and sends when the server is back", async () => {
    const store = memoryStore();
    let now = 0;
    // A corrected walikota count with the same 226 voters as this TPS's other ballot: plain, accepted.
    const first = quickCount(now, { contest: "walikota", votes: { 1: "104", 2: "76", 3: "40" } });
    const second = newItem(
      { id: randomUUID(), kind: "checkin", url: "/api/v1/checkins", tps: TPS, account: 1, label: "" },
      1,
    );
    second.body = { id: second.id, tpsCode: TPS, capturedAt: "2026-11-22T06:30:00+07:00" };
    await store.put(first);
    await store.put(second);
    // nothing listens on this port: like a phone without signal
    const down = await flush(store, { fetcher: asOfficer(), base: "http://127.0.0.1:9", now: () => now });
    expect(down).toMatchObject({ sent: 0, offline: true, waiting: 2 });
    const waiting = store.items.get(first.id)!;
    expect(waiting).toMatchObject({ state: "pending", attempts: 1, error: { status: 0 } });
    expect(waiting.nextAt).toBeGreaterThan(now);
    expect(store.items.get(second.id)?.attempts).toBe(0); // order kept: the second was not tried
    // not yet due: a normal flush leaves it; the backoff has passed: it goes
    expect(await flush(store, { fetcher: asOfficer(), base: server.url, now: () => now })).toMatchObject({
      sent: 0,
      waiting: 2,
    });
    expect(nextDueIn([waiting], now)).toBe(waiting.nextAt - now);
    now = waiting.nextAt;
    expect(await flush(store, { fetcher: asOfficer(), base: server.url, now: () => now })).toMatchObject({
      sent: 2,
      waiting: 0,
    });
  });

  it("keeps an item pending when the session has ended, and sends it after a new login", async () => {
    const store = memoryStore();
    const item = newItem(
      { id: randomUUID(), kind: "checklist", url: "/api/v1/checklists", tps: TPS, account: 1, label: "" },
      0,
    );
    item.body = {
      id: item.id,
      tpsCode: TPS,
      capturedAt: "2026-11-22T06:40:00+07:00",
      answers: [{ item: "booth", ok: true }],
    };
    await store.put(item);
    await flush(store, { fetcher: asOfficer("expired-session"), base: server.url, now: () => 0 });
    expect(store.items.get(item.id)).toMatchObject({ state: "pending", error: { status: 401 } });
    await flush(store, { fetcher: asOfficer(), base: server.url, now: () => 0, force: true });
    expect(store.items.get(item.id)?.state).toBe("sent");
  });
});
