// The one condition "inside this area" (app/models/area.server.ts) on a real PostgreSQL: an area is its own
// code and every code below it, never a sibling that merely starts with the same characters, and a code
// that holds LIKE's wildcards is taken as written.
import { describe, expect, it } from "vitest";
import { insideArea } from "~/models/area.server";
import { databasePerTest } from "./support/database";

const db = databasePerTest();

const CODES = ["16.73", "16.73.01", "16.73.01.1001", "16.730", "16.73-x", "16.731.01", "16.7", "16_73.01", "16"];

async function inside(area: string | null) {
  const { sql } = db();
  const rows = await sql<{ code: string }[]>`
    select code from unnest(${CODES}::text[]) as code where ${insideArea(sql, "code", area)}`;
  return rows.map((r) => r.code).sort();
}

describe("insideArea", () => {
  it("takes the area and what is below it, not a sibling with the same first characters", async () => {
    expect(await inside("16.73")).toEqual(["16.73", "16.73.01", "16.73.01.1001"]);
    expect(await inside("16.73.01.1001")).toEqual(["16.73.01.1001"]);
    expect(await inside("16")).toEqual(CODES.filter((c) => c === "16" || c.startsWith("16.")).sort());
  });

  it("reads a code as written, not as a LIKE pattern", async () => {
    expect(await inside("16_73")).toEqual(["16_73.01"]);
    expect(await inside("16%")).toEqual([]);
  });

  it("is the whole election for no area", async () => {
    expect(await inside(null)).toHaveLength(CODES.length);
  });
});
