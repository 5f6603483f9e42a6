// The Content-Security-Policy (server/security.ts) must not break any screen: every page loads, hydrates and
// logs no violation (the fixture fails a test on any console error, CSP reports included), and the map
// still draws. Read-only: it changes nothing in the shared e2e database.
import { expect, test } from "./fixtures";

const PUBLIC_PAGES = ["/login", "/publik", "/publik/lapor", "/publik/lacak"];
const STAFF_PAGES: [string, string[]][] = [
  ["posko", ["/posko", "/rekap", "/posko/entri", "/posko/verifikasi", "/posko/sms", "/posko/audit", "/paper"]],
  ["admin", ["/admin", "/admin/akun", "/admin/impor", "/admin/pemilihan", "/admin/pengaturan", "/admin/proyeksi"]],
  ["tim-1", ["/responder"]],
];

test("every page runs under the CSP without a violation", async ({ page, login }) => {
  const violations: string[] = [];
  await page.exposeFunction("reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { reportCspViolation: (t: string) => void }).reportCspViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      ),
    );
  });
  for (const path of PUBLIC_PAGES) {
    const response = await page.goto(path);
    expect(response?.headers()["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-/);
    await expect(page.locator("body")).not.toBeEmpty();
  }
  for (const [user, paths] of STAFF_PAGES) {
    await page.context().clearCookies();
    await login(page, user);
    for (const path of paths) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
    }
  }
  await page.context().clearCookies();
  await login(page, "1673051001-001");
  for (const path of [
    "/officer",
    "/officer/checkin",
    "/officer/checklist",
    "/officer/incident",
    "/officer/incidents",
    "/officer/contacts",
    "/officer/guide",
    "/officer/paper",
    "/officer/quick-count/gubernur",
    "/officer/c-hasil/gubernur",
  ]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  expect(violations).toEqual([]);
});

test("the command-post map draws its markers under the CSP", async ({ page, login }) => {
  await login(page, "posko");
  await expect(page.locator("path.tps-marker").first()).toBeVisible();
});
