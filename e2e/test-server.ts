// The server Playwright talks to: the production build on a fresh, seeded database of its own.
import { parseEnv } from "../app/utils/env.server";
import { startPantau } from "../server/app";
import { createSeededDatabase, dropDatabase, startTestPostgres } from "../tests/support/postgres";

const pg = await startTestPostgres();
const name = `pantau_e2e_${process.pid}`;
const databaseUrl = await createSeededDatabase(pg.adminUrl, name);
const env = parseEnv({
  ...process.env,
  NODE_ENV: "production",
  HOST: "127.0.0.1",
  DATABASE_URL: databaseUrl,
  PANTAU_SEED: "none",
  COOKIE_SECURE: "false",
  // Specs that file citizen reports each name their own client address (X-Forwarded-For), so the
  // per-address report limit of one spec never refuses another's.
  TRUST_PROXY: "loopback",
  // Tiles from a port nothing listens on: the map must draw its markers without them.
  TILE_URL: "http://127.0.0.1:9/{z}/{x}/{y}.png",
  // A heartbeat a second: a cut path shows as "Terputus" within about 2.5 s (e2e/command-post-live.spec.ts).
  PANTAU_HEARTBEAT_MS: process.env.PANTAU_HEARTBEAT_MS ?? "1000",
});
const pantau = await startPantau(env, () => {});
console.log(`e2e server ready at ${pantau.url}`);

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    try {
      await pantau.close();
      if (process.env.DATABASE_URL) await dropDatabase(pg.adminUrl, name);
      await pg.stop();
    } finally {
      process.exit(0);
    }
  });
}
