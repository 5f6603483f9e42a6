// The command post drills down by region: from the top (the demo election's one province and one city open
// directly) to a kecamatan, a kelurahan and a TPS, with the breadcrumb and the back button; totals and progress
// follow the open area; a result posted in kelurahan 16.73.02.1001 shows in the kecamatan's figures live.
// Only 16.73.02.1001 and 16.73.02.1002 are written to. The upper level (regions as aggregates) runs on a
// generated province of its own, with a threshold low enough that the province is above it.
import { randomUUID } from "node:crypto";
import { freePort, HOST, startLoadDatabase, startPantau, stopChild } from "../scripts/load-kit";
import { expect, shot, test } from "./fixtures";

const KECAMATAN = "16.73.02";
const KELURAHAN = "16.73.02.1001";
const TPS = "1673021001-002";

test.use({ viewport: { width: 1366, height: 768 } });

test("drill from the top to a kelurahan and a TPS; a result shows live in the kecamatan", async ({
  page,
  login,
  apiAs,
}) => {
  const sockets: string[] = [];
  page.on("websocket", (ws) => sockets.push(ws.url()));
  await login(page, "posko");
  // The whole election has one province, the province one city: the command post opens the city.
  await expect(page).toHaveURL(/\/posko\?wilayah=16\.73$/);
  await expect(page.getByTestId("live-status")).toHaveText(/Langsung/);
  const crumbs = page.getByTestId("breadcrumb");
  await expect(crumbs).toContainText("Seluruh pemilihan");
  await expect(crumbs.getByRole("listitem").last()).toContainText("Kota Lubuklinggau");
  await expect(page.getByTestId("child-regions").getByRole("row")).toHaveCount(9); // header + 8 kecamatan
  await expect(page.locator("path.tps-marker")).toHaveCount(635);
  await shot(page, "drill-1-city");

  // Down to the kecamatan by the list.
  await page.getByTestId(`child-${KECAMATAN}`).getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`wilayah=${KECAMATAN.replace(/\./g, "\\.")}$`));
  await expect(crumbs.getByRole("link", { name: "Kota Lubuklinggau" })).toBeVisible();
  await expect(page.getByTestId("live-status")).toHaveText(/Langsung/);
  const summary = await (await apiAs("posko")).get(`/api/v1/regions/${KECAMATAN}/summary`);
  const kec = (await summary.json()) as { area: { tps: number } };
  await expect(page.locator("path.tps-marker")).toHaveCount(kec.area.tps);
  // Totals and progress are the kecamatan's: its TPS are the denominator.
  const progress = page.getByTestId("progress-gubernur");
  await expect(progress).toContainText(`dari ${kec.area.tps} TPS`);
  const reportedBefore = Number((await progress.textContent())!.match(/Masuk (\d+)/)![1]);
  const kelShare = page.getByTestId(`child-share-${KECAMATAN}.1001-gubernur`);
  const shareBefore = await kelShare.textContent();
  await shot(page, "drill-2-kecamatan");

  // An officer of 16.73.02.1001 sends a result: the kecamatan's progress and its kelurahan's share move.
  const officer = await apiAs(TPS);
  const qc = await officer.post("/api/v1/quick-counts", {
    id: randomUUID(),
    tpsCode: TPS,
    contest: "gubernur",
    votes: { "1": 70, "2": 60 },
    invalid: 2,
    capturedAt: new Date().toISOString(),
  });
  expect(qc.status()).toBe(201);
  await expect(progress).toContainText(`Masuk ${reportedBefore + 1} dari`);
  await expect(kelShare).not.toHaveText(shareBefore!);
  await shot(page, "drill-3-kecamatan-live");

  // Down to the kelurahan by its marker list entry, then a TPS on the map.
  await page.getByTestId(`child-${KELURAHAN}`).getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`wilayah=${KELURAHAN.replace(/\./g, "\\.")}$`));
  await expect(crumbs.getByRole("listitem")).toHaveCount(5); // election, province, city, kecamatan, kelurahan
  await expect(page.getByTestId("child-regions")).toHaveCount(0);
  await page.locator(`path.tps-${TPS}`).click();
  const detail = page.getByTestId("tps-detail");
  await expect(detail).toContainText(`TPS ${TPS}`);
  await expect(detail.getByTestId("detail-results")).toContainText("1: 70 · 2: 60");
  await shot(page, "drill-4-kelurahan-tps");

  // Back returns to the kecamatan; the breadcrumb to the city.
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`wilayah=${KECAMATAN.replace(/\./g, "\\.")}$`));
  await expect(page.getByTestId(`child-${KELURAHAN}`)).toBeVisible();
  await crumbs.getByRole("link", { name: "Kota Lubuklinggau" }).click();
  await expect(page).toHaveURL(/wilayah=16\.73$/);
  await expect(page.getByTestId(`child-${KECAMATAN}`)).toBeVisible();
  await expect(page.getByTestId("live-status")).toHaveText(/Langsung/);
  // Every area was opened on the one live connection the page started with.
  expect(sockets.filter((url) => url.includes("/socket.io/"))).toHaveLength(1);
});

test("above the threshold the map shows regions as aggregates, and a click opens one", async ({ browser, login }) => {
  test.setTimeout(120_000);
  const db = await startLoadDatabase({ tpsCount: 2000 });
  const port = await freePort();
  const server = await startPantau(db.databaseUrl, port, { TILE_URL: "", PANTAU_TPS_MAP_MAX: "500" });
  const context = await browser.newContext({
    baseURL: `http://${HOST}:${port}`,
    locale: "id-ID",
    viewport: { width: 1366, height: 768 },
  });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await login(page, "posko");
    // The election has one province: it opens, with 2,000 TPS, above 500.
    await expect(page).toHaveURL(/\/posko\?wilayah=16$/);
    await expect(page.getByTestId("region-level")).toBeVisible();
    await expect(page.getByTestId("live-status")).toHaveText(/Langsung/);
    const [{ n: cities }] = await db.sql<[{ n: number }]>`select count(*)::int as n from regions where level = 'city'`;
    await expect(page.locator(".region-box")).toHaveCount(cities);
    await expect(page.locator("path.tps-marker")).toHaveCount(0);
    await expect(page.getByTestId("area-progress-gubernur")).toContainText("dari 2.000 TPS");
    await shot(page, "drill-5-province-aggregates");

    // A click on a kabupaten/kota's marker opens it; small enough, it shows its TPS.
    const first = page.locator(".region-box").first();
    const code = await first.getAttribute("data-region");
    await first.click();
    await expect(page).toHaveURL(new RegExp(`wilayah=${code!.replace(/\./g, "\\.")}$`));
    await expect(page.getByTestId("region-level")).toHaveCount(0);
    await expect(page.locator("path.tps-marker").first()).toBeVisible();
    await expect(page.getByTestId("live-status")).toHaveText(/Langsung/);
    await shot(page, "drill-6-city-from-province");
    await page.goBack();
    await expect(page.getByTestId("region-level")).toBeVisible();
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    await stopChild(server);
    await db.close();
  }
});
