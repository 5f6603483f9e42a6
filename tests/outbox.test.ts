// The outbox logic (app/lib/outbox.ts) against the real server: the same code the phone and the service
// worker run, with a Map as the store instead of IndexedDB (which Node has not). Time is injected. A failing
// link or gateway is a real local HTTP server in front of Pantau that refuses or swallows chosen requests.
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  backoffMs,
  classify,
  flush,
  heldPerTps,
  newItem,
  nextDueIn,
  NETWORK_RETRY_MS,
  type Officer,
  type OutboxItem,
  type OutboxStore,
} from "../app/lib/outbox";
import { C1_PHOTO, loginToken } from "./support/api";
import { startTestServer, type TestServer } from "./support/server";

const TPS = "1673021002-001";
const OTHER_TPS = "1673021002-002";
let server: TestServer;
let token: string;
let otherToken: string;
/** The officers of TPS and OTHER_TPS, as the page knows them. */
let officer: Officer;
let otherOfficer: Officer;
let gateway: Gateway;

async function whoIs(t: string): Promise<Officer> {
  const res = await fetch(`${server.url}/api/v1/session`, { headers: { Authorization: `Bearer ${t}` } });
  const { user } = (await res.json()) as { user: { id: number; tpsCode: string } };
  return { account: user.id, tps: user.tpsCode };
}

beforeAll(async () => {
  server = await startTestServer();
  token = await loginToken(server, TPS);
  otherToken = await loginToken(server, OTHER_TPS);
  officer = await whoIs(token);
  otherOfficer = await whoIs(otherToken);
  gateway = await startGateway(server.url);
});
afterAll(async () => {
  await gateway?.close();
  await server?.stop();
});

/**
 * A gateway in front of Pantau (a reverse proxy, a carrier's link): it forwards every request, except that a
 * path set to "fail" answers 503 and a path set to "hang" is never answered.
 */
