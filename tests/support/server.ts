// Starts the real Pantau server (production build, real PostgreSQL) on a free port for one test file.
import { existsSync } from "node:fs";
import { randomUUID } from "node:crypto";
import type { Socket } from "socket.io-client";
import { afterEach, beforeEach, inject } from "vitest";
import type { LiveEvent } from "../../app/lib/events";
import { startPantau, type Pantau } from "../../server/app";
import { parseEnv } from "../../app/utils/env.server";
import { api, loginToken } from "./api";
import { createDatabase, dropDatabase } from "./postgres";
import { openLive } from "./sockets";

export interface TestServer extends Pantau {
  databaseUrl: string;
  /** Stops the server and starts a new one on the same database (a restart). */
  restart: () => Promise<TestServer>;
  stop: () => Promise<void>;
}

/** `extraEnv`: extra environment variables for this server (e.g. SMS_WEBHOOK_SECRET). */
export async function startTestServer(extraEnv: Record<string, string> = {}): Promise<TestServer> {
  if (!existsSync("build/server/index.js"))
    throw new Error("No production build: run `npm run build` first (npm test does).");
  const adminUrl = inject("adminUrl");
  const name = `pantau_t_${randomUUID().slice(0, 8)}`;
  const databaseUrl = await createDatabase(adminUrl, name, inject("template"));
  const boot = async (): Promise<TestServer> => {
    const pantau = await startInstance(databaseUrl, extraEnv);
    return {
      ...pantau,
      databaseUrl,
      restart: async () => {
        await pantau.close();
        return boot();
      },
      stop: async () => {
        await pantau.close();
        await dropDatabase(adminUrl, name);
      },
    };
  };
  return boot();
}

/** One more Pantau instance on a database (e.g. a test server's: instances sharing one database); the
 *  caller closes it. `log` receives its output lines. */
export function startInstance(databaseUrl: string, extraEnv: Record<string, string> = {}, log = (_line: string) => {}) {
  const env = parseEnv({
    NODE_ENV: "production",
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: databaseUrl,
    PANTAU_SEED: "none",
    COOKIE_SECURE: "false",
    ...extraEnv,
  });
  return startPantau(env, log);
}

/**
 * A server of its own for each test of the calling file, on a fresh copy of the demo data: for files whose
 * tests change what the others would read (day status, rate limits, counts of rows). Call the returned
 * function inside a test.
 */
export function serverPerTest(extraEnv: Record<string, string> = {}) {
  let current: TestServer | undefined;
  beforeEach(async () => {
    current = await startTestServer(extraEnv);
  });
  afterEach(async () => {
    await current?.stop();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error("serverPerTest: the server runs only while a test runs");
    return current;
  };
}

/** Numbers that pass every C1 check at any demo TPS (150-600 voters: 128 ballots is 21-85% turnout). */
export const VALID_VOTES = { gubernur: { "1": 60, "2": 65 }, walikota: { "1": 40, "2": 45, "3": 40 } } as const;

/** An officer logs in and submits a valid quick count for their TPS; returns the answer's status. */
export async function submitAsOfficer(server: { url: string }, tpsCode: string, contest: keyof typeof VALID_VOTES) {
  const officer = api(() => server);
  const body = {
    id: randomUUID(),
    tpsCode,
    contest,
    votes: VALID_VOTES[contest],
    invalid: 3,
    capturedAt: new Date().toISOString(),
  };
  const res = await officer.post("/api/v1/quick-counts", body, await officer.login(tpsCode));
  return res.status;
}

/** A command-post dashboard (posko) on `url` over WebSocket, with every event it receives in arrival order. */
export async function connectDashboard(url: string): Promise<{ socket: Socket; received: LiveEvent[] }> {
  const { socket, received, ready } = openLive(url, { token: await loginToken({ url }, "posko") });
  await ready;
  return { socket, received };
}
