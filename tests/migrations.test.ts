// Migrations are forward-only: numbered without gaps (from 0008 on; 0005 was never used) and never edited
// once landed. db/migrations/SHA256SUMS records every landed file (`sha256sum -c` reads it too), so an edit
// or a rename fails here; a new migration lands with its line added (db/migrations/README.md).
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const DIR = path.resolve("db/migrations");
const FIRST_WITHOUT_GAPS = 8;

const migrations = readdirSync(DIR)
  .filter((name) => name.endsWith(".sql"))
  .sort();
const landed = new Map(
  readFileSync(path.join(DIR, "SHA256SUMS"), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [sum, name] = line.split(/\s+\*?/);
      return [name, sum] as const;
    }),
);
const sha256 = (name: string) =>
  createHash("sha256")
    .update(readFileSync(path.join(DIR, name)))
    .digest("hex");

describe("migrations", () => {
  it("are named NNNN_words.sql and numbered without gaps", () => {
    for (const name of migrations) expect(name).toMatch(/^\d{4}_[a-z0-9_]+\.sql$/);
    const numbers = migrations.map((name) => Number(name.slice(0, 4)));
    expect(new Set(numbers).size).toBe(numbers.length);
    const later = numbers.filter((n) => n >= FIRST_WITHOUT_GAPS);
    expect(later).toEqual(later.map((_, i) => FIRST_WITHOUT_GAPS + i));
  });

  it("each has its checksum recorded, and none was edited or renamed since it landed", () => {
    expect(migrations.filter((name) => !landed.has(name))).toEqual([]);
    for (const [name, sum] of landed) expect({ name, sum: sha256(name) }).toEqual({ name, sum });
  });
});
