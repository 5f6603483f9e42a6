// Papers that print whole: the recap as A4 landscape PDF pages with a running footer, "Halaman N dari M",
// kecamatan groups with subtotals, a grand total and a signature block; credential letters printed by a
// kecamatan coordinator for their own area. PANTAU_SHOTS=<folder> keeps the PDFs to look at.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { expect, shot, test } from "./fixtures";

/** Prints the page as Chromium does (the page's own @page size) and returns the PDF with its text per page. */
async function printed(page: Page, name: string) {
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const dir = process.env.PANTAU_SHOTS ?? mkdtempSync(join(tmpdir(), "pantau-papers-"));
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  // pdftotext (poppler-utils) when installed; each page ends with a form feed.
  let pages: string[] | null;
  try {
    pages = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).split("\f").slice(0, -1);
  } catch {
    pages = null;
  }
  const boxes = [...pdf.toString("latin1").matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [
    Number(m[1]),
    Number(m[2]),
  ]);
  return { pages, boxes };
}

test("the recap prints whole: landscape A4, page numbers, kecamatan subtotals, a total and signatures", async ({
  page,
  login,
}) => {
  await login(page, "posko");
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto("/rekap?contest=walikota&level=kelurahan");
  // Every kelurahan under its kecamatan, with the kecamatan's subtotal, then the city's total.
  await expect(page.getByTestId("recap-group-16.73.07")).toHaveText("Kec. Lubuklinggau Utara I");
  await expect(page.getByTestId("recap-16.73.07.1004")).toBeVisible();
  const subtotal = page.getByTestId("recap-subtotal-16.73.07");
  await expect(subtotal.locator("td").first()).toHaveText("Jumlah Kec. Lubuklinggau Utara I");
  await expect(page.locator("tr.subtotal")).toHaveCount(8);
  await expect(page.getByTestId("recap-total").locator("td").nth(1)).toHaveText("635");
  const signatures = page.getByTestId("signature-block");
  await expect(signatures).toContainText(/^Lubuklinggau, \d{1,2} \w+ \d{4}/);
  await expect(signatures).toContainText("Koordinator posko");

  await shot(page, "recap-laptop");
  const { pages, boxes } = await printed(page, "recap-kelurahan");
  // A4 landscape: 842 x 595 points, on every page.
  expect(boxes.length).toBeGreaterThan(1);
  for (const [w, h] of boxes) {
    expect(Math.round(w)).toBe(842);
    expect(Math.round(h)).toBe(595);
  }
  if (pages) {
    expect(pages.length).toBe(boxes.length);
    pages.forEach((text, i) => expect(text).toContain(`Halaman ${i + 1} dari ${pages!.length}`));
    // The header row repeats on every page; the grand total, signatures and audit head end the paper.
    for (const text of pages.filter((p) => p.includes("Kel. "))) expect(text).toMatch(/Partisipasi/);
    const all = pages.join("\n");
    expect(all).toContain("Jumlah Kec. Lubuklinggau Utara I");
    expect(all).toMatch(/JUMLAH\s+635/);
    expect(pages.at(-1)).toContain("Koordinator posko");
    expect(all).toContain("Rekapitulasi");
  }
});

