// Times each query behind the command post's upper levels and GET /api/v1/projection on a generated
// election (docs/BENCHMARKS.md, "National scale"), against the embedded database of a data folder:
//   PANTAU_DATA_DIR=/tmp/proj-db npx tsx db/cli.ts generate national 100000
//   PANTAU_DATA_DIR=/tmp/proj-db npx tsx scripts/bench-loader-queries.ts
// The first run draws a projection sample (1% of the TPS, at least 2 per kecamatan) and reports results for
// 60% of the TPS in every contest (half quick entries only), all straight into the tables, as no bench here
// measures the writer. Each query is run 3 times; the median is printed. `--all` also times the projection
// of every contest (GET /api/v1/projection without `?contest=`).
import path from "node:path";
import { openDatabase } from "../db/connect";
import { drawSample } from "../app/lib/projection";
import { ballotChoices } from "../app/lib/ballot";
import { ELECTION_ROOT } from "../app/lib/region-summary";
import { TOP_N } from "../app/lib/drill-down";
import { regionSummary } from "../app/models/region-summary.server";
import { listIncidents, listResponders } from "../app/models/incidents.server";
import { listQuickOnly } from "../app/models/quick-only.server";
import { getStaleConfig, notArrived } from "../app/models/command-post.server";
import { getSetting } from "../app/models/settings.server";
import { recentSecurityAlerts } from "../app/models/guess-limits.server";
import { listContests } from "../app/models/election.server";
import { getProjections } from "../app/models/projection.server";
import { contestTouches } from "../app/lib/contests";
import type { Db } from "../app/utils/db.server";
import { fillWithResults } from "./load-kit";

const db = await openDatabase({ dataDir: path.join(path.resolve(process.env.PANTAU_DATA_DIR ?? "data"), ".") });
const sql = db.sql as unknown as Db;

async function prepare() {
  const [{ n }] = await sql<[{ n: number }]>`select count(*)::int as n from projection_sample`;
  if (n > 0) return;
  const units = await sql<{ code: string; kelurahan: string; stratum: string }[]>`
    select t.code, t.kelurahan_code as kelurahan, kel.parent_code as stratum
    from tps t join regions kel on kel.code = t.kelurahan_code`;
  const sample = drawSample(units, Math.ceil(units.length / 100), 20261203);
  for (let i = 0; i < sample.length; i += 5000)
    await sql`insert into projection_sample ${sql(sample.slice(i, i + 5000).map((s) => ({ tps_code: s.code, kelurahan_code: s.kelurahan, stratum: s.stratum })))}`;
  await sql`insert into settings (key, value) values ('projection.sample',
    ${sql.json({ seed: 20261203, margin: null, size: sample.length, drawnAt: new Date().toISOString() })})
    on conflict (key) do update set value = excluded.value`;
  await fillWithResults(db.sql);
}

async function time(label: string, run: () => Promise<unknown>) {
  const ms: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    await run();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  console.log(`${label.padEnd(58)} ${ms[1].toFixed(1).padStart(9)} ms`);
}

try {
  await prepare();
  const view = { scope: null } as never;
  const [province] = await sql<
    [{ code: string }]
  >`select code from regions where level = 'province' order by code limit 1`;
  const [city] = await sql<
    [{ code: string }]
  >`select code from regions where level = 'city' and parent_code = ${province.code} order by code limit 1`;
  const [kec] = await sql<
    [{ code: string }]
  >`select code from regions where level = 'kecamatan' and parent_code = ${city.code} order by code limit 1`;
  const staleConfig = { ...(await getStaleConfig(sql)), opening: "00:00", staleAfterMinutes: 0 };
  for (const code of [ELECTION_ROOT, province.code, city.code]) {
    const scope = code === ELECTION_ROOT ? null : code;
    console.log(`-- /posko?wilayah=${code}`);
    await time("regionSummary", () => regionSummary(db.sql as never, { code, view, audience: "staff" }));
    await time("listResponders + stale config + categories + alerts", () =>
      Promise.all([
        listResponders(sql),
        getStaleConfig(sql),
        getSetting(sql, "incident.categories"),
        recentSecurityAlerts(sql),
      ]),
    );
    await time("listIncidents (open, 50)", () =>
      listIncidents(sql, { scope, placeless: true, open: true, limit: TOP_N }),
    );
    await time("listQuickOnly (50)", () => listQuickOnly(sql, { scope, limit: TOP_N }));
    await time("notArrived (50)", () => notArrived(sql, { scope, config: staleConfig, limit: TOP_N }));
  }
  const contests = await listContests(sql);
  const projectionOf = (list: typeof contests) =>
    getProjections(
      sql,
      list.map((c) => ({ contest: c.code, candidates: ballotChoices(c).map((k) => k.number) })),
    );
  for (const code of [province.code, city.code, kec.code]) {
    const shown = contests.filter((c) => contestTouches(c, code));
    await time(`projection of the ${shown.length} contests of ${code}`, () => projectionOf(shown));
  }
  if (process.argv.includes("--all"))
    await time(`projection of all ${contests.length} contests`, () => projectionOf(contests));
} finally {
  await db.close();
}
