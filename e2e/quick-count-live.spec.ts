// The first live path: an officer on a phone submits the quick count, and the command post, open in a
// second page, shows the new status and totals without a reload.
import { expect, test } from "./fixtures";

test("an officer's quick count appears on the command post map and totals without reload", async ({
  phone,
  page,
  login,
}) => {
  // Command post, desktop.
  await login(page, "posko");
  await expect(page).toHaveURL(/\/posko/);
  await expect(page.getByTestId("live-status")).toHaveText(/Langsung/);
  await expect(page.locator("path.tps-marker")).toHaveCount(635);
  await expect(page.locator("path.tps-1673011001-003.status-missing")).toHaveCount(1);
  // Other specs share this database (each in its own kecamatan): count from what is there now.
  await expect(page.getByTestId("progress-walikota")).toHaveText(/^Masuk \d+ dari 635 TPS$/);
  const reported = Number((await page.getByTestId("progress-walikota").textContent())!.match(/Masuk (\d+)/)![1]);
  const before = Number((await page.getByTestId("votes-walikota-2").textContent())!.replace(/\D/g, ""));

  // Officer, on a phone.
  const { page: officer } = await phone();
  await login(officer, "1673011001-003");
  await expect(officer.getByRole("heading", { name: "TPS 1673011001-003" })).toBeVisible();
  await officer.getByTestId("contest-walikota").getByRole("link", { name: "Isi hasil" }).click();

  // Live rule feedback before sending: the sum must match the valid votes.
  await officer.getByLabel(/No\. 1/).fill("120");
  await officer.getByLabel(/No\. 2/).fill("95");
  await officer.getByLabel(/No\. 3/).fill("33");
  await officer.getByLabel(/Jumlah suara sah/).fill("250");
  await officer.getByLabel("Suara tidak sah").fill("4");
  await officer.getByLabel("Suara tidak sah").blur();
  await officer.getByLabel(/Jumlah suara sah/).blur();
  // An inconsistency (tier 2): shown at the field it concerns and in the list of warnings above the reason.
  await expect(officer.getByText("Jumlah suara calon (248) tidak sama dengan suara sah (250).")).toHaveCount(2);
  await expect(officer.getByLabel(/Jumlah suara sah/)).toHaveAccessibleDescription(/tidak sama dengan suara sah/);
  await officer.getByLabel(/Jumlah suara sah/).fill("248");
  await expect(officer.getByText(/tidak sama dengan suara sah/)).toHaveCount(0);
  await officer.getByRole("button", { name: "Kirim hasil" }).click();

  await expect(officer).toHaveURL(/\/officer$/);
  await expect(officer.getByTestId("status-walikota")).toHaveText("Terkirim");

  // The command post updated by itself.
  await expect(page.locator("path.tps-1673011001-003.status-partial")).toHaveCount(1);
  await expect(page.getByTestId("progress-walikota")).toHaveText(`Masuk ${reported + 1} dari 635 TPS`);
  await expect(page.getByTestId("votes-walikota-2")).toHaveText(String(before + 95));
});

test("the officer's form works in English too", async ({ page, login }) => {
  await login(page, "1673011001-004");
  await page.getByTestId("lang-switch").click();
  await expect(page.getByRole("heading", { name: "This TPS's ballots" })).toBeVisible();
  await page.getByTestId("contest-gubernur").getByRole("link", { name: "Enter result" }).click();
  await page.getByLabel(/No\. 1/).fill("-5");
  await page.getByLabel(/No\. 1/).blur();
  await expect(page.getByText("Must not be negative.")).toBeVisible();
});

test("without JavaScript the quick count still works as a plain form", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "id-ID" });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Nama pengguna atau kode TPS").fill("1673011001-005");
  await page.getByLabel("Kata sandi atau PIN").fill("123456");
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page).toHaveURL(/\/officer$/);
  await page.getByTestId("contest-gubernur").getByRole("link", { name: "Isi hasil" }).click();
  await page.getByLabel(/No\. 1/).fill("70");
  await page.getByLabel(/No\. 2/).fill("-2");
  await page.getByLabel("Suara tidak sah").fill("3");
  await page.getByRole("button", { name: "Kirim hasil" }).click();
  // The server's rules answer in the page: the same words as the live check.
  await expect(page.getByText("Tidak boleh negatif.")).toBeVisible();
  // What the officer typed is still there; only the wrong number needs fixing.
  await expect(page.getByLabel(/No\. 1/)).toHaveValue("70");
  await expect(page.getByLabel("Suara tidak sah")).toHaveValue("3");
  await page.getByLabel(/No\. 2/).fill("62");
  await page.getByRole("button", { name: "Kirim hasil" }).click();
  await expect(page).toHaveURL(/\/officer$/);
  await expect(page.getByTestId("status-gubernur")).toHaveText("Terkirim");
  await context.close();
});
