// The small things an officer notices, on a 360 px phone in real Chromium: the pocket guide's SMS section
// (number, words, examples; offline too), times that read the same before and after the page's JavaScript
// (Indonesian 24-hour, the election's zone, whatever the phone's own zone), a one-line top bar, a Back link
// a thumb can hit, and a check-in without GPS that asks where the officer is and shows so on the posko.
// TPS of kelurahan 16.73.06.1004 and 16.73.06.1005 only (the e2e database is shared by all specs).
import { devices, type Page } from "@playwright/test";
import { OFFICER_SCREENS } from "../app/components/officer-nav";
import { formatTime } from "../app/lib/format";
import { expect, shot, test } from "./fixtures";
import { openTpsPanel } from "./support/posko";

// The default page is a phone (its console is watched by the fixture), set to another zone and language
// than the election's: a time formatted with the phone's own defaults would show.
const { defaultBrowserType: _browser, ...pixel7 } = devices["Pixel 7"];
test.use({ ...pixel7, viewport: { width: 360, height: 740 }, timezoneId: "America/New_York", locale: "id-ID" });

// Every screen of the officer's menu, and the two result forms.
const OFFICER_PAGES = [
  "/officer",
  ...OFFICER_SCREENS.map((s) => s.href),
  "/officer/quick-count/gubernur",
  "/officer/c-hasil/gubernur",
];

/** The top bar's items all sit on one row and nothing sticks out of the screen. */
async function headerIsOneLine(page: Page) {
  const header = page.locator("header.topbar");
  const box = (await header.boundingBox())!;
  expect(box.height).toBeLessThanOrEqual(60);
  const items = await header.evaluate((h) =>
    [...h.children]
      .map((c) => c.getBoundingClientRect())
      .filter((r) => r.width > 0)
      .map((r) => ({ top: r.top, bottom: r.bottom, right: r.right })),
  );
  const rows = new Set(items.map((r) => Math.round((r.top + r.bottom) / 2 / 10)));
  expect(rows.size, "items on one row").toBe(1);
  for (const r of items) expect(r.right).toBeLessThanOrEqual(360);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expect(header.getByRole("button", { name: /Keluar|Log out/ })).toBeVisible();
  await expect(header.getByTestId("lang-switch")).toBeVisible();
}

test("the pocket guide says where to send the SMS, the exact words, and works offline", async ({
  page,
  login,
  deskOf,
}) => {
  const admin = await deskOf("admin");
  await admin.goto("/admin/pengaturan");
  const setting = admin.getByTestId("settings-sms");
  await setting.getByRole("textbox").fill("0812-7000-1234");
  await setting.getByRole("button", { name: "Simpan" }).click();
  await expect(setting.getByText("Tersimpan.")).toBeVisible();

  const tps = "1673061004-001";
  await login(page, tps);
  await page.goto("/officer/guide");
  const sms = page.locator("section#sms");
  await expect(sms.getByTestId("sms-number")).toHaveText("0812-7000-1234");
  await expect(sms.getByTestId("sms-number")).toHaveAttribute("href", "sms:081270001234");
  await expect(sms.getByTestId("sms-example").first()).toHaveText(
    new RegExp(`^QC ${tps} gubernur \\d+ \\d+ \\d+ 123456$`),
  );
  await expect(sms.getByTestId("sms-example").last()).toHaveText(
    new RegExp(`^INC ${tps} politik_uang tinggi .+ 123456$`),
  );
  await expect(sms.getByTestId("sms-categories")).toContainText("politik_uang");
  await expect(sms.getByTestId("sms-categories")).toContainText("Politik uang");
  await expect(sms.getByTestId("sms-severities")).toContainText("kritis");
  await sms.getByRole("heading").first().scrollIntoViewIfNeeded();
  await shot(page, "officer-guide-sms");

  // Offline: the guide opens from the service worker's cache, number and words included.
  await page.waitForFunction(async () => !!(await navigator.serviceWorker.ready).active);
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await page.reload(); // network-first: this visit puts the page in the cache
  await page.context().setOffline(true);
  await page.reload();
  await expect(page.locator("section#sms").getByTestId("sms-number")).toHaveText("0812-7000-1234");
  await page.context().setOffline(false);
});

