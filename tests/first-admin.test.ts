// An empty install can be entered: `npm run admin:create -- <login>` makes the first admin with a one-time
// secret, and until it is changed that session opens nothing but the change-secret page: every route (walked
// from app/routes, so a new one is covered without new test code) and the live connection refuse it.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, vi, inject, it } from "vitest";
import { verifyAuditChain } from "../app/models/audit.server";
import { parseEnv } from "../app/utils/env.server";
import { startPantau, type Pantau } from "../server/app";
import { api } from "./support/api";
import { createDatabase, dropDatabase } from "./support/postgres";
import { startInstance } from "./support/server";
import { openLive } from "./support/sockets";

const run = promisify(execFile);
// Each command is a process of its own (tsx, a few seconds on a busy machine): tests running several get time.
vi.setConfig({ testTimeout: 120_000 });

/** `npm run admin:create -- <args>` with this environment; its exit code, output and the secret it printed. */
async function adminCreate(args: string[], env: Record<string, string | undefined>) {
  const childEnv = { ...process.env, ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
  let code = 0;
  let out: string;
  try {
    const { stdout, stderr } = await run("npx", ["tsx", "db/admin-create.ts", ...args], { env: childEnv });
    out = stdout + stderr;
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    code = e.code;
    out = e.stdout + e.stderr;
  }
  const secret = /\n {4}(\S+)\n/.exec(out)?.[1];
  return { code, out, secret };
}

/** Every route of app/routes as a URL, its parameters filled with plausible values, and whether it takes posts. */
function everyRoute() {
  const samples: Record<string, string> = {
    code: "16.73.07.1004",
    id: randomUUID(),
    tps: "1673071004-001",
    contest: "gubernur",
    kind: "tps",
  };
  return readdirSync(path.resolve("app/routes"))
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".test.ts"))
    .map((f) => {
      const source = readFileSync(path.resolve("app/routes", f), "utf8");
      // Remix flat routes: dots separate segments, "[.]" is a literal dot.
      const segments = f
        .replace(/\.tsx?$/, "")
        .split(/(?<!\[)\.(?!\])/)
        .map((s) => s.replaceAll("[.]", "."))
        .filter((s) => s !== "_index")
        .map((s) => (s === "$" ? "x" : s.startsWith("$") ? samples[s.slice(1)] : s));
      const url = `/${segments.join("/")}`.replace(/^\/_index$/, "/");
      const exports = (what: string) => new RegExp(`export (async function|const|\\{[^}]*as) ${what}\\b`).test(source);
      return { url, gets: exports("loader") || /export default/.test(source), posts: exports("action") };
    });
}

/** Where only a session with a one-time secret may go. */
const OWN_SECRET_ROUTES = ["/sandi", "/api/v1/session/secret"];

