// Starts the real Pantau server (production build, real PostgreSQL) on a free port for one test file.
import { existsSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { inject } from "vitest";
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
  if (!existsSync("build/server/index.js")) throw new Error("No production build: run `npm run build` first (npm test does).");
  const adminUrl = inject("adminUrl");
  const name = `pantau_t_${randomUUID().slice(0, 8)}`;
  const databaseUrl = await createDatabase(adminUrl, name, inject("template"));
  const boot = async (): Promise<TestServer> => {
    const parsed = parseEnv({ NODE_ENV: "production", PORT: "0", HOST: "127.0.0.1", DATABASE_URL: databaseUrl, PANTAU_SEED: "none", COOKIE_SECURE: "false", ...extraEnv });
    const pantau = await startPantau(parsed, () => {});
    return {
      ...pantau,
      databaseUrl,
      restart: async () => { await pantau.close(); return boot(); },
      stop: async () => { await pantau.close(); await dropDatabase(adminUrl, name); },
    };
  };
  return boot();
}

/** Logs in over the API and returns the bearer token. */
export async function loginToken(server: { url: string }, login: string, secret: string) {
  const res = await fetch(`${server.url}/api/v1/session`, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ login, secret }),
  });
  if (res.status !== 200) throw new Error(`login ${login} failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}
