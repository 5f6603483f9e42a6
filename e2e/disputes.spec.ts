// A case officer (bawaslu, region 16.73) handles a process dispute on a laptop (1366x768): files a petition
// with its document, verifies it as incomplete, records that it was completed, registers it, schedules a
// mediation, records no agreement, holds an adjudication hearing and decides; the register shows it. A petition
// entered with past dates through the API shows its passed decision deadline as overdue. The register prints
// as A4 landscape. Petitions name the KPU office of kecamatan 16.73.04 only.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, shot, test } from "./fixtures";

const LAPTOP = { width: 1366, height: 768 };
const OFFICE = "16.73.04";
const PDF = Buffer.from("%PDF-1.4\n%e2e\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
/** A date on the election's clock (WIB), `days` from today. */
const wibDate = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toLocaleDateString("sv-SE", { timeZone: "Asia/Jakarta" });

test("a petition from filing to decision, and the register with an overdue one", async ({ page, login, apiAs }) => {
  const applicant = `Partai Uji ${Date.now().toString(36)}`;
  await page.setViewportSize(LAPTOP);
  await login(page, "bawaslu");
  await page.goto("/posko");
  await page.getByRole("link", { name: "Sengketa", exact: true }).click();
  await expect(page).toHaveURL(/\/sengketa$/);
  await expect(page.getByRole("heading", { name: "Buku register sengketa proses" })).toBeVisible();

  // Filing, with the petition's document.
  await page.getByRole("link", { name: "Permohonan baru" }).click();
  const form = page.getByTestId("petition-form");
  await form.getByLabel("Wilayah KPU").selectOption(OFFICE);
  await form.getByLabel("Termohon (kantor KPU)").fill("PPK Lubuklinggau Selatan I");
  await form.getByLabel("Nomor keputusan KPU").fill("12/PL.02-Kpt/1673/2024");
  await form.getByLabel("Tanggal keputusan").fill(wibDate(-1));
  await form.getByLabel("Isi keputusan").fill("Penetapan rekapitulasi daftar pemilih tetap tingkat kecamatan");
  await form.getByLabel("Pemohon", { exact: true }).fill(applicant);
  await form.getByLabel("Jenis pemohon").selectOption("party");
  await form.getByLabel("Kuasa / wakil pemohon").fill("Rahmat Hidayat, S.H.");
  await form.getByLabel("Telepon kuasa (hanya untuk petugas)").fill("0812-7000-1004");
  await form.getByLabel("Alamat kuasa (hanya untuk petugas)").fill("Jl. Yos Sudarso No. 4");
  await form.getByLabel("Pihak terkait (satu per baris)").fill("Partai Pembanding");
  await form
    .getByLabel("Pokok permohonan")
    .fill("Termohon tidak mencermati tanggapan masyarakat sebelum menetapkan keputusan.");
  await form.getByLabel("Berkas permohonan (PDF atau foto)").setInputFiles({
    name: "permohonan.pdf",
    mimeType: "application/pdf",
    buffer: PDF,
  });
  await shot(page, "dispute-new-1366", true);
  await form.getByRole("button", { name: "Ajukan" }).click();
  await expect(page).toHaveURL(/\/sengketa\/[0-9a-f-]{36}$/);
  const state = page.getByTestId("dispute-state");
  await expect(state).toHaveText("Diajukan");
  await expect(page.getByTestId("dispute-documents")).toContainText("permohonan.pdf");
  await expect(page.getByText("Jl. Yos Sudarso No. 4 · +6281270001004 (hanya petugas)")).toBeVisible();

  // Verification finds it incomplete; the applicant completes it; it is registered.
  await page.getByTestId("step-verify").getByRole("button").click();
  await expect(state).toHaveText("Verifikasi");
  await page.getByTestId("step-mark_incomplete").getByLabel("Yang perlu dilengkapi").fill("Surat kuasa bermeterai");
  await page.getByTestId("step-mark_incomplete").getByRole("button").click();
  await expect(state).toHaveText("Belum lengkap");
  await expect(page.getByTestId("deadline")).toContainText("Batas melengkapi");
  await shot(page, "dispute-incomplete-1366");
  await page.getByTestId("step-complete").getByRole("button").click();
  await expect(state).toHaveText("Verifikasi");
  await page.getByTestId("step-register").getByRole("button").click();
  await expect(state).toHaveText("Diregister");
  await expect(page.getByTestId("dispute-number")).toHaveText(/^\d{3}\/PS\.REG\/16\.73\.04\/[IVX]+\/\d{4}$/);
  const number = (await page.getByTestId("dispute-number").textContent())!;

  // Mediation, scheduled, without agreement.
  await page.getByTestId("step-start_mediation").getByRole("button").click();
  await expect(state).toHaveText("Mediasi");
  const hearing = page.getByTestId("hearing-form");
  await hearing.getByLabel("Jenis sidang").selectOption("mediation");
  await hearing.getByLabel("Tanggal").fill(wibDate(1));
  await hearing.getByLabel("Jam").fill("09:00");
  await hearing.getByLabel("Tempat").fill("Ruang sidang Bawaslu Kota");
  await hearing.getByLabel("Agenda").fill("Mediasi para pihak");
  await hearing.getByRole("button", { name: "Jadwalkan sidang" }).click();
  await expect(page.getByTestId("dispute-hearings")).toContainText("Mediasi para pihak");
  await page.getByTestId("step-no_agreement").getByRole("button").click();
  await expect(state).toHaveText("Adjudikasi");

  // An adjudication hearing, then the decision with its file.
  await hearing.getByLabel("Jenis sidang").selectOption("adjudication");
  await hearing.getByLabel("Tanggal").fill(wibDate(2));
  await hearing.getByLabel("Jam").fill("13:30");
  await hearing.getByLabel("Tempat").fill("Ruang sidang Bawaslu Kota");
  await hearing.getByLabel("Agenda").fill("Pemeriksaan saksi dan bukti");
  await hearing.getByRole("button", { name: "Jadwalkan sidang" }).click();
  await expect(page.getByTestId("dispute-hearings")).toContainText("Pemeriksaan saksi dan bukti");
  await shot(page, "dispute-adjudication-1366");
  const decide = page.getByTestId("step-decide");
  await decide.getByLabel("Amar putusan").selectOption("partly_granted");
  await decide.getByLabel("Isi putusan").fill("Memerintahkan Termohon mencermati ulang tanggapan masyarakat.");
  await decide
    .getByLabel("Berkas putusan (PDF)")
    .setInputFiles({ name: "putusan.pdf", mimeType: "application/pdf", buffer: PDF });
  await decide.getByRole("button", { name: "Catat putusan" }).click();
  await expect(state).toHaveText("Diputus");
  await expect(page.getByTestId("dispute-outcome")).toContainText("Dikabulkan sebagian");
  await expect(page.getByTestId("dispute-documents")).toContainText("putusan.pdf");
  await expect(page.getByTestId("dispute-timeline").locator("li")).toHaveCount(8);
  await shot(page, "dispute-decided-1366", true);

  // The schedule shows both hearings by day.
  await page.goto(`/sengketa/jadwal?from=${wibDate(0)}&days=7`);
  await expect(page.getByTestId("hearing-schedule")).toContainText("Mediasi para pihak");
  await expect(page.getByTestId("hearing-schedule")).toContainText("Pemeriksaan saksi dan bukti");
  await shot(page, "dispute-schedule-1366");

  // A petition entered afterwards from its paper file, with past dates: its decision deadline has passed.
  const clerk = await apiAs("bawaslu");
  const late = `Calon Tertunda ${Date.now().toString(36)}`;
  const filed = await clerk.post("/api/v1/disputes", {
    regionCode: OFFICE,
    respondent: "PPK Lubuklinggau Selatan I",
    decisionNumber: "7/PL.02-Kpt/1673/2024",
    decisionDate: "2024-02-12",
    decisionSubject: "Penetapan hasil verifikasi dukungan",
    applicantName: late,
    applicantKind: "candidate",
    repName: "Siti Aminah",
    points: "Dukungan dinyatakan tidak memenuhi syarat tanpa klarifikasi.",
    filedAt: "2024-02-13T09:00:00+07:00",
  });
  expect(filed.status()).toBe(201);
  const { id } = await filed.json();
  for (const [action, at] of [
    ["verify", "2024-02-13T10:00:00+07:00"],
    ["register", "2024-02-14T10:00:00+07:00"],
    ["start_mediation", "2024-02-15T10:00:00+07:00"],
    ["no_agreement", "2024-02-16T10:00:00+07:00"],
  ])
    expect((await clerk.post(`/api/v1/disputes/${id}/transitions`, { action, at })).status()).toBe(200);

  // The register shows the decided petition and the overdue one.
  await page.goto("/sengketa");
  await page.getByLabel("Wilayah KPU").selectOption(OFFICE);
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/wilayah=16\.73\.04/);
  const register = page.getByTestId("dispute-register");
  const decided = register.locator("tr", { hasText: applicant });
  await expect(decided).toContainText(number);
  await expect(decided).toContainText("Diputus");
  await expect(decided).toContainText("Dikabulkan sebagian");
  const overdue = register.locator("tr", { hasText: late });
  await expect(overdue.getByTestId("deadline")).toHaveAttribute("data-state", "overdue");
  await expect(overdue).toContainText("lewat batas");
  await shot(page, "dispute-register-1366");

  // The printed register: A4 landscape with the rows.
  await page.getByRole("link", { name: "Cetak register" }).click();
  await expect(page).toHaveURL(/\/sengketa\/cetak\?wilayah=16\.73\.04/);
  await expect(page.getByTestId("dispute-register")).toContainText(applicant);
  await expect(page.getByTestId("signature-block")).toBeVisible();
  await shot(page, "dispute-print-screen-1366");
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const boxes = [...pdf.toString("latin1").matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)];
  expect(boxes.length).toBeGreaterThan(0);
  for (const b of boxes) expect(Number(b[1])).toBeGreaterThan(Number(b[2])); // landscape
  if (process.env.PANTAU_SHOTS) {
    mkdirSync(process.env.PANTAU_SHOTS, { recursive: true });
    writeFileSync(join(process.env.PANTAU_SHOTS, "dispute-register.pdf"), pdf);
  }
});
