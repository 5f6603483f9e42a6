// The version-1 public summary (GET /api/v1/public/summary) is read from the running totals (region_totals,
// docs/decisions/032): after random quick and complete results, flags, conflicts, verifications, missing rows
// and corrections, on the demo data and on a generated province, it equals the summary summed from every
// result as it used to be (kept here only, as the reference), field by field except generatedAt.
import type { Sql } from "postgres";
import { describe, expect, it } from "vitest";
import { seed, wipe } from "../db/seed";
import { ballotChoices } from "~/lib/ballot";
import { regionLabel } from "~/lib/regions";
import { votesInContest } from "~/models/area.server";
import { listContests } from "~/models/election.server";
import { getPublicSummary, type PublicArea, type PublicSummary } from "~/models/public.server";
import { getRecap, type RecapRow } from "~/models/recap.server";
import { checkTotals, foldResultChanges } from "~/models/region-totals.server";
import type { Db } from "~/utils/db.server";
import { databasePerTest } from "./support/database";

const db = databasePerTest();

/** A seeded pseudo-random sequence, so a failure can be run again with the same results. */
function random(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
}

const STATUSES = ["submitted", "submitted", "flagged", "conflict", "verified", "missing"];

/** Results for about half of every contest's TPS, then corrections of a third of them, folded as the writer does. */
async function randomResults(sql: Sql, seedValue: number) {
  const pick = random(seedValue);
  const contests = await listContests(sql as unknown as Db);
  const choicesOf = new Map(contests.map((c) => [c.code, ballotChoices(c).map((k) => String(k.number))]));
  const pairs = await sql<{ tpsCode: string; contestCode: string }[]>`
    select t.code as tps_code, c.code as contest_code from tps t join contests c
      on ${votesInContest(sql as unknown as Db, "t.kelurahan_code", "c.code")} order by 1, 2`;
  const [author] = await sql<[{ id: number }]>`select id from users order by id limit 1`;
  const row = (p: { tpsCode: string; contestCode: string }) => {
    const status = STATUSES[pick(STATUSES.length)];
    const votes = Object.fromEntries(choicesOf.get(p.contestCode)!.map((k) => [k, pick(4) ? pick(120) : 0]));
    return {
      tps_code: p.tpsCode,
      contest_code: p.contestCode,
      status,
      votes,
      invalid: pick(9),
      completeness: pick(2) ? "quick" : "complete",
    };
  };
  const chosen = pairs.filter(() => pick(2) === 0).map(row);
  for (let i = 0; i < chosen.length; i += 2000) {
    const part = chosen.slice(i, i + 2000);
    const ids = await sql<{ id: string }[]>`insert into submissions ${sql(
      part.map((r) => ({
        id: crypto.randomUUID(),
        tps_code: r.tps_code,
        contest_code: r.contest_code,
        source: "app",
        author_id: author.id,
        revision: 1,
        votes: sql.json(r.votes),
        invalid: r.invalid,
        captured_at: new Date(),
        body_hash: `${r.tps_code}/${r.contest_code}`,
        response: sql.json({}),
        completeness: r.completeness,
      })),
    )} returning id`;
    await sql`insert into results ${sql(
      part.map((r, j) => ({ ...r, votes: sql.json(r.votes), submission_id: ids[j].id })),
    )}`;
  }
  await sql.begin((tx) => foldResultChanges(tx as unknown as Db));
  // Corrections: other figures, statuses and completeness for a third of them.
  for (const r of chosen.filter(() => pick(3) === 0)) {
    const next = row({ tpsCode: r.tps_code, contestCode: r.contest_code });
    await sql`update results set status = ${next.status}, votes = ${sql.json(next.votes)}, invalid = ${next.invalid},
      completeness = ${next.completeness}, updated_at = now()
      where tps_code = ${r.tps_code} and contest_code = ${r.contest_code}`;
  }
  await sql.begin((tx) => foldResultChanges(tx as unknown as Db));
  expect((await checkTotals(sql)).count).toBe(0);
  return chosen.length;
}

const area = (r: RecapRow): PublicArea => ({
  code: r.code,
  name: regionLabel(r.kind, r.name),
  tps: r.tps,
  tpsIn: r.tpsIn,
  votes: r.votes,
  invalid: r.invalid,
});

