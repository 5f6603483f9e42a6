// Admin CSV imports against the real server: dry run and real run with good and
// bad rows, all-or-nothing, re-runnable without duplicates. Uses the documented sample files.
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
      phone: "0812-7300-1002",
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
