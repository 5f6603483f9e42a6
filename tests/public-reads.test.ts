// The public reads beside the drill-down: the search (TPS by code in any writing, kelurahan/desa by name,
// bounded, bad input refused with a message), the per-TPS open data of an area (verified numbers only, no
// personal data, every column checked) and caching (ETag, Last-Modified, 304, no cookie, same for everyone).
// Writes only to TPS of kelurahan 16.73.02.1004 and 16.73.02.1005.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../app/lib/csv";
import { api } from "./support/api";
import { startTestServer, type TestServer } from "./support/server";

let server: TestServer;
const http = api(() => server);
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const VERIFIED = "1673021005-001";
const UNVERIFIED = "1673021005-002";
const PHOTO_TPS = "1673021004-001";

async function submit(tpsCode: string, contest: string, votes: Record<string, number>, invalid = 3) {
  const token = await http.login(tpsCode);
  const res = await http.post(
    "/api/v1/quick-counts",
    {
      id: randomUUID(),
      tpsCode,
      contest,
      votes,
      invalid,
      capturedAt: new Date().toISOString(),
      justification: "Angka sudah dicek ulang bersama saksi.",
    },
    token,
  );
  expect(res.status, await res.clone().text()).toBe(201);
  return token;
}

async function verify(tpsCode: string, contest: string, officer: string) {
  await http.uploadC1Photo(officer, { tpsCode, contest });
  const res = await http.post("/api/v1/reviews", { action: "verify", tpsCode, contest }, await http.login("posko"));
  expect(res.status, await res.clone().text()).toBe(200);
}

/** Nothing the public reads may name a person: logins, names and phones of every account. */
async function expectNoPersonalData(text: string) {
  const people = await server.services.sql<{ login: string; name: string; phone: string | null }[]>`
    select login, name, phone from users where role <> 'officer'`;
  for (const p of people) {
    expect(text).not.toContain(`"${p.name}"`);
    expect(text).not.toContain(`;${p.name};`);
    if (p.phone) expect(text).not.toContain(p.phone);
  }
  expect(text).not.toMatch(/login|phone|author|reporter|officer|contact|secret|device/i);
}

describe("public search", () => {
  const search = (q: string, headers: Record<string, string> = {}) =>
    http.get(`/api/v1/public/search?q=${encodeURIComponent(q)}`, undefined, headers);

  it("finds a TPS by its code written with or without dots and dash", async () => {
    for (const typed of [
      "1673021004-001",
      "16.73.02.1004-1",
      "1673021004001",
      "TPS 1673021004-001",
      " 1673021004 - 001 ",
    ]) {
      const res = await search(typed);
      expect(res.status, typed).toBe(200);
      const body = await res.json();
      expect(body.tps, typed).toEqual([expect.objectContaining({ code: "1673021004-001", number: 1 })]);
      expect(body.tps[0].place).toMatch(/Kec\. .*, Kota Lubuklinggau/);
    }
    // A TPS that does not exist is found nowhere, without an error.
    expect((await (await search("1673021004-999")).json()).tps).toEqual([]);
  });

  it("finds a region by its code and a kelurahan by a part of its name, in any case", async () => {
    const [kel] = await server.services.sql<{ name: string }[]>`select name from regions where code = '16.73.02.1004'`;
    const byCode = await (await search("1673021004")).json();
    expect(byCode.regions).toEqual([expect.objectContaining({ code: "16.73.02.1004", level: "kelurahan" })]);
    expect((await (await search("16.73.02")).json()).regions[0]).toMatchObject({
      code: "16.73.02",
      level: "kecamatan",
    });

    const prefix = await (await search(kel.name.slice(0, 5).toUpperCase())).json();
    expect(prefix.regions.map((r: { code: string }) => r.code)).toContain("16.73.02.1004");
    const inside = kel.name.slice(2, 8).toLowerCase();
    const contains = await (await search(inside)).json();
    expect(contains.regions.map((r: { code: string }) => r.code)).toContain("16.73.02.1004");
    const hit = contains.regions.find((r: { code: string }) => r.code === "16.73.02.1004");
    expect(hit).toMatchObject({ name: `Kel. ${kel.name}`, place: expect.stringMatching(/^Kec\. /) });
    // LIKE's own characters are text, not wildcards.
    expect((await (await search("%%%")).json()).regions).toEqual([]);
    expect((await (await search("__")).json()).regions).toEqual([]);
  });

  it("answers at most 20 regions however many match", async () => {
    const names = (await server.services.sql<{ name: string }[]>`select lower(name) as name from regions`).map(
      (r) => r.name,
    );
    const grams = new Map<string, number>();
    for (const n of names)
      for (const g of new Set(Array.from({ length: n.length - 2 }, (_, i) => n.slice(i, i + 3))))
        grams.set(g, (grams.get(g) ?? 0) + 1);
    const [common, count] = [...grams].filter(([g]) => /^[a-z]{3}$/.test(g)).sort((a, b) => b[1] - a[1])[0];
    expect(count).toBeGreaterThan(20);
    const body = await (await search(common)).json();
    expect(body.regions).toHaveLength(20);
  });

  it("refuses a missing, too short or too long text with a message, in the caller's language", async () => {
    for (const path of [
      "/api/v1/public/search",
      "/api/v1/public/search?q=",
      "/api/v1/public/search?q=%20a%20",
      `/api/v1/public/search?q=${"x".repeat(65)}`,
    ]) {
      const res = await http.get(path);
      expect(res.status, path).toBe(400);
      const body = await res.json();
      expect(body.message, path).toMatch(/2–64/);
      expect(body.errors[0]).toMatchObject({ field: "q" });
    }
    const en = await (await search("x", { "Accept-Language": "en" })).json();
    expect(en.message).toMatch(/^Type 2–64 characters/);
    expect((await http.get("/api/v1/public/search?q=ab%00c")).status).toBe(400);
  });
});

