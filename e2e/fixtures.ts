// Playwright fixtures so each spec reads like the user's story: `login(page, "posko")` in the browser,
// `phone()` for an officer's or responder's handset, `deskOf("pengawas-03")` for someone at another desk,
// `apiAs("posko")` for what another person does meanwhile over the API. Contexts and API sessions a test opens are closed after it.
import {
  test as base,
  devices,
  expect,
  type APIRequestContext,
  type APIResponse,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from "@playwright/test";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

export const DEMO_SECRET = "pantau-demo";
export const OFFICER_PIN = "123456";

/** An officer logs in with their TPS code and PIN, everyone else with a login and the demo password. */
const demoSecret = (login: string) => (/^\d{10}-\d{3}$/.test(login) ? OFFICER_PIN : DEMO_SECRET);

export type Login = (page: Page, login: string, secret?: string) => Promise<void>;

async function login(page: Page, login: string, secret = demoSecret(login)) {
  await page.goto("/login");
  await page.getByLabel("Nama pengguna atau kode TPS").fill(login);
  await page.getByLabel("Kata sandi atau PIN").fill(secret);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/** Someone's API session: requests carry their bearer token, in a request context of its own. */
export interface ApiSession {
  token: string;
  get: (path: string) => Promise<APIResponse>;
  post: (path: string, data: unknown) => Promise<APIResponse>;
}

/** A new phone-sized browser context (Pixel 7, Indonesian) and its first page. */
export type Phone = (options?: BrowserContextOptions) => Promise<{ context: BrowserContext; page: Page }>;

export const test = base.extend<{
  login: Login;
  phone: Phone;
  /** Another person at another desk: a desktop context of their own, logged in as `login`. */
  deskOf: (login: string) => Promise<Page>;
  apiAs: (login: string, secret?: string) => Promise<ApiSession>;
  consoleErrors: string[];
}>({
  login: async ({}, use) => use(login),
  phone: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (options = {}) => {
      const context = await browser.newContext({ ...devices["Pixel 7"], locale: "id-ID", ...options });
      contexts.push(context);
      return { context, page: await context.newPage() };
    });
    for (const context of contexts) await context.close();
  },
  deskOf: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (who) => {
      const context = await browser.newContext({ locale: "id-ID" });
      contexts.push(context);
      const page = await context.newPage();
      await login(page, who);
      return page;
    });
    for (const context of contexts) await context.close();
  },
  apiAs: async ({ playwright, baseURL }, use) => {
    const opened: APIRequestContext[] = [];
    await use(async (who, secret = demoSecret(who)) => {
      const request = await playwright.request.newContext({ baseURL });
      opened.push(request);
      const res = await request.post("/api/v1/session", { data: { login: who, secret } });
      expect(res.status(), `login ${who}`).toBe(200);
      const { token } = (await res.json()) as { token: string };
      const headers = { Authorization: `Bearer ${token}` };
      return {
        token,
        get: (path) => request.get(path, { headers }),
        post: (path, data) => request.post(path, { headers, data }),
      };
    });
    for (const request of opened) await request.dispose();
  },
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

/** PANTAU_SHOTS=<folder> saves the screenshots specs take of what they show (nothing is saved without it). */
export async function shot(page: Page, name: string, fullPage = false) {
  const dir = process.env.PANTAU_SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage });
}
