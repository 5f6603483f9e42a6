// The public page from a citizen's side: from the whole election down to a kelurahan of 16.73.02 and one of
// its TPS, whose verified result shows with the photo of its C.Hasil; and the same TPS found by search.
// On a phone (360x740) and a laptop (1366x768). Writes only to TPS of kelurahan 16.73.02.1004.
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, shot, test } from "./fixtures";

const TPS = "1673021004-001";
const UNVERIFIED = "1673021004-002";
const C1_PHOTO = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);

test.beforeAll(async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  // Set up once per database: a rerun of the file (after a failure) finds it done.
  const done = await (await request.get(`/api/v1/public/tps/${TPS}`)).json();
  if (done.results.some((r: { contest: string; verified: boolean }) => r.contest === "walikota" && r.verified))
    return request.dispose();
  const login = async (who: string, secret: string) => {
    const res = await request.post("/api/v1/session", { data: { login: who, secret } });
    expect(res.status()).toBe(200);
    return { Authorization: `Bearer ${((await res.json()) as { token: string }).token}` };
  };
  const quickCount = (tpsCode: string, votes: Record<string, number>) => ({
    id: randomUUID(),
    tpsCode,
    contest: "walikota",
    votes,
    invalid: 4,
    capturedAt: new Date().toISOString(),
    justification: "Angka sudah dicek ulang bersama saksi.",
  });
  // The officer of one TPS reports and photographs the C.Hasil; the command post verifies it.
  const officer = await login(TPS, "123456");
  const sent = await request.post("/api/v1/quick-counts", {
    headers: officer,
    data: quickCount(TPS, { "1": 140, "2": 95, "3": 61 }),
  });
  expect(sent.status()).toBe(201);
  const photo = await request.post("/api/v1/photos", {
    headers: officer,
    multipart: {
      id: randomUUID(),
      purpose: "c1",
      tpsCode: TPS,
      contest: "walikota",
      photo: { name: "c-hasil.png", mimeType: "image/png", buffer: C1_PHOTO },
    },
  });
  expect(photo.status()).toBe(201);
  const posko = await login("posko", "pantau-demo");
  const verified = await request.post("/api/v1/reviews", {
    headers: posko,
    data: { action: "verify", tpsCode: TPS, contest: "walikota" },
  });
  expect(verified.status(), await verified.text()).toBe(200);
  // Another TPS of the kelurahan reports but nobody verifies it yet.
  const other = await login(UNVERIFIED, "123456");
  expect(
    (
      await request.post("/api/v1/quick-counts", {
        headers: other,
        data: quickCount(UNVERIFIED, { "1": 77, "2": 66, "3": 55 }),
      })
    ).status(),
  ).toBe(201);
  await request.dispose();
});

