// Starts the real Pantau server (production build, real PostgreSQL) on a free port for one test file.
import { existsSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { io, type Socket } from "socket.io-client";
import { inject } from "vitest";
import type { LiveEvent } from "../../app/lib/events";
import { startPantau, type Pantau } from "../../server/app";
import { parseEnv } from "../../app/utils/env.server";
import { createDatabase, dropDatabase } from "./postgres";

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
    const parsed = parseEnv({
      NODE_ENV: "production",
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      PANTAU_SEED: "none",
      COOKIE_SECURE: "false",
      ...extraEnv,
    });
    const pantau = await startPantau(parsed, () => {});
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

/** Logs in over the API and returns the bearer token. */
export async function loginToken(server: { url: string }, login: string, secret: string) {
  const res = await fetch(`${server.url}/api/v1/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ login, secret }),
  });
  if (res.status !== 200) throw new Error(`login ${login} failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** Numbers that pass every C1 check at any demo TPS (150-600 voters: 128 ballots is 21-85% turnout). */
export const VALID_VOTES = { gubernur: { "1": 60, "2": 65 }, walikota: { "1": 40, "2": 45, "3": 40 } } as const;

/** An officer logs in and submits a valid quick count for their TPS; returns the answer's status. */
export async function submitAsOfficer(server: { url: string }, tpsCode: string, contest: keyof typeof VALID_VOTES) {
  const token = await loginToken(server, tpsCode, "123456");
  const res = await fetch(`${server.url}/api/v1/quick-counts`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    body: JSON.stringify({
      id: randomUUID(),
      tpsCode,
      contest,
      votes: VALID_VOTES[contest],
      invalid: 3,
      capturedAt: new Date().toISOString(),
    }),
  });
  return res.status;
}

/** Polls `check` every 25 ms, up to `tries` times. */
export async function until(check: () => boolean, what: string, tries = 200) {
  for (let i = 0; i < tries; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A command-post dashboard (posko) on `url` over WebSocket, with every event it receives in arrival order. */
export async function connectDashboard(url: string): Promise<{ socket: Socket; received: LiveEvent[] }> {
  const token = await loginToken({ url }, "posko", "pantau-demo");
  const socket = io(url, { auth: { token }, transports: ["websocket"], reconnection: false, forceNew: true });
  const received: LiveEvent[] = [];
  socket.on("event", (e: LiveEvent) => received.push(e));
  socket.on("events", (list: LiveEvent[]) => received.push(...list));
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return { socket, received };
}
