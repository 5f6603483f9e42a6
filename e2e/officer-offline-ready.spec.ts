// A fresh phone on a slow link (400 kbps, 400 ms round trips, the service worker's downloads slowed too):
// the first login, then the signal lost before the phone is ready (Pantau's own offline page still records
// a quick count), or after it says "ready" (every officer screen opens, and the installed app's start URL);
// a logout without signal ends on a Pantau page and reaches the server when the link is back.
// Pages are opened through a slowing proxy: a separate origin, as a phone that never opened Pantau.
// TPS of kelurahan 16.73.05.1005 and 16.73.05.1006 only (the e2e database is shared by all specs).
import type { Page } from "@playwright/test";
import { expect, shot, test } from "./fixtures";
import { startSlowLink, type SlowLink } from "./support/slow-proxy";

const PORT = Number(process.env.E2E_PORT ?? 3100);

let link: SlowLink;
test.beforeEach(async () => {
  link = await startSlowLink({ port: PORT });
});
test.afterEach(async () => {
  await link.close();
});

/** The officer pages the phone keeps, as the service worker's kit lists them (null until it has the kit). */
const keptPages = (page: Page) =>
  page.evaluate(async () => {
    const kit = await caches.match("/officer/offline-kit");
    return kit ? ((await kit.json()) as { pages: string[] }).pages : null;
  });

const cachedPages = (page: Page, urls: string[]) =>
  page.evaluate(async (all) => {
    const found = await Promise.all(all.map(async (url) => ((await caches.match(url)) ? url : null)));
    return found.filter(Boolean) as string[];
  }, urls);

/** Logs in on a fresh phone through the slow link; returns when the home page shows. */
async function firstLogin(phone: import("./fixtures").Phone, login: import("./fixtures").Login, tps: string) {
  const { context, page } = await phone({ baseURL: link.url });
  // What the service worker itself fetches (Chromium reports its requests on the context).
  const fetchedByWorker: string[] = [];
  context.on("request", (request) => {
    if (request.serviceWorker()) fetchedByWorker.push(new URL(request.url()).pathname);
  });
  await login(page, tps);
  await expect(page.getByRole("heading", { name: `TPS ${tps}` })).toBeVisible({ timeout: 30_000 });
  return { context, page, fetchedByWorker };
}

async function waitReady(page: Page) {
  await expect(page.getByTestId("offline-state")).toHaveText("Siap dipakai tanpa sinyal", { timeout: 45_000 });
}

test("first login, the signal lost before the phone is ready: Pantau's offline page records a quick count, sent when the link is back", async ({
  phone,
  login,
  apiAs,
}) => {
  test.setTimeout(120_000);
  const tps = "1673051005-001";
  const { page } = await firstLogin(phone, login, tps);
  await expect(page.getByTestId("offline-state")).toHaveText("Menyiapkan mode tanpa sinyal…");
  await shot(page, "offline-preparing");
  // The worker is in control and has the officer's kit, a few seconds after the login: then the signal goes.
  await expect
    .poll(async () => (await page.evaluate(() => !!navigator.serviceWorker.controller)) && (await keptPages(page)), {
      timeout: 30_000,
    })
    .toBeTruthy();
  const pages = (await keptPages(page))!;
  // The server unreachable (with signal but no data the outbox's own sending is what waits; not this page).
  link.setMode("refuse");
  const cached = await cachedPages(page, pages);
  const target = pages.find((url) => !cached.includes(url));
  expect(target, "the phone was not ready yet when the signal went").toBeDefined();

  await page.goto(target!);
  const offline = page.getByTestId("offline-page");
  await expect(offline.getByRole("heading", { name: "Tidak ada sinyal" })).toBeVisible();
  await expect(offline).toContainText(`TPS ${tps}`);
  await offline.getByLabel("Surat suara").selectOption("gubernur");
  await offline.getByLabel(/^No\. 1/).fill("141");
  await offline.getByLabel(/^No\. 2/).fill("99");
  await offline.getByLabel("Suara tidak sah").fill("3");
  await shot(page, "offline-page-form");
  await offline.getByRole("button", { name: "Simpan di ponsel" }).click();
  await expect(offline.getByTestId("offline-saved")).toContainText("Tersimpan di ponsel");
  await expect(offline.getByTestId("offline-waiting")).toHaveText("Menunggu kirim di ponsel ini: 1 laporan.");
  await shot(page, "offline-page-saved");

  // The link is back: the app sends what the offline page stored, once.
  link.setMode("up");
  await offline.getByRole("link", { name: /TPS saya/ }).click();
  await expect(page.getByTestId("outbox-empty")).toBeVisible({ timeout: 30_000 });
  const posko = await apiAs("posko");
  const result = await (await posko.get(`/api/v1/tps/${tps}`)).json();
  expect(JSON.stringify(result)).toContain("141");
});

