// The public data centre from a visitor's phone (360x740): from the public page's top bar to the city, into a
// kecamatan, reading a chart and downloading its CSV; and a case officer at a laptop (1366x768) who records a
// campaign-supervision activity that then shows in the public counts. Writes only to kelurahan 16.73.06.1006.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { expect, shot, test } from "./fixtures";

const KEC = "16.73.06";
const KEL = "16.73.06.1006";

/** Each dataset's card on its own (PANTAU_SHOTS): a whole page of seven datasets is too long to look at. */
async function shotSections(page: Page, prefix: string) {
  const dir = process.env.PANTAU_SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  for (const card of await page.locator(".dc-dataset").all())
    await card.screenshot({ path: join(dir, `${prefix}-${await card.getAttribute("id")}.png`) });
}

test.beforeAll(async ({ playwright, baseURL }) => {
  // The vulnerability map of two TPS of the kelurahan (re-runnable: the import replaces their indicators).
  const request = await playwright.request.newContext({ baseURL });
  const login = await request.post("/api/v1/session", { data: { login: "admin", secret: "pantau-demo" } });
  const { token } = (await login.json()) as { token: string };
  const imported = await request.post("/api/v1/admin/imports/vulnerability", {
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "text/csv" },
    data: "tps_code;indicators\n1673061006-001;hard_access no_signal\n1673061006-002;near_contestant_base\n",
  });
  expect(imported.status(), await imported.text()).toBe(200);
  await request.dispose();
});

test("a visitor on a phone opens the data centre, drills into a kecamatan, reads a chart and downloads its CSV", async ({
  phone,
}) => {
  const { page } = await phone({ viewport: { width: 360, height: 740 } });
  await page.goto("/publik");
  await page.getByTestId("nav-data-centre").click();
  await expect(page).toHaveURL(/\/publik\/data$/);
  // One province with one city: the data centre opens at the city, as the public page does.
  await expect(page.getByTestId("dc-area-name")).toHaveText("Kota Lubuklinggau");
  await expect(page.getByTestId("dc-voters-asof")).toContainText("Data per ");
  await shot(page, "dc-city-phone");

  await page.getByRole("navigation", { name: "Buka wilayah di bawahnya" }).locator(`a[href$="=${KEC}"]`).click();
  await expect(page).toHaveURL(new RegExp(`wilayah=${KEC.replaceAll(".", "\\.")}$`));
  await expect(page.getByTestId("dc-area-name")).toHaveText(/^Kec\. /);

  // The voter-list chart: a bar per kelurahan, each with its number as text.
  const chart = page.getByTestId("dc-voters-chart");
  await chart.scrollIntoViewIfNeeded();
  await expect(chart.locator("li")).toHaveCount(await page.getByTestId("dc-voters-table").locator("tbody tr").count());
  const kelurahanRow = page.getByTestId("dc-voters-table").locator("tbody tr").filter({ hasText: "Kel." }).first();
  const name = (await kelurahanRow.locator("th").innerText()).trim();
  const dpt = (await kelurahanRow.locator("td").nth(1).innerText()).trim();
  await expect(chart.locator("li").filter({ hasText: name }).locator(".dc-bar-value")).toHaveText(dpt);
  await shot(page, "dc-kecamatan-phone");
  await shotSections(page, "dc-kecamatan-phone");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("dc-voters-csv").click()]);
  expect(download.suggestedFilename()).toBe(`pantau-data-voters-${KEC}.csv`);
  const text = readFileSync((await download.path())!, "utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const line = text.split("\r\n").find((l) => l.includes(`;${name};`) || l.includes(`;"${name}";`))!;
  expect(line, name).toBeTruthy();
  // The CSV writes whole numbers plainly (no thousands dots): the same figure as the table.
  expect(line.split(";")[3]).toBe(dpt.replaceAll(".", ""));

  // Nothing on the page is wider than the phone: wide tables scroll inside their card.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test("a case officer records a campaign-supervision activity and it appears in the public counts", async ({
  deskOf,
  browser,
  request,
}) => {
  const count = async () => {
    const res = await request.get(`/api/v1/public/data-centre?wilayah=${KEC}`);
    const body = (await res.json()) as {
      datasets: { key: string; columns: { key: string }[]; rows: { code: string; values: number[] }[] }[];
    };
    const d = body.datasets.find((x) => x.key === "activities")!;
    return d.rows.find((r) => r.code === KEL)!.values[d.columns.findIndex((c) => c.key === "kind.campaign")];
  };
  const before = await count();

  const page = await deskOf("bawaslu");
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto("/pengawasan");
  await expect(page.getByRole("heading", { name: "Kegiatan pengawasan", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Pengawasan", exact: true })).toBeVisible();
  await shot(page, "pengawasan-top-laptop");
  await page.getByLabel("Jenis", { exact: true }).selectOption("campaign");
  await page.getByLabel("Tanggal", { exact: true }).fill("2026-11-25");
  await page.getByLabel("Wilayah", { exact: true }).first().selectOption(KEL);
  await page.getByLabel("Judul singkat").fill("Pengawasan kampanye tatap muka di balai kelurahan");
  await page.getByLabel("Jumlah orang").fill("85");
  await page.getByLabel("Jumlah temuan").fill("1");
  await page.getByRole("button", { name: "Simpan kegiatan" }).click();
  await expect(page.getByRole("status")).toHaveText("Kegiatan tersimpan.");
  await expect(page.getByTestId("activity-row").first()).toContainText("Pengawasan kampanye tatap muka");
  await shot(page, "pengawasan-laptop");

  // A refused field is named on the form.
  await page.getByLabel("Tanggal", { exact: true }).fill("2026-11-25");
  await page.getByLabel("Wilayah", { exact: true }).first().selectOption(KEL);
  await page.getByLabel("Judul singkat").fill("Lagi");
  await page.getByLabel("Jumlah orang").fill("1000000");
  await page.getByLabel("Jumlah orang").evaluate((input: HTMLInputElement) => input.removeAttribute("max"));
  await page.getByRole("button", { name: "Simpan kegiatan" }).click();
  await expect(page.getByText("Harus bilangan bulat 0–999.999.").first()).toBeVisible();
  await shot(page, "pengawasan-refused-laptop");

  expect(await count()).toBe(before + 1);
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "id-ID" });
  const visitor = await context.newPage();
  await visitor.goto(`/publik/data?wilayah=${KEC}`);
  const table = visitor.getByTestId("dc-activities-table");
  const row = table.locator("tbody tr").filter({ has: visitor.locator(`a[href^="/publik/data?wilayah=${KEL}"]`) });
  await expect(row.locator("td").nth(1)).toHaveText(String(before + 1));
  // The public page names no one who recorded anything, and no activity's title.
  await expect(visitor.locator("body")).not.toContainText("Pengawasan kampanye tatap muka");
  await expect(visitor.locator("body")).not.toContainText("Bawaslu Kota Lubuklinggau");
  await visitor.getByTestId("dc-activities").scrollIntoViewIfNeeded();
  await shot(visitor, "dc-activities-laptop");
  await visitor.goto(`/publik/data?wilayah=16.73`);
  await shot(visitor, "dc-city-laptop");
  await shotSections(visitor, "dc-city-laptop");
  // On paper the charts keep their bars and numbers (PANTAU_SHOTS: the PDF is saved to look at).
  if (process.env.PANTAU_SHOTS)
    await visitor.pdf({ path: join(process.env.PANTAU_SHOTS, "dc-city.pdf"), format: "A4", printBackground: true });
  await context.close();
});
