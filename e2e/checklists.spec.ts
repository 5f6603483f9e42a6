// Checklists per phase of the day, as the day runs: the officer's phone reminds of the opening checklist when
// its time has come, the officer answers "TPS dibuka terlambat" without signal and the answer goes when the
// signal is back; the command post (a 1366x768 laptop) counts "1 TPS buka terlambat" in the kecamatan and
// shows the answers on the TPS detail; the admin edits a phase's items. TPS of kelurahan 16.73.06.1002 and
// 16.73.06.1003 only, and only the handover phase's items are edited (the e2e database is shared).
import { expect, shot, test } from "./fixtures";
import { swInControl } from "./support/officer-phone";

const TPS = "1673061002-001";

/** Today on the election's clock (WIB) at `hhmm`: the phone's time in this story. */
function todayAt(hhmm: string) {
  const wibDate = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  return new Date(`${wibDate}T${hhmm}:00+07:00`);
}

test("the opening reminder, an answer sent offline, and the count on the command post", async ({
  phone,
  login,
  browser,
}) => {
  const { context, page } = await phone();
  // The phone's clock says 07:10 and runs on from there: the opening checklist (07.00) is due.
  await context.clock.install({ time: todayAt("07:10") });
  await login(page, TPS);
  await expect(page.getByRole("heading", { name: `TPS ${TPS}` })).toBeVisible();
  await swInControl(page, { screens: ["/officer"] });

  const reminder = page.getByTestId("checklist-reminder");
  await expect(reminder.getByTestId("reminder-current")).toContainText(
    /Daftar periksa Pembukaan \(pukul 07\.00 WIB\) belum diisi, terlambat \d+ menit/,
  );
  await expect(reminder.getByTestId("reminder-next")).toContainText("Berikutnya: Pemungutan suara pukul 10.00 WIB");
  await reminder.scrollIntoViewIfNeeded();
  await shot(page, "checklist-reminder-phone");

  await reminder.getByRole("link", { name: "Isi daftar periksa Pembukaan" }).click();
  await expect(page.getByRole("heading", { name: "Daftar periksa: Pembukaan" })).toBeVisible();
  await context.setOffline(true);
  await page.getByTestId("check-on_time").getByText("Tidak").click();
  await page.getByTestId("check-on_time").getByLabel("Apa masalahnya?").fill("Kunci gudang terlambat");
  await page.getByTestId("check-ballot_box").getByText("Ya").click();
  await shot(page, "checklist-opening-offline", true);
  await page.getByRole("button", { name: "Kirim daftar periksa" }).click();
  await expect(page.getByTestId("checklist-queued")).toBeVisible();
  await expect(page.locator('[data-testid="outbox-item-checklist"][data-state="pending"]')).toHaveCount(1);

  await context.setOffline(false);
  await expect(page.getByTestId("outbox-empty")).toBeVisible({ timeout: 20_000 });
  await page.goto("/officer");
  await expect(page.getByTestId("reminder-current")).toHaveText("Daftar periksa Pembukaan sudah dikirim.");
  await shot(page, "checklist-reminder-done-phone");

  // The command post of the kecamatan on a laptop.
  const desk = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "id-ID" });
  const posko = await desk.newPage();
  await login(posko, "posko");
  await posko.goto("/posko?wilayah=16.73.06");
  const summary = posko.getByTestId("checklist-summary");
  const opening = summary.getByTestId("checklist-phase-pembukaan");
  await expect(opening.getByRole("button", { name: "1 TPS buka terlambat" })).toBeVisible();
  await expect(opening).toContainText(/1 dari \d+ TPS menjawab/);
  await opening.scrollIntoViewIfNeeded();
  await shot(posko, "checklist-summary-posko");
  await opening.getByRole("button", { name: "1 TPS buka terlambat" }).click();
  const flagged = opening.getByTestId("checklist-flagged");
  await expect(flagged).toContainText("Kunci gudang terlambat");
  await flagged.getByRole("button", { name: `TPS ${TPS}` }).click();
  const detail = posko.getByTestId("tps-detail");
  const answers = detail.getByTestId("detail-phase-pembukaan");
  await expect(answers).toContainText(/dikirim \d\d\.\d\d WIB/);
  await expect(answers).toContainText("TPS dibuka tepat waktu (07.00): Tidak (Kunci gudang terlambat)");
  await expect(answers).toContainText("Kotak suara tersegel dan kosong: Ya");
  await expect(detail.getByTestId("detail-phase-penyerahan")).toContainText("belum dijawab");
  await answers.scrollIntoViewIfNeeded();
  await shot(posko, "checklist-tps-detail-posko");
  await desk.close();
});

test("the admin edits the handover phase's items and its time", async ({ page, login, phone }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, "admin");
  await page.goto("/admin/pengaturan");
  const handover = page.getByTestId("settings-phase-penyerahan");
  const items = handover.getByRole("textbox", { name: "Butir" });
  const line = "seal_photo | ya-tidak | Foto segel dikirim | Seal photo sent | segel tanpa foto | seal without photo";
  const before = await items.inputValue();
  await items.fill(
    before
      .split("\n")
      .filter((l) => !l.startsWith("seal_photo"))
      .concat(line)
      .join("\n"),
  );
  await handover.getByLabel("Jatuh tempo (waktu setempat)").fill("17:30");
  await handover.getByRole("button", { name: "Simpan" }).click();
  await expect(handover.getByRole("status")).toHaveText("Tersimpan.");
  await handover.scrollIntoViewIfNeeded();
  await shot(page, "checklist-admin-phase");

  // A bad line is refused with its line named, and nothing changes.
  await items.fill("seal photo | angka | A | B");
  await handover.getByRole("button", { name: "Simpan" }).click();
  await expect(handover.getByRole("alert")).toContainText("Baris 1");
  await page.goto("/admin/pengaturan");
  await expect(page.getByTestId("settings-phase-penyerahan").getByRole("textbox", { name: "Butir" })).toHaveValue(
    new RegExp("seal_photo \\| ya-tidak \\| Foto segel dikirim"),
  );

  // The officer's handover checklist asks the new item at its new time.
  const { page: officer } = await phone();
  await login(officer, "1673061003-001");
  await officer.goto("/officer/checklist?fase=penyerahan");
  await expect(officer.getByText("pukul 17.30 WIB")).toBeVisible();
  await expect(officer.getByTestId("check-seal_photo")).toContainText("Foto segel dikirim");
});