interface Gateway {
  url: string;
  paths: Map<string, "fail" | "hang">;
  close(): Promise<void>;
}
async function startGateway(target: string): Promise<Gateway> {
  const paths = new Map<string, "fail" | "hang">();
  const to = new URL(target);
  const hanging = new Set<http.ServerResponse>();
  const proxy = http.createServer((req, res) => {
    const rule = paths.get(req.url ?? "");
    if (rule === "hang") return void hanging.add(res);
    if (rule === "fail") {
      req.resume();
      return void res.writeHead(503, { "Content-Type": "application/json" }).end('{"message":"bad gateway"}');
    }
    const upstream = http.request(
      { host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    paths,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        proxy.closeAllConnections();
        proxy.close(() => resolve());
      }),
  };
}

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

/** A checklist item of the officer's TPS. */
function checklist(createdAt: number) {
  const item = newItem(
    { id: randomUUID(), kind: "checklist", url: "/api/v1/checklists", tps: TPS, account: officer.account, label: "" },
    createdAt,
  );
  item.body = {
    id: item.id,
    tpsCode: TPS,
    capturedAt: "2026-11-22T06:40:00+07:00",
    answers: [{ item: "booth", ok: true }],
  };
  return item;
}

/** A photo item of officer's TPS with these form fields (a 1x1 PNG: the server checks the bytes). */
function photoItem(id: string, fields: Record<string, string>, createdAt: number) {
  const png = new Blob([new Uint8Array(C1_PHOTO)], {
    type: "image/png",
  });
  return newItem(
    {
      id,
      kind: "photo",
      url: "/api/v1/photos",
      tps: TPS,
      account: officer.account,
      label: "",
      form: { fields: { id, tpsCode: TPS, ...fields }, file: png, fileName: "photo.png" },
    },
    createdAt,
  );
}

function quickCount(now: number, over: Record<string, unknown> = {}) {
  const id = randomUUID();
  return newItem(
    {
      id,
      kind: "quick-count",
      url: "/api/v1/quick-counts",
      tps: TPS,
      account: officer.account,
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
  it("reads a 409 other_account as another account's session, any other 409 as a refusal", () => {
    expect(classify(409, "other_account")).toBe("other-account");
    expect(classify(409, "id_conflict")).toBe("rejected");
  });

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
    await store.put(photoItem(photoId, { purpose: "c1", contest: "walikota", quickCountId: qc.id }, now - 1));
    await store.put(qc);
    const result = await flush(store, { who: officer, fetcher: asOfficer(), base: server.url, now: () => now });
    expect(result).toEqual({ sent: 2, rejected: 0, waiting: 0, offline: false, server: "up" });
    expect(store.items.get(qc.id)).toMatchObject({
      state: "sent",
      response: { id: qc.id, status: "submitted", revision: 1 },
    });
    now += 1000;
    expect(await flush(store, { who: officer, fetcher: asOfficer(), base: server.url, now: () => now })).toMatchObject({
      sent: 0,
    });
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
    await flush(store, { who: officer, fetcher: asOfficer(), base: server.url, now: () => 0 });
    // the answer was lost (tab closed mid-request): the item is still pending on the phone and goes again
    await store.put({ ...item, state: "pending" });
    await flush(store, { who: officer, fetcher: asOfficer(), base: server.url, now: () => 1 });
    expect(store.items.get(item.id)?.state).toBe("sent");
    const [{ n }] = await server.services
      .sql`select count(*)::int as n from submissions where tps_code = ${TPS} and contest_code = 'gubernur'`;
    expect(n).toBe(1);
  });

  it("keeps a refused item with the server's message per field, and goes on with the next", async () => {
    const store = memoryStore();
    const bad = quickCount(0, { votes: { 1: "100", 2: "80", 3: "-4" } });
    const good = newItem(
      { id: randomUUID(), kind: "checkin", url: "/api/v1/checkins", tps: TPS, account: officer.account, label: "" },
      1,
    );
    good.body = { id: good.id, tpsCode: TPS, capturedAt: "2026-11-22T07:00:00+07:00" };
    await store.put(bad);
    await store.put(good);
    const result = await flush(store, { who: officer, fetcher: asOfficer(), base: server.url, now: () => 10 });
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
      { id: randomUUID(), kind: "checkin", url: "/api/v1/checkins", tps: TPS, account: officer.account, label: "" },
      1,
    );
    second.body = { id: second.id, tpsCode: TPS, capturedAt: "2026-11-22T06:30:00+07:00" };
    await store.put(first);
    await store.put(second);
    // nothing listens on this port: like a phone without signal
    const down = await flush(store, { who: officer, fetcher: asOfficer(), base: "http://127.0.0.1:9", now: () => now });
    expect(down).toMatchObject({ sent: 0, offline: true, waiting: 2 });
    const waiting = store.items.get(first.id)!;
    expect(waiting).toMatchObject({ state: "pending", attempts: 1, error: { status: 0 } });
    expect(waiting.nextAt).toBe(now + NETWORK_RETRY_MS);
    expect(store.items.get(second.id)?.attempts).toBe(0); // order kept: the second was not tried
    // not yet due: a normal flush leaves it; the backoff has passed: it goes
    expect(await flush(store, { who: officer, fetcher: asOfficer(), base: server.url, now: () => now })).toMatchObject({
      sent: 0,
      waiting: 2,
    });
    expect(nextDueIn([waiting], now)).toBe(waiting.nextAt - now);
    now = waiting.nextAt;
    expect(await flush(store, { who: officer, fetcher: asOfficer(), base: server.url, now: () => now })).toMatchObject({
      sent: 2,
      waiting: 0,
    });
  });

  it("keeps an item pending when the session has ended, and sends it after a new login", async () => {
    const store = memoryStore();
    const item = checklist(0);
    await store.put(item);
    await flush(store, { who: officer, fetcher: asOfficer("expired-session"), base: server.url, now: () => 0 });
    expect(store.items.get(item.id)).toMatchObject({ state: "pending", error: { status: 401 } });
    await flush(store, { who: officer, fetcher: asOfficer(), base: server.url, now: () => 0, force: true });
    expect(store.items.get(item.id)?.state).toBe("sent");
  });
});

