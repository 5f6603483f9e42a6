// Database commands:
//   npm run db:migrate              apply pending migrations
//   npm run db:reset                wipe everything and load the demo data again (docs/overview.md)
//   npm run db:generate -- city 5000         wipe and load the real Kota Lubuklinggau with that many TPS
//   npm run db:generate -- 100000            wipe and load Sumatera Selatan with that many TPS and its Pilkada
//   npm run db:generate -- national 820000   wipe and load the national election with that many TPS
// Uses DATABASE_URL, or the embedded database (attaching to it when a Pantau server already runs it).
import path from "node:path";
import { parseEnv } from "../app/utils/env.server";
import { createSql, openDatabase } from "./connect";
import { runningPostgresUrl } from "./embedded";
import { migrate } from "./migrate";
import { seed, wipe, type SeedOptions } from "./seed";

const [command] = process.argv.slice(2);

/** `generate 100000` (Sumatera Selatan), `generate city 5000`, `generate province 100000`, `generate national 820000`. */
function generateOptions(args: string[]): SeedOptions {
  const election = args[0] === "national" || args[0] === "province" || args[0] === "city" ? args[0] : "province";
  const tpsCount = Number(args[0] === election ? args[1] : args[0]);
  if (!(Number.isInteger(tpsCount) && tpsCount > 0 && tpsCount <= 2_000_000)) {
    throw new Error(
      "usage: npm run db:generate -- [city|province|national] <number of TPS up to 2000000>, e.g. national 820000",
    );
  }
  return { election, tpsCount };
}
const env = parseEnv();
const dataDir = path.resolve(env.PANTAU_DATA_DIR);
const attachUrl = env.DATABASE_URL ?? runningPostgresUrl(path.join(dataDir, "postgres"));
const db = attachUrl
  ? { sql: createSql(attachUrl), close: async () => {} }
  : await openDatabase({ dataDir, log: console.log });

try {
  await migrate(db.sql);
  if (command === "migrate") {
    console.log("migrations up to date");
  } else if (command === "reset" || command === "generate") {
    const options = command === "generate" ? generateOptions(process.argv.slice(3)) : {};
    const started = performance.now();
    await wipe(db.sql);
    const counts = await seed(db.sql, options);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `database reset: ${counts.regions} regions, ${counts.tps} TPS, ${counts.contests} contests, demo accounts loaded in ${seconds} s`,
    );
    if (attachUrl && !env.DATABASE_URL) console.log("a running Pantau server keeps working; reload its pages");
  } else {
    throw new Error("usage: tsx db/cli.ts migrate|reset|generate [city|province|national] <tps>");
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  if (attachUrl) await db.sql.end({ timeout: 5 });
  await db.close();
}
