// The audit chain's signed head where people keep it: on the public page beside the open data, and on the
// printed recap and paper forms. PANTAU_SHOTS=<folder> saves the public page's head and the recap as PDF.
import { join } from "node:path";
import { expect, shot, test } from "./fixtures";

type Head = { id: number; text: string; publicKey: string; keyId: string };

const HEAD_TEXT = /^ph1\.\d+\.\d{8}T\d{6}Z\.[0-9a-f]{64}\.[A-Za-z0-9_-]{86}$/;

test("the public page shows the signed head its open data publishes, with the key to check it", async ({ page }) => {
  await page.goto("/publik");
  const box = page.getByTestId("audit-head");
  await expect(box.getByRole("heading", { name: "Kepala jejak audit (bertanda tangan)" })).toBeVisible();
  const text = (await box.getByTestId("audit-head-text").textContent())!.trim();
  expect(text).toMatch(HEAD_TEXT);

  const res = await page.request.get("/api/v1/public/audit-head");
  expect(res.status()).toBe(200);
  const published = (await res.json()) as Head;
  // The page shows the key the open data names; the head is the latest or one interval older.
  await expect(box.getByTestId("audit-head-key")).toHaveText(published.publicKey);
  expect(Number(text.split(".")[1])).toBeLessThanOrEqual(published.id);
  // The open data's link is on the page.
  await expect(page.getByRole("link", { name: "Kepala jejak audit (JSON)" })).toHaveAttribute(
    "href",
    "/api/v1/public/audit-head",
  );
  if (process.env.PANTAU_SHOTS) {
    await box.scrollIntoViewIfNeeded();
    await box.screenshot({ path: join(process.env.PANTAU_SHOTS, "public-audit-head.png") });
  }
  await shot(page, "public-page-with-audit-head", true);
});

test("a printed recap and the paper forms carry the head", async ({ page, login }) => {
  await login(page, "posko");
  await page.goto("/rekap?contest=walikota&level=kelurahan&area=16.73.07");
  await page.emulateMedia({ media: "print" });
  const head = page.getByTestId("audit-head");
  await expect(head).toBeVisible(); // not hidden from the printout
  await expect(head.getByTestId("audit-head-text")).toHaveText(HEAD_TEXT);
  if (process.env.PANTAU_SHOTS) {
    await page.pdf({
      path: join(process.env.PANTAU_SHOTS, "recap-with-audit-head.pdf"),
      format: "A4",
      landscape: true,
      printBackground: true,
    });
    await page.screenshot({ path: join(process.env.PANTAU_SHOTS, "recap-with-audit-head.png"), fullPage: true });
  }

  await page.goto("/paper/kelurahan/16.73.07.1004");
  await expect(page.getByTestId("audit-head").getByTestId("audit-head-text")).toHaveText(HEAD_TEXT);
});
