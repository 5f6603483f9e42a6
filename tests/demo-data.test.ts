// The demo city, the reset command, and the generator for large regions.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { demoCity, generatedProvince } from "../db/demo-region";
import { migrate } from "../db/migrate";
import { seed, wipe } from "../db/seed";
import { databasePerTest } from "./support/database";

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
