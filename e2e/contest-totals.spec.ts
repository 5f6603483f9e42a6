// The command post shows each contest's totals over its own area: its choices, its progress against the TPS
// that vote in it, the area's progress when the filter narrows, and the TPS still at a quick entry only.
// Uses kecamatan 16.73.08 only (other specs share the database).
import { randomUUID } from "node:crypto";
import { expect, shot, test } from "./fixtures";

test("the command post shows each contest's totals, progress and quick-only TPS", async ({ page, login, apiAs }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, "posko");
  await expect(page.getByTestId("live-status")).toHaveText(/Langsung/);
  for (const contest of ["gubernur", "walikota"]) {
    await expect(page.getByTestId(`totals-${contest}`)).toBeVisible();
    await expect(page.getByTestId(`progress-${contest}`)).toHaveText(/^Masuk \d+ dari 635 TPS$/);
  }
  await expect(page.getByTestId("totals-walikota").getByRole("row")).toHaveCount(4); // three pairs, invalid
  const before = Number((await page.getByTestId("votes-walikota-1").textContent())!.replace(/\D/g, ""));

  const tpsCode = "1673081001-001";
  const officer = await apiAs(tpsCode);
  const res = await officer.post("/api/v1/quick-counts", {
    id: randomUUID(),
    tpsCode,
    contest: "walikota",
    votes: { "1": 61, "2": 45, "3": 40 },
    invalid: 3,
    capturedAt: new Date().toISOString(),
  });
  expect(res.status()).toBe(201);

  await expect(page.getByTestId("votes-walikota-1")).toHaveText(String(before + 61));
  await expect(page.getByTestId("quick-only-walikota")).toContainText(tpsCode);

  await page.getByTestId("filter-kecamatan").selectOption("16.73.08");
  // The filter scopes the totals: only this kecamatan's TPS count (this spec's TPS is its only result).
  await expect(page.getByTestId("votes-walikota-1")).toHaveText("61");
  await expect(page.getByTestId("area-progress-walikota")).toHaveText(
    /^Di wilayah yang dipilih: masuk 1 dari \d+ TPS$/,
  );
  await expect(page.getByTestId("sub-area-progress").getByRole("row").first()).toContainText("Kel. ");
  await shot(page, "posko-contest-totals");
});