describe("an item held for an undo window", () => {
  it("is not sent before its time, not even by a forced send; after it, it is", async () => {
    const store = memoryStore();
    const item = { ...checklist(0), holdUntil: 10_000 };
    await store.put(item);
    const held = await flush(store, {
      who: officer,
      fetcher: asOfficer(),
      base: server.url,
      now: () => 5_000,
      force: true,
    });
    expect(held).toMatchObject({ sent: 0, waiting: 1 });
    expect(store.items.get(item.id)?.state).toBe("pending");
    expect(nextDueIn([...store.items.values()], 5_000)).toBe(5_000);
    await flush(store, { who: officer, fetcher: asOfficer(), base: server.url, now: () => 10_000, force: true });
    expect(store.items.get(item.id)?.state).toBe("sent");
  });
});

/** An item of `who` at their TPS: a check-in (any number of them is accepted). */
function checkin(who: Officer, tps: string, createdAt: number) {
  const item = newItem(
    { id: randomUUID(), kind: "checkin", url: "/api/v1/checkins", tps, account: who.account, label: "" },
    createdAt,
  );
  item.body = { id: item.id, tpsCode: tps, capturedAt: "2026-11-22T06:50:00+07:00" };
  return item;
}

const storedCheckin = async (id: string) =>
  (await server.services.sql`select count(*)::int as n from checkins where id = ${id}`)[0].n as number;

describe("a shared phone", () => {
  it("sends only the logged-in officer's items; another account's stay pending until their owner logs in", async () => {
    const store = memoryStore();
    const mine = checkin(officer, TPS, 1);
    const theirs = checkin(otherOfficer, OTHER_TPS, 0);
    await store.put(theirs);
    await store.put(mine);
    // The other officer is logged in on the phone now: only their item goes.
    const asOther = await flush(store, {
      who: otherOfficer,
      fetcher: asOfficer(otherToken),
      base: server.url,
      now: () => 5,
    });
    expect(asOther).toMatchObject({ sent: 1, waiting: 0 });
    expect(store.items.get(theirs.id)?.state).toBe("sent");
    expect(store.items.get(mine.id)).toMatchObject({ state: "pending", attempts: 0 });
    expect(await storedCheckin(mine.id)).toBe(0);
    // Nobody logged in: nothing is sent.
    expect(await flush(store, { who: null, fetcher: asOfficer(), base: server.url, now: () => 6 })).toMatchObject({
      sent: 0,
    });
    // Its owner logs in again: it goes.
    expect(await flush(store, { who: officer, fetcher: asOfficer(), base: server.url, now: () => 7 })).toMatchObject({
      sent: 1,
    });
    expect(await storedCheckin(mine.id)).toBe(1);
  });

  it("counts an item of no recorded account as the item of whoever works at its TPS", async () => {
    const store = memoryStore();
    const legacy = { ...checkin(officer, TPS, 0), account: null };
    await store.put(legacy);
    await flush(store, { who: otherOfficer, fetcher: asOfficer(otherToken), base: server.url, now: () => 1 });
    expect(store.items.get(legacy.id)).toMatchObject({ state: "pending", attempts: 0 });
    await flush(store, { who: officer, fetcher: asOfficer(), base: server.url, now: () => 2 });
    expect(store.items.get(legacy.id)?.state).toBe("sent");
  });

  it("keeps an item pending, never refused, when the session turns out to be another account's (409)", async () => {
    const store = memoryStore();
    const mine = checkin(officer, TPS, 0);
    await store.put(mine);
    // The page still thinks its officer is logged in, but the phone's session is the other officer's.
    const result = await flush(store, { who: officer, fetcher: asOfficer(otherToken), base: server.url, now: () => 1 });
    expect(result).toMatchObject({ sent: 0, rejected: 0, waiting: 1 });
    const kept = store.items.get(mine.id)!;
    expect(kept).toMatchObject({ state: "pending", error: { status: 409, code: "other_account" } });
    expect(kept.failures ?? 0).toBe(0);
    expect(await storedCheckin(mine.id)).toBe(0);
    await flush(store, { who: officer, fetcher: asOfficer(), base: server.url, now: () => 2, force: true });
    expect(store.items.get(mine.id)?.state).toBe("sent");
  });

  it("says what the phone holds per TPS, counts and the oldest time only", () => {
    const items = [checkin(officer, TPS, 2000), checkin(officer, TPS, 1000), checkin(otherOfficer, OTHER_TPS, 3000)];
    items.push({ ...checkin(officer, TPS, 500), state: "sent" });
    expect(heldPerTps(items)).toEqual([
      { tpsCode: TPS, count: 2, oldestAt: new Date(1000).toISOString() },
      { tpsCode: OTHER_TPS, count: 1, oldestAt: new Date(3000).toISOString() },
    ]);
  });
});

