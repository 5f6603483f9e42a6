// An untrained officer on a small phone: logs in with the TPS code written however it was copied, sees the
// next thing to do without scrolling, sees a result waiting on the phone as waiting (with its numbers, not
// as "missing"), and opens the TPS with a confirmation and an undo.
// TPS of kelurahan 16.73.05.1007 and 16.73.05.1008 only (the e2e database is shared by all specs).
import type { Page } from "@playwright/test";
import { expect, OFFICER_PIN, shot, test } from "./fixtures";

const SMALL_PHONE = { viewport: { width: 360, height: 740 } };

async function logIn(page: Page, typed: string, secret = OFFICER_PIN) {
  await page.goto("/login");
  await page.getByLabel("Nama pengguna atau kode TPS").fill(typed);
  await page.getByLabel("Kata sandi atau PIN").fill(secret);
  await page.getByRole("button", { name: "Masuk" }).click();
}

test("every way of writing a TPS code logs the officer in", async ({ phone }) => {
  const ways = [
    "1673051007-001",
    "1673051007001",
    "1673051007-1",
    "16.73.05.1007-001",
    "1673051007 001",
    "1673051007\u2013001",
    "TPS 1673051007-001",
    "  tps 16.73.05.1007 - 1 ",
  ];
  for (const typed of ways) {
    const { context, page } = await phone();
    await logIn(page, typed);
    await expect(page, typed).toHaveURL(/\/officer$/);
    await expect(page.getByRole("heading", { name: "TPS 1673051007-001" })).toBeVisible();
    await context.close();
  }
});

test("the login says which part is wrong for a TPS code, and nothing more for staff", async ({ phone }) => {
  const { page } = await phone(SMALL_PHONE);
  await page.goto("/login");
  await expect(page.getByText("mis. 1673011009-001")).toBeVisible();
  const pin = page.getByLabel("Kata sandi atau PIN");
  // A TPS code means a PIN: the number pad opens. A staff name means a password: the keyboard.
  await page.getByLabel("Nama pengguna atau kode TPS").fill("16.73.05.1007-2");
  await expect(pin).toHaveAttribute("inputmode", "numeric");
  await page.getByLabel("Nama pengguna atau kode TPS").fill("posko");
  await expect(pin).not.toHaveAttribute("inputmode", /.*/);

  await logIn(page, "1673051007-987");
  await expect(page.getByTestId("login-error")).toHaveText(
    "Tidak ada TPS dengan kode 1673051007-987. Periksa kode di surat tugas Anda.",
  );
  await shot(page, "login-unknown-tps");
  await logIn(page, "16.73.05.1007-2", "000000");
  await expect(page.getByTestId("login-error")).toContainText("PIN salah untuk TPS 1673051007-002.");
  await expect(page.getByLabel("Kata sandi atau PIN")).toHaveAttribute("aria-invalid", "true");
  await logIn(page, "167305100702");
  await expect(page.getByTestId("login-error")).toContainText("Kode TPS tidak terbaca.");
  await logIn(page, "tidak-ada-nama", "salah");
  await expect(page.getByTestId("login-error")).toHaveText("Nama pengguna atau kata sandi salah.");
  await logIn(page, "posko", "salah");
  await expect(page.getByTestId("login-error")).toHaveText("Nama pengguna atau kata sandi salah.");
});

test("on a 360x740 screen the next step is in view, for the time of day", async ({ phone, apiAs }) => {
  const morning = await phone(SMALL_PHONE);
  await morning.page.clock.setFixedTime(new Date("2026-11-27T06:30:00+07:00"));
  await logIn(morning.page, "1673051007-003");
  const step = morning.page.getByTestId("next-step");
  await expect(step).toContainText("Check-in dulu");
  await expect(step.getByRole("link", { name: "Check-in kedatangan" })).toBeInViewport();
  await shot(morning.page, "officer-home-morning");

  // After closing, with counting started: the first ballot to enter is a tap away.
  const tps = "1673051007-006";
  const officer = await apiAs(tps);
  const counting = await officer.post("/api/v1/tps-status", {
    id: crypto.randomUUID(),
    tpsCode: tps,
    status: "counting",
    capturedAt: new Date().toISOString(),
  });
  expect(counting.status()).toBe(201);
  const evening = await phone(SMALL_PHONE);
  await evening.page.clock.setFixedTime(new Date("2026-11-27T13:40:00+07:00"));
  await logIn(evening.page, tps);
  const lead = evening.page.getByTestId("next-step");
  await expect(lead.getByRole("link", { name: "Isi hasil Gubernur" })).toBeInViewport();
  await expect(evening.page.getByTestId("contest-gubernur").getByRole("link", { name: "Isi hasil" })).toBeInViewport();
  await shot(evening.page, "officer-home-counting");
});

