// Databases for tests that talk to PostgreSQL without a server: each a clone of the seeded template.
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, inject } from "vitest";
import { createSql } from "../../db/connect";
import { createDatabase, dropDatabase } from "./postgres";

/**
 * A database of its own for each test of the calling file: a clone of the seeded template, created before
 * each test and dropped after it, so no test sees rows another one left. Call it inside a test for the
 * test's `sql` and `url`.
 */
export function databasePerTest() {
  let current: { name: string; url: string; sql: ReturnType<typeof createSql> } | undefined;
  beforeEach(async () => {
    const name = `pantau_e_${randomUUID().slice(0, 8)}`;
    const url = await createDatabase(inject("adminUrl"), name, inject("template"));
    current = { name, url, sql: createSql(url, { max: 2 }) };
  });
  afterEach(async () => {
    if (!current) return;
    await current.sql.end();
    await dropDatabase(inject("adminUrl"), current.name);
    current = undefined;
  });
  return () => {
    if (!current) throw new Error("databasePerTest: the database exists only while a test runs");
    return { sql: current.sql, url: current.url };
  };
}
