// The recap, its CSV and the public data per contest over its own area, with each ballot structure as the
// official recap shows it: a party list's party-only and candidate votes (from complete C.Hasil forms), the
// blank column of a single pair; and one TPS's verified results with their C.Hasil photos for the public.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { parseCsv } from "../app/lib/csv";
import { api, decodeHtml } from "./support/api";
import { addSecondCity, dprdForm, MURA, quickBody } from "./support/province";
import { serverPerTest } from "./support/server";

const server = serverPerTest();
const http = api(server);
beforeEach(() => addSecondCity(server().services.sql));

async function submit(tpsCode: string, contest: string, fields: Record<string, unknown>) {
  const res = await http.post("/api/v1/quick-counts", quickBody(tpsCode, contest, fields), await http.login(tpsCode));
  expect(res.status, await res.clone().text()).toBe(201);
}

/** A CSV export as rows of cells by header name (the exports are written for an Indonesian spreadsheet). */
async function csvOf(path: string, token: string) {
  const res = await http.get(path, token);
  expect(res.status, await res.clone().text()).toBe(200);
  const bytes = Buffer.from(await res.arrayBuffer());
  // A UTF-8 byte order mark first: Excel then reads the names' letters as UTF-8 (fetch's text() drops it).
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString("utf8");
  const [header, ...rows] = parseCsv(text, ";");
  return { header, rows: rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))) };
}

describe("recap of a party list", () => {
  it("sums party totals from every result and party-only and candidate votes from the complete forms", async () => {
    // Two complete forms and one quick entry (party totals only) inside the dapil.
    await submit(MURA.tps[0], MURA.dprd, {
      form: dprdForm({
        "1": { party: 10, candidates: { "1": 50, "2": 40 } },
        "2": { party: 5, candidates: { "1": 60, "2": 25 } },
      }),
    });
    await submit(MURA.tps[2], MURA.dprd, {
      form: dprdForm({
        "1": { party: 3, candidates: { "1": 20, "2": 30 } },
        "2": { party: 7, candidates: { "1": 10, "2": 40 } },
      }),
    });
    await submit(MURA.tps[1], MURA.dprd, { votes: { "1": 80, "2": 70 }, invalid: 6 });
    const posko = await http.login("posko");

    const { header, rows } = await csvOf(`/api/v1/exports/recap.csv?contest=${MURA.dprd}&level=kelurahan`, posko);
    expect(header).toEqual([
      "area_code",
      "area_name",
      "tps",
      "tps_in",
      "tps_complete",
      "status_missing",
      "status_submitted",
      "status_flagged",
      "status_conflict",
      "status_verified",
      "registered",
      "party_1_total",
      "party_1_only",
      "party_1_candidate_1",
      "party_1_candidate_2",
      "party_2_total",
      "party_2_only",
      "party_2_candidate_1",
      "party_2_candidate_2",
      "valid",
      "invalid",
      "turnout",
    ]);
    // Only the dapil's desa: the kecamatan outside it (16.05.02) and the other kota are not in this recap.
    expect(rows.map((r) => r.area_code)).toEqual(["16.05.01.2001", "16.05.01.2002", "TOTAL"]);
    expect(rows[0]).toMatchObject({ area_name: "Desa Air Beliti", tps: "2", tps_in: "2", tps_complete: "1" });
    const total = rows[2];
    expect(total).toMatchObject({
      tps: "3",
      tps_in: "3",
      tps_complete: "2",
      party_1_total: String(100 + 53 + 80),
      party_1_only: "13",
      party_1_candidate_1: "70",
      party_1_candidate_2: "70",
      party_2_total: String(90 + 57 + 70),
      party_2_only: "12",
      party_2_candidate_1: "70",
      party_2_candidate_2: "65",
      invalid: "26",
    });
    // A decimal as an Indonesian spreadsheet reads it.
    expect(total.turnout).toMatch(/^0,\d+$/);

    // The printed recap: party totals as columns, and section IV per party and candidate like the D.Hasil.
    const html = decodeHtml(await (await http.get(`/rekap?contest=${MURA.dprd}&level=kecamatan`, posko)).text());
    expect(html).toContain("Dapil Musi Rawas 1");
    expect(html).toContain('data-testid="recap-party-detail"');
    expect(html).toContain('data-testid="signature-block"');
    const row = (id: string) => html.slice(html.indexOf(`data-testid="${id}"`)).split("</tr>")[0];
    const cells = (id: string) => [...row(id).matchAll(/class="num">([\d.]+)</g)].map((m) => m[1]);
    expect(row("party-1-candidate-1")).toContain("Andi Saputra");
    expect(cells("party-1-candidate-1")).toEqual(["70", "70"]); // the kecamatan, the total
    expect(cells("party-2-only")).toEqual(["12", "12"]);
    expect(cells("party-2-total")).toEqual(["217", "217"]);
  });
});