test("the shift handover sheet prints what happened since the last handover, with the audit head", async ({
  page,
  login,
  apiAs,
}) => {
  // Meanwhile an officer reports a quick count and an incident (before any letter changes the PINs there).
  const officer = await apiAs("1673071004-003");
  const now = new Date().toISOString();
  const qc = await officer.post("/api/v1/quick-counts", {
    id: crypto.randomUUID(),
    tpsCode: "1673071004-003",
    contest: "walikota",
    votes: { "1": 120, "2": 90, "3": 30 },
    invalid: 3,
    capturedAt: now,
    justification: "Angka sudah dicek ulang bersama saksi.",
  });
  expect(qc.status()).toBe(201);
  const incident = await officer.post("/api/v1/incidents", {
    id: crypto.randomUUID(),
    tpsCode: "1673071004-003",
    category: "intimidation",
    severity: "high",
    description: "Saksi dihalangi masuk TPS oleh sekelompok orang.",
    lat: -3.29,
    lng: 102.86,
    occurredAt: now,
  });
  expect(incident.status()).toBe(201);
  await login(page, "posko");
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto("/posko");
  await page.getByRole("link", { name: "Serah terima" }).click();
  await expect(page).toHaveURL(/\/posko\/serah-terima$/);
  await expect(page.getByRole("heading", { name: "Lembar serah terima shift posko" })).toBeVisible();
  await expect(page.getByTestId("handover-period")).toContainText(/Periode \d{1,2} \w+ \d{4}, \d{2}\.\d{2} WIB sampai/);
  await expect(page.getByTestId("handover-contest-walikota")).toContainText("Wali Kota");
  await expect(page.getByTestId("handover-opened")).toContainText("Saksi dihalangi masuk TPS");
  await shot(page, "handover-laptop");
  const { pages, boxes } = await printed(page, "handover-sheet");
  for (const [w, h] of boxes) {
    expect(Math.round(w)).toBe(595);
    expect(Math.round(h)).toBe(842);
  }
  if (pages) {
    pages.forEach((text, i) => expect(text).toContain(`Halaman ${i + 1} dari ${pages!.length}`));
    expect(pages.join("\n")).toContain("Kepala jejak audit");
  }
  // Closing the shift starts the next sheet now.
  await page.emulateMedia({ media: "screen" });
  await page.getByRole("button", { name: /Tutup shift sekarang/ }).click();
  await expect(page.getByRole("status")).toContainText(/Shift ditutup .* WIB/);
  await expect(page.getByText(/Shift terakhir ditutup .* oleh /)).toBeVisible();
});

test("a kecamatan coordinator prints their kelurahan's credential letters and its handover list", async ({
  page,
  login,
}) => {
  await login(page, "pengawas-07");
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto("/surat");
  await page.getByLabel("Kode wilayah atau TPS").fill("16.73.07.1004");
  await page.getByRole("button", { name: "Cari" }).click();
  const batches = page.getByTestId("letter-batches");
  await expect(batches).toContainText(/\d+ petugas aktif di 16\.73\.07\.1004\./);
  const issue = page.getByRole("button", { name: /Buat PIN baru dan cetak \d+ surat/ });
  // The confirmation is required before any PIN changes.
  await issue.click();
  await expect(page.getByTestId("letter-1673071004-001")).toHaveCount(0);
  await page.getByLabel(/Saya mengerti: petugas 1–\d+ \(dari \d+\) mendapat PIN baru/).check();
  await issue.click();
  const letter = page.getByTestId("letter-1673071004-001");
  await expect(letter).toBeVisible();
  await expect(letter.getByTestId("letter-pin")).toHaveText(/^\d{6}$/);
  await expect(letter.getByTestId("letter-place")).toContainText("Kelurahan ");
  await expect(letter.getByTestId("letter-posko-phone")).toHaveText("Telepon posko: 0733-000000");
  await expect(page.getByRole("status")).toContainText(/Surat 1–(\d+) dari \1 petugas siap dicetak\./);
  const handover = page.getByTestId("handover-16.73.07.1004");
  await expect(handover).toContainText("Daftar serah terima surat kredensial — Kelurahan");
  await expect(handover).toContainText("Yang menerima");

  await shot(page, "letters-laptop");
  const letters = await page.locator("article.letter").count();
  const { pages, boxes } = await printed(page, "credential-letters");
  // A4 portrait, one page per letter and the handover list after them.
  for (const [w, h] of boxes) {
    expect(Math.round(w)).toBe(595);
    expect(Math.round(h)).toBe(842);
  }
  expect(boxes.length).toBeGreaterThan(letters);
  if (pages) {
    pages.forEach((text, i) => expect(text).toContain(`Halaman ${i + 1} dari ${pages!.length}`));
    expect(pages[0]).toContain("1673071004-001");
    expect(pages[letters]).toContain("Daftar serah terima surat kredensial");
  }
});
