// The server as a process: one port for Remix and Socket.IO in production and in dev (Vite middleware),
// a clean exit on SIGTERM, and the embedded PostgreSQL recovering from a killed previous run.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import postgres from "postgres";
import { startEmbeddedPostgres } from "../db/embedded";
import { createDatabase, dropDatabase } from "./support/postgres";
import { openLive } from "./support/sockets";

const name = `pantau_p_${randomUUID().slice(0, 8)}`;
let databaseUrl: string;
beforeAll(async () => {
  databaseUrl = await createDatabase(inject("adminUrl"), name, inject("template"));
});
// A test that fails half-way must not leave its server running.
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await dropDatabase(inject("adminUrl"), name);
});

/** The environment without Vitest's own variables, as a user's shell would have it. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith("VITEST") && k !== "NODE_ENV" && k !== "TEST"),
  ) as NodeJS.ProcessEnv;
}

/** Starts `tsx server/index.ts` and resolves with its URL once it says it is ready. */
function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  // node itself, not npx: the signals of these tests must reach the server, not a wrapper.
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    env: { ...cleanEnv(), PORT: "0", HOST: "127.0.0.1", DATABASE_URL: databaseUrl, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready at (http:\/\/\S+)/.exec(output);
      if (match) resolve({ child, url: match[1], output: () => output });
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

async function expectServesAppAndSocket(url: string) {
  const page = await fetch(`${url}/login`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain("Nama pengguna atau kode TPS");
  const { socket, ready } = openLive(url);
  await ready;
  socket.close();
}

describe("server process", () => {
  it("serves the production build and Socket.IO on one port and exits cleanly on SIGTERM", async () => {
    const server = await startServer({ NODE_ENV: "production" });
    await expectServesAppAndSocket(server.url);
    server.child.kill("SIGTERM");
    expect(await exited(server.child)).toBe(0);
    expect(server.output()).toMatch(/SIGTERM: closing/);
    await expect(fetch(`${server.url}/login`)).rejects.toThrow();
  }, 60_000);

  it("serves the app through Vite in development", async () => {
    const server = await startServer({ NODE_ENV: "development" });
    await expectServesAppAndSocket(server.url);
    server.child.kill("SIGINT");
    expect(await exited(server.child)).toBe(0);
  }, 90_000);

  it.each([
    ["PORT", "seventy", /PORT/],
    ["REDIS_URL", "http://127.0.0.1:6379", /REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/],
  ])(
    "refuses a wrong %s with a clear message",
    async (name, value, message) => {
      const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
        env: { ...cleanEnv(), [name]: value },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stderr!.on("data", (c) => (output += c));
      expect(await exited(child)).toBe(1);
      expect(output).toMatch(message);
    },
    30_000,
  );
});

describe("embedded PostgreSQL", () => {
  it("keeps its data across restarts and starts again after its previous owner was killed", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "pantau-kill-"));
    await fs.chmod(dir, 0o755);
    const dataDir = path.join(dir, "pg");
    // A process that starts the cluster, writes a row, and is then SIGKILLed: its postmaster lives on.
    const script = `
      import { startEmbeddedPostgres } from "./db/embedded.ts";
      import postgres from "postgres";
      const pg = await startEmbeddedPostgres({ dir: ${JSON.stringify(dataDir)} });
      const sql = postgres(pg.url);
      await sql\`create table kept (note text)\`;
      await sql\`insert into kept values ('before the crash')\`;
      console.log("READY");
      setInterval(() => {}, 1000);`;
    const scriptFile = path.join(process.cwd(), `.kill-test-${process.pid}.mts`);
    await fs.writeFile(scriptFile, script);
    const owner = spawn(process.execPath, ["--import", "tsx", scriptFile], { stdio: ["ignore", "pipe", "pipe"] });
    owner.once("exit", () => fs.rm(scriptFile, { force: true }));
    await new Promise<void>((resolve, reject) => {
      let out = "";
      owner.stdout!.on("data", (c) => {
        out += c;
        if (out.includes("READY")) resolve();
      });
      owner.stderr!.on("data", (c) => (out += c));
      owner.on("exit", () => reject(new Error(out)));
    });
    const gone = exited(owner);
    owner.kill("SIGKILL");
    await gone;

    const pg = await startEmbeddedPostgres({ dir: dataDir });
    const sql = postgres(pg.url, { max: 1 });
    try {
      expect(await sql`select note from kept`).toEqual([{ note: "before the crash" }]);
    } finally {
      await sql.end();
      await pg.stop();
      await fs.rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