describe("recap of executive contests over their areas", () => {
  it("gives a single pair the blank column and counts a mayor's recap only inside the city", async () => {
    await submit(MURA.tps[0], MURA.regent, { votes: { "1": 120, "0": 40 }, invalid: 5 });
    await submit(MURA.tps[3], MURA.regent, { votes: { "1": 90, "0": 60 }, invalid: 2 });
    await submit(MURA.tps[0], "gubernur", { votes: { "1": 100, "2": 60 }, invalid: 5 });
    const posko = await http.login("posko");

    const regent = await csvOf(`/api/v1/exports/recap.csv?contest=${MURA.regent}&level=kecamatan`, posko);
    expect(regent.header).toContain("votes_0_kolom_kosong");
    const total = regent.rows.find((r) => r.area_code === "TOTAL")!;
    expect(total).toMatchObject({ tps: "4", tps_in: "2", votes_1: "210", votes_0_kolom_kosong: "100", valid: "310" });
    expect(regent.rows.map((r) => r.area_name)).toEqual(["Kec. Muara Beliti", "Kec. Tuah Negeri", ""]);

    // The governor over the province: per kabupaten/kota, both cities, their TPS only.
    const governor = await csvOf(`/api/v1/exports/recap.csv?contest=gubernur&level=city`, posko);
    expect(governor.rows.map((r) => [r.area_code, r.area_name, r.tps])).toEqual([
      ["16.05", "Kabupaten Musi Rawas", "4"],
      ["16.73", "Kota Lubuklinggau", "635"],
      ["TOTAL", "", "639"],
    ]);
    // The mayor's: the city's 635 TPS, never the kabupaten's.
    const mayor = await csvOf(`/api/v1/exports/recap.csv?contest=walikota&level=city`, posko);
    expect(mayor.rows.map((r) => [r.area_code, r.tps])).toEqual([
      ["16.73", "635"],
      ["TOTAL", "635"],
    ]);

    const html = decodeHtml(await (await http.get(`/rekap?contest=${MURA.regent}&level=kecamatan`, posko)).text());
    expect(html).toContain("KK: Kolom kosong");
    expect(html).toContain("Kec. Muara Beliti");
    // A supervisor of the other kota is not offered the regent's recap.
    const kota = decodeHtml(await (await http.get("/rekap", await http.login("pengawas-01"))).text());
    expect(kota).not.toContain(`value="${MURA.regent}"`);
  });

  it("exports results per TPS for the contests each TPS votes in, one column per choice", async () => {
    await submit(MURA.tps[0], MURA.dprd, {
      form: dprdForm({
        "1": { party: 10, candidates: { "1": 50, "2": 40 } },
        "2": { party: 5, candidates: { "1": 60, "2": 25 } },
      }),
    });
    const { header, rows } = await csvOf("/api/v1/exports/results.csv", await http.login(MURA.supervisor));
    expect(header).toEqual(expect.arrayContaining(["votes_0_kolom_kosong", "party_2_candidate_2", "kabupaten_kota"]));
    // Four TPS: the governor and the regent each; the dapil's three the DPRD too.
    expect(rows).toHaveLength(4 * 2 + 3);
    const dprd = rows.find((r) => r.tps_code === MURA.tps[0] && r.contest === MURA.dprd)!;
    expect(dprd).toMatchObject({
      kelurahan: "Desa Air Beliti",
      kabupaten_kota: "Kabupaten Musi Rawas",
      completeness: "complete",
      party_1_total: "100",
      party_1_only: "10",
      party_2_candidate_1: "60",
      votes_1: "",
    });
    expect(rows.some((r) => r.contest === "walikota")).toBe(false);
  });
});

describe("quick-only TPS", () => {
  it("lists per contest on the verification page the TPS whose complete C.Hasil is still missing", async () => {
    await submit(MURA.tps[0], MURA.dprd, {
      form: dprdForm({
        "1": { party: 10, candidates: { "1": 50, "2": 40 } },
        "2": { party: 5, candidates: { "1": 60, "2": 25 } },
      }),
    });
    await submit(MURA.tps[1], MURA.dprd, { votes: { "1": 80, "2": 70 }, invalid: 6 });
    await submit("1673011001-001", "walikota", { votes: { "1": 40, "2": 45, "3": 40 }, invalid: 3 });
    const html = decodeHtml(await (await http.get("/posko/verifikasi", await http.login(MURA.supervisor))).text());
    const dprd = html.slice(html.indexOf(`data-testid="quick-only-${MURA.dprd}"`)).split("</div>")[0];
    expect(dprd).toContain(MURA.tps[1]);
    expect(dprd).not.toContain(MURA.tps[0]);
    // Another kota's quick entries are not this supervisor's to chase.
    expect(html).not.toContain('data-testid="quick-only-walikota"');
    const posko = decodeHtml(await (await http.get("/posko/verifikasi", await http.login("posko"))).text());
    expect(posko).toContain('data-testid="quick-only-walikota"');
  });
});

