// The command post's upper-level lists at national scale (migration 0015): listQuickOnly counts from the
// running totals and reads the first codes from the partial index, notArrived reads its partial index; both
// show the same rows and counts as grouping every result of the area, capped at the first `limit` by code.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rebuildTotalsNow } from "~/models/region-totals.server";
import { listQuickOnly } from "~/models/quick-only.server";
import { notArrived } from "~/models/command-post.server";
import { DEFAULT_STALE_CONFIG } from "~/lib/stale";
import { insideArea } from "~/models/area.server";
import type { Db } from "~/utils/db.server";
import { startTestServer, type TestServer } from "./support/server";

let server: TestServer;
let sql: Db;

beforeAll(async () => {
  server = await startTestServer();
  sql = server.services.sql as unknown as Db;
  const [author] = await sql<[{ id: number }]>`select id from users order by id limit 1`;
  // Every other TPS of the demo city reports the governor's race as a quick entry only, every third one the
  // mayor's complete; a few quick entries are missing again.
  await sql`insert into submissions (id, tps_code, contest_code, source, author_id, revision, votes, invalid,
      captured_at, body_hash, response, completeness)
    select gen_random_uuid(), t.code, c.contest, 'app', ${author.id}, 1, '{"1": 10}', 0, now(),
      md5(t.code || c.contest), '{}', c.completeness
    from (select code, row_number() over (order by code) as i from tps) t
    cross join (values ('gubernur', 'quick', 2), ('walikota', 'complete', 3)) as c(contest, completeness, every)
    where t.i % c.every = 0`;
  await sql`insert into results (tps_code, contest_code, status, submission_id, votes, invalid, completeness)
    select tps_code, contest_code, case when abs(hashtext(tps_code)) % 20 = 0 then 'missing' else 'submitted' end,
      id, votes, invalid, completeness from submissions`;
  await rebuildTotalsNow(sql as never);
});
afterAll(() => server?.stop());

/** What the lists showed before: every quick result of the area grouped per contest. */
async function groupedQuickOnly(scope: string | null, limit: number) {
  return sql<{ contest: string; name: string; count: number; tps: string[] }[]>`
    select c.code as contest, c.name, count(*)::int as count,
      (array_agg(r.tps_code order by r.tps_code))[1:${limit}] as tps
    from results r join contests c on c.code = r.contest_code join tps t on t.code = r.tps_code
    where r.completeness = 'quick' and r.status <> 'missing' and ${insideArea(sql, "t.kelurahan_code", scope)}
    group by c.code, c.name, c.position order by c.position, c.code`;
}

describe("upper-level lists", () => {
  it("shows the quick-only rows and counts of grouping every result, capped at the limit", async () => {
    for (const scope of [null, "16", "16.73", "16.73.02", "16.73.02.1001"]) {
      const list = await listQuickOnly(sql, { scope, limit: 50 });
      expect(list).toEqual(await groupedQuickOnly(scope, 50));
    }
    const [city] = await listQuickOnly(sql, { scope: "16.73", limit: 50 });
    expect(city.contest).toBe("gubernur");
    expect(city.tps).toHaveLength(50);
    expect(city.count).toBeGreaterThan(250);
    expect(await listQuickOnly(sql, { scope: "16.73", limit: 5 })).toEqual(await groupedQuickOnly("16.73", 5));
  });

  it("lists the TPS not arrived, the first by code and how many in all", async () => {
    await sql`update tps set day_status = 'not_arrived'`;
    await sql`update tps set day_status = 'arrived' where abs(hashtext(code)) % 3 = 0`;
    const config = { ...DEFAULT_STALE_CONFIG, opening: "00:00", staleAfterMinutes: 0 };
    for (const scope of [null, "16.73", "16.73.02"]) {
      const all = await sql<{ code: string }[]>`select code from tps
        where day_status = 'not_arrived' and ${insideArea(sql, "kelurahan_code", scope)} order by code`;
      const shown = await notArrived(sql, { scope, config, limit: 50 });
      expect(shown).toEqual({ count: all.length, tps: all.slice(0, 50).map((t) => t.code) });
    }
  });
});
