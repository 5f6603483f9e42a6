// Admin CSV imports against the real server: dry run and real run with good and
// bad rows, all-or-nothing, re-runnable without duplicates. Uses the documented sample files.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "./support/api";
import { startTestServer, type TestServer } from "./support/server";

let server: TestServer;
const http = api(() => server);
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await http.login("admin");
});
afterAll(() => server?.stop());

const sample = (name: string) => readFileSync(`public/samples/${name}.csv`, "utf8");
const post = (kind: string, csv: string, { dryRun = false, token = admin } = {}) =>
  http.post(`/api/v1/admin/imports/${kind}${dryRun ? "?dryRun=1" : ""}`, csv, token, { "Content-Type": "text/csv" });
const count = async (table: string, where: string) =>
  (await server.services.sql.unsafe(`select count(*)::int as n from ${table} where ${where}`))[0].n as number;

describe("CSV imports", () => {
  it("only admins may import", async () => {
    const posko = await http.login("posko");
    expect((await post("regions", sample("regions"), { token: posko })).status).toBe(403);
    expect((await fetch(`${server.url}/api/v1/admin/imports/regions`, { method: "POST", body: "x" })).status).toBe(401);
  });

  it("a dry run lists row-level errors and writes nothing", async () => {
    const bad =
      sample("regions") +
      "16.73.10,16.99,kecamatan,Induk salah\n16.73.09.1003,16.73.09,kelurahan,\n16.73.09,16.73,kecamatan,Lagi\n";
    const before = await count("regions", "code like '16.73.09%'");
    const res = await post("regions", bad, { dryRun: true });
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report).toMatchObject({ kind: "regions", rows: 6, applied: false });
    expect(report.errors).toEqual([
      { line: 5, field: "parent_code", message: "Wilayah induk 16.99 tidak ada atau tingkatnya salah." },
      { line: 5, field: "parent_code", message: "Kode harus diawali kode induknya." },
      { line: 6, field: "name", message: "Wajib diisi." },
      { line: 7, field: "code", message: "Sama dengan baris 2." },
    ]);
    expect(await count("regions", "code like '16.73.09%'")).toBe(before);
  });

  it("a real run with one bad row writes nothing; a good file is written whole and can run again", async () => {
    const badTps = sample("tps") + "16.73.09.1001,3,Jl. Salah,-3.29,200,300,0,0\n";
    // Regions first: the TPS file refers to them.
    const regions = await post("regions", sample("regions"));
    expect(await regions.json()).toMatchObject({ rows: 3, created: 3, updated: 0, errors: [], applied: true });

    const refused = await post("tps", badTps);
    expect(refused.status).toBe(422);
    expect((await refused.json()).errors).toEqual([
      { line: 5, field: "lng", message: "Bujur harus angka antara 94 dan 142." },
    ]);
    expect(await count("tps", "kelurahan_code like '16.73.09.%'")).toBe(0);

    const dry = await (await post("tps", sample("tps"), { dryRun: true })).json();
    expect(dry).toMatchObject({ rows: 3, created: 3, updated: 0, errors: [], applied: false });
    expect(await (await post("tps", sample("tps"))).json()).toMatchObject({
      rows: 3,
      created: 3,
      updated: 0,
      applied: true,
    });
    expect(await (await post("tps", sample("tps").replace("287,2,1", "290,2,1"))).json()).toMatchObject({
      created: 0,
      updated: 3,
      applied: true,
    });
    expect(await count("tps", "kelurahan_code like '16.73.09.%'")).toBe(3);
    const [tps] = await server.services.sql`select dpt, address from tps where code = '1673091001-002'`;
    expect(tps).toEqual({ dpt: 301, address: "Jl. Garuda No. 10, halaman masjid" });
    expect(await count("tps", "code = '1673091001-001' and dpt = 290")).toBe(1);

    const officers = await (await post("officers", sample("officers"))).json();
    expect(officers).toMatchObject({ rows: 3, created: 3, updated: 0, applied: true });
    const again = await (
      await post("officers", sample("officers").replace("Budi Santoso", '"Budi Santoso, S.Kom"'))
    ).json();
    expect(again).toMatchObject({ rows: 3, created: 0, updated: 3, applied: true });
    expect(await count("users", "tps_code like '167309%'")).toBe(3);
    const [officer] = await server.services
      .sql`select name, nip, phone, role, region_code from users where login = '1673091001-002'`;
    expect(officer).toEqual({
      name: "Budi Santoso, S.Kom",
      nip: "199001202015031002",
      phone: "+6281273001002",
      role: "officer",
      regionCode: "16.73.09.1001",
    });
    expect(await count("audit_log", "action like 'import.%'")).toBe(5);
  });

  it("reports bad officer rows per field", async () => {
    const csv = "tps_code,name,nip,phone\n9999999999-001,Nama,123,abc\n1673011001-001,,,\n";
    const report = await (await post("officers", csv, { dryRun: true })).json();
    expect(report.errors.map((e: { line: number; field: string }) => `${e.line}:${e.field}`)).toEqual([
      "2:tps_code",
      "2:nip",
      "2:phone",
      "3:name",
    ]);
    const missing = await (await post("tps", "number,lat\n1,2\n", { dryRun: true })).json();
    expect(missing.errors).toEqual([
      { line: 1, field: "kelurahan_code, lng, dpt", message: "Kolom wajib tidak ada: kelurahan_code, lng, dpt." },
    ]);
  });
});

