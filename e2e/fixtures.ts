// Playwright fixtures so each spec reads like the user's story: `login(page, "posko")`.
import { test as base, expect, type Page } from "@playwright/test";

export const DEMO_SECRET = "pantau-demo";
export const OFFICER_PIN = "123456";

async function login(page: Page, login: string, secret = /^\d{10}-\d{3}$/.test(login) ? OFFICER_PIN : DEMO_SECRET) {
  await page.goto("/login");
  await page.getByLabel("Nama pengguna atau kode TPS").fill(login);
  await page.getByLabel("Kata sandi atau PIN").fill(secret);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

export const test = base.extend<{ login: typeof login; consoleErrors: string[] }>({
  login: async ({}, use) => use(login),
  // A page that logs an error fails its test: nobody asserted on it.
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error" && !/Failed to load resource/.test(m.text())) errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(e.message));
      await use(errors);
      expect(errors, "console errors").toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };
