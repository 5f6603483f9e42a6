// Officers log in with their TPS code however they write it; a wrong code and a wrong PIN are told apart for
// TPS codes (public) but never for staff logins. Real server, real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, OFFICER_PIN } from "./support/api";
import { startTestServer, type TestServer } from "./support/server";

let server: TestServer;
const http = api(() => server);
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const session = (login: string, secret: string) => http.post("/api/v1/session", { login, secret });

describe("logging in with a TPS code", () => {
  it.each([
    "1673051007-004",
    "1673051007004",
    "1673051007-4",
    "16.73.05.1007-004",
    "16.73.05.1007 4",
    "1673 0510 0700 4",
    "1673051007\u2013004",
    "TPS 1673051007-004",
    " tps 1673051007-04 ",
    "\uFF11\uFF16\uFF17\uFF13\uFF10\uFF15\uFF11\uFF10\uFF10\uFF17\uFF0D\uFF14",
  ])("%j opens the session of TPS 1673051007-004", async (typed) => {
    const res = await session(typed, OFFICER_PIN);
    expect(res.status).toBe(200);
    expect((await res.json()).user).toMatchObject({
      login: "1673051007-004",
      role: "officer",
      tpsCode: "1673051007-004",
    });
  });

  it("says that a TPS code does not exist, naming it as read", async () => {
    const res = await session("16.73.05.1007-987", OFFICER_PIN);
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body.code).toBe("login_failed");
    expect(body.errors).toEqual([expect.objectContaining({ field: "login", code: "unknown_tps" })]);
    expect(body.message).toBe("Tidak ada TPS dengan kode 1673051007-987. Periksa kode di surat tugas Anda.");
  });

  it("says the PIN is wrong for an existing TPS", async () => {
    const res = await session("1673051007-005", "000000");
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body.errors).toEqual([expect.objectContaining({ field: "secret", code: "wrong_pin" })]);
    expect(body.message).toMatch(/^PIN salah untuk TPS 1673051007-005\./);
  });

  it("asks for a dash when the digits could be read two ways, in the caller's language", async () => {
    const res = await http.post("/api/v1/session", { login: "167305100705", secret: OFFICER_PIN }, undefined, {
      "Accept-Language": "en",
    });
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body.errors).toEqual([expect.objectContaining({ field: "login", code: "tps_code_unclear" })]);
    expect(body.message).toMatch(/^The TPS code cannot be read\. .* e\.g\. 1673011009-001\.$/);
  });

  it("keeps one generic message for staff logins, known or not", async () => {
    const wrong = await session("posko", "nope");
    const unknown = await session("nobody-here", "nope");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [a, b] = [await wrong.json(), await unknown.json()];
    expect(a).toEqual(b);
    expect(a).toEqual({ code: "login_failed", message: "Nama pengguna atau kata sandi salah." });
  });

  it("counts failures per TPS, however the code is written", async () => {
    const ways = ["1673051008-006", "1673051008006", "16.73.05.1008-6", "TPS 1673051008-06", "1673051008 6"];
    // Five wrong PINs from devices it never used spend the account's daily budget (LOGIN_FAILURES_PER_DAY).
    for (let i = 0; i < 5; i++) expect((await session(ways[i % ways.length], "999999")).status).toBe(401);
    const limited = await session("16.73.05.1008-006", OFFICER_PIN);
    expect(limited.status).toBe(429);
    expect((await session("1673051008-007", OFFICER_PIN)).status).toBe(200);
  });

  it("without JavaScript, a refused login page says why and keeps the code typed", async () => {
    const res = await http.form("/login", { login: "16.73.05.1007-9", secret: "000000" });
    expect(res.status).toBe(401);
    const html = await res.text();
    expect(html).toContain("PIN salah untuk TPS 1673051007-009.");
    expect(html).toMatch(/<input name="login"[^>]*value="16\.73\.05\.1007-9"/);
    expect(html).toMatch(/<input name="secret"[^>]*inputMode="numeric"/i);
  });

  it("logs in through the login page with a dotted code, without JavaScript", async () => {
    const res = await http.form("/login", { login: "16.73.05.1008-8", secret: OFFICER_PIN });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/officer");
    expect(res.headers.get("set-cookie")).toMatch(/pantau_session=/);
  });
});

describe("the public TPS lookup", () => {
  it("goes to the TPS however its code was written, and back to the public page when it is no code", async () => {
    const lookup = (typed: string) => http.page(`/publik/tps?kode=${encodeURIComponent(typed)}`);
    expect((await lookup("16.73.05.1007-4")).headers.get("location")).toBe("/publik/tps/1673051007-004");
    expect((await lookup("TPS 1673051007004")).headers.get("location")).toBe("/publik/tps/1673051007-004");
    expect((await lookup("167305100704")).headers.get("location")).toBe("/publik");
  });
});