describe("CSV imports as spreadsheets save them", () => {
  it("names the line a person sees after blank lines and multi-line cells, in a comma or semicolon file", async () => {
    // A semicolon file with a BOM and CRLF, blank lines, and a name over two lines, then a row below it.
    const semicolons =
      '\ufefftps_code;name;nip;phone\r\n\r\n1673011001-001;"Sari\r\nDewi";;abc\r\n\r\n\r\n9999999999-001;Nama;;\r\n';
    const report = await (await post("officers", semicolons, { dryRun: true })).json();
    expect(report.errors.map((e: { line: number; field: string }) => `${e.line}:${e.field}`)).toEqual([
      "3:phone",
      "7:tps_code",
    ]);
    const commas = 'tps_code,name,nip,phone\n1673011001-001,"Sari,\nDewi",,abc\n\n9999999999-001,Nama,,\n';
    const again = await (await post("officers", commas, { dryRun: true })).json();
    expect(again.errors.map((e: { line: number; field: string }) => `${e.line}:${e.field}`)).toEqual([
      "2:phone",
      "5:tps_code",
    ]);
  });

  it("offers every error as a CSV file when there are more than the screen shows", async () => {
    const lines = Array.from({ length: 620 }, (_, i) => `9999999999-${String(i + 1).padStart(3, "0")};Nama ${i}`);
    const csv = ["tps_code;name", ...lines].join("\n") + "\n";
    const json = await (await post("officers", csv, { dryRun: true })).json();
    expect(json.errors).toHaveLength(620);
    const res = await http.post(`/api/v1/admin/imports/officers?dryRun=1&errors=csv`, csv, admin, {
      "Content-Type": "text/csv",
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = bytes.subarray(3).toString("utf8").trim().split("\r\n");
    expect(rows[0]).toBe("line;field;problem");
    expect(rows).toHaveLength(621);
    expect(rows[620]).toMatch(/^621;tps_code;/);

    // The import screen lists the first 500 and links every error as a CSV file.
    const form = new FormData();
    form.set("kind", "officers");
    form.set("intent", "check");
    form.set("file", new Blob([csv], { type: "text/csv" }), "officers.csv");
    const page = await fetch(`${server.url}/admin/impor`, {
      method: "POST",
      headers: { Authorization: `Bearer ${admin}` },
      body: form,
    });
    const html = await page.text();
    expect(html).toContain("Tabel ini menampilkan 500 kesalahan pertama dari 620.");
    const href =
      /data-testid="import-errors-csv"[^>]*href="([^"]+)"|href="([^"]+)"[^>]*data-testid="import-errors-csv"/.exec(
        html,
      );
    const link = decodeURIComponent((href![1] ?? href![2]).replace(/^data:text\/csv;charset=utf-8,/, ""));
    expect(link.startsWith("\ufeffline;field;problem\r\n")).toBe(true);
    expect(link.trim().split("\r\n")).toHaveLength(621);
  });
});

describe("CSV imports of the election model", () => {
  it("reads a region's kind (checked against its level) and a TPS's DPT by sex, from a semicolon file with a BOM", async () => {
    const regions =
      "\uFEFFcode;parent_code;level;name;kind\r\n" +
      "16.73.10;16.73;kecamatan;Lubuklinggau Baru;kecamatan\r\n" +
      "16.73.10.2001;16.73.10;kelurahan;Sukarami, Ulu;desa\r\n" +
      "16.73.10.1002;16.73.10;kelurahan;Watervang;kabupaten\r\n";
    const checked = await (await post("regions", regions, { dryRun: true })).json();
    expect(checked.errors).toEqual([
      { line: 4, field: "kind", message: "Jenis wilayah untuk tingkat kelurahan harus desa / kelurahan." },
    ]);
    const good = regions.replace(";Watervang;kabupaten", ";Watervang;");
    expect(await (await post("regions", good)).json()).toMatchObject({ created: 3, errors: [], applied: true });
    const kinds = await server.services.sql`select code, kind from regions where code like '16.73.10%' order by code`;
    // Given kinds are kept; a missing one is derived from the code (1xxx kelurahan, 2xxx desa).
    expect(kinds.map((r) => `${r.code}:${r.kind}`)).toEqual([
      "16.73.10:kecamatan",
      "16.73.10.1002:kelurahan",
      "16.73.10.2001:desa",
    ]);

    const tps =
      "kelurahan_code;number;lat;lng;dpt;dpt_men;dpt_women\n" +
      "16.73.10.2001;1;-3,2901;102,8702;300;148;152\n" +
      "16.73.10.2001;2;-3,2911;102,8712;300;148;150\n" +
      "16.73.10.2001;3;-3,2921;102,8722;300;148;\n";
    const refused = await post("tps", tps);
    expect(refused.status).toBe(422);
    expect((await refused.json()).errors).toEqual([
      { line: 3, field: "dpt_women", message: "DPT laki-laki dan perempuan diisi berdua dan berjumlah DPT (300)." },
      { line: 4, field: "dpt_women", message: "Harus bilangan bulat 0–9.999." },
    ]);
    expect(await count("tps", "kelurahan_code = '16.73.10.2001'")).toBe(0);
    const ok = tps.split("\n").slice(0, 2).join("\n") + "\n16.73.10.2001;2;-3,2911;102,8712;250;;\n";
    expect(await (await post("tps", ok)).json()).toMatchObject({ created: 2, errors: [], applied: true });
    const rows = await server.services
      .sql`select code, lat, dpt, dpt_men, dpt_women from tps where kelurahan_code = '16.73.10.2001' order by code`;
    expect(rows).toEqual([
      { code: "1673102001-001", lat: -3.2901, dpt: 300, dptMen: 148, dptWomen: 152 },
      { code: "1673102001-002", lat: -3.2911, dpt: 250, dptMen: null, dptWomen: null },
    ]);
  });

  it("imports parties, contests with their areas and candidates in order, and again without duplicates", async () => {
    expect(await (await post("parties", sample("parties"))).json()).toMatchObject({
      rows: 3,
      created: 3,
      updated: 0,
      applied: true,
    });
    expect(await (await post("contests", sample("contests"))).json()).toMatchObject({
      rows: 3,
      created: 3,
      applied: true,
    });
    expect(await (await post("candidates", sample("candidates"))).json()).toMatchObject({
      rows: 7,
      created: 7,
      applied: true,
    });
    const contests = await server.services.sql`
      select c.code, c.type, c.dapil, array_agg(a.region_code order by a.region_code) as area
      from contests c join contest_areas a on a.contest_code = c.code
      where c.code in ('dpd-16', 'dprd-llg-1', 'dprd-llg-2') group by c.code order by c.code`;
    expect(contests).toEqual([
      { code: "dpd-16", type: "dpd", dapil: null, area: ["16"] },
      { code: "dprd-llg-1", type: "dprd_kabkota", dapil: "Lubuklinggau 1", area: ["16.73.01", "16.73.02", "16.73.03"] },
      {
        code: "dprd-llg-2",
        type: "dprd_kabkota",
        dapil: "Lubuklinggau 2",
        area: ["16.73.04", "16.73.05", "16.73.06", "16.73.07", "16.73.08"],
      },
    ]);
    const lists = await server.services.sql`
      select party_number, ballot_number, name from candidates where contest_code = 'dprd-llg-1' order by 1, 2`;
    expect(lists.map((k) => `${k.partyNumber}.${k.ballotNumber} ${k.name}`)).toEqual([
      "1.1 Ahmad Zainuddin",
      "1.2 Siti Rohani",
      "2.1 Budi Hartono",
      "3.1 Maria Ulfa",
    ]);

    // Again, with a dapil moved: the area is replaced, nothing duplicated.
    const moved = sample("contests").replace("16.73.01 16.73.02 16.73.03", "16.73.01|16.73.02");
    expect(await (await post("contests", moved)).json()).toMatchObject({ created: 0, updated: 3, applied: true });
    expect(await count("contest_areas", "contest_code = 'dprd-llg-1'")).toBe(2);
    expect(await (await post("candidates", sample("candidates"))).json()).toMatchObject({ created: 0, updated: 7 });
    expect(await count("candidates", "contest_code in ('dpd-16', 'dprd-llg-1', 'dprd-llg-2')")).toBe(7);
  });

  it("reports bad party, contest and candidate rows per field, worded for the admin", async () => {
    const parties = "number,name,abbrev\n0,Partai Nol,PN\n5,,X\n";
    expect(
      (await (await post("parties", parties, { dryRun: true })).json()).errors.map(
        (e: { line: number; field: string }) => `${e.line}:${e.field}`,
      ),
    ).toEqual(["2:number", "3:name"]);

    const contests =
      "code,name,type,area\n" +
      "DPR Satu,DPR RI Sumsel I,dpr,16.73\n" +
      "dpr-16-1,DPR RI Sumsel I,dewan,16.73\n" +
      "dpr-16-2,DPR RI Sumsel II,dpr,16.73 16.99|16.73.77\n" +
      "dpr-16-3,DPR RI Sumsel III,dpr,\n";
    const report = await (await post("contests", contests, { dryRun: true })).json();
    expect(report.errors).toEqual([
      { line: 2, field: "code", message: "Kode pemilihan: 2–40 huruf kecil, angka, - atau _." },
      {
        line: 3,
        field: "type",
        message:
          "Jenis pemilihan harus salah satu dari: presiden, dpr, dpd, dprd_prov, dprd_kabkota, gubernur, bupati, walikota.",
      },
      { line: 4, field: "area", message: "Wilayah 16.99, 16.73.77 tidak ada; impor wilayah dulu." },
      { line: 5, field: "area", message: "Wajib diisi." },
    ]);

    const candidates =
      "contest,party,number,name\n" +
      "dpr-99,1,1,Tanpa Pemilihan\n" +
      "dprd-llg-1,,4,Tanpa Partai\n" +
      "dprd-llg-1,42,1,Partai Asing\n" +
      "dpd-16,2,3,Calon Berpartai\n" +
      "walikota,,1,Pasangan Lama\n" +
      "walikota,0,1,Pasangan Lama Lagi\n";
    const english = await (
      await http.post(`/api/v1/admin/imports/candidates?dryRun=1`, candidates, admin, {
        "Content-Type": "text/csv",
        "Accept-Language": "en",
      })
    ).json();
    expect(english.errors).toEqual([
      { line: 2, field: "contest", message: "Unknown contest dpr-99; import the contests first." },
      { line: 3, field: "party", message: "A dprd_kabkota ballot lists parties: give the party number." },
      { line: 4, field: "party", message: "Unknown party number 42; import the parties first." },
      { line: 5, field: "party", message: "Candidates on a dpd ballot have no party: leave party empty or 0." },
      { line: 7, field: "number", message: "Same as line 6." },
    ]);
  });

  it("refuses to change the type of a contest that has results", async () => {
    const officer = await http.login("1673011001-002");
    const sent = await http.post(
      "/api/v1/quick-counts",
      {
        id: randomUUID(),
        tpsCode: "1673011001-002",
        contest: "walikota",
        votes: { "1": 100, "2": 80, "3": 40 },
        invalid: 6,
        capturedAt: "2026-11-22T10:00:00+07:00",
      },
      officer,
    );
    expect(sent.status).toBe(201);
    const refused = await post("contests", "code,name,type,area\nwalikota,Bupati,bupati,16.73\n");
    expect(refused.status).toBe(422);
    expect((await refused.json()).errors).toEqual([
      { line: 2, field: "type", message: "Jenis tidak dapat diubah: pemilihan ini sudah punya hasil." },
    ]);
    const renamed = await post(
      "contests",
      "code;name;type;area;position\nwalikota;Wali Kota Lubuklinggau;walikota;16.73;2\n",
    );
    expect(await renamed.json()).toMatchObject({ updated: 1, applied: true });
    const [row] = await server.services.sql`select name, type from contests where code = 'walikota'`;
    expect(row).toEqual({ name: "Wali Kota Lubuklinggau", type: "walikota" });
  });
});
