// A page on another site tries to post to Pantau with the visitor's browser: Chromium sends its Origin, and
// Pantau refuses with a page that says why; the officer stays logged in and Pantau's own forms still work.
import { expect, shot, test } from "./fixtures";

const EVIL = "http://hadiah.example";

test("a form on another site cannot log an officer out or post anything; Pantau's own forms still work", async ({
  page,
  login,
  baseURL,
}) => {
  await login(page, "1673081002-001");
  await expect(page).toHaveURL(/\/officer/);
  // The phone's service worker is in charge of /logout from now on: the post below must not pass through it.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));

  await page.route(`${EVIL}/**`, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><title>Hadiah</title>
        <form method="post" action="${baseURL}/logout"><button>Klaim hadiah</button></form>
        <form method="post" action="${baseURL}/language"><input type="hidden" name="lang" value="en">
          <button>Ganti bahasa</button></form>`,
    }),
  );
  await page.goto(`${EVIL}/`);
  await page.getByRole("button", { name: "Klaim hadiah" }).click();
  await expect(page.getByRole("heading", { name: "Permintaan ditolak" })).toBeVisible();
  await expect(page.getByText(`dikirim dari situs lain (${EVIL})`)).toBeVisible();
  await shot(page, "request-boundary-cross-site-refused");

  await page.goto(`${EVIL}/`);
  await page.getByRole("button", { name: "Ganti bahasa" }).click();
  await expect(page.getByRole("heading", { name: "Permintaan ditolak" })).toBeVisible();

  // Still logged in, still in Indonesian: neither post did anything.
  await page.goto("/officer");
  await expect(page).toHaveURL(/\/officer/);
  await expect(page.getByRole("button", { name: "Keluar" })).toBeVisible();

  // The same forms from Pantau's own pages pass the Origin rule.
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("button", { name: "Log out" })).toBeVisible();
  await page.getByRole("button", { name: "Log out" }).click();
  await page.waitForURL(/\/login/);
});

test("a citizen's photo over the cap is caught on the form before it is sent", async ({ page }) => {
  await page.goto("/publik/lapor?wilayah=16.73.08.1004");
  const photo = page.locator('input[name="evidence"]');
  await photo.setInputFiles({ name: "kamera.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(6 * 1024 * 1024) });
  await expect
    .poll(() => photo.evaluate((input: HTMLInputElement) => input.validationMessage))
    .toBe("Tiap berkas bukti paling besar 5 MB, paling banyak 3 berkas.");
  await photo.setInputFiles({ name: "kecil.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(1024) });
  await expect.poll(() => photo.evaluate((input: HTMLInputElement) => input.validationMessage)).toBe("");
});
