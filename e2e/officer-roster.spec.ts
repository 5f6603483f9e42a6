// The command post runs its people: a silent officer is found in the roster on a laptop (1366x768) and called,
// a reserve is put in and signs in with the new PIN on a phone (360x740) where the TPS's earlier check-in is
// still there; the sample desk shows a missing sampled TPS with its officer's phone. Writes only to kelurahan
// 16.73.03.1005 (and draws the projection's sample when none is drawn yet).
import { randomUUID } from "node:crypto";
import { expect, shot, test } from "./fixtures";

const TPS = "1673031005-003";
const LAPTOP = { width: 1366, height: 768 };

test("a silent officer is found, called and replaced; the reserve signs in on a phone", async ({
  page,
  login,
  apiAs,
  phone,
}) => {
  // The officer checked in earlier and has not been heard from since.
  const officer = await apiAs(TPS);
  const checkin = await officer.post("/api/v1/checkins", {
    id: randomUUID(),
    tpsCode: TPS,
    capturedAt: new Date().toISOString(),
    note: null,
  });
  expect(checkin.status()).toBe(201);

  await page.setViewportSize(LAPTOP);
  await login(page, "posko");
  await page.goto("/posko?wilayah=16.73.03.1005");
  // The stale list names the kelurahan, the minutes overdue and the officer's number (when the day's clock
  // has made any TPS stale: it follows the election's times, not the test's).
  const stale = page.getByTestId("stale-panel");
  await stale.getByRole("button").click();
  const first = stale.locator("li[data-testid^=stale-]").first();
  if (await first.isVisible()) {
    await expect(first).toContainText(/terlambat \d+ menit/);
    await expect(first.getByRole("link", { name: /^Telepon / })).toHaveAttribute("href", /^tel:\+62812\d{9}$/);
    await expect(first).toContainText("Tanjung Makmur");
  }
  await shot(page, "posko-stale-1366");
  await page.getByRole("link", { name: "Petugas", exact: true }).click();
  await expect(page).toHaveURL(/\/posko\/petugas\?wilayah=16\.73\.03\.1005$/);
  await page.getByLabel("Tampilkan").selectOption("silent");
  await page.getByLabel("lebih dari (menit)").fill("0");
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/filter=silent/);
  const row = page.getByTestId(`roster-${TPS}`);
  await expect(row).toContainText(`Petugas TPS ${TPS}`);
  await expect(row).toContainText(/menit lalu/);
  const call = row.getByRole("link", { name: `Telepon Petugas TPS ${TPS}` });
  await expect(call).toHaveAttribute("href", "tel:+62812031005003");
  await shot(page, "roster-silent-1366");

  // A reserve is put in: a fresh PIN shown once, the history written on the row.
  await row.getByText("Ganti petugas").click();
  const form = page.getByTestId(`replace-${TPS}`);
  await form.getByLabel("Nama petugas cadangan").fill("Sari Wulandari");
  await form.getByLabel("Nomor HP").fill("0813-5555-0103");
  await form.getByLabel("Alasan").fill("sakit");
  await shot(page, "roster-replace-form-1366");
  await form.getByRole("button", { name: "Simpan" }).click();
  const notice = page.getByTestId("roster-result");
  await expect(notice).toContainText("Sari Wulandari sekarang bertugas di TPS");
  const pin = (await notice.textContent())!.match(/(\d{6})\s*$/)![1];
  await page.getByLabel("Tampilkan").selectOption("replaced");
  await page.getByRole("button", { name: "Terapkan" }).click();
  const replaced = page.getByTestId(`roster-${TPS}`);
  await expect(replaced).toContainText(
    /diganti \d{2}\.\d{2} WIB: Petugas TPS 1673031005-003 → Sari Wulandari, alasan sakit/,
  );
  await expect(replaced.getByRole("link", { name: "Telepon Sari Wulandari" })).toHaveAttribute(
    "href",
    "tel:+6281355550103",
  );
  await shot(page, "roster-replaced-1366");

  // The old person's session is over; the reserve signs in with the new PIN and finds the TPS's check-in.
  expect((await officer.get("/api/v1/session")).status()).toBe(401);
  const { page: mobile } = await phone({ viewport: { width: 360, height: 740 } });
  await login(mobile, TPS, pin);
  await expect(mobile).toHaveURL(/\/officer/);
  await mobile.goto("/officer/checkin");
  await expect(mobile.getByTestId("last-checkin")).toContainText(/Check-in terakhir pukul \d{2}\.\d{2} WIB/);
  await shot(mobile, "reserve-checkin-360");
});

test("the sample desk shows a missing sampled TPS with its officer's phone", async ({ page, login }) => {
  await page.setViewportSize(LAPTOP);
  await login(page, "admin");
  await page.goto("/admin/proyeksi");
  if ((await page.getByTestId("sample-info").textContent())?.includes("Belum ada sampel")) {
    await page.getByRole("radio", { name: "Ukuran tetap" }).check();
    await page.getByLabel("Jumlah TPS sampel").fill("40");
    await page.getByRole("button", { name: "Tarik sampel baru" }).click();
  }
  const desk = page.getByTestId("sample-desk");
  await expect(desk).toContainText("Laporan TPS sampel per kecamatan");
  const missing = page.getByTestId("sample-missing").locator("tbody tr").first();
  await expect(missing.getByRole("link", { name: /^Telepon / })).toHaveAttribute("href", /^tel:\+62812\d{9}$/);
  await shot(page, "sample-desk-1366", true);
  // Replacing the sample asks for confirmation first.
  await expect(page.getByLabel("Ya, ganti sampel yang sekarang")).toBeVisible();
});
