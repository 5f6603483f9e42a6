// A control character pasted into a form is shown on its field, in the page's language, and nothing is sent:
// the citizen's report (checked by the server, no JavaScript needed) and the officer's incident report
// (checked on the phone before it enters the outbox). Only TPS of kelurahan 16.73.08.1004.
import { expect, shot, test } from "./fixtures";

test("a citizen's report with a control character is refused on the description field", async ({ page }) => {
  await page.goto("/publik/lapor?wilayah=16.73.08.1004");
  await page.getByLabel("Di TPS nomor").selectOption("1");
  await page.getByLabel("Kategori").selectOption({ label: "Intimidasi" });
  const today = new Date().toISOString().slice(0, 10);
  await page.getByLabel("Tanggal kejadian").fill(today);
  await page.getByLabel("Tanggal diketahui").fill(today);
  await page.getByLabel("Terlapor").fill("Orang tak dikenal");
  await page.getByLabel("Uraian kejadian").fill("Ada orang\u0007 yang mengancam pemilih di depan TPS.");
  await page.getByLabel("Nama lengkap").fill("Warga");
  await page.getByLabel("Alamat").fill("Jl. Contoh 1");
  await page.getByLabel("NIK (16 angka di KTP)").fill("1673080101900002");
  await page.getByLabel("Nomor HP").fill("0812-0000-0000");
  await page.getByLabel(/Saya menyatakan laporan ini benar/).check();
  await page.getByRole("button", { name: "Kirim laporan" }).click();
  const error = page.locator("#description-error");
  await expect(error).toContainText("karakter kendali");
  await expect(page.getByTestId("tracking-code")).toHaveCount(0);
  await shot(page, "input-values-public-report");
});

test("an officer's incident with a control character is refused on the field before it is queued", async ({
  phone,
  login,
}) => {
  const { page } = await phone();
  await login(page, "1673081004-002");
  await page.goto("/officer/incident");
  await page.getByLabel("Kategori").selectOption({ index: 1 });
  await page.getByText("Sedang", { exact: true }).click();
  const description = page.getByLabel("Apa yang terjadi?");
  await description.fill("Kotak suara\u001b[2J rusak");
  await page.getByRole("button", { name: "Kirim laporan" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "karakter kendali" })).toBeVisible();
  await shot(page, "input-values-officer-incident");
  // Typed again without it, the report goes.
  await description.fill("Kotak suara rusak");
  await expect(page.getByRole("alert").filter({ hasText: "karakter kendali" })).toHaveCount(0);
});
