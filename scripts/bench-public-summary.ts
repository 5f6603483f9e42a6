// Times the version-1 public summary (GET /api/v1/public/summary, getPublicSummary) on a generated election
// (docs/BENCHMARKS.md, "National scale"), against the embedded database of a data folder:
//   PANTAU_DATA_DIR=/tmp/v1s-db npx tsx db/cli.ts generate national 100000
//   PANTAU_DATA_DIR=/tmp/v1s-db npx tsx scripts/bench-public-summary.ts
// The first run reports results for 60% of the TPS in every contest (half quick entries only) straight into
// the tables and rebuilds the running totals, as scripts/bench-loader-queries.ts does. Prints each part's ms.
import path from "node:path";
import { openDatabase } from "../db/connect";
import { rebuildTotalsNow } from "../app/models/region-totals.server";
import { getPublicSummary } from "../app/models/public.server";
import type { Db } from "../app/utils/db.server";

const db = await openDatabase({ dataDir: path.resolve(process.env.PANTAU_DATA_DIR ?? "data") });
const sql = db.sql as unknown as Db;

async function prepare() {
  const [{ n }] = await sql<[{ n: number }]>`select count(*)::int as n from results`;
  if (n > 0) return;
  const [author] = await sql<[{ id: number }]>`select id from users order by id limit 1`;
  await sql`create temp table pairs as
    select t.code as tps_code, c.code as contest_code, (hashtext(t.code) & 1) = 0 as quick
    from tps t join contests c on exists (select 1 from contest_areas a where a.contest_code = c.code
      and (t.kelurahan_code = a.region_code or t.kelurahan_code like a.region_code || '.%'))
    where abs(hashtext(t.code || 'r')) % 10 < 6`;
  await sql`insert into submissions (id, tps_code, contest_code, source, author_id, revision, votes, invalid,
      captured_at, body_hash, response, completeness)
    select gen_random_uuid(), tps_code, contest_code, 'app', ${author.id}, 1,
      jsonb_build_object('1', 100 + abs(hashtext(tps_code)) % 50, '2', 80 + abs(hashtext(tps_code || 'b')) % 60),
      3, now(), md5(tps_code || contest_code), '{}', case when quick then 'quick' else 'complete' end from pairs`;
  await sql`insert into results (tps_code, contest_code, status, submission_id, votes, invalid, completeness)
    select tps_code, contest_code, 'submitted', id, votes, invalid, completeness from submissions`;
  await rebuildTotalsNow(db.sql);
  await sql`analyze`;
}

try {
  let start = performance.now();
  await prepare();
  console.log(`results ready in ${(performance.now() - start).toFixed(0)} ms`);
  start = performance.now();
  const summary = await getPublicSummary(sql);
  console.log(
    `getPublicSummary: ${(performance.now() - start).toFixed(0)} ms, ${summary.contests.length} contests, ` +
      `${JSON.stringify(summary).length} bytes`,
  );
} finally {
  await db.close();
}
