// PostgreSQL stopped and started again while officers submit and dashboards watch: the outage the postgres.js
// patch exists for (without it a write flushed after the connection closed crashed the server). The scenario
// is the one `npm run test:fault -- postgres` runs: 200 officers at 150 submissions a second, 20 dashboards,
// the database away for 1.5 s; about half a minute in all.
import { describe, expect, it } from "vitest";
import { postgresScenario } from "../scripts/fault-scenarios";

describe("fault: PostgreSQL stopped under load", () => {
  it("answers 503 while it is away, keeps serving, and loses nothing once retries succeed", async () => {
    const checks: { ok: boolean; what: string }[] = [];
    await postgresScenario((ok, what) => checks.push({ ok, what }));
    const report = checks.map((c) => `${c.ok ? "ok  " : "FAIL"} ${c.what}`).join("\n");
    const held = (promise: RegExp) => checks.some((c) => c.ok && promise.test(c.what));
    expect(held(/^postgres: the server is serving$/), report).toBe(true);
    expect(held(/^postgres: clients were told 503 while the database was away/), report).toBe(true);
    expect(held(/^postgres: no 500 /), report).toBe(true);
    expect(held(/^postgres: every one of \d+ submissions was acknowledged after retries/), report).toBe(true);
    expect(held(/^postgres: all \d+ acknowledged submissions are stored/), report).toBe(true);
    expect(held(/^postgres: 20 of 20 dashboards hold every seq/), report).toBe(true);
    expect(
      checks.filter((c) => !c.ok),
      report,
    ).toEqual([]);
  }, 180_000);
});
