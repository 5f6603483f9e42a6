// An officer's phone with the app installed: logged in, the service worker in control and the officer
// screens warmed, so the screens open offline. Shared by the specs that take a phone through a bad day.
import { expect, type BrowserContextOptions, type Page } from "@playwright/test";
import type { Login, Phone } from "../fixtures";

const SCREENS = ["/officer", "/officer/paper", "/officer/incident", "/officer/quick-count/gubernur"];

/** Waits until the service worker controls the page and has warmed the officer `screens` (within `timeout`). */
export async function swInControl(page: Page, { timeout = 20_000, screens = SCREENS } = {}) {
  await page.waitForFunction(async () => !!(await navigator.serviceWorker.ready).active, undefined, { timeout });
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout }).toBe(true);
  await expect
    .poll(
      () =>
        page.evaluate(async (urls) => {
          const cache = await caches.open("pantau-pages");
          return (await Promise.all(urls.map((u) => cache.match(u)))).every(Boolean);
        }, screens),
      { timeout },
    )
    .toBe(true);
}

/** The officer of `tps` logged in on their phone, with the app installed and ready offline. */
export async function officerOnPhone(
  { phone, login }: { phone: Phone; login: Login },
  tps: string,
  extra: BrowserContextOptions = {},
  ready: Parameters<typeof swInControl>[1] = {},
) {
  const { context, page } = await phone(extra);
  await login(page, tps);
  await expect(page.getByRole("heading", { name: `TPS ${tps}` })).toBeVisible();
  await swInControl(page, ready);
  return { context, page };
}

// Gubernur only: the live quick-count spec counts walikota results of the whole (shared) database.
export async function fillGubernur(page: Page, votes: [number, number], invalid: number) {
  await page.getByLabel(/No\. 1/).fill(String(votes[0]));
  await page.getByLabel(/No\. 2/).fill(String(votes[1]));
  await page.getByLabel("Suara tidak sah").fill(String(invalid));
}

/** An item of the outbox panel, by kind. */
export const outboxItem = (page: Page, kind: string) => page.getByTestId("outbox").getByTestId(`outbox-item-${kind}`);
