// The demo city, the reset command, and the generator for large regions.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { demoCity, generatedProvince } from "../db/demo-region";
import { migrate } from "../db/migrate";
import { seed, wipe } from "../db/seed";
import { databasePerTest } from "./support/database";
import { api } from "./support/api";
import { startTestServer } from "./support/server";

const run = promisify(execFile);
// The reset and the 10,000-TPS load replace the demo data, so every test reads a fresh copy of its own.
const database = databasePerTest();

describe("demo data", () => {
  it("is the demo city: 8 kecamatan, 72 kelurahan, 635 TPS with coordinates and voters", async () => {
    const { sql } = database();
    const [counts] = await sql`
      select (select count(*) from regions where level = 'kecamatan')::int as kecamatan,
             (select count(*) from regions where level = 'kelurahan')::int as kelurahan,
             (select count(*) from tps)::int as tps,
             (select min(dpt) from tps) as min_dpt, (select max(dpt) from tps) as max_dpt,
             (select min(code) from tps) as first_tps,
             (select min(code) from regions where level = 'kelurahan') as first_kelurahan`;
    expect(counts).toMatchObject({
      kecamatan: 8,
      kelurahan: 72,
      tps: 635,
      firstTps: "1673011001-001",
      firstKelurahan: "16.73.01.1001",
    });
    expect(counts.minDpt).toBeGreaterThanOrEqual(150);
    expect(counts.maxDpt).toBeLessThanOrEqual(600);
    const [box] = await sql`select min(lat) as s, max(lat) as n, min(lng) as w, max(lng) as e from tps`;
    expect(Math.abs((box.s + box.n) / 2 - -3.296)).toBeLessThan(0.05);
    expect(Math.abs((box.w + box.e) / 2 - 102.862)).toBeLessThan(0.05);
  });

  it("has the two contests and the demo accounts", async () => {
    const { sql } = database();
    const contests =
      await sql`select contest_code, count(*)::int as n from candidates group by contest_code order by 1`;
    expect(contests.map((c) => [c.contestCode, c.n])).toEqual([
      ["gubernur", 2],
      ["walikota", 3],
    ]);
    const staff = await sql`select login, role from users where role <> 'officer' order by login`;
    expect(staff.map((u) => `${u.login}:${u.role}`)).toEqual(
      [
        "admin:admin",
        "bawaslu:case_officer",
        "pengawas-01:supervisor",
        "pengawas-02:supervisor",
        "pengawas-03:supervisor",
        "pengawas-04:supervisor",
        "pengawas-05:supervisor",
        "pengawas-06:supervisor",
        "pengawas-07:supervisor",
        "pengawas-08:supervisor",
        "posko2:operator",
        "posko:operator",
        "tim-1:responder",
        "tim-2:responder",
        "tim-3:responder",
        "tim-4:responder",
      ].sort((a, b) => a.split(":")[0].localeCompare(b.split(":")[0])),
    );
    const [officers] = await sql`select count(*)::int as n from users where role = 'officer' and login = tps_code`;
    expect(officers.n).toBe(635);
    const [hash] = await sql`select secret_hash from users where login = 'admin'`;
    expect(hash.secretHash).toMatch(/^scrypt\$/);
    expect(hash.secretHash).not.toContain("pantau-demo");
  });

  it("is the same on every start (deterministic)", () => {
    expect(demoCity().tps.slice(0, 3)).toEqual(demoCity().tps.slice(0, 3));
  });

  it("is restored by the reset command", async () => {
    const { sql, url } = database();
    await sql`delete from users where login = 'posko2'`;
    const { stdout } = await run("npx", ["tsx", "db/cli.ts", "reset"], { env: { ...process.env, DATABASE_URL: url } });
    expect(stdout).toMatch(/635 TPS/);
    const [row] = await sql`select count(*)::int as n from users where login = 'posko2'`;
    expect(row.n).toBe(1);
  }, 60_000);
});

