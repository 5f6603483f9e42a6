// A citizen on a phone files a violation report with an evidence file, is told it is incomplete, completes it
// on the tracking page and follows it to a decision; the case officer works it on /kasus and sees a case
// found long ago as overdue. Writes only in kelurahan 16.73.03.1007.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { expect, shot, test } from "./fixtures";

// A tiny valid PNG as evidence.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

test("a citizen's report goes from the phone to a decision, and an old case shows overdue", async ({
  phone,
  deskOf,
  apiAs,
}) => {
  const { page: citizen } = await phone({ viewport: { width: 360, height: 740 } });
  await citizen.goto("/publik/lapor");
  // The place, region by region (the city opens at its kecamatan), then the TPS by its number.
  await citizen.getByLabel("Pilih wilayah kejadian").selectOption("16.73.03");
  await citizen.getByLabel("Pilih wilayah kejadian").selectOption("16.73.03.1007");
  await citizen.getByLabel("Di TPS nomor").selectOption("2");
  const today = new Date().toISOString().slice(0, 10);
  await citizen.getByLabel("Tanggal kejadian").fill(today);
  await citizen.getByLabel("Tanggal diketahui").fill("2024-01-02");
  await expect(citizen.getByTestId("late-warning")).toBeVisible();
  await citizen.getByLabel("Tanggal diketahui").fill(today);
  await expect(citizen.getByTestId("late-warning")).toHaveCount(0);
  await citizen.getByLabel("Terlapor").fill("Tim sukses calon nomor 2");
  await citizen.getByLabel("Uraian kejadian").fill("Pembagian amplop berisi uang kepada pemilih di depan TPS 2.");
  await citizen
    .locator('input[name="evidence"]')
    .setInputFiles({ name: "amplop.png", mimeType: "image/png", buffer: PNG });
  await citizen.getByLabel("Nama saksi 1").fill("Budi");
  await citizen.getByLabel("Nama lengkap").fill("Siti Rahmawati");
  await citizen.getByLabel("Alamat").fill("Jl. Merdeka 1, Lubuklinggau");
  await citizen.getByLabel("NIK (16 angka di KTP)").fill("1673030101900001");
  await citizen.getByLabel("Nomor HP").fill("0812-7777-1234");
  await citizen.getByLabel(/Saya menyatakan laporan ini benar/).check();
  await shot(citizen, "cases-citizen-form", true);
  await citizen.getByRole("button", { name: "Kirim laporan" }).click();
  const code = (await citizen.getByTestId("tracking-code").textContent())!.trim();
  expect(code).toMatch(/^LP-/);
  await citizen.getByRole("link", { name: "Lacak laporan ini" }).click();
  await expect(citizen.getByTestId("case-state")).toHaveText("Diterima");

  // The case officer opens it, starts the review and marks it incomplete.
  const desk = await deskOf("bawaslu");
  await desk.setViewportSize({ width: 1366, height: 768 });
  await desk.goto(`/kasus?q=${code}`);
  await desk.getByRole("link", { name: code }).click();
  await expect(desk.getByTestId("reporter")).toContainText("Siti Rahmawati");
  await desk.getByTestId("step-start_review").getByRole("button").click();
  await expect(desk.getByTestId("case-state")).toHaveText("Kajian awal");
  await desk.locator("summary", { hasText: "Nyatakan belum lengkap" }).click();
  await desk.getByTestId("step-mark_incomplete").getByLabel("Pihak yang dilaporkan (terlapor)").check();
  await desk.getByTestId("step-mark_incomplete").getByLabel("Saksi").check();
  await desk.getByTestId("step-mark_incomplete").getByRole("button").click();
  await expect(desk.getByTestId("case-state")).toHaveText("Belum lengkap");

  // The citizen completes it on the tracking page, with one more evidence file.
  await citizen.reload();
  await expect(citizen.getByTestId("case-missing")).toContainText("Saksi");
  await citizen.getByLabel("Keterangan tambahan").fill("Terlapor: Andi, tim sukses. Saksi kedua: Rudi.");
  await citizen
    .locator('input[name="evidence"]')
    .setInputFiles({ name: "foto2.png", mimeType: "image/png", buffer: PNG });
  await shot(citizen, "cases-citizen-complete", true);
  await citizen.getByRole("button", { name: "Kirim kelengkapan" }).click();
  await expect(citizen.getByTestId("completed")).toBeVisible();
  await expect(citizen.getByTestId("case-state")).toHaveText("Kajian awal");

  // The case officer registers, assesses and decides; a step out of order is refused with a message.
  await desk.reload();
  await expect(desk.getByTestId("case-documents").locator("li")).toHaveCount(2);
  for (const [step, fill] of [
    ["register", null],
    ["assess", "Unsur pelanggaran administrasi terpenuhi."],
  ] as const) {
    const form = desk.getByTestId(`step-${step}`);
    await form.locator("xpath=..").locator("summary").click();
    if (fill) await form.locator("textarea").fill(fill);
    await form.getByRole("button").click();
    await expect(desk.getByTestId(`step-${step}`)).toHaveCount(0);
  }
  const decide = desk.getByTestId("step-decide");
  await decide.locator("xpath=..").locator("summary").click();
  await decide.getByLabel("Putusan").selectOption("administrative");
  await decide.getByRole("button").click();
  await expect(desk.getByTestId("case-state")).toHaveText("Diputuskan");
  await expect(desk.getByTestId("case-title")).toContainText(/\d{3}\/LP\/PL\/Kota\/16\.73\//);
  await shot(desk, "cases-case-page", true);

  await citizen.reload();
  await expect(citizen.getByTestId("case-outcome")).toContainText("KPU");
  await expect(citizen.getByTestId("case-number")).toHaveText(/\/LP\/PL\/Kota\/16\.73\//);
  await expect(citizen.locator("body")).not.toContainText("Siti Rahmawati");
  await expect(citizen.locator("body")).not.toContainText("1673030101900001");
  await shot(citizen, "cases-citizen-tracking", true);

  // A temuan found ten days ago: its initial review is overdue, marked and first on the list.
  const bawaslu = await apiAs("bawaslu");
  const res = await bawaslu.post("/api/v1/cases", {
    kelurahanCode: "16.73.03.1007",
    place: "Lapangan Merdeka",
    account: "Kampanye di luar jadwal di lapangan.",
    foundAt: new Date(Date.now() - 10 * 86_400_000).toISOString(),
  });
  expect(res.status()).toBe(201);
  await desk.goto("/kasus");
  await expect(desk.getByTestId("case-row").first().getByTestId("deadline-badge")).toHaveText(/Lewat batas waktu/);
  await shot(desk, "cases-list");
  // The kecamatan filter narrows the list: the temuan is in Lubuk Linggau Selatan I (16.73.03), not in 16.73.01.
  const filters = desk.locator("form", { has: desk.getByLabel("Kecamatan") });
  await filters.getByLabel("Kecamatan").selectOption("16.73.01");
  await filters.getByRole("button", { name: "Terapkan" }).click();
  await expect(desk).toHaveURL(/area=16\.73\.01/);
  await expect(desk.getByTestId("case-row").filter({ hasText: "Kampanye di luar jadwal" })).toHaveCount(0);
  await filters.getByLabel("Kecamatan").selectOption("16.73.03");
  await filters.getByRole("button", { name: "Terapkan" }).click();
  await expect(desk).toHaveURL(/area=16\.73\.03/);
  await expect(desk.getByTestId("case-row").filter({ hasText: "Kampanye di luar jadwal" })).toHaveCount(1);
  await desk.goto("/posko");
  await expect(desk.getByTestId("case-deadline-box")).toContainText("1 lewat batas waktu");

  // The recap prints on A4 with the case counted.
  await desk.goto("/kasus/rekap");
  await expect(desk.getByTestId("case-recap")).toContainText("Jumlah");
  await shot(desk, "cases-recap", true);
  const dir = process.env.PANTAU_SHOTS;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    const pdf = join(dir, "cases-recap.pdf");
    await desk.pdf({ path: pdf, preferCSSPageSize: true });
    execFileSync("pdftoppm", ["-png", "-r", "60", pdf, join(dir, "cases-recap-pdf")]);
  }
});
