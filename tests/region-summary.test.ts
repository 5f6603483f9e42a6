// A region's summary for the drill-down, over HTTP against the demo city: the staff answer inside the
// caller's area only, the public answer without incidents or personal data and cache-friendly, the totals
// moving with submissions at every level at once.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sql } from "postgres";
import { ELECTION_ROOT, type RegionSummary } from "~/lib/region-summary";
import { regionSummary } from "~/models/region-summary.server";
import { checkTotals } from "~/models/region-totals.server";
import { seed, wipe } from "../db/seed";
import { databasePerTest } from "./support/database";
import { api } from "./support/api";
import { startTestServer, submitAsOfficer, VALID_VOTES, type TestServer } from "./support/server";

let server: TestServer;
const http = api(() => server);
let operator: string;
beforeAll(async () => {
  server = await startTestServer();
  operator = await http.login("posko");
});
afterAll(() => server?.stop());

const TPS = "1673011001-001";
const KELURAHAN = "16.73.01.1001";

const staff = async (code: string, token = operator) => {
  const res = await http.get(`/api/v1/regions/${code}/summary`, token);
  return { status: res.status, body: (await res.json()) as RegionSummary };
};
const contest = (s: RegionSummary["area"], key: string) => s.contests.find((c) => c.key === key)!;

describe("GET /api/v1/regions/:code/summary", () => {
  it("opens at every level with the region, its breadcrumb and its children, and counts a submission at each", async () => {
    const before = await staff("ID");
    expect(before.status).toBe(200);
    expect(before.body.area).toMatchObject({ code: "ID", level: "election", tps: 635 });
    expect(before.body.children.map((c) => c.code)).toEqual(["16"]);

    expect(await submitAsOfficer(server, TPS, "walikota")).toBe(201);
    const levels = ["ID", "16", "16.73", "16.73.01", KELURAHAN];
    for (const [i, code] of levels.entries()) {
      const { status, body } = await staff(code);
      expect(status).toBe(200);
      expect(body.area.code).toBe(code);
      const walikota = contest(body.area, "walikota");
      expect(walikota).toMatchObject({ reporting: 1, status: { submitted: 1 }, quick: 1, invalid: 3 });
      expect(walikota.votes).toEqual(VALID_VOTES.walikota);
      expect(body.seq).toBeGreaterThan(before.body.seq);
      expect(body.parents.map((p) => p.code)).toEqual(levels.slice(0, i));
    }
    const kelurahan = await staff(KELURAHAN);
    expect(kelurahan.body.children).toEqual([]);
    expect(kelurahan.body.tps.find((t) => t.code === TPS)?.status).toEqual({
      gubernur: "missing",
      walikota: "submitted",
    });
    const kecamatan = await staff("16.73.01");
    expect(kecamatan.body.tps).toEqual([]);
    const child = kecamatan.body.children.find((c) => c.code === KELURAHAN)!;
    expect(contest(child, "walikota").reporting).toBe(1);
    expect(child.centre).not.toBeNull();
  });

  it("counts open incidents for staff, and refuses a region outside a supervisor's area as unknown", async () => {
    const incident = {
      id: randomUUID(),
      tpsCode: TPS,
      category: "intimidation",
      severity: "high",
      description: "Sekelompok orang menghalangi pemilih masuk TPS.",
      occurredAt: new Date().toISOString(),
    };
    expect((await http.post("/api/v1/incidents", incident, operator)).status).toBe(201);
    const city = await staff("16.73");
    expect(city.body.area.openIncidents).toBeGreaterThanOrEqual(1);
    expect(city.body.children.find((c) => c.code === "16.73.01")!.openIncidents).toBeGreaterThanOrEqual(1);

    const supervisor = await http.login("pengawas-01");
    const [{ regionCode }] = await server.services.sql`select region_code from users where login = 'pengawas-01'`;
    expect((await staff(regionCode, supervisor)).status).toBe(200);
    const outside = regionCode === "16.73.01" ? "16.73.02" : "16.73.01";
    expect((await staff(outside, supervisor)).status).toBe(404);
    expect((await staff("16.73", supervisor)).status).toBe(404);
    expect((await staff("ID", supervisor)).status).toBe(404);
    expect((await staff("99.99", operator)).status).toBe(404);
    expect((await http.get("/api/v1/regions/ID/summary")).status).toBe(401);
    const officer = await http.login(TPS);
    expect((await staff("ID", officer)).status).toBe(403);
  });

  it("answers a code that is not a region code with 400 bad_parameter", async () => {
    for (const code of ["16.7", "x", "16.73.01.1001.1", "id"]) {
      const res = await http.get(`/api/v1/regions/${code}/summary`, operator);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { code: string }).code).toBe("bad_parameter");
    }
  });
});

describe("GET /api/v1/public/regions/:code/summary", () => {
  it("gives aggregates without incidents or personal data, cacheable with an ETag that answers 304", async () => {
    const res = await http.get("/api/v1/public/regions/16.73.01.1001/summary");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=5");
    expect(res.headers.get("last-modified")).toBeTruthy();
    const etag = res.headers.get("etag")!;
    const body = (await res.json()) as RegionSummary;
    expect(body.area.openIncidents).toBeNull();
    expect(body.children.every((c) => c.openIncidents === null)).toBe(true);
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/Petugas|login|phone|secret|reporter|author/i);

    const again = await http.get("/api/v1/public/regions/16.73.01.1001/summary", undefined, { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(await submitAsOfficer(server, "1673011001-002", "gubernur")).toBe(201);
    const changed = await http.get("/api/v1/public/regions/16.73.01.1001/summary", undefined, {
      "If-None-Match": etag,
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);

    expect((await http.get("/api/v1/public/regions/99/summary")).status).toBe(404);
    expect((await http.get("/api/v1/public/regions/abc/summary")).status).toBe(400);
  });
});

describe("summary size at every level of a generated election", () => {
  const db = databasePerTest();
  const levels = async (sql: Sql) => {
    const sizes: Record<string, number> = {};
    let code = ELECTION_ROOT;
    for (;;) {
      const summary = await regionSummary(sql, { code, view: { scope: null }, audience: "public" });
      expect(summary).toBeDefined();
      sizes[summary!.area.level] = JSON.stringify(summary).length;
      // Down the child with the most TPS, as far as the tree goes.
      const next = [...summary!.children].sort((a, b) => b.tps - a.tps)[0];
      if (!next) break;
      code = next.code;
    }
    return sizes;
  };

  it("stays small from the whole election to a kelurahan, province and national", async () => {
    const { sql } = db();
    await wipe(sql);
    await seed(sql, { election: "province", tpsCount: 3000 });
    const province = await levels(sql);
    expect(Object.keys(province)).toEqual(["election", "province", "city", "kecamatan", "kelurahan"]);
    for (const bytes of Object.values(province)) expect(bytes).toBeLessThan(40_000);

    await wipe(sql);
    await seed(sql, { election: "national", tpsCount: 3000 });
    const national = await levels(sql);
    expect(Object.keys(national)).toEqual(["election", "province", "city", "kecamatan", "kelurahan"]);
    for (const bytes of Object.values(national)) expect(bytes).toBeLessThan(70_000);
    const root = await regionSummary(sql, { code: ELECTION_ROOT, view: { scope: null }, audience: "public" });
    // A province's dapils are grouped by type, whatever their number.
    expect(root!.children.every((c) => c.contests.length <= 6)).toBe(true);
    expect((await checkTotals(sql)).count).toBe(0);
  }, 300_000);
});