describe("the first admin of an empty install", () => {
  const adminUrl = () => inject("adminUrl");
  const name = `pantau_t_empty_${randomUUID().slice(0, 8)}`;
  let databaseUrl: string;
  let server: Pantau;
  const http = api(() => server);
  beforeAll(async () => {
    databaseUrl = await createDatabase(adminUrl(), name); // no template: no region, no account
    server = await startInstance(databaseUrl, { PANTAU_SEED: "none" });
  });
  afterAll(async () => {
    await server?.close();
    await dropDatabase(adminUrl(), name);
  });

  it("is created once with a one-time secret; the same login again is refused and changes nothing", async () => {
    expect((await server.services.sql`select count(*)::int as n from users`)[0].n).toBe(0);
    const made = await adminCreate(["kepala"], { DATABASE_URL: databaseUrl });
    expect(made.code).toBe(0);
    expect(made.secret).toMatch(/^[A-Za-z0-9_-]{20}$/);
    const [user] = await server.services.sql`select role, must_change_secret, secret_hash from users`;
    expect(user).toMatchObject({ role: "admin", mustChangeSecret: true });
    expect(user.secretHash).not.toContain(made.secret!); // stored as a hash only

    const again = await adminCreate(["kepala"], { DATABASE_URL: databaseUrl });
    expect(again.code).toBe(1);
    expect(again.out).toContain('the login "kepala" exists already');
    expect(again.secret).toBeUndefined();
    const [after] = await server.services.sql`select secret_hash from users where login = 'kepala'`;
    expect(after.secretHash).toBe(user.secretHash);
    expect((await http.login("kepala", made.secret)).length).toBeGreaterThan(10);

    // A login that cannot be one (a TPS code, spaces) is a usage error, and nothing is made.
    for (const bad of ["1673071004-001", "a b"]) {
      expect((await adminCreate([bad], { DATABASE_URL: databaseUrl })).code).toBe(2);
    }
    expect((await server.services.sql`select count(*)::int as n from users`)[0].n).toBe(1);
    // Its creation is in the keyed audit chain, by nobody (the command), with the one-time mark.
    const [row] = await server.services.sql`select actor_id, after from audit_log where action = 'account.create'`;
    expect(row).toMatchObject({ actorId: null, after: { login: "kepala", role: "admin", mustChangeSecret: true } });
    expect(await verifyAuditChain(server.services.sql, { key: server.services.auditKey })).toMatchObject({
      broken: null,
    });
  });

  it("opens nothing but the change-secret page until the secret is changed, on every route and the live server", async () => {
    const made = await adminCreate(["pertama"], { DATABASE_URL: databaseUrl });
    const login = await http.post("/api/v1/session", { login: "pertama", secret: made.secret });
    expect(login.status).toBe(200);
    const { token, user } = (await login.json()) as { token: string; user: { mustChangeSecret: boolean } };
    expect(user.mustChangeSecret).toBe(true);

    const routes = everyRoute();
    expect(routes.length).toBeGreaterThan(40);
    let refusedWithProblem = 0;
    let sentToChange = 0;
    for (const { url: route, gets, posts } of routes.filter((r) => !OWN_SECRET_ROUTES.includes(r.url))) {
      const methods = [...(gets ? ["GET"] : []), ...(posts ? ["POST"] : [])];
      // The API takes JSON, pages take forms.
      const form = !route.startsWith("/api/");
      for (const method of methods) {
        const ask = (bearer?: string) =>
          fetch(`${server.url}${route}`, {
            method,
            redirect: "manual",
            headers: {
              ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}),
              ...(method === "POST"
                ? {
                    "Content-Type": form ? "application/x-www-form-urlencoded" : "application/json",
                    Origin: server.url,
                  }
                : {}),
            },
            body: method === "POST" ? (form ? "x=1" : "{}") : undefined,
          });
        const [anonymous, oneTime] = await Promise.all([ask(), ask(token)]);
        const body = await oneTime.text();
        await anonymous.text();
        const where = `${method} ${route}: ${oneTime.status} ${oneTime.headers.get("location") ?? ""} ${body.slice(0, 120)}`;
        if (oneTime.status === 403 && body.includes('"secret_change_required"')) {
          refusedWithProblem++;
          expect(JSON.parse(body).message, where).toContain("/sandi");
        } else if (oneTime.headers.get("location") === "/sandi") sentToChange++;
        // Anything else must be exactly what a visitor without a session gets: no more.
        else
          expect({ status: oneTime.status, location: oneTime.headers.get("location") }, where).toEqual({
            status: anonymous.status,
            location: anonymous.headers.get("location"),
          });
      }
    }
    expect(refusedWithProblem).toBeGreaterThan(20); // the API
    expect(sentToChange).toBeGreaterThan(10); // the pages

    const live = openLive(server.url, { token });
    await expect(live.ready).rejects.toThrow("secret_change_required");
    live.socket.close();

    // The change: the one-time secret typed again, a new one twice; each refusal names its field.
    const change = (fields: Record<string, string>) => http.form("/sandi", fields, token);
    const wrong = await change({ current: "not-it", secret: "a-new-secret-1", confirm: "a-new-secret-1" });
    expect(wrong.status).toBe(422);
    const short = await change({ current: made.secret!, secret: "short", confirm: "other" });
    expect(short.status).toBe(422);
    const same = await change({ current: made.secret!, secret: made.secret!, confirm: made.secret! });
    expect(same.status).toBe(422);
    const apiWrong = await http.post("/api/v1/session/secret", { current: "x", secret: "y", confirm: "z" }, token);
    expect(apiWrong.status).toBe(422);
    const fields = ((await apiWrong.json()) as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(fields).toEqual(["current", "secret", "confirm"]);
    expect((await http.get("/api/v1/session", token)).status).toBe(403);

    const done = await change({ current: made.secret!, secret: "pemilu-aman-2026", confirm: "pemilu-aman-2026" });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/posko");
    // The same session now works everywhere; the one-time secret is gone, the new one signs in.
    expect((await http.get("/api/v1/session", token)).status).toBe(200);
    const home = await http.page("/admin/akun", token);
    expect({ status: home.status, location: home.headers.get("location") }).toEqual({ status: 200, location: null });
    const badOld = await http.post("/api/v1/session", { login: "pertama", secret: made.secret });
    expect(badOld.status).toBe(401);
    expect((await http.login("pertama", "pemilu-aman-2026")).length).toBeGreaterThan(10);
  });
});

describe("admin:create on the embedded database", () => {
  it("makes the database of an empty data directory, and attaches to a running server's", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "pantau-empty-"));
    chmodSync(dir, 0o755); // the embedded PostgreSQL's initdb runs as its own user
    const env = { DATABASE_URL: undefined, PANTAU_DATA_DIR: dir, PANTAU_AUDIT_KEY: undefined, PANTAU_SEED: "none" };
    let server: Pantau | undefined;
    try {
      // No server yet: the command starts the embedded database itself, migrates it and stops it again.
      const first = await adminCreate(["pertama"], env);
      expect(first.code, first.out).toBe(0);
      server = await startPantau(
        parseEnv({
          NODE_ENV: "production",
          PORT: "0",
          HOST: "127.0.0.1",
          COOKIE_SECURE: "false",
          PANTAU_DATA_DIR: dir,
          PANTAU_SEED: "none",
        }),
        () => {},
      );
      const running = server;
      const http = api(() => running);
      expect((await http.post("/api/v1/session", { login: "pertama", secret: first.secret })).status).toBe(200);
      // The server runs the database now: the command attaches to it, with the install's own password.
      const second = await adminCreate(["kedua"], env);
      expect(second.code, second.out).toBe(0);
      expect((await http.post("/api/v1/session", { login: "kedua", secret: second.secret })).status).toBe(200);
      // Both were written under the install's one audit key (the file in the data directory).
      expect(await verifyAuditChain(server.services.sql, { key: server.services.auditKey })).toMatchObject({
        broken: null,
      });
    } finally {
      await server?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000); // two commands, a new cluster and a server start
});
