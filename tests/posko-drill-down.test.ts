// The command post's drill-down page as a client fetches it: `?wilayah=` opens an area inside the caller's
// view (404 outside it, 400 for a malformed code), a level with one child opens that child, and above
// PANTAU_TPS_MAP_MAX TPS the page carries the area's summary and bounded lists, never a row per TPS. Here the
// threshold is 100, so the demo city (635 TPS) is an upper level and its kecamatan (about 80) show TPS.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TOP_N } from "../app/lib/drill-down";
import { api } from "./support/api";
import { startTestServer, type TestServer } from "./support/server";

let server: TestServer;
const http = api(() => server);
let posko: string;

beforeAll(async () => {
  server = await startTestServer({ PANTAU_TPS_MAP_MAX: "100" });
  posko = await http.login("posko");
});
afterAll(async () => {
  await server?.stop();
});

const tpsCodesIn = (html: string) => new Set(html.match(/\d{10}-\d{3}/g) ?? []);

describe("/posko?wilayah=", () => {
  it("opens the single child of each level down to the city", async () => {
    const top = await http.page("/posko", posko);
    expect(top.status).toBe(302);
    expect(top.headers.get("location")).toBe("/posko?wilayah=16");
    const province = await http.page("/posko?wilayah=16", posko);
    expect(province.headers.get("location")).toBe("/posko?wilayah=16.73");
  });

  it("sends an upper level its summary and bounded lists, not every TPS", async () => {
    const city = await http.page("/posko?wilayah=16.73", posko);
    expect(city.status).toBe(200);
    const html = await city.text();
    expect(html).toContain('data-testid="region-level"');
    expect(html).toContain('data-testid="child-16.73.08"');
    // At most the first TOP_N of each bounded list (stale, quick-only per contest), of 635 TPS.
    expect(tpsCodesIn(html).size).toBeLessThanOrEqual(TOP_N * 3);
    expect(html).not.toContain("kelurahanCodes"); // the packed TPS columns of the TPS-level page
    expect(Buffer.byteLength(html)).toBeLessThan(120_000);

    const kecamatan = await http.page("/posko?wilayah=16.73.02", posko);
    expect(kecamatan.status).toBe(200);
    const tpsHtml = await kecamatan.text();
    expect(tpsHtml).toContain("kelurahanCodes");
    expect(tpsHtml).toContain('data-testid="breadcrumb"');
  });

  it("answers 404 outside the caller's view or for an unknown region, 400 for a malformed code", async () => {
    const supervisor = await http.login("pengawas-01");
    expect((await http.page("/posko?wilayah=16.73.02", supervisor)).status).toBe(404);
    expect((await http.page("/posko?wilayah=16.73", supervisor)).status).toBe(404);
    expect((await http.page("/posko", supervisor)).status).toBe(200); // their own kecamatan
    expect((await http.page("/posko?wilayah=16.73.01.1001", supervisor)).status).toBe(200);
    expect((await http.page("/posko?wilayah=16.73.99", posko)).status).toBe(404);
    expect((await http.page("/posko?wilayah=16.73%27", posko)).status).toBe(400);
  });
});