describe("one failing item does not hold the others", () => {
  it("a 5xx of one item backs that item off while the next is sent", async () => {
    const store = memoryStore();
    const failing = checklist(0);
    const next = checkin(officer, TPS, 1);
    await store.put(failing);
    await store.put(next);
    gateway.paths.set("/api/v1/checklists", "fail");
    try {
      const result = await flush(store, { who: officer, fetcher: asOfficer(), base: gateway.url, now: () => 10 });
      expect(result).toMatchObject({ sent: 1, waiting: 1, offline: false, server: "up" });
      expect(store.items.get(next.id)?.state).toBe("sent");
      expect(store.items.get(failing.id)).toMatchObject({ state: "pending", failures: 1, error: { status: 503 } });
      expect(store.items.get(failing.id)!.nextAt).toBeGreaterThan(10);
    } finally {
      gateway.paths.delete("/api/v1/checklists");
    }
  });

  it("a request that never answers times out and backs off alone; the next is sent", async () => {
    const store = memoryStore();
    const photoId = randomUUID();
    const photo = photoItem(photoId, { purpose: "c1", contest: "gubernur" }, 0);
    const next = checkin(officer, TPS, 1);
    await store.put(photo);
    await store.put(next);
    gateway.paths.set("/api/v1/photos", "hang");
    try {
      const result = await flush(store, {
        who: officer,
        fetcher: asOfficer(),
        base: gateway.url,
        now: () => 10,
        timeout: () => 300,
      });
      expect(result).toMatchObject({ sent: 1, waiting: 1 });
      expect(store.items.get(next.id)?.state).toBe("sent");
      expect(store.items.get(photoId)).toMatchObject({ state: "pending", failures: 1, error: { message: "timeout" } });
    } finally {
      gateway.paths.delete("/api/v1/photos");
    }
  });

  it("an incident waits for the photo it lists, and follows it once the photo is sent", async () => {
    const store = memoryStore();
    const photoId = randomUUID();
    const incidentId = randomUUID();
    await store.put(photoItem(photoId, { purpose: "incident", incidentId }, 0));
    const incident = newItem(
      { id: incidentId, kind: "incident", url: "/api/v1/incidents", tps: TPS, account: officer.account, label: "" },
      1,
    );
    incident.body = {
      id: incidentId,
      tpsCode: TPS,
      category: "logistics",
      severity: "low",
      description: "Kotak suara kurang satu",
      photoIds: [photoId],
      occurredAt: "2026-11-22T07:10:00+07:00",
    };
    await store.put(incident);
    gateway.paths.set("/api/v1/photos", "fail");
    try {
      await flush(store, { who: officer, fetcher: asOfficer(), base: gateway.url, now: () => 10 });
      expect(store.items.get(incidentId)).toMatchObject({ state: "pending", attempts: 0 });
    } finally {
      gateway.paths.delete("/api/v1/photos");
    }
    const result = await flush(store, {
      who: officer,
      fetcher: asOfficer(),
      base: gateway.url,
      now: () => 20,
      force: true,
    });
    expect(result).toMatchObject({ sent: 2, waiting: 0 });
    expect(store.items.get(incidentId)?.state).toBe("sent");
  });

  it("no answer at all ends the round without growing anyone's backoff, however often it happens", async () => {
    const store = memoryStore();
    const item = checkin(officer, TPS, 0);
    await store.put(item);
    for (let round = 0; round < 6; round++)
      await flush(store, {
        who: officer,
        fetcher: asOfficer(),
        base: "http://127.0.0.1:9",
        now: () => 100,
        force: true,
      });
    const kept = store.items.get(item.id)!;
    expect(kept).toMatchObject({ state: "pending", attempts: 6 });
    expect(kept.failures ?? 0).toBe(0);
    expect(kept.nextAt).toBe(100 + NETWORK_RETRY_MS);
  });
});