async function drillDown(page: Page, size: string) {
  await page.goto("/publik");
  // One province with one city: the page opens at the city, with the levels above in its breadcrumb.
  await expect(page.getByTestId("public-area-name")).toHaveText("Kota Lubuklinggau");
  const crumbs = page.getByTestId("public-breadcrumb");
  await expect(crumbs.getByRole("link", { name: "Semua wilayah" })).toBeVisible();
  await expect(crumbs.getByRole("link", { name: "Provinsi Sumatera Selatan" })).toBeVisible();
  await expect(page.getByTestId("public-children").locator("li")).toHaveCount(8);
  await expect(page.getByTestId("public-contest-walikota")).toBeVisible();
  await shot(page, `public-city-${size}`, true);

  await page.getByTestId("public-child-16.73.02").getByRole("link").click();
  await expect(page).toHaveURL(/wilayah=16\.73\.02$/);
  await expect(page.getByTestId("public-area-name")).toHaveText(/^Kec\. /);
  await expect(page.getByTestId("public-children").locator("li")).toHaveCount(9);
  await shot(page, `public-kecamatan-${size}`, true);

  await page.getByTestId("public-child-16.73.02.1004").getByRole("link").click();
  await expect(page).toHaveURL(/wilayah=16\.73\.02\.1004$/);
  await expect(page.getByTestId("public-area-name")).toHaveText(/^Kel\. /);
  const row = page.getByTestId(`public-tps-row-${TPS}`);
  await expect(row).toContainText("terverifikasi");
  await expect(page.getByTestId(`public-tps-row-${UNVERIFIED}`)).toContainText("masuk, belum diverifikasi");
  // The kelurahan's open data is one link away.
  await expect(page.getByRole("link", { name: "CSV per TPS" })).toHaveAttribute(
    "href",
    "/api/v1/public/regions/16.73.02.1004/tps.csv",
  );
  await shot(page, `public-kelurahan-${size}`, true);

  await row.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/publik/tps/${TPS}$`));
  await expectVerifiedTps(page);
  await shot(page, `public-tps-${size}`, true);

  // Its breadcrumb leads back to the kelurahan.
  await page.getByTestId("public-tps-breadcrumb").getByRole("link").last().click();
  await expect(page).toHaveURL(/wilayah=16\.73\.02\.1004$/);
}

async function expectVerifiedTps(page: Page) {
  const walikota = page.getByTestId("public-tps-walikota");
  await expect(walikota).toContainText("Diverifikasi");
  await expect(page.getByTestId("public-tps-votes-walikota-1")).toHaveText("140");
  await expect(page.getByTestId("public-tps-votes-walikota-2")).toHaveText("95");
  // The photo is shown and opens at full size.
  const image = walikota.getByRole("img", { name: "Foto C.Hasil 1" });
  await expect(image).toBeVisible();
  expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const href = await walikota.getByRole("link", { name: /Buka foto C\.Hasil 1/ }).getAttribute("href");
  const full = await page.request.get(href!);
  expect(full.status()).toBe(200);
  expect(full.headers()["content-type"]).toBe("image/png");
  // The governor's ballot is not verified here: said plainly, no numbers.
  await expect(page.getByTestId("public-tps-not-verified-gubernur")).toContainText("Belum ada hasil terverifikasi");
}

test("a citizen drills down on a phone from the whole election to a TPS's verified result", async ({ phone }) => {
  const { page } = await phone({ viewport: { width: 360, height: 740 } });
  await drillDown(page, "phone");
  // Nothing on the page is wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test("the same on a laptop", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "id-ID" });
  await drillDown(await context.newPage(), "laptop");
  await context.close();
});

test("a citizen finds a TPS by its code and a kelurahan by its name", async ({ phone }) => {
  const { page } = await phone({ viewport: { width: 360, height: 740 } });
  await page.goto("/publik");
  const box = page.getByRole("searchbox", { name: "Cari TPS atau kelurahan/desa" });
  // The code as it is written on a poster, with dots: straight to the TPS.
  await box.fill("16.73.02.1004-1");
  await box.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/publik/tps/${TPS}$`));
  await expectVerifiedTps(page);

  // A part of the kelurahan's name, in lower case: a list of matches, each a link to its level.
  const name = (await (await page.request.get("/api/v1/public/search?q=1673021004")).json()).regions[0].name as string;
  await page.goto("/publik");
  const part = name
    .replace(/^Kel\. /, "")
    .slice(0, 6)
    .toLowerCase();
  await page.getByRole("searchbox", { name: "Cari TPS atau kelurahan/desa" }).fill(part);
  await page.getByRole("button", { name: "Cari" }).click();
  const results = page.getByTestId("public-search-results");
  await expect(results).toBeVisible();
  await shot(page, "public-search-phone", true);
  await results.getByRole("link", { name }).first().click();
  await expect(page).toHaveURL(/wilayah=16\.73\.02\.1004$/);
  await expect(page.getByTestId(`public-tps-row-${TPS}`)).toBeVisible();

  // Too short a text is refused with what to type.
  await page.goto("/publik?cari=x");
  await expect(page.getByTestId("public-search-results").getByRole("alert")).toContainText("Ketik 2–64 huruf");
});
