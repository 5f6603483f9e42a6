// Times the version-1 public summary (GET /api/v1/public/summary, getPublicSummary) on a generated election
// (docs/BENCHMARKS.md, "National scale"), against the embedded database of a data folder:
//   PANTAU_DATA_DIR=/tmp/v1s-db npx tsx db/cli.ts generate national 100000
//   PANTAU_DATA_DIR=/tmp/v1s-db npx tsx scripts/bench-public-summary.ts
// The first run reports results for 60% of the TPS in every contest (half quick entries only) straight into
// the tables and rebuilds the running totals, as scripts/bench-loader-queries.ts does. Prints each part's ms.
import path from "node:path";
import { openDatabase } from "../db/connect";
import { getPublicSummary } from "../app/models/public.server";
import type { Db } from "../app/utils/db.server";
import { fillWithResults } from "./load-kit";

const db = await openDatabase({ dataDir: path.resolve(process.env.PANTAU_DATA_DIR ?? "data") });
const sql = db.sql as unknown as Db;

async function prepare() {
  const [{ n }] = await sql<[{ n: number }]>`select count(*)::int as n from results`;
  if (n > 0) return;
  await fillWithResults(db.sql);
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