describe("per-TPS open data of an area", () => {
  beforeAll(async () => {
    const officer = await submit(VERIFIED, "walikota", { "1": 40, "2": 45, "3": 40 }, 4);
    await verify(VERIFIED, "walikota", officer);
    await submit(UNVERIFIED, "walikota", { "1": 11, "2": 22, "3": 33 }, 5);
  });

  it("streams one row per TPS and contest as CSV for a spreadsheet, with only verified numbers", async () => {
    const res = await http.get("/api/v1/public/regions/16.73.02.1005/tps.csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(/pantau-tps-16\.73\.02\.1005\.csv/);
    expect(res.headers.get("set-cookie")).toBeNull();
    const bytes = Buffer.from(await res.arrayBuffer());
    // UTF-8 with a byte order mark, so a spreadsheet reads the names' letters right.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    const [header, ...rows] = parseCsv(text, ";");
    // Every column, named: nothing else may appear.
    expect(header).toEqual([
      "tps_code",
      "tps_number",
      "kelurahan_code",
      "kelurahan",
      "kecamatan_code",
      "kecamatan",
      "city_code",
      "city",
      "contest",
      "contest_name",
      "status",
      "completeness",
      "verified_at",
      "votes_1",
      "votes_2",
      "votes_3",
      "valid",
      "invalid",
    ]);
    const tpsCount = (
      await server.services.sql`select count(*)::int as n from tps where kelurahan_code = '16.73.02.1005'`
    )[0].n;
    // Both contests (governor, mayor) at every TPS of the kelurahan.
    expect(rows).toHaveLength(tpsCount * 2);
    const row = (tps: string, contest: string) => {
      const r = rows.find((x) => x[0] === tps && x[8] === contest);
      return Object.fromEntries(header.map((h, i) => [h, r?.[i]]));
    };
    expect(row(VERIFIED, "walikota")).toMatchObject({
      kelurahan_code: "16.73.02.1005",
      kecamatan_code: "16.73.02",
      city_code: "16.73",
      city: "Kota Lubuklinggau",
      status: "verified",
      completeness: "quick",
      votes_1: "40",
      votes_2: "45",
      votes_3: "40",
      valid: "125",
      invalid: "4",
    });
    expect(row(VERIFIED, "walikota").verified_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    // Submitted but not verified: the row is there, its numbers are not.
    expect(row(UNVERIFIED, "walikota")).toMatchObject({
      status: "not_verified",
      completeness: "",
      verified_at: "",
      votes_1: "",
      votes_2: "",
      votes_3: "",
      valid: "",
      invalid: "",
    });
    expect(text).not.toContain(";33;");
    // The governor's ballot has two pairs: no third column value.
    expect(row(VERIFIED, "gubernur")).toMatchObject({ status: "not_verified", votes_3: "" });
    await expectNoPersonalData(text);
  });

  it("gives the same rows as JSON, for programs", async () => {
    const res = await http.get("/api/v1/public/regions/16.73.02.1005/tps.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const text = await res.text();
    const body = JSON.parse(text);
    expect(body.area).toMatchObject({ code: "16.73.02.1005" });
    const verified = body.rows.find(
      (r: { tpsCode: string; contest: string }) => r.tpsCode === VERIFIED && r.contest === "walikota",
    );
    expect(Object.keys(verified).sort()).toEqual(
      [
        "tpsCode",
        "tpsNumber",
        "kelurahanCode",
        "kelurahan",
        "kecamatanCode",
        "kecamatan",
        "cityCode",
        "city",
        "contest",
        "contestName",
        "status",
        "completeness",
        "verifiedAt",
        "votes",
        "valid",
        "invalid",
      ].sort(),
    );
    expect(verified).toMatchObject({
      status: "verified",
      votes: { "1": 40, "2": 45, "3": 40 },
      valid: 125,
      invalid: 4,
    });
    const unverified = body.rows.find(
      (r: { tpsCode: string; contest: string }) => r.tpsCode === UNVERIFIED && r.contest === "walikota",
    );
    expect(unverified).toMatchObject({ status: "not_verified", votes: null, valid: null, invalid: null });
    await expectNoPersonalData(text);
  });

  it("covers a whole kecamatan and the whole election, and refuses what is not a region", async () => {
    const kec = parseCsv(await (await http.get("/api/v1/public/regions/16.73.02/tps.csv")).text(), ";");
    expect(new Set(kec.slice(1).map((r) => r[2].slice(0, 8)))).toEqual(new Set(["16.73.02"]));
    const all = await http.get("/api/v1/public/regions/ID/tps.json");
    expect(all.status).toBe(200);
    expect((await all.json()).rows).toHaveLength(635 * 2);
    expect((await http.get("/api/v1/public/regions/99.99/tps.csv")).status).toBe(404);
    expect((await http.get("/api/v1/public/regions/16.7/tps.csv")).status).toBe(400);
    expect(
      (await http.get("/api/v1/public/regions/16.73.02.1005/tps.csv", undefined, { "If-None-Match": "*" })).status,
    ).toBe(304);
  });
});

describe("caching of public reads", () => {
  it("answers 304 to If-None-Match and If-Modified-Since, and a new ETag once the TPS changes", async () => {
    const path = `/api/v1/public/tps/${PHOTO_TPS}`;
    const first = await http.get(path);
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag")!;
    const modified = first.headers.get("last-modified");
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get("cache-control")).toMatch(/^public, max-age=\d+$/);
    expect(first.headers.get("set-cookie")).toBeNull();

    const again = await http.get(path, undefined, { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
    expect(again.headers.get("access-control-allow-origin")).toBe("*");

    const officer = await submit(PHOTO_TPS, "gubernur", { "1": 60, "2": 65 });
    await verify(PHOTO_TPS, "gubernur", officer);
    const changed = await http.get(path, undefined, { "If-None-Match": etag });
    expect(changed.status).toBe(200);
    const newTag = changed.headers.get("etag")!;
    expect(newTag).not.toBe(etag);
    const lastModified = changed.headers.get("last-modified")!;
    expect(Date.parse(lastModified)).toBeGreaterThanOrEqual(Date.parse(modified ?? "1970-01-01"));
    expect((await http.get(path, undefined, { "If-Modified-Since": lastModified })).status).toBe(304);
    const older = new Date(Date.parse(lastModified) - 1000).toUTCString();
    expect((await http.get(path, undefined, { "If-Modified-Since": older })).status).toBe(200);
    // An ETag that does not match wins over a date that would.
    expect((await http.get(path, undefined, { "If-None-Match": etag, "If-Modified-Since": lastModified })).status).toBe(
      200,
    );
  });

  it("makes every public read cacheable and answers 304 on its ETag", async () => {
    for (const path of [
      "/api/v1/public/summary",
      "/api/v1/public/summary.csv",
      "/api/v1/public/search?q=lubuk",
      `/api/v1/public/regions/16.73.02.1004/tps.csv`,
      `/api/v1/public/regions/16.73.02.1004/tps.json`,
      `/api/v1/public/tps/${PHOTO_TPS}`,
      `/publik/tps/${PHOTO_TPS}`,
    ]) {
      const res = await http.get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("cache-control"), path).toMatch(/^public, max-age=\d+$/);
      expect(res.headers.get("set-cookie"), path).toBeNull();
      const etag = res.headers.get("etag");
      expect(etag, path).toBeTruthy();
      const again = await http.get(path, undefined, { "If-None-Match": etag! });
      expect(again.status, path).toBe(304);
    }
  });

  it("serves a TPS page the same to a logged-in reader and an anonymous one", async () => {
    const path = `/publik/tps/${PHOTO_TPS}`;
    const anonymous = await http.get(path);
    const staff = await http.get(path, undefined, { Cookie: `pantau_session=${await http.login("posko")}` });
    expect(staff.status).toBe(200);
    expect(staff.headers.get("etag")).toBe(anonymous.headers.get("etag"));
    expect(staff.headers.get("set-cookie")).toBeNull();
    expect(anonymous.headers.get("vary")).toMatch(/Cookie/i);
    // A 304 carries no Content-Security-Policy: the kept page's nonce stays the one its scripts carry.
    const revalidated = await http.get(path, undefined, { "If-None-Match": anonymous.headers.get("etag")! });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get("content-security-policy")).toBeNull();
  });
});
