// The HTTP API against the real server and a real PostgreSQL, as the README documents it.
import { randomUUID } from "node:crypto";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "./support/api";
import { startTestServer, type TestServer } from "./support/server";

let server: TestServer;
const http = api(() => server);
let officer: string;
beforeAll(async () => {
  server = await startTestServer();
  officer = await http.login("1673011001-001");
});
afterAll(() => server?.stop());

const submission = (over: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  tpsCode: "1673011001-001",
  contest: "walikota",
  votes: { "1": 100, "2": 80, "3": 40 },
  invalid: 6,
  capturedAt: "2026-11-22T10:00:00+07:00",
  ...over,
});

const post = http.post;

describe("session", () => {
  it("logs in with login + secret, returns a token and a secure HttpOnly cookie", async () => {
    const res = await post("/api/v1/session", { login: "posko", secret: "pantau-demo" });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.user).toMatchObject({ login: "posko", role: "operator" });
    expect(body.token).toMatch(/^[\w-]{40,}$/);
    expect(JSON.stringify(body)).not.toMatch(/secret|hash/i);
    expect(res.headers.get("set-cookie")).toMatch(/pantau_session=.+HttpOnly; SameSite=Lax/);
  });

  it("refuses a wrong secret and an unknown login the same way", async () => {
    const wrong = await post("/api/v1/session", { login: "posko", secret: "nope" });
    const unknown = await post("/api/v1/session", { login: "nobody", secret: "nope" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((await wrong.json()).message).toBe((await unknown.json()).message);
  });

  it("logs out: the token stops working", async () => {
    const token = await http.login("posko2");
    const me = () => http.get("/api/v1/session", token);
    expect((await me()).status).toBe(200);
    const out = await http.delete("/api/v1/session", token);
    expect(out.status).toBe(200);
    expect((await me()).status).toBe(401);
  });

  it("answers bad login bodies with 4xx and a message", async () => {
    expect((await post("/api/v1/session", "{not json")).status).toBe(400);
    const missing = await post("/api/v1/session", { login: "" });
    expect(missing.status).toBe(422);
    expect((await missing.json()).errors.map((e: { field: string }) => e.field)).toEqual(["login", "secret"]);
  });
});

describe("POST /api/v1/quick-counts", () => {
  it("creates a submission (201), returns the first answer on an identical retry (200), refuses a changed retry (409)", async () => {
    const body = submission();
    const first = await post("/api/v1/quick-counts", body, officer);
    expect(first.status).toBe(201);
    const answer = await first.json();
    expect(answer).toMatchObject({ id: body.id, status: "submitted", warnings: [] });

    const retry = await post("/api/v1/quick-counts", body, officer);
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual(answer);

    const changed = await post("/api/v1/quick-counts", { ...body, invalid: 7 }, officer);
    expect(changed.status).toBe(409);
    expect((await changed.json()).message).toMatch(/ID kiriman/);

    const [{ count }] = await server.services.sql`select count(*)::int from submissions where id = ${body.id}`;
    expect(count).toBe(1);
  });

  it("answers 422 with a message per field and writes nothing", async () => {
    const body = submission({ tpsCode: "1673011001-001", votes: { "1": -3, "2": 80, "3": 40 }, valid: 500 });
    const res = await post("/api/v1/quick-counts", body, officer);
    expect(res.status).toBe(422);
    const { errors } = await res.json();
    expect(errors).toContainEqual({
      field: "votes.1",
      code: "negative",
      tier: "invalid",
      message: "Tidak boleh negatif.",
    });
    const [{ count }] = await server.services.sql`select count(*)::int from submissions where id = ${body.id}`;
    expect(count).toBe(0);
  });

  it("speaks English when the client asks for it", async () => {
    const res = await post("/api/v1/quick-counts", submission({ votes: { "1": 1.5, "2": 1, "3": 1 } }), officer, {
      "Accept-Language": "en-US,en",
    });
    expect((await res.json()).errors[0]).toMatchObject({ field: "votes.1", message: "Must be a whole number." });
  });

  it("needs a justification for warnings and then stores the result as flagged", async () => {
    // The walikota ballot of this TPS has 226 voters: the same here, so unanimity is the only warning.
    const unanimous = submission({ contest: "gubernur", votes: { "1": 220, "2": 0 }, invalid: 6 });
    const refused = await post("/api/v1/quick-counts", unanimous, officer);
    expect(refused.status).toBe(422);
    const { errors } = await refused.json();
    expect(errors.map((e: { code: string; tier: string }) => `${e.code}:${e.tier}`)).toEqual([
      "justification_required:invalid",
      "unanimous:unusual",
    ]);
    const accepted = await post(
      "/api/v1/quick-counts",
      { ...unanimous, justification: "Saksi kedua calon sudah tanda tangan." },
      officer,
    );
    expect(accepted.status).toBe(201);
    expect(await accepted.json()).toMatchObject({
      status: "flagged",
      warnings: [{ field: "votes.1", code: "unanimous", tier: "unusual" }],
    });
  });

  it("rejects unknown contests and candidates per field", async () => {
    const contest = await post("/api/v1/quick-counts", submission({ contest: "presiden" }), officer);
    expect(contest.status).toBe(422);
    expect((await contest.json()).errors[0]).toMatchObject({ field: "contest", code: "unknown_contest" });
    const candidate = await post(
      "/api/v1/quick-counts",
      submission({ votes: { "1": 1, "2": 1, "3": 1, "9": 1 } }),
      officer,
    );
    expect((await candidate.json()).errors[0]).toMatchObject({ field: "votes.9", code: "unknown_candidate" });
  });

  it("forbids an officer to submit for another TPS (403) and a logged-out caller (401)", async () => {
    const other = await post("/api/v1/quick-counts", submission({ tpsCode: "1673011001-002" }), officer);
    expect(other.status).toBe(403);
    expect((await other.json()).message).toMatch(/TPS Anda sendiri/);
    const anonymous = await post("/api/v1/quick-counts", submission());
    expect(anonymous.status).toBe(401);
    const responder = await http.login("tim-1");
    expect((await post("/api/v1/quick-counts", submission(), responder)).status).toBe(403);
  });

  it("answers malformed bodies with 4xx, never 500", async () => {
    expect((await post("/api/v1/quick-counts", "[1,2", officer)).status).toBe(400);
    expect((await post("/api/v1/quick-counts", "x".repeat(70_000), officer)).status).toBe(413);
    expect((await post("/api/v1/quick-counts", { votes: "many" }, officer)).status).toBe(422);
    const text = await fetch(`${server.url}/api/v1/quick-counts`, {
      method: "POST",
      headers: { Authorization: `Bearer ${officer}`, "Content-Type": "text/plain" },
      body: "hi",
    });
    expect(text.status).toBe(415);
  });
});

describe("snapshot and events", () => {
  it("gives an operator every TPS with the current seq, and the events after any seq", async () => {
    const operator = await http.login("posko");
    const snap = await (await http.get(`/api/v1/snapshot`, operator)).json();
    expect(snap.tps).toHaveLength(635);
    expect(snap.contests.map((c: { code: string }) => c.code)).toEqual(["gubernur", "walikota"]);
    const body = submission({ tpsCode: "1673011001-001", contest: "walikota", votes: { "1": 90, "2": 90, "3": 40 } });
    expect((await post("/api/v1/quick-counts", body, officer)).status).toBe(201);
    const after = await (await http.get(`/api/v1/events?after=${snap.seq}`, operator)).json();
    expect(after.events[0]).toMatchObject({
      seq: snap.seq + 1,
      type: "result:updated",
      data: { tpsCode: "1673011001-001", contest: "walikota" },
    });
    expect((await http.get(`/api/v1/events?after=-1`, operator)).status).toBe(400);
  });

  it("limits a supervisor to their kecamatan and an officer to their TPS", async () => {
    const supervisor = await http.login("pengawas-02");
    const snap = await (await http.get(`/api/v1/snapshot`, supervisor)).json();
    expect(snap.tps.length).toBeGreaterThan(0);
    expect(snap.tps.every((t: { kelurahanCode: string }) => t.kelurahanCode.startsWith("16.73.02."))).toBe(true);
    // A result in kecamatan 01 is an event the supervisor of kecamatan 02 must not be given.
    const elsewhere = submission({ votes: { "1": 95, "2": 85, "3": 40 } });
    expect((await post("/api/v1/quick-counts", elsewhere, officer)).status).toBe(201);
    const [{ seq: head }] = await server.services.sql`select seq from event_head`;
    expect(head).toBeGreaterThan(0);
    const events = await (await http.get(`/api/v1/events?after=0`, supervisor)).json();
    expect(events.events).toEqual([]);
    const mine = await (await http.get(`/api/v1/snapshot`, officer)).json();
    expect(mine.tps.map((t: { code: string }) => t.code)).toEqual(["1673011001-001"]);
  });
});

describe("connections", () => {
  // A phone or a reverse proxy reuses an idle connection; if the server had closed it a moment earlier, that
  // request fails with a reset. Node closes idle connections after 5 s unless told otherwise.
  it("keeps an idle keep-alive connection open for the next request", async () => {
    const socket = net.connect(server.port, "127.0.0.1");
    let received = "";
    socket.on("data", (chunk: Buffer) => {
      received += chunk.toString();
    });
    let closed = false;
    socket.on("close", () => {
      closed = true;
    });
    const ask = () => socket.write("GET /api/v1/session HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n");
    const answers = () => received.match(/^HTTP\/1\.1 \d+/gm)?.length ?? 0;
    const waitFor = async (n: number) => {
      for (let i = 0; i < 100 && answers() < n; i++) await new Promise((r) => setTimeout(r, 50));
    };
    ask();
    await waitFor(1);
    expect(answers()).toBe(1);
    await new Promise((r) => setTimeout(r, 6000));
    expect(closed).toBe(false);
    ask();
    await waitFor(2);
    expect(answers()).toBe(2);
    socket.destroy();
  }, 15_000);

  // Clients keep the connection too (fetch, the proxy), for as long as the server says; a stop must not
  // wait for them (it would take KEEP_ALIVE_MS, 65 s, beyond this test's time limit).
  it("stops while clients still hold idle keep-alive connections", async () => {
    const other = await startTestServer();
    expect((await fetch(`${other.url}/api/v1/session`)).headers.get("keep-alive")).toBe("timeout=65");
    await other.stop();
  }, 20_000);
});
