// The public page holds one level of the drill-down at a time, at province scale too: a province of two
// kabupaten/kota opens at the province and lists the two; each opens with its own contests, and no level
// holds what lies below its children. Uses the test province (a second city, Kabupaten Musi Rawas).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../app/lib/csv";
import { api, decodeHtml } from "./support/api";
import { addSecondCity, MURA } from "./support/province";
import { startTestServer, type TestServer } from "./support/server";

let server: TestServer;
const http = api(() => server);
beforeAll(async () => {
  server = await startTestServer();
  await addSecondCity(server.services.sql);
});
afterAll(() => server?.stop());

const page = async (path: string) => {
  const res = await http.get(path);
  expect(res.status, path).toBe(200);
  return decodeHtml(await res.text());
};
const heading = (html: string) => html.match(/data-testid="public-area-name"[^>]*>([^<]*)</)?.[1];

describe("the public drill-down at province scale", () => {
  it("opens at the province when it has two kabupaten/kota, and lists them as links one level down", async () => {
    const html = await page("/publik");
    expect(heading(html)).toBe("Provinsi Sumatera Selatan");
    expect(html).toContain('href="/publik?wilayah=16.73"');
    expect(html).toContain('href="/publik?wilayah=16.05"');
    // One level only: no kecamatan, kelurahan or TPS of the cities.
    expect(html).not.toContain("wilayah=16.73.01");
    expect(html).not.toContain("public-tps-row");
    // The governor votes over the whole province: its results are shown at this level.
    expect(html).toContain('data-testid="public-contest-gubernur"');
  });

  it("opens each kabupaten/kota with the contests it votes in, and nothing of the other", async () => {
    const mura = await page(`/publik?wilayah=${MURA.city}`);
    expect(heading(mura)).toBe("Kabupaten Musi Rawas");
    expect(mura).toContain(`data-testid="public-contest-${MURA.regent}"`);
    // A single pair: the ballot's blank column is a choice.
    expect(mura).toContain("Kolom kosong");
    expect(mura).not.toContain('data-testid="public-contest-walikota"');
    expect(mura).toContain(`href="/publik?wilayah=${MURA.kecamatan}"`);

    const kota = await page("/publik?wilayah=16.73");
    expect(kota).not.toContain("Musi Rawas");
    expect(kota).toContain('data-testid="public-contest-walikota"');
  });

  it("answers an unknown or malformed region with 404, and the open data of a kabupaten with its own columns", async () => {
    expect((await http.get("/publik?wilayah=16.99")).status).toBe(404);
    expect((await http.get("/publik?wilayah=abc")).status).toBe(404);
    const [header, ...rows] = parseCsv(
      await (await http.get(`/api/v1/public/regions/${MURA.city}/tps.csv`)).text(),
      ";",
    );
    // The blank column (0) of the regent's single pair and the DPRD's two parties.
    expect(header).toEqual(expect.arrayContaining(["votes_0", "votes_1", "votes_2"]));
    expect(new Set(rows.map((r) => r[8]))).toEqual(new Set(["gubernur", MURA.regent, MURA.dprd]));
    // The DPRD dapil covers one kecamatan: its rows are that kecamatan's TPS only.
    expect(rows.filter((r) => r[8] === MURA.dprd).every((r) => r[4] === MURA.kecamatan)).toBe(true);
  });
});
