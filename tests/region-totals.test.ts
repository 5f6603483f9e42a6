// The running totals per region and contest (migration 0013) against a real server and PostgreSQL: after
// every kind of write the election sees on the day, on two writer lanes at once, they equal the totals
// recomputed from results; the check command finds a tampered total and its --fix repairs it.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkTotals } from "~/models/region-totals.server";
import { api } from "./support/api";
import { CASE_TPS, completeForm } from "./support/c1-cases";
import { startTestServer, type TestServer } from "./support/server";

let server: TestServer;
const http = api(() => server);
let posko: string;
let posko2: string;
let supervisor: string;
beforeAll(async () => {
  server = await startTestServer();
  [posko, posko2, supervisor] = await Promise.all([
    http.login("posko"),
    http.login("posko2"),
    http.login("pengawas-03"),
  ]);
});
afterAll(() => server?.stop());

/** A seeded pseudo-random sequence, so a failure can be run again with the same writes. */
function random(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
}

const quickCount = (tpsCode: string, contest: "gubernur" | "walikota", pick: (n: number) => number) => ({
  id: randomUUID(),
  tpsCode,
  contest,
  votes:
    contest === "gubernur"
      ? { "1": 50 + pick(30), "2": 50 + pick(30) }
      : { "1": 30 + pick(20), "2": 30 + pick(20), "3": 30 + pick(20) },
  invalid: pick(6),
  // A correction that changes much needs a reason; with one it stands, flagged for review.
  justification: "Dihitung ulang bersama saksi",
  capturedAt: new Date().toISOString(),
});

const expectTotalsMatch = async () => {
  const found = await checkTotals(server.services.sql);
  expect(found.differences).toEqual([]);
  expect(found.checked).toBeGreaterThan(0);
  // Every change was folded by the batch that made it.
  const [{ pending }] = await server.services.sql`select count(*)::int as pending from result_changes`;
  expect(pending).toBe(0);
};

describe("running totals", () => {
  it("equal the recomputed totals after random submissions, corrections, double entries and verifications", async () => {
    const pick = random(2026);
    const tps = (
      await server.services.sql<{ code: string }[]>`
      select code from tps where kelurahan_code like '16.73.0_.%' order by code`
    ).map((r) => r.code);
    // Quick counts and their corrections (a second count on the same TPS) from two operators at once: more
    // writes than one batch takes, so both lanes of the writer fold side by side.
    const bodies = Array.from({ length: 240 }, (_, i) =>
      quickCount(tps[pick(60)], i % 2 ? "gubernur" : "walikota", pick),
    );
    const answers = await Promise.all(
      bodies.map((b, i) => http.post("/api/v1/quick-counts", b, i % 2 ? posko : posko2)),
    );
    expect(answers.filter((a) => a.status >= 500)).toEqual([]);
    expect(answers.filter((a) => a.status !== 201)).toEqual([]);
    expect(server.services.writer.stats().commits).toBeLessThan(240);
    await expectTotalsMatch();

    // Paper double entry of complete forms: one pair agrees (consolidated, complete), one disagrees (conflict)
    // and is resolved by the supervisor; then a verification and a correction with a reason.
    const [same, differs] = ["1673031002-002", "1673031002-003"];
    await server.services.sql`update tps set dpt = ${CASE_TPS.dpt}, dpt_men = ${CASE_TPS.dptMen},
      dpt_women = ${CASE_TPS.dptWomen}, dptb = ${CASE_TPS.dptb}, dpk = ${CASE_TPS.dpk} where code in (${same}, ${differs})`;
    const keyed = (tpsCode: string, form: unknown) => ({
      id: randomUUID(),
      tpsCode,
      contest: "walikota",
      form,
      source: "paper",
      capturedAt: new Date().toISOString(),
    });
    const form = completeForm({ "1": 100, "2": 80, "3": 40 }, 6);
    expect((await http.post("/api/v1/paper-entries", keyed(same, form), posko)).status).toBe(201);
    expect((await http.post("/api/v1/paper-entries", keyed(same, form), posko2)).status).toBe(201);
    const other = completeForm({ "1": 100, "2": 81, "3": 40 }, 6);
    expect((await http.post("/api/v1/paper-entries", keyed(differs, form), posko)).status).toBe(201);
    expect(await (await http.post("/api/v1/paper-entries", keyed(differs, other), posko2)).json()).toMatchObject({
      state: "conflict",
    });
    const [{ id: formId }] = await server.services
      .sql`select id from paper_forms where tps_code = ${differs} and status = 'conflict'`;
    await http.uploadC1Photo(posko, { tpsCode: differs, contest: "walikota" });
    const resolve = { action: "resolve_paper", formId, choice: "second", note: "Formulir asli dicek" };
    expect((await http.post("/api/v1/reviews", resolve, supervisor)).status).toBe(200);
    await http.uploadC1Photo(posko, { tpsCode: same, contest: "walikota" });
    const verify = { action: "verify", tpsCode: same, contest: "walikota" };
    expect((await http.post("/api/v1/reviews", verify, supervisor)).status).toBe(200);
    const correction = {
      action: "correct",
      ...keyed(same, completeForm({ "1": 101, "2": 80, "3": 40 }, 5)),
      reason: "C.Hasil dibaca ulang",
    };
    expect((await http.post("/api/v1/reviews", correction, supervisor)).status).toBe(200);
    await expectTotalsMatch();

    const [kecamatan] = await server.services.sql`
      select reporting, verified, complete, votes from region_totals where region_code = '16.73.03' and contest_code = 'walikota'`;
    expect(kecamatan.verified).toBeGreaterThanOrEqual(2);
    expect(kecamatan.complete).toBeGreaterThanOrEqual(2);
    const [root] = await server.services.sql`
      select reporting from region_totals where region_code = 'ID' and contest_code = 'walikota'`;
    const [{ n }] = await server.services
      .sql`select count(*)::int as n from results where contest_code = 'walikota' and status <> 'missing'`;
    expect(root.reporting).toBe(n);
  });

  it("folds a change made outside the writer with the next batch", async () => {
    await server.services.sql`update results set invalid = invalid + 1 where tps_code like '167303%'`;
    const [{ pending }] = await server.services.sql`select count(*)::int as pending from result_changes`;
    expect(pending).toBeGreaterThan(0);
    expect(
      (await http.post("/api/v1/quick-counts", quickCount("1673081001-001", "walikota", random(7)), posko)).status,
    ).toBe(201);
    await expectTotalsMatch();
  });
});

