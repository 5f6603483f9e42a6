// npm run totals:check [-- --fix]: recomputes every running total (per region and contest, and each region's
// TPS count and centre) from results, TPS and contest areas, and prints each stored total that differs (the
// changes recorded but not yet folded counted in). Reads one snapshot without locks, so it may run beside a
// live election. Exit code 0 when none differs, 1 when one does (after --fix: when the rebuild did not
// mend it), 2 on other errors. --fix rebuilds them all, holding writes back meanwhile.
// Uses DATABASE_URL, or the embedded database (attaching to it when a Pantau server already runs it).
import { checkTotals, rebuildTotals, type TotalsDifference } from "../app/models/region-totals.server";
import { runDatabaseCommand } from "./command";

const show = (d: TotalsDifference) =>
  `${d.regionCode}${d.contestCode ? ` / ${d.contestCode}` : " (TPS and centre)"}: stored ${JSON.stringify(d.stored)}, recomputed ${JSON.stringify(d.computed)}`;

await runDatabaseCommand(async ({ database }) => {
  const args = process.argv.slice(2);
  const unknown = args.find((a) => a !== "--fix");
  if (unknown) throw new Error(`unknown argument ${unknown}; usage: totals:check [-- --fix]`);
  const sql = await database();
  const found = await checkTotals(sql);
  if (found.count === 0) {
    console.log(`running totals match: ${found.checked} totals recomputed from results`);
    return 0;
  }
  console.log(`${found.count} running totals differ from results:`);
  for (const d of found.differences) console.log(`  ${show(d)}`);
  if (found.count > found.differences.length) console.log(`  ... and ${found.count - found.differences.length} more`);
  if (!args.includes("--fix")) return 1;
  await rebuildTotals(sql);
  const after = await checkTotals(sql);
  console.log(
    after.count === 0 ? "rebuilt: every total now matches" : `rebuilt, yet ${after.count} totals still differ`,
  );
  return after.count === 0 ? 0 : 1;
});
