// `npm run test:fault -- [kill|postgres|storm|all] [--sockets 2000]`: Pantau under faults (the scenarios are
// described in fault-scenarios.ts). Exits non-zero when a promise is broken.
import { killScenario, postgresScenario, stormScenario, type Check } from "./fault-scenarios";
import { log } from "./load-kit";

const scenario = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? "all";
const socketsArg = process.argv.indexOf("--sockets");
const STORM_SOCKETS = Math.min(
  10_000,
  Math.max(10, Number(socketsArg > 0 ? process.argv[socketsArg + 1] : 2000) || 2000),
);
const failures: string[] = [];
const check: Check = (ok, what) => {
  log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
};

const scenarios: Record<string, () => Promise<void>> = {
  kill: () => killScenario(check),
  postgres: () => postgresScenario(check),
  storm: () => stormScenario(check, STORM_SOCKETS),
};
const chosen = scenario === "all" ? Object.keys(scenarios) : [scenario];
if (!chosen.every((s) => s in scenarios)) {
  console.error(`unknown scenario ${scenario}: use kill, postgres, storm or all`);
  process.exit(2);
}
const guard = setTimeout(() => {
  console.error("fault: time limit (10 min) reached");
  process.exit(1);
}, 10 * 60_000);
guard.unref();
for (const s of chosen) {
  try {
    await scenarios[s]();
  } catch (error) {
    check(false, `${s}: ${(error as Error).message}`);
  }
}
console.log(
  failures.length ? `FAILED:\n  ${failures.join("\n  ")}` : `all fault scenarios passed (${chosen.join(", ")})`,
);
process.exit(failures.length ? 1 : 0);
