// Two officers on one phone (one browser context): a report one officer could not send is never sent with
// the other's session nor shown to them, the command post sees that the phone holds it, and it goes out
// once its owner logs in again. Logging out with unsent reports warns first and can wait for them.
// TPS of kelurahan 16.73.05.1003 only (the e2e database is shared by all specs).
import type { BrowserContext, Page } from "@playwright/test";
import { expect, shot, test } from "./fixtures";
import { fillGubernur, officerOnPhone, outboxItem } from "./support/officer-phone";
import { openTpsPanel } from "./support/posko";

const QUICK_COUNTS = "**/api/v1/quick-counts";

/**
 * A quick count made offline, then the signal back but too weak for it: its request fails (no answer at
 * all) while everything else still gets through, so the officer can log out with it unsent.
 */
async function queueUnsendable(context: BrowserContext, page: Page, votes: [number, number]) {
  await page.goto("/officer/quick-count/gubernur");
  await context.setOffline(true);
  await fillGubernur(page, votes, 3);
  await page.getByRole("button", { name: "Kirim hasil" }).click();
  await expect(page).toHaveURL(/\/officer$/);
  await expect(outboxItem(page, "quick-count")).toHaveAttribute("data-state", "pending");
  await context.route(QUICK_COUNTS, (route) => route.abort("internetdisconnected"));
  await context.setOffline(false);
}

/** The command post's panel of `tps`, a TPS of kelurahan 16.73.05.1003. */
async function tpsPanel(posko: Page, tps: string) {
  await posko.goto("/posko");
  return openTpsPanel(posko, "16.73.05.1003", tps);
}

test("a report left on a shared phone is kept from the next officer and sent when its owner is back", async ({
  phone,
  login,
  deskOf,
}) => {
  const a = "1673051003-001";
  const b = "1673051003-002";
  const { context, page } = await officerOnPhone({ phone, login }, a);
  await queueUnsendable(context, page, [140, 90]);

  // Officer A taps Keluar: the phone says a report is not sent yet; A logs out anyway.
  await page.getByRole("button", { name: "Keluar" }).click();
  const dialog = page.getByTestId("logout-dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Ada laporan yang belum terkirim");
  await expect(dialog).toContainText("1 laporan Anda masih di ponsel ini");
  await shot(page, "shared-phone-logout-warning");
  // All of it on the phone's screen: the text wraps and every button is within reach.
  const width = page.viewportSize()!.width;
  for (const part of [dialog, dialog.getByRole("button", { name: "Batal" }), dialog.locator("p").first()]) {
    const box = (await part.boundingBox())!;
    expect(box.x + box.width, "inside the screen").toBeLessThanOrEqual(width);
  }
  await dialog.getByRole("button", { name: "Tetap keluar" }).click();
  await expect(page).toHaveURL(/\/login/);
  await context.unroute(QUICK_COUNTS);

  // Officer B logs in on the same phone, with a good signal: A's report is neither sent nor shown.
  await login(page, b);
  await expect(page.getByRole("heading", { name: `TPS ${b}` })).toBeVisible();
  await expect(page.getByTestId("outbox-empty")).toBeVisible();
  await expect(outboxItem(page, "quick-count")).toHaveCount(0);
  await expect(page.getByText(a)).toHaveCount(0);
  await shot(page, "shared-phone-officer-b");

  // The command post sees that a phone holds A's report, and no result of A's TPS yet.
  const posko = await deskOf("posko");
  const detail = await tpsPanel(posko, a);
  await expect(detail.getByTestId("detail-held")).toContainText("1 ponsel menyimpan 1 laporan TPS ini");
  await expect(detail.getByTestId("detail-results")).toContainText("Belum masuk");
  await shot(posko, "shared-phone-posko-held");

  // B logs out (nothing of B's waits: no warning), A logs in again: the report goes out, once.
  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/login/);
  await login(page, a);
  await expect(page.getByTestId("outbox-empty")).toBeVisible();
  await expect(page.getByTestId("network")).toHaveAttribute("data-state", "online");
  await expect(outboxItem(page, "quick-count")).toHaveAttribute("data-state", "sent");

  const after = await tpsPanel(posko, a);
  await expect(after.getByTestId("detail-results")).toContainText("1: 140 · 2: 90");
  await expect(after.getByTestId("detail-held")).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("status-gubernur")).toHaveText("Terkirim");
  await expect(page.getByTestId("submissions").locator("li")).toHaveCount(1);
});

test("logging out can wait until the reports are sent, then logs out by itself", async ({ phone, login, apiAs }) => {
  const tps = "1673051003-003";
  const { context, page } = await officerOnPhone({ phone, login }, tps);
  await queueUnsendable(context, page, [110, 100]);

  await page.getByRole("button", { name: "Keluar" }).click();
  const dialog = page.getByTestId("logout-dialog");
  await dialog.getByRole("button", { name: "Tunggu sampai terkirim" }).click();
  await expect(dialog.getByTestId("logout-progress")).toHaveText("Terkirim 0 dari 1…");
  await shot(page, "shared-phone-logout-waiting");

  // The signal gets better: the report goes out and the phone logs out without another tap.
  await context.unroute(QUICK_COUNTS);
  await expect(page).toHaveURL(/\/login/, { timeout: 20_000 });
  const posko = await apiAs("posko");
  const detail = await (await posko.get(`/api/v1/tps/${tps}`)).json();
  expect(detail.results).toEqual([expect.objectContaining({ contest: "gubernur", votes: { 1: 110, 2: 100 } })]);
  expect(detail.held).toBeNull();
});
