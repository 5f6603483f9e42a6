// GET /officer/offline-kit, what the service worker keeps for the officer to work without signal, against the
// real server and PostgreSQL: the officer's own account, TPS and ballots with their choices, and the pages to
// warm, home and the quick counts first; nobody else gets one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "./support/api";
import { startTestServer, type TestServer } from "./support/server";

let server: TestServer;
const http = api(() => server);
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

describe("the officer's offline kit", () => {
  it("names the officer, their TPS, its ballots with the choices, and the pages to keep in order", async () => {
    const token = await http.login("1673051006-002");
    const res = await http.get("/officer/offline-kit", token);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const kit = await res.json();
    const [user] = await server.services.sql<{ id: number }[]>`select id from users where login = '1673051006-002'`;
    expect(kit).toMatchObject({ account: user.id, tps: "1673051006-002", lang: "id" });
    expect(kit.contests.map((c: { code: string }) => c.code)).toEqual(["gubernur", "walikota"]);
    expect(kit.contests[0].choices).toEqual([
      { number: 1, name: expect.any(String) },
      { number: 2, name: expect.any(String) },
    ]);
    expect(kit.pages.slice(0, 3)).toEqual([
      "/officer",
      "/officer/quick-count/gubernur",
      "/officer/quick-count/walikota",
    ]);
    expect(kit.pages).toEqual(expect.arrayContaining(["/officer/paper", "/officer/c-hasil/walikota"]));
  });

  it("is for officers only: a login wall without a session, a refusal for other roles", async () => {
    const anonymous = await http.page("/officer/offline-kit");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
    const posko = await http.get("/officer/offline-kit", await http.login("posko"));
    expect(posko.status).toBe(403);
  });
});
