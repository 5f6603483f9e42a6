// Forward-only migration runner: applies db/migrations/NNNN_*.sql in order, each once. All pending files
// run in one transaction, each in its own savepoint together with its schema_migrations row; a failing file
// aborts the whole run, so either every pending migration lands or none does. The transaction holds an
// advisory lock, so several Pantau instances can start at once on one database.
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Sql } from "postgres";

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");
const LOCK_KEY = 7_261_001; // any constant shared by all Pantau instances

export async function migrate(sql: Sql): Promise<string[]> {
  const files = (await fs.readdir(MIGRATIONS_DIR)).filter((f) => /^\d{4}_.+\.sql$/.test(f)).sort();
  const applied: string[] = [];
  await sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${LOCK_KEY})`;
    await tx`create table if not exists schema_migrations (
      name text primary key, applied_at timestamptz not null default now())`;
    const done = new Set((await tx`select name from schema_migrations`).map((r) => r.name as string));
    for (const file of files) {
      if (done.has(file)) continue;
      const text = await fs.readFile(path.join(MIGRATIONS_DIR, file), "utf8");
      await tx.savepoint(async (sp) => {
        await sp.unsafe(text);
        await sp`insert into schema_migrations (name) values (${file})`;
      });
      applied.push(file);
    }
  });
  return applied;
}
