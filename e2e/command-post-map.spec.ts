// The command-post map clusters when zoomed out, filters by area and status, has a legend, and opens a
// TPS's detail on click. Only TPS of kecamatan 16.73.03 are written to.
import { randomUUID } from "node:crypto";
import { expect, test } from "./fixtures";

test("map: clusters when zoomed out, filters by area and status, TPS detail on click", async ({ page, login }) => {
  // A result and an incident in kecamatan 03, so the detail has something to show.
  await login(page, "1673031002-001");
  const qc = await page.request.post("/api/v1/quick-counts", {
    data: {
      id: randomUUID(),
      tpsCode: "1673031002-001",
      contest: "gubernur",
      votes: { "1": 120, "2": 100 },
      invalid: 5,
      capturedAt: new Date().toISOString(),
    },
  });
  expect(qc.status()).toBe(201);
  const inc = await page.request.post("/api/v1/incidents", {
    data: {
      id: randomUUID(),
      category: "logistics",
      severity: "medium",
      description: "Tinta kurang",
      occurredAt: new Date().toISOString(),
    },
  });
  expect(inc.status()).toBe(201);
  await page.context().clearCookies();

  await login(page, "posko");
  await expect(page.getByTestId("live-status")).toHaveText(/Langsung/);
  await expect(page.locator("path.tps-marker")).toHaveCount(635);
  await expect(page.getByLabel("Keterangan")).toContainText("Terlambat");

  // Zoomed out, TPS become clusters whose counts add up to every TPS.
  await page.locator(".leaflet-control-zoom-out").click();
  await expect(page.locator(".tps-cluster").first()).toBeVisible();
  const counts = await page
    .locator(".tps-cluster [data-count]")
    .evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-count"))));
  const singles = await page.locator("path.tps-marker").count();
  expect(counts.length).toBeLessThan(100);
  expect(counts.reduce((a, b) => a + b, 0) + singles).toBe(635);
  await page.locator(".leaflet-control-zoom-in").click();
  await expect(page.locator(".tps-cluster")).toHaveCount(0);

  // Area and status filters.
  await page.getByTestId("filter-kecamatan").selectOption("16.73.03");
  const inKec = await page.locator("path.tps-marker").count();
  expect(inKec).toBeGreaterThan(0);
  expect(inKec).toBeLessThan(635);
  await expect(page.getByTestId("filter-count")).toHaveText(`${inKec} dari 635 TPS`);
  await page.getByTestId("filter-kelurahan").selectOption("16.73.03.1002");
  await page.getByTestId("filter-status").selectOption("partial");
  await expect(page.locator("path.tps-marker")).toHaveCount(1);
  await expect(page.locator("path.tps-1673031002-001.status-partial")).toHaveCount(1);
  await expect(page.locator("path.tps-1673031002-001.has-incident")).toHaveCount(1);
  await expect(page.locator("path.tps-1673031002-001.day-counting")).toHaveCount(1);

  // Detail on click: results per contest and the incident.
  await page.locator("path.tps-1673031002-001").click();
  const detail = page.getByTestId("tps-detail");
  await expect(detail).toContainText("TPS 1673031002-001");
  await expect(detail.getByTestId("detail-results")).toContainText("1: 120 · 2: 100");
  await expect(detail).toContainText("Logistik");
  await expect(detail).toContainText("Petugas");
});

test("an operator records a phone report; only supervisors of that kecamatan see it on their command post", async ({
  deskOf,
  page,
  login,
}) => {
  await login(page, "posko");
  await expect(page.getByTestId("live-status")).toHaveText(/Langsung/);
  const entry = page.getByTestId("incident-entry");
  await entry.getByText("Catat insiden dari telepon / kertas / SMS").click();
  await entry.getByLabel(/^TPS/).fill("1673031006-001");
  await entry.getByLabel("Kategori").selectOption("vote_buying");
  await entry.getByLabel("Tingkat").selectOption("high");
  await entry.getByLabel("Uraian").fill("Warga menelepon: pembagian amplop di dekat TPS");
  await entry.getByRole("button", { name: "Simpan insiden" }).click();
  await expect(entry.getByText("Insiden tersimpan dan masuk daftar.")).toBeVisible();
  const card = page.locator("article.incident", { hasText: "pembagian amplop" });
  await expect(card).toContainText("Politik uang");
  await expect(card).toContainText("telepon");

  const insidePage = await deskOf("pengawas-03");
  await expect(insidePage.locator("article.incident", { hasText: "pembagian amplop" })).toHaveCount(1);
  await expect(insidePage.getByTestId("filter-count")).not.toContainText("dari 635 TPS");
  await expect(insidePage.getByRole("link", { name: "Entri formulir kertas" })).toHaveCount(0);

  const outsidePage = await deskOf("pengawas-04");
  await expect(outsidePage.getByTestId("live-status")).toHaveText(/Langsung/);
  await expect(outsidePage.locator("path.tps-marker.tps-1673031006-001")).toHaveCount(0);
  await expect(outsidePage.locator("article.incident", { hasText: "pembagian amplop" })).toHaveCount(0);
  expect((await outsidePage.request.get("/posko/entri")).status()).toBe(403);
});
