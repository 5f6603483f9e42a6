// The short fault scenario in the regular test run: the production server is SIGKILLed while
// officers submit and dashboards watch, then started again; scripts/fault.ts checks that no acknowledged
// submission is missing and every dashboard catches up by seq. The longer scenarios (PostgreSQL restart,
// reconnect storm) run with `npm run test:fault`.
import { execFile } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("fault: server killed under load", () => {
  it("loses no acknowledged submission and every dashboard catches up after a SIGKILL and restart", async () => {
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = execFile(
        process.execPath,
        ["--import", "tsx", "scripts/fault.ts", "kill"],
        { timeout: 120_000 },
        (error, stdout, stderr) =>
          resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, output: stdout + stderr }),
      );
      child.stdin?.end();
    });
    expect(output).toMatch(/ok {3}kill: all \d+ acknowledged submissions are stored/);
    expect(output).toMatch(/ok {3}kill: 20 of 20 dashboards hold every seq/);
    expect(code, output.slice(-2000)).toBe(0);
  }, 150_000);
});