test("a quick count that cannot be sent shows as waiting with its numbers, then as sent", async ({ phone }) => {
  const { context, page } = await phone(SMALL_PHONE);
  await logIn(page, "1673051008-001");
  await expect(page).toHaveURL(/\/officer$/);
  await page.goto("/officer/quick-count/gubernur");
  // The server cannot be reached: the result stays in the outbox.
  await context.route("**/api/v1/quick-counts", (route) => route.abort("internetdisconnected"));
  await page.getByLabel(/No\. 1/).fill("120");
  await page.getByLabel(/No\. 2/).fill("95");
  await page.getByLabel("Suara tidak sah").fill("4");
  await page.getByRole("button", { name: "Kirim hasil" }).click();
  await expect(page).toHaveURL(/\/officer$/);

  const ballot = page.getByTestId("contest-gubernur");
  await expect(page.getByTestId("status-gubernur")).toHaveText("Menunggu kirim");
  await expect(page.getByTestId("numbers-gubernur")).toHaveText(
    /Di ponsel, belum terkirim:\s*No\. 1: 120\s*No\. 2: 95\s*Tidak sah: 4/,
  );
  await expect(page.getByTestId("waiting-gubernur")).toHaveText(/Tidak perlu mengisi lagi/);
  await expect(ballot.getByRole("link", { name: "Isi hasil" })).toHaveCount(0);
  await expect(page.getByTestId("next-step").getByRole("link", { name: /Gubernur/ })).toHaveCount(0);
  await shot(page, "officer-home-waiting");

  // The signal comes back.
  await context.unroute("**/api/v1/quick-counts");
  await context.setOffline(true);
  await context.setOffline(false);
  await expect(page.getByTestId("status-gubernur")).toHaveText("Terkirim");
  await expect(page.getByTestId("numbers-gubernur")).toHaveText(/Terkirim:\s*No\. 1: 120\s*No\. 2: 95\s*Tidak sah: 4/);
  await page.reload();
  const sent = page.getByTestId("submissions").locator("li");
  await expect(sent).toHaveCount(1);
  await expect(sent.getByTestId("submission-numbers")).toHaveText(/No\. 1: 120\s*No\. 2: 95\s*Tidak sah: 4/);
  await shot(page, "officer-home-sent", true);
});

test("opening the TPS asks first, with the time, and can be undone until it is sent", async ({ phone }) => {
  const { page } = await phone(SMALL_PHONE);
  await logIn(page, "1673051008-002");
  await expect(page).toHaveURL(/\/officer$/);
  const outboxDay = page.getByTestId("outbox").getByTestId("outbox-item-day-status");

  await page.getByRole("button", { name: "Buka TPS" }).click();
  await expect(page.getByTestId("confirm-open")).toContainText(/Buka TPS sekarang, pukul \d\d:\d\d WIB\?/);
  await shot(page, "officer-open-confirm");
  await page.getByRole("button", { name: "Batal", exact: true }).click();
  await expect(outboxDay).toHaveCount(0);

  await page.getByRole("button", { name: "Buka TPS" }).click();
  await page.getByRole("button", { name: "Ya, buka sekarang" }).click();
  await expect(page.getByTestId("day-status")).toHaveText("Dibuka");
  await expect(outboxDay).toHaveAttribute("data-state", "pending");
  await shot(page, "officer-open-undo");
  await page.getByTestId("day-undo").getByRole("button", { name: "Urungkan" }).click();
  await expect(outboxDay).toHaveCount(0);
  await expect(page.getByTestId("day-status")).toHaveText("Belum hadir");

  // Confirmed and left alone: it goes out, and then only the command post can correct it.
  await page.getByRole("button", { name: "Buka TPS" }).click();
  await page.getByRole("button", { name: "Ya, buka sekarang" }).click();
  await expect(page.getByTestId("day-sent")).toContainText("hubungi posko", { timeout: 30_000 });
  await page.reload();
  await expect(page.getByTestId("day-status")).toHaveText("Dibuka");
});

test("a flagged result says what it means and what to do", async ({ phone, apiAs }) => {
  const tps = "1673051008-003";
  const officer = await apiAs(tps);
  const send = (votes: Record<string, number>, invalid: number, justification?: string) =>
    officer.post("/api/v1/quick-counts", {
      id: crypto.randomUUID(),
      tpsCode: tps,
      contest: "gubernur",
      votes,
      invalid,
      justification,
      capturedAt: new Date().toISOString(),
    });
  expect((await send({ 1: 60, 2: 50 }, 2)).status()).toBe(201);
  // A large change, sent with the officer's reason: accepted, and flagged for the command post to check.
  expect((await send({ 1: 120, 2: 95 }, 4, "Salah ketik sebelumnya, C1 asli 120 dan 95")).status()).toBe(201);

  const { page } = await phone(SMALL_PHONE);
  await logIn(page, tps);
  await expect(page.getByTestId("status-gubernur")).toHaveText("Ditandai");
  await expect(page.getByTestId("numbers-gubernur")).toHaveText(/Terkirim:\s*No\. 1: 120\s*No\. 2: 95\s*Tidak sah: 4/);
  await expect(page.getByTestId("flagged-help-gubernur")).toContainText("Posko memeriksanya");
  await expect(page.getByTestId("flagged-help-gubernur")).toContainText("tidak perlu mengirim ulang");
  await expect(page.getByTestId("submissions").getByTestId("submission-numbers")).toHaveCount(2);
  await shot(page, "officer-home-flagged", true);
});
