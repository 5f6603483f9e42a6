// An operator at a 1366x768 laptop broadcasts to a kecamatan; an officer's phone (360x740) shows it live and
// opens it, and the posko sees "dibaca 1"; an officer who was offline when it was sent sees it on the next
// open. Writes only to kecamatan 16.73.04 (this spec's kelurahan 16.73.04.1001 and 16.73.04.1002).
import { expect, shot, test } from "./fixtures";

const ONLINE_TPS = "1673041001-001";
const OFFLINE_TPS = "1673041002-001";
const PHONE = { viewport: { width: 360, height: 740 } };

test("a broadcast to a kecamatan reaches a phone live, is read, and waits for the officer who was offline", async ({
  page,
  login,
  phone,
}) => {
  // Both officers have the app open; the second loses the network before the posko sends.
  const online = await phone(PHONE);
  await login(online.page, ONLINE_TPS);
  await expect(online.page.getByTestId("officer-broadcasts")).toBeVisible();
  const offline = await phone(PHONE);
  await login(offline.page, OFFLINE_TPS);
  await expect(offline.page.getByTestId("officer-broadcasts")).toBeVisible();
  await offline.context.setOffline(true);

  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, "posko");
  await page.goto("/posko/siaran");
  await page.getByLabel("Petugas di wilayah").check();
  await page.getByLabel("Wilayah", { exact: true }).selectOption("16.73.04");
  const text = "Rapat koordinasi petugas Kec. Lubuklinggau Selatan II pukul 10.00 di posko kecamatan.";
  await page.getByLabel("Pesan", { exact: true }).fill(text);
  await page.getByRole("button", { name: "Kirim siaran" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Siaran terkirim ke \d+ TPS\./ })).toBeVisible();
  const row = page.getByTestId("broadcast-row").filter({ hasText: text });
  await expect(row).toBeVisible();

  // Live on the phone, unread; opened with a tap, read receipt sent.
  const message = online.page.getByTestId("officer-broadcast").filter({ hasText: text });
  await expect(message).toBeVisible();
  await expect(message.getByText("Baru")).toBeVisible();
  await shot(online.page, "broadcast-phone-live");
  await message.getByRole("button").click();
  await expect(message.getByRole("button")).toHaveAttribute("aria-expanded", "true");
  await expect(message.getByText("Baru")).toHaveCount(0);
  await shot(online.page, "broadcast-phone-opened");

  // The posko's counts follow live, without a reload.
  await expect(row.getByTestId("broadcast-counts")).toContainText("dibaca 1");
  await expect(row.getByTestId("broadcast-counts")).toContainText(/terkirim [1-9]/);
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, "broadcast-posko");

  // The officer who was offline opens the app again: the message is there, unread, first.
  await offline.context.setOffline(false);
  await offline.page.reload();
  const waiting = offline.page.getByTestId("officer-broadcast").first();
  await expect(waiting).toContainText(text);
  await expect(waiting.getByText("Baru")).toBeVisible();
  await shot(offline.page, "broadcast-phone-next-open", true);
  await waiting.getByRole("button").click();
  await expect(row.getByTestId("broadcast-counts")).toContainText("dibaca 2");
});
