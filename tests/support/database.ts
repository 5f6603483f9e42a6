// Databases for tests that talk to PostgreSQL without a server: each a clone of the seeded template.
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, inject } from "vitest";
import { createSql } from "../../db/connect";
import { createDatabase, dropDatabase } from "./postgres";

/**
 * A database of its own for each test of the calling file: a clone of the seeded template, created before
 * each test and dropped after it, so no test sees rows another one left. Read `sql()` inside the tests.
 */
export function databasePerTest() {
  let current: { name: string; sql: ReturnType<typeof createSql> } | undefined;
  beforeEach(async () => {
    const name = `pantau_e_${randomUUID().slice(0, 8)}`;
    current = { name, sql: createSql(await createDatabase(inject("adminUrl"), name, inject("template"))) };
  });
  afterEach(async () => {
    if (!current) return;
    await current.sql.end();
    await dropDatabase(inject("adminUrl"), current.name);
    current = undefined;
  });
  return () => {
    if (!current) throw new Error("databasePerTest: the database exists only while a test runs");
    return current.sql;
  };
}
