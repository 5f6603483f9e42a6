// The admin's contest screen in Chromium: the contest's electoral area drawn on the map without tiles (the
// mayor's city as a box with its 635 TPS as dots), and an unknown area code refused on the field.
import { expect, test } from "./fixtures";

test("an admin sees a contest's area on the map and is told which area code does not exist", async ({
  page,
  login,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await login(page, "admin");
  await page.goto("/admin/pemilihan?kode=walikota");
  await expect(page.getByTestId("area-summary")).toHaveText("1 wilayah, 635 TPS.");
  const map = page.getByTestId("area-map");
  await expect(map.locator("path.area-box")).toHaveCount(1);
  await expect(map.locator("path.area-tps")).toHaveCount(635);

  // The governor's area is the province: the list shows it, and another contest is one click away.
  await page.getByRole("link", { name: "gubernur" }).click();
  await expect(page.getByRole("heading", { name: "Gubernur dan Wakil Gubernur" })).toBeVisible();
  await expect(page.getByTestId("area-regions")).toHaveText("16 Sumatera Selatan · 635 TPS");

  // An area code that does not exist is refused, naming the code; nothing changes.
  await page.getByRole("textbox", { name: /^Wilayah pemilihan/ }).fill("16 16.99");
  await page.getByRole("button", { name: "Simpan" }).click();
  await expect(page.getByRole("alert")).toHaveText("Wilayah pemilihan: Wilayah 16.99 tidak ada; impor wilayah dulu.");
  await page.reload();
  await expect(page.getByRole("textbox", { name: /^Wilayah pemilihan/ })).toHaveValue("16");
  expect(errors).toEqual([]);
});
