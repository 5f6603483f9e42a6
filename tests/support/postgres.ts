// Test databases on a real PostgreSQL: the embedded one in a temporary folder by default, or the server
// of DATABASE_URL when given. Tests create their own databases there and drop them; they never touch the
// database DATABASE_URL names (so its role needs CREATEDB).
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { createSql } from "../../db/connect";
import { startEmbeddedPostgres } from "../../db/embedded";
import { migrate } from "../../db/migrate";
import { seed } from "../../db/seed";

export interface TestPostgres {
  adminUrl: string;
  stop: () => Promise<void>;
}

export async function startTestPostgres(): Promise<TestPostgres> {
  if (process.env.DATABASE_URL) return { adminUrl: process.env.DATABASE_URL, stop: async () => {} };
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "pantau-test-pg-"));
  await fs.chmod(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dir: path.join(dir, "data") });
  return {
    adminUrl: pg.url,
    stop: async () => {
      await pg.stop();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

export function databaseUrl(adminUrl: string, name: string) {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates a database (from a template when given) and returns its URL. */
export async function createDatabase(adminUrl: string, name: string, template?: string) {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"${template ? ` template "${template}"` : ""}`);
  } finally {
    await admin.end();
  }
  return databaseUrl(adminUrl, name);
}

export async function dropDatabase(adminUrl: string, name: string) {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end();
  }
}

/** A migrated database with the demo data, to clone per test file. */
export async function createSeededDatabase(adminUrl: string, name: string) {
  const url = await createDatabase(adminUrl, name);
  const sql = createSql(url, { max: 2 });
  try {
    await migrate(sql);
    await seed(sql);
  } finally {
    await sql.end();
  }
  return url;
}