describe("region paths", () => {
  it("name every ancestor of a Kemendagri code, and of any other code", async () => {
    const paths = await server.services.sql<{ code: string | null; path: string[] }[]>`
      select code, region_path(code) as path
      from unnest(array['16.73.01.1001', '16.73.01', '16.73', '16', '1.2.3', null]) as code`;
    expect(paths.map((p) => p.path)).toEqual([
      ["ID", "16", "16.73", "16.73.01", "16.73.01.1001"],
      ["ID", "16", "16.73", "16.73.01"],
      ["ID", "16", "16.73"],
      ["ID", "16"],
      ["ID", "1", "1.2", "1.2.3"],
      ["ID"],
    ]);
  });
});

describe("npm run totals:check", () => {
  const run = promisify(execFile);
  const check = (...args: string[]) =>
    run("npx", ["tsx", "db/totals-check.ts", ...args], {
      env: { ...process.env, DATABASE_URL: server.databaseUrl },
    }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );

  it("finds a tampered total and --fix rebuilds it", async () => {
    expect(await check()).toMatchObject({ code: 0, stdout: expect.stringMatching(/running totals match/) });
    await server.services
      .sql`update region_totals set reporting = reporting + 1 where region_code = '16.73' and contest_code = 'gubernur'`;
    await server.services.sql`update region_centres set tps = tps - 1 where region_code = '16.73.02'`;
    const found = await check();
    expect(found.code).toBe(1);
    expect(found.stdout).toMatch(/2 running totals differ/);
    expect(found.stdout).toMatch(/16\.73 \/ gubernur/);
    expect(found.stdout).toMatch(/16\.73\.02 \(TPS and centre\)/);
    // Each difference shows both values, so the operator sees what is off.
    const [, stored, computed] =
      /16\.73 \/ gubernur: stored (\{.*?\}), recomputed (\{.*?\})\n/.exec(found.stdout) ?? [];
    expect(JSON.parse(stored).reporting).toBe(JSON.parse(computed).reporting + 1);
    expect(await check("--fix")).toMatchObject({ code: 0, stdout: expect.stringMatching(/every total now matches/) });
    expect(await check()).toMatchObject({ code: 0 });
  });
});