/** The contests of the summary as they were computed before the running totals: every result summed. */
async function summedFromResults(db: Db, summary: PublicSummary): Promise<PublicSummary["contests"]> {
  const tpsOf = new Map(
    (
      await db<{ code: string; n: number }[]>`
        select c.code, count(t.code)::int as n from contests c
        join tps t on ${votesInContest(db, "t.kelurahan_code", "c.code")} group by c.code`
    ).map((r) => [r.code, r.n]),
  );
  const out: PublicSummary["contests"] = [];
  for (const c of await listContests(db)) {
    const choices = ballotChoices(c);
    const numbers = choices.map((k) => k.number);
    const recap = await getRecap(db, { level: "kecamatan", contest: c.code, candidates: numbers });
    const byCity = await getRecap(db, { level: "city", contest: c.code, candidates: numbers });
    const total = recap.total;
    const tpsTotal = tpsOf.get(c.code) ?? 0;
    out.push({
      code: c.code,
      name: c.name,
      type: c.type,
      dapil: c.dapil,
      area: c.area,
      tpsTotal,
      tpsIn: total.tpsIn,
      share: tpsTotal ? total.tpsIn / tpsTotal : 0,
      valid: total.valid,
      invalid: total.invalid,
      candidates: choices.map((k) => {
        const votes = total.votes[String(k.number)] ?? 0;
        return {
          number: k.number,
          name: k.kind === "blank" ? "Kolom kosong" : k.name,
          kind: k.kind,
          ...(k.abbrev ? { abbrev: k.abbrev } : {}),
          votes,
          percent: total.valid ? votes / total.valid : 0,
        };
      }),
      byCity: byCity.rows.map(area),
      byKecamatan: recap.rows.map(area),
      // The projection is read from its sample as before, not from the totals.
      projection: summary.contests.find((x) => x.code === c.code)?.projection ?? null,
    });
  }
  return out;
}

async function expectSameSummary(sql: Sql) {
  const d = sql as unknown as Db;
  const summary = await getPublicSummary(d);
  const expected = await summedFromResults(d, summary);
  expect(summary.contests.map((c) => c.code)).toEqual(expected.map((c) => c.code));
  for (const [i, c] of summary.contests.entries()) {
    const e = expected[i];
    for (const key of Object.keys(e) as (keyof typeof e)[]) expect(c[key], `${c.code}.${key}`).toEqual(e[key]);
    expect(Object.keys(c).sort()).toEqual(Object.keys(e).sort());
  }
  // TPS progress per kecamatan, as it was counted: the contests of each kelurahan by area prefix.
  const progress = await d<{ code: string; tps: number; complete: number }[]>`
    with needed as (
      select kel.code, count(*)::int as n from regions kel join contests c on ${votesInContest(d, "kel.code", "c.code")}
      where kel.level = 'kelurahan' group by kel.code
    ), reported as (
      select tps_code, count(*)::int as n from results where status <> 'missing' group by tps_code
    )
    select kec.code, count(*)::int as tps,
      count(*) filter (where coalesce(reported.n, 0) = coalesce(needed.n, 0))::int as complete
    from tps t join regions kel on kel.code = t.kelurahan_code join regions kec on kec.code = kel.parent_code
      left join needed on needed.code = kel.code left join reported on reported.tps_code = t.code
    group by kec.code order by kec.code`;
  expect(summary.progress.map(({ code, tps, complete }) => ({ code, tps, complete }))).toEqual(progress);
  expect(summary.tps).toEqual({
    total: progress.reduce((s, p) => s + p.tps, 0),
    complete: progress.reduce((s, p) => s + p.complete, 0),
  });
  expect(summary.tps.complete).toBeGreaterThan(0);
  const again = await getPublicSummary(d);
  expect({ ...again, generatedAt: "" }).toEqual({ ...summary, generatedAt: "" });
  return summary;
}

describe("the public summary from the running totals", () => {
  it("equals the sums of every result on the demo data", async () => {
    const { sql } = db();
    expect(await randomResults(sql, 2026)).toBeGreaterThan(100);
    const summary = await expectSameSummary(sql);
    expect(summary.contests.some((c) => c.tpsIn > 0 && c.byKecamatan.length > 1)).toBe(true);
  });

  it("equals the sums of every result on a generated province", async () => {
    const { sql } = db();
    await wipe(sql);
    await seed(sql, { election: "province", tpsCount: 3000 });
    expect(await randomResults(sql, 7)).toBeGreaterThan(1000);
    const summary = await expectSameSummary(sql);
    expect(summary.contests.filter((c) => c.byCity.length > 1).length).toBeGreaterThan(0);
  }, 240_000);
});