describe("the demo case officer", () => {
  it("logs in as bawaslu, reads the command post of the city and may not report results", async () => {
    const server = await startTestServer();
    try {
      const http = api(() => server);
      const token = await http.login("bawaslu");
      const posko = await http.page("/posko", token);
      expect(posko.status).toBe(200);
      // Its command post offers only what it may open and do: no review, audit or incident entry.
      const html = await posko.text();
      expect(html).toContain('data-testid="incident-feed"');
      expect(html).not.toContain('href="/posko/verifikasi"');
      expect(html).not.toContain('href="/posko/audit"');
      expect(html).not.toContain('data-testid="incident-entry"');
      // The operator's command post opens at the city, the one region under the demo election's province.
      const operator = await (await http.page("/posko?wilayah=16.73", await http.login("posko"))).text();
      expect(operator).toContain('href="/posko/verifikasi"');
      expect(operator).toContain('data-testid="incident-entry"');
      expect((await http.page("/posko/verifikasi", token)).status).toBe(403);
      expect((await http.page("/rekap", token)).status).toBe(200);
      const report = await http.post(
        "/api/v1/quick-counts",
        {
          id: "6f1c1e4e-8a57-4c54-9a3c-1d2b3c4d5e6f",
          tpsCode: "1673011001-001",
          contest: "walikota",
          votes: { "1": 100, "2": 80, "3": 40 },
          invalid: 6,
          capturedAt: "2026-11-22T10:00:00+07:00",
        },
        token,
      );
      expect(report.status).toBe(403);
      expect((await http.page("/admin", token)).status).not.toBe(200);
    } finally {
      await server.stop();
    }
  }, 60_000);
});

describe("generated regions for benchmarks", () => {
  it("makes 10,000 and 100,000 TPS with valid, unique codes", () => {
    for (const size of [10_000, 100_000]) {
      const region = generatedProvince(size);
      expect(region.tps).toHaveLength(size);
      expect(new Set(region.tps.map((t) => t.code)).size).toBe(size);
      expect(
        region.tps.every(
          (t) => /^\d{10}-\d{3}$/.test(t.code) && t.code.startsWith(t.kelurahan_code.replaceAll(".", "")),
        ),
      ).toBe(true);
    }
  });

  it("loads a 10,000-TPS region into the database", async () => {
    const { sql } = database();
    await wipe(sql);
    await migrate(sql);
    const counts = await seed(sql, { tpsCount: 10_000 });
    expect(counts.tps).toBe(10_000);
    const [row] = await sql`select count(*)::int as n from users where role = 'officer'`;
    expect(row.n).toBe(10_000);
  }, 60_000);
});

