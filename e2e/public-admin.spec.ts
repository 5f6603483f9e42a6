// Public transparency and administration in a real browser: the public page updates live
// without login, a citizen's report gets a tracking code that shows the operator's decision, an admin
// checks an import file and prints a credential letter. Only TPS of kecamatan 16.73.04.
import { randomUUID } from "node:crypto";
import { expect, test } from "./fixtures";

test("the public page shows provisional results and updates live, with no personal data", async ({ page, apiAs }) => {
  await page.goto("/publik");
  await expect(page.getByText("SEMENTARA.")).toBeVisible();
  await expect(page.locator(".live-dot.on")).toBeVisible();
  const cell = page.getByTestId("public-votes-gubernur-2");
  const before = Number((await cell.textContent())!.replace(/\D/g, ""));

  // An officer reports meanwhile.
  const officer = await apiAs("1673041005-001");
  const res = await officer.post("/api/v1/quick-counts", {
    id: randomUUID(),
    tpsCode: "1673041005-001",
    contest: "gubernur",
    votes: { "1": 70, "2": 41 },
    invalid: 2,
    capturedAt: new Date().toISOString(),
    justification: "Sudah dicek bersama saksi.",
  });
  expect(res.status()).toBe(201);
  await expect(cell).toHaveText((before + 41).toLocaleString("id-ID"));
  await expect(page.getByText(/Petugas TPS/)).toHaveCount(0);
});

test("a citizen reports a violation and follows the supervisory body's review by tracking code", async ({
  page,
  apiAs,
}) => {
  await page.goto("/publik");
  await page.getByRole("link", { name: "Laporkan pelanggaran" }).click();
  // The place by region and TPS number (no TPS code asked of a citizen), then what happened and who reports.
  await page.getByLabel("Pilih wilayah kejadian").selectOption("16.73.04");
  await page.getByLabel("Pilih wilayah kejadian").selectOption("16.73.04.1006");
  await page.getByLabel("Di TPS nomor").selectOption("1");
  await page.getByLabel("Kategori").selectOption({ label: "Intimidasi" });
  const today = new Date().toISOString().slice(0, 10);
  await page.getByLabel("Tanggal kejadian").fill(today);
  await page.getByLabel("Tanggal diketahui").fill(today);
  await page.getByLabel("Terlapor").fill("Sekelompok orang tak dikenal");
  await page.getByLabel("Uraian kejadian").fill("Ada orang yang mengancam pemilih di depan TPS.");
  await page.getByLabel("Nama lengkap").fill("Rina Pelapor");
  await page.getByLabel("Alamat").fill("Jl. Sudirman 5, Lubuklinggau");
  await page.getByLabel("NIK (16 angka di KTP)").fill("1673044101900002");
  await page.getByLabel("Nomor HP").fill("0812-5555-1234");
  await page.getByLabel(/Saya menyatakan laporan ini benar/).check();
  await page.getByRole("button", { name: "Kirim laporan" }).click();
  const code = (await page.getByTestId("tracking-code").textContent())!.trim();
  expect(code).toMatch(/^LP-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await page.getByRole("link", { name: "Lacak laporan ini" }).click();
  await expect(page.getByTestId("case-state")).toHaveText("Diterima");

  // The command post sees it as a citizen's incident at that TPS and verifies it.
  const posko = await apiAs("posko");
  const list = await (await posko.get("/api/v1/incidents")).json();
  const incident = list.incidents.find(
    (i: { source: string; tpsCode: string }) => i.source === "citizen" && i.tpsCode === "1673041006-001",
  );
  expect(incident.status).toBe("new");
  expect((await posko.post(`/api/v1/incidents/${incident.id}/transitions`, { action: "acknowledge" })).status()).toBe(
    200,
  );

  // The supervisory body decides what the citizen follows: its review shows on the tracking page.
  const bawaslu = await apiAs("bawaslu");
  const { cases } = await (await bawaslu.get(`/api/v1/cases?q=${code}`)).json();
  expect((await bawaslu.post(`/api/v1/cases/${cases[0].id}/steps`, { step: "start_review" })).status()).toBe(200);
  await page.reload();
  await expect(page.getByTestId("case-state")).toHaveText("Kajian awal");
  await expect(page.getByText("0812-5555-1234")).toHaveCount(0);
  await expect(page.getByText("Rina Pelapor")).toHaveCount(0);
});

test("an admin checks an import file and prints a credential letter with a QR code", async ({ page, login }) => {
  await login(page, "admin");
  await page.goto("/admin/impor");
  await page.getByLabel("Jenis data").selectOption("tps");
  await page.getByLabel("Berkas CSV").setInputFiles({
    name: "tps.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      "kelurahan_code,number,lat,lng,dpt\n16.73.04.1001,1,-3.3,500,200\n16.73.99.9999,2,-3.3,102.8,200\n",
    ),
  });
  await page.getByRole("button", { name: "Periksa (uji coba)" }).click();
  const report = page.getByTestId("import-report");
  await expect(report).toContainText("2 kesalahan; tidak ada yang disimpan.");
  await expect(report).toContainText("Bujur harus angka antara 94 dan 142.");
  await expect(report).toContainText("Kelurahan 16.73.99.9999 tidak dikenal.");

  await page.getByRole("link", { name: "Surat kredensial" }).click();
  await page.getByLabel("Kode wilayah atau TPS").fill("1673041007-001");
  await page.getByRole("button", { name: "Cari" }).click();
  await page.getByLabel(/Saya mengerti: petugas 1–1 \(dari 1\) mendapat PIN baru/).check();
  await page.getByRole("button", { name: /Buat PIN baru dan cetak 1 surat/ }).click();
  const letter = page.getByTestId("letter-1673041007-001");
  await expect(letter).toBeVisible();
  const pin = (await letter.getByTestId("letter-pin").textContent())!;
  expect(pin).toMatch(/^\d{6}$/);
  const qrWidth = await letter
    .getByTestId("letter-qr")
    .evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0));
  expect(qrWidth).toBeGreaterThan(100);

  // A projection sample, drawn from a target margin, shows next to the running count on the command post.
  await page.getByRole("link", { name: "Proyeksi" }).click();
  await page.getByLabel("Batas kesalahan (± poin persen)").fill("3");
  // Another spec may have drawn one already: replacing it is confirmed, and forced with a reason once its
  // results are in.
  const confirm = page.getByLabel("Ya, ganti sampel yang sekarang");
  if (await confirm.isVisible()) await confirm.check();
  const force = page.getByTestId("force-reason");
  if (await force.isVisible()) await force.fill("Uji ulang sampel");
  await page.getByRole("button", { name: "Tarik sampel baru" }).click();
  await expect(page.getByTestId("sample-info")).toContainText(/Sampel saat ini: \d+ dari 635 TPS/);
  await page.getByRole("link", { name: "Posko" }).click();
  // The command post opens at the city (the one region under the demo election's province).
  await expect(page).toHaveURL(/\/posko\?wilayah=16\.73$/);
  await expect(page.getByTestId("projection-walikota")).toContainText(/Proyeksi \(95%\).*\d+\/\d+ TPS sampel/);

  // The letter's login and PIN work.
  await page.getByRole("button", { name: "Keluar" }).click();
  // Wait for the logout to land before the next login (a navigation in between could cancel it).
  await page.waitForURL(/\/login/);
  await login(page, "1673041007-001", pin);
  await expect(page).toHaveURL(/\/officer/);
});
