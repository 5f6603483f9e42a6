// Database commands:
//   npm run db:migrate              apply pending migrations
//   npm run db:reset                wipe everything and load the demo data again (docs/overview.md)
//   npm run db:generate -- 100000   wipe and load a generated region of that many TPS (benchmarks)
// Uses DATABASE_URL, or the embedded database (attaching to it when a Pantau server already runs it).
import path from "node:path";
import { parseEnv } from "../app/utils/env.server";
import { createSql, openDatabase } from "./connect";
import { runningPostgresUrl } from "./embedded";
import { migrate } from "./migrate";
import { seed, wipe } from "./seed";

const [command, arg] = process.argv.slice(2);
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
    const tpsCount = command === "generate" ? Number(arg) : undefined;
    if (command === "generate" && !(Number.isInteger(tpsCount) && tpsCount! > 0)) {
      throw new Error("usage: npm run db:generate -- <number of TPS>, e.g. 10000 or 100000");
    }
    await wipe(db.sql);
    const counts = await seed(db.sql, { tpsCount });
    console.log(`database reset: ${counts.regions} regions, ${counts.tps} TPS, demo accounts and contests loaded`);
    if (attachUrl && !env.DATABASE_URL) console.log("a running Pantau server keeps working; reload its pages");
  } else {
    throw new Error("usage: tsx db/cli.ts migrate|reset|generate <tps>");
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  if (attachUrl) await db.sql.end({ timeout: 5 });
  await db.close();
}
