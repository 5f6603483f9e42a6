// The admin's contest screen against the real server, as a browser without JavaScript uses it: the type,
// electoral area and dapil of a contest, party lists, refusals worded per field, and the area the page shows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, decodeHtml as decode } from "./support/api";
import { startTestServer, type TestServer } from "./support/server";

let server: TestServer;
const http = api(() => server);
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await http.login("admin");
});
afterAll(() => server?.stop());

const form = (fields: Record<string, string | number>) => http.form("/admin/pemilihan", fields, admin);
const html = async (path: string) => decode(await (await http.page(path, admin)).text());

describe("admin contest screen", () => {
  it("lists the contests and shows the one being edited with its area: regions and their TPS", async () => {
    const page = await html("/admin/pemilihan?kode=walikota");
    expect(page).toContain('data-testid="contest-list"');
    expect(page).toContain("Wali Kota dan Wakil Wali Kota");
    // The mayor's area is the city: 1 region, the demo's 635 TPS.
    expect(page).toMatch(/data-testid="area-summary">1 wilayah, 635 TPS\./);
    expect(page).toContain("16.73 Kota Lubuklinggau · 635 TPS");
    const governor = await html("/admin/pemilihan?kode=gubernur&lang=en");
    expect(governor).toContain("16 Sumatera Selatan");
  });

  it("saves a dapil contest of two kecamatan with party lists, and shows it", async () => {
    await server.services.sql`insert into parties (number, name, abbrev) values
      (1, 'Partai Kebangkitan Bangsa', 'PKB'), (2, 'Partai Gerakan Indonesia Raya', 'Gerindra')
      on conflict do nothing`;
    const saved = await form({
      code: "dprd-llg-3",
      name: "DPRD Kota Lubuklinggau 3",
      type: "dprd_kabkota",
      dapil: "Lubuklinggau 3",
      position: 5,
      area: "16.73.01 | 16.73.02",
      candidates: "1 | 1 | Ahmad Zainuddin\n1 | 2 | Siti Rohani\n2 | 1 | Budi Hartono",
    });
    expect(saved.status).toBe(200);
    const [contest] = await server.services.sql`
      select type, dapil, (select array_agg(region_code order by region_code) from contest_areas where contest_code = code) as area
      from contests where code = 'dprd-llg-3'`;
    expect(contest).toEqual({ type: "dprd_kabkota", dapil: "Lubuklinggau 3", area: ["16.73.01", "16.73.02"] });
    const lists = await server.services.sql`
      select party_number, ballot_number, name from candidates where contest_code = 'dprd-llg-3' order by 1, 2`;
    expect(lists.map((k) => `${k.partyNumber}.${k.ballotNumber} ${k.name}`)).toEqual([
      "1.1 Ahmad Zainuddin",
      "1.2 Siti Rohani",
      "2.1 Budi Hartono",
    ]);
    const page = await html("/admin/pemilihan?kode=dprd-llg-3");
    expect(page).toContain("2 | 1 | Budi Hartono");
    expect(page).toContain("Partai terdaftar (impor partai di Impor CSV): 1 PKB, 2 Gerindra");
    const [{ n }] = await server.services.sql`
      select count(*)::int as n from tps where kelurahan_code like '16.73.01.%' or kelurahan_code like '16.73.02.%'`;
    expect(page).toContain(`2 wilayah, ${n} TPS.`);
  });

  it("refuses an area code that does not exist, a party that is not imported and a list without parties", async () => {
    const unknownArea = await form({
      code: "dpd-16",
      name: "DPD RI Sumatera Selatan",
      type: "dpd",
      position: 3,
      area: "16 16.99",
      candidates: "1 | Hj. Nurhayati Rahman",
    });
    expect(unknownArea.status).toBe(422);
    expect(decode(await unknownArea.text())).toContain(
      "Wilayah pemilihan: Wilayah 16.99 tidak ada; impor wilayah dulu.",
    );
    const unknownParty = await form({
      code: "dprd-llg-4",
      name: "DPRD Kota Lubuklinggau 4",
      type: "dprd_kabkota",
      area: "16.73.03",
      position: 5,
      candidates: "42 | 1 | Calon Partai Asing",
    });
    expect(unknownParty.status).toBe(422);
    expect(decode(await unknownParty.text())).toContain("Calon: Partai nomor 42 tidak dikenal; impor partai dulu.");
    const noParty = await form({
      code: "dprd-llg-4",
      name: "DPRD Kota Lubuklinggau 4",
      type: "dprd_kabkota",
      area: "16.73.03",
      position: 5,
      candidates: "0 | 1 | Tanpa Partai",
    });
    expect(noParty.status).toBe(422);
    expect(decode(await noParty.text())).toContain(
      "Calon Baris 1: surat suara partai: tulis nomor partai | nomor urut | nama",
    );
    expect(await server.services.sql`select code from contests where code in ('dpd-16', 'dprd-llg-4')`).toEqual([]);
  });

  it("changes a contest's area and keeps candidates of other parties apart", async () => {
    const moved = await form({
      code: "walikota",
      name: "Wali Kota dan Wakil Wali Kota",
      type: "walikota",
      position: 2,
      area: "16.73.01",
      candidates:
        "1 | Drs. Hendra Gunawan & Yuliana, S.E.\n2 | H. Rudi Hartono & dr. Maya Sari\n3 | Agus Salim, S.H. & Dewi Lestari, M.Pd.",
    });
    expect(moved.status).toBe(200);
    const page = await html("/admin/pemilihan?kode=walikota");
    expect(page).toContain("16.73.01 Lubuklinggau Barat I");
    expect(page).not.toContain("16.73 Kota Lubuklinggau · 635 TPS");
  });
});