describe("public data per contest and TPS", () => {
  const PNG = Buffer.from(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
    "hex",
  );

  it("gives one TPS's verified results per contest it votes in with C.Hasil photos, and no personal data", async () => {
    const tps = MURA.tps[3];
    const officer = await http.login(tps);
    await submit(tps, MURA.regent, { votes: { "1": 90, "0": 60 }, invalid: 2 });
    await submit(tps, "gubernur", { votes: { "1": 70, "2": 80 }, invalid: 2 });
    const photoId = randomUUID();
    const form = new FormData();
    for (const [k, v] of Object.entries({ id: photoId, purpose: "c1", tpsCode: tps, contest: MURA.regent }))
      form.set(k, v);
    form.set("photo", new Blob([new Uint8Array(PNG)], { type: "image/png" }), "c1.png");
    expect((await http.multipart("/api/v1/photos", form, officer)).status).toBe(201);

    // Before verification: no numbers, and the photo is not public.
    let res = await http.get(`/api/v1/public/tps/${tps}`);
    expect(res.status).toBe(200);
    let body = await res.json();
    expect(body.results.map((r: { contest: string }) => r.contest)).toEqual(["gubernur", MURA.regent]);
    expect(body.results.every((r: { verified: boolean; votes: unknown }) => !r.verified && r.votes === null)).toBe(
      true,
    );
    expect((await http.get(`/api/v1/photos/${photoId}`)).status).toBe(401);

    const posko = await http.login("posko");
    const verify = await http.post("/api/v1/reviews", { action: "verify", tpsCode: tps, contest: MURA.regent }, posko);
    expect(verify.status, await verify.clone().text()).toBe(200);

    res = await http.get(`/api/v1/public/tps/${tps}`);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const text = await res.text();
    body = JSON.parse(text);
    expect(body).toMatchObject({
      code: tps,
      kelurahan: { name: "Desa Kota Baru" },
      kecamatan: { name: "Kec. Tuah Negeri" },
      city: { name: "Kabupaten Musi Rawas" },
    });
    const regent = body.results.find((r: { contest: string }) => r.contest === MURA.regent);
    expect(regent).toMatchObject({
      verified: true,
      valid: 150,
      invalid: 2,
      photos: [`/api/v1/photos/${photoId}`],
      votes: [
        { number: 1, kind: "pair", votes: 90 },
        { number: 0, kind: "blank", name: "Kolom kosong", votes: 60 },
      ],
    });
    expect(body.results.find((r: { contest: string }) => r.contest === "gubernur")).toMatchObject({
      verified: false,
      votes: null,
      photos: [],
    });
    const photo = await http.get(`/api/v1/photos/${photoId}`);
    expect(photo.status).toBe(200);
    expect(Buffer.from(await photo.arrayBuffer()).equals(PNG)).toBe(true);
    const people = await server().services
      .sql`select login, name from users where tps_code = ${tps} or role <> 'officer'`;
    for (const p of people) expect(text).not.toContain(p.name as string);
    expect(text).not.toMatch(/"(login|phone|officer|author|source)"/);

    expect((await http.get("/api/v1/public/tps/1673011001-999")).status).toBe(404);
    expect((await http.get("/api/v1/public/tps/not-a-tps")).status).toBe(404);
    const page = decodeHtml(await (await http.get(`/publik/tps/${tps}`)).text());
    expect(page).toContain("Kolom kosong");
    expect(page).toContain(`/api/v1/photos/${photoId}`);
  });

  it("gives each contest of the public summary its own area's TPS, choices and kabupaten/kota", async () => {
    await submit(MURA.tps[0], MURA.regent, { votes: { "1": 120, "0": 40 }, invalid: 5 });
    const summary = await (await http.get("/api/v1/public/summary")).json();
    const byCode = (code: string) => summary.contests.find((c: { code: string }) => c.code === code);
    expect(byCode("gubernur")).toMatchObject({ tpsTotal: 639, type: "gubernur", area: ["16"] });
    expect(byCode("gubernur").byCity.map((a: { name: string }) => a.name)).toEqual([
      "Kabupaten Musi Rawas",
      "Kota Lubuklinggau",
    ]);
    expect(byCode("walikota")).toMatchObject({ tpsTotal: 635 });
    expect(byCode(MURA.dprd)).toMatchObject({ tpsTotal: 3, dapil: "Musi Rawas 1" });
    expect(byCode(MURA.dprd).candidates.map((k: { abbrev: string }) => k.abbrev)).toEqual(["PLT", "SMD"]);
    expect(byCode(MURA.regent)).toMatchObject({ tpsTotal: 4, tpsIn: 1, valid: 160 });
    expect(byCode(MURA.regent).candidates).toMatchObject([
      { number: 1, kind: "pair", votes: 120 },
      { number: 0, kind: "blank", votes: 40 },
    ]);
    expect(byCode(MURA.regent).byKecamatan.map((a: { name: string }) => a.name)).toEqual([
      "Kec. Muara Beliti",
      "Kec. Tuah Negeri",
    ]);
  });
});