describe("generated elections", () => {
  it("a city of 3,000 TPS: the real Kota Lubuklinggau with the demo's two contests", async () => {
    const { sql } = database();
    await wipe(sql);
    const counts = await seed(sql, { tpsCount: 3_000, election: "city" });
    expect(counts).toMatchObject({ regions: 82, tps: 3_000, contests: 2 });
    const [row] = await sql`
      select (select count(*) from regions where level = 'kelurahan')::int as kelurahan,
        (select count(distinct kelurahan_code) from tps)::int as with_tps,
        (select count(*) from tps where kelurahan_code not like '16.73.%')::int as outside`;
    expect(row).toEqual({ kelurahan: 72, withTps: 72, outside: 0 });
  }, 60_000);

  it("a province of 2,000 TPS: real Sumatera Selatan, one regent/mayor contest per kabupaten/kota over that city, and the governor", async () => {
    const { sql } = database();
    await wipe(sql);
    const counts = await seed(sql, { tpsCount: 2_000 });
    expect(counts).toMatchObject({ regions: 3518, tps: 2_000, contests: 18 });
    const cities = await sql<{ code: string; kind: string; name: string }[]>`
      select code, kind, name from regions where level = 'city' order by code`;
    expect(cities).toHaveLength(17);
    expect(cities.find((c) => c.code === "16.71")).toEqual({ code: "16.71", kind: "kota", name: "Kota Palembang" });
    const local = await sql<{ code: string; type: string; area: string[]; tps: number }[]>`
      select c.code, c.type, array_agg(distinct a.region_code) as area,
        (select count(*)::int from tps t where t.kelurahan_code like a2.region_code || '.%') as tps
      from contests c join contest_areas a on a.contest_code = c.code
      join lateral (select region_code from contest_areas where contest_code = c.code limit 1) a2 on true
      where c.type in ('bupati', 'walikota') group by c.code, c.type, a2.region_code order by 3`;
    expect(local.map((c) => c.area)).toEqual(cities.map((c) => [c.code]));
    for (const contest of local) {
      const city = cities.find((c) => c.code === contest.area[0])!;
      expect(contest.type).toBe(city.kind === "kota" ? "walikota" : "bupati");
      expect(contest.tps).toBeGreaterThan(0);
    }
    // Kota Lubuklinggau keeps the demo's mayor contest code; the governor covers the whole province.
    expect(local.find((c) => c.area[0] === "16.73")?.code).toBe("walikota");
    const [governor] =
      await sql`select array_agg(region_code) as area from contest_areas where contest_code = 'gubernur'`;
    expect(governor.area).toEqual(["16"]);
    const [every] = await sql`
      select count(*)::int as n from tps t where (select count(*) from contest_areas a
        where t.kelurahan_code like a.region_code || '.%') <> 2`;
    expect(every.n).toBe(0);
    const [bySex] = await sql`select count(*)::int as n from tps where dpt_men + dpt_women <> dpt or dpt_men is null`;
    expect(bySex.n).toBe(0);
  }, 60_000);

  it("the national election at 5,000 TPS: every TPS has exactly the five ballots, dapil areas of one type never overlap", async () => {
    const { sql } = database();
    await wipe(sql);
    const counts = await seed(sql, { tpsCount: 5_000, election: "national" });
    expect(counts.tps).toBe(5_000);
    const [regions] = await sql`
      select count(*) filter (where level = 'province')::int as provinces,
        count(*) filter (where level = 'city')::int as cities,
        count(*) filter (where level = 'kecamatan')::int as kecamatan,
        count(*) filter (where level = 'kelurahan')::int as villages from regions`;
    expect(regions.provinces).toBe(38);
    expect(regions.cities).toBeGreaterThanOrEqual(514);
    expect(regions.kecamatan).toBeGreaterThan(7_000);
    expect(regions.villages).toBeGreaterThan(83_000);

    // Each TPS, the types of the contests it votes in (its kelurahan lies in their area): exactly one of each.
    // (A region's ancestors are the prefixes of its code: 16, 16.73, 16.73.01, 16.73.01.1001.)
    const ballots = await sql<{ ballots: string; n: number }[]>`
      select ballots, count(*)::int as n from (
        select string_agg(c.type, ',' order by c.type) as ballots from tps t
        join contest_areas a on a.region_code in (left(t.kelurahan_code, 2), left(t.kelurahan_code, 5),
          left(t.kelurahan_code, 8), t.kelurahan_code)
        join contests c on c.code = a.contest_code group by t.code) per_tps
      group by ballots`;
    expect(ballots).toEqual([{ ballots: "dpd,dpr,dprd_kabkota,dprd_prov,presiden", n: 5_000 }]);

    // No region lies in two areas of one type (neither the same code nor one inside the other).
    const [overlaps] = await sql`
      select count(*)::int as n from contest_areas a join contests ca on ca.code = a.contest_code
      join contest_areas b on b.contest_code <> a.contest_code and b.region_code in (left(a.region_code, 2),
        left(a.region_code, 5), left(a.region_code, 8), a.region_code)
      join contests cb on cb.code = b.contest_code and cb.type = ca.type`;
    expect(overlaps.n).toBe(0);

    // A DPR dapil is kabupaten/kota of one province, a regency/city DPRD dapil kecamatan of one city,
    // and each party-list ballot lists the 18 parties with candidates.
    const dapil = await sql<{ type: string; level: string; parents: number }[]>`
      select c.type, min(r.level) as level, count(distinct r.parent_code)::int as parents
      from contests c join contest_areas a on a.contest_code = c.code join regions r on r.code = a.region_code
      where c.type in ('dpr', 'dprd_prov', 'dprd_kabkota') group by c.code, c.type`;
    expect(dapil.every((d) => d.parents === 1)).toBe(true);
    expect(new Set(dapil.filter((d) => d.type === "dprd_kabkota").map((d) => d.level))).toEqual(new Set(["kecamatan"]));
    expect(new Set(dapil.filter((d) => d.type === "dpr").map((d) => d.level))).toEqual(new Set(["city"]));
    const [lists] = await sql`
      select min(parties)::int as min, max(parties)::int as max from (
        select count(distinct party_number) as parties from candidates k join contests c on c.code = k.contest_code
        where c.type in ('dpr', 'dprd_prov', 'dprd_kabkota') group by c.code) x`;
    expect(lists).toEqual({ min: 18, max: 18 });
  }, 240_000);
});