test("times on officer screens read Indonesian 24-hour WIB, the same without and with JavaScript", async ({
  page,
  login,
  phone,
  apiAs,
}) => {
  const tps = "1673061004-002";
  const officer = await apiAs(tps);
  // A check-in made at 10.32 Jakarta time, and a quick count the server receives now.
  const checkin = await officer.post("/api/v1/checkins", {
    id: crypto.randomUUID(),
    tpsCode: tps,
    note: "Di TPS",
    capturedAt: "2026-12-02T03:32:00Z",
  });
  expect(checkin.status()).toBe(201);
  const before = new Date().toISOString();
  const sent = await officer.post("/api/v1/quick-counts", {
    id: crypto.randomUUID(),
    tpsCode: tps,
    contest: "gubernur",
    votes: { 1: 60, 2: 65 },
    invalid: 3,
    capturedAt: before,
  });
  expect(sent.status()).toBe(201);
  const after = new Date().toISOString();
  const received = [formatTime(before, "id"), formatTime(after, "id")];

  // The server's page, as a phone shows it before any script has run.
  const { page: bare } = await phone({ javaScriptEnabled: false, timezoneId: "America/New_York" });
  await login(bare, tps);
  const serverHome = await bare.getByTestId("submissions").locator("time").textContent();
  expect(serverHome).toMatch(/^\d{2}\.\d{2} WIB$/);
  expect(received).toContain(serverHome);
  await bare.goto("/officer/checkin");
  await expect(bare.getByTestId("last-checkin")).toContainText("pukul 10.32 WIB");

  // The same after hydration, with no hydration warning (the console is watched).
  await login(page, tps);
  await expect(page.getByTestId("submissions").locator("time")).toHaveText(serverHome!);
  await page.goto("/officer/checkin");
  await expect(page.getByTestId("last-checkin")).toContainText("pukul 10.32 WIB");
  await page.getByTestId("lang-switch").click();
  await expect(page.getByTestId("last-checkin")).toContainText("at 10:32 WIB");
});

test("every officer screen has a one-line top bar at 360 px and a Back link a thumb can hit", async ({
  page,
  login,
}) => {
  await login(page, "1673061004-003");
  for (const path of OFFICER_PAGES) {
    await page.goto(path);
    await headerIsOneLine(page);
    if (path !== "/officer") {
      const back = page.getByRole("link", { name: /Kembali/ });
      const box = (await back.boundingBox())!;
      expect(box.height, `${path} Back`).toBeGreaterThanOrEqual(44);
    }
  }
  await page.goto("/officer/checkin");
  await shot(page, "officer-checkin-header");
  // English words are longer: still one line.
  await page.getByTestId("lang-switch").click();
  await expect(page.getByRole("heading", { name: "Arrival check-in" })).toBeVisible();
  await headerIsOneLine(page);
  await page.getByTestId("lang-switch").click();
  await expect(page.getByRole("heading", { name: "Check-in kedatangan" })).toBeVisible();
});

test("check-in with GPS denied asks where the officer is, then is sent and shows on the posko without GPS", async ({
  page,
  login,
  deskOf,
}) => {
  const tps = "1673061005-001";
  await login(page, tps);
  await page.goto("/officer/checkin");
  // No permission for location on this phone: the browser refuses.
  await page.getByRole("button", { name: "Ambil lokasi GPS" }).click();
  await expect(page.getByTestId("gps-failure")).toHaveText(/Izin lokasi ditolak/);
  await expect(page.getByRole("button", { name: "Coba GPS lagi" })).toBeVisible();
  await page.getByRole("button", { name: "Kirim check-in" }).click();
  await expect(page.getByRole("alert")).toHaveText("Tanpa lokasi GPS: tulis singkat di mana Anda sekarang.");
  await expect(page.getByTestId("checkin-queued")).toHaveCount(0);
  await shot(page, "officer-checkin-no-gps");

  const note = "Di rumah ketua KPPS, RT 03, TPS belum dibuka";
  await page.getByLabel(/Di mana Anda sekarang\?/).fill(note);
  await page.getByRole("button", { name: "Kirim check-in" }).click();
  await expect(page.getByTestId("checkin-queued")).toBeVisible();
  await expect(page.getByTestId("outbox-empty")).toBeVisible();

  const posko = await deskOf("posko");
  const line = (await openTpsPanel(posko, "16.73.06.1005", tps)).getByTestId("detail-checkin");
  await expect(line).toContainText(/Check-in \d{2}\.\d{2} WIB, tanpa GPS/);
  await expect(line).toContainText(`Catatan: ${note}`);
  await shot(posko, "posko-detail-checkin-no-gps");
});