test("first login on a slow link: the phone says when it is ready, then every officer screen opens without the server", async ({
  phone,
  login,
}) => {
  test.setTimeout(120_000);
  const tps = "1673051005-002";
  const { context, page, fetchedByWorker } = await firstLogin(phone, login, tps);
  await waitReady(page);
  await shot(page, "offline-ready-home");
  const pages = (await keptPages(page))!;
  expect(pages).toEqual(
    expect.arrayContaining([
      "/officer",
      "/officer/quick-count/gubernur",
      "/officer/c-hasil/walikota",
      "/officer/paper",
    ]),
  );

  // After login the worker fetched the kit and the pages; the next visits of the home page fetch nothing more.
  expect(fetchedByWorker).toEqual(expect.arrayContaining(["/officer/offline-kit", "/officer/checkin"]));
  fetchedByWorker.length = 0;
  await page.reload();
  await expect(page.getByTestId("offline-state")).toHaveText("Siap dipakai tanpa sinyal");
  await page.waitForTimeout(2000); // let a needless warming show itself
  expect(fetchedByWorker.filter((path) => path !== "/officer" && path.startsWith("/officer"))).toEqual([]);

  link.setMode("refuse");
  for (const url of pages) {
    await page.goto(url);
    await expect(page.getByTestId("offline-page"), url).toHaveCount(0);
    await expect(page.locator("main h1").first(), url).toBeVisible();
    // Its code runs too (Remix started on it): every file it loads came from the phone.
    await page.waitForFunction(() => "__remixRouter" in window, undefined, { timeout: 10_000 });
  }
  await page.goto("/officer");
  await expect(page.getByTestId("outbox-empty")).toBeVisible();
  await page.goto("/officer/quick-count/gubernur");
  await expect(page.getByLabel(/No\. 1/)).toBeEditable();

  // The installed app's icon opens its start URL (read from the manifest) on the first try, still offline.
  link.setMode("up");
  const manifest = (await (await page.request.get(`${link.url}/manifest.webmanifest`)).json()) as { start_url: string };
  link.setMode("refuse");
  const installed = await context.newPage();
  await installed.goto(manifest.start_url);
  await expect(installed.getByRole("heading", { name: `TPS ${tps}` })).toBeVisible();
  await shot(installed, "offline-start-url");
});

test("logging out without signal ends on a Pantau page; the session ends on the server when the link is back", async ({
  phone,
  login,
  playwright,
}) => {
  test.setTimeout(120_000);
  const tps = "1673051006-001";
  const { context, page } = await firstLogin(phone, login, tps);
  await waitReady(page);
  const session = (await context.cookies()).find((c) => c.httpOnly)!;
  const withOldCookie = await playwright.request.newContext({
    baseURL: `http://localhost:${PORT}`,
    extraHTTPHeaders: { Cookie: `${session.name}=${session.value}` },
  });
  const officerHome = async () => (await withOldCookie.get("/officer", { maxRedirects: 0 })).status();
  expect(await officerHome()).toBe(200);

  link.setMode("blackhole");
  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page.getByRole("heading", { name: "Anda sudah keluar" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("logout-state")).toHaveText(
    "Ponsel ini sudah melupakan sesi Anda. Sesi di server diakhiri otomatis begitu ada sinyal.",
  );
  await shot(page, "offline-logout");
  // The phone forgot the officer at once: the pages are gone, even without signal.
  expect(await keptPages(page)).toBeNull();
  expect(await officerHome()).toBe(200);

  // The link is back (the blackhole's dead connections are gone, as they are when a real signal returns):
  // the logout reaches the server first, and the login page opens.
  link.setMode("refuse");
  link.setMode("up");
  await page.getByRole("link", { name: "Masuk" }).click();
  await expect(page.getByLabel("Kata sandi atau PIN")).toBeVisible({ timeout: 20_000 });
  expect(await officerHome()).toBe(302);
  await withOldCookie.dispose();
});
