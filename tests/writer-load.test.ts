// The writer under concurrent load: many officers' submissions at once share commits, and writes
// that meet each other on one TPS from two batches are re-run instead of deadlocking or failing.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "./support/api";
import { startTestServer, type TestServer } from "./support/server";

let server: TestServer;
const http = api(() => server);
let operator: string;
beforeAll(async () => {
  server = await startTestServer();
  operator = await http.login("posko");
});
afterAll(() => server?.stop());

const post = (body: unknown) => http.post("/api/v1/quick-counts", body, operator);

describe("writer under concurrent load", () => {
  it("accepts 120 simultaneous submissions on six TPS, all stored, in fewer commits, with gap-free revisions", async () => {
    const before = server.services.writer.stats();
    const tps = [
      "1673071001-001",
      "1673071001-002",
      "1673071002-001",
      "1673081001-001",
      "1673081001-002",
      "1673081002-001",
    ];
    const bodies = Array.from({ length: 120 }, (_, i) => ({
      id: randomUUID(),
      tpsCode: tps[i % tps.length],
      contest: i % 4 < 2 ? "gubernur" : "walikota",
      votes: i % 4 < 2 ? { "1": 60, "2": 65 } : { "1": 40, "2": 45, "3": 40 },
      invalid: 3,
      capturedAt: new Date().toISOString(),
    }));
    const statuses = await Promise.all(bodies.map(async (b) => (await post(b)).status));
    expect(statuses.filter((s) => s !== 201)).toEqual([]);

    const rows = await server.services.sql`
      select tps_code, contest_code, array_agg(revision order by revision) as revisions
      from submissions where tps_code in ${server.services.sql(tps)} group by 1, 2`;
    for (const r of rows) expect(r.revisions).toEqual(Array.from({ length: r.revisions.length }, (_, i) => i + 1));
    expect(rows.reduce((n, r) => n + r.revisions.length, 0)).toBe(120);

    const after = server.services.writer.stats();
    const writes = after.writes - before.writes;
    expect(writes).toBeGreaterThanOrEqual(120);
    expect(after.commits - before.commits).toBeLessThan(writes);
  });
});
