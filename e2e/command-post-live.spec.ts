// Running election day from the command post on a laptop (1366x768): never "live" when nothing arrives (a
// path that stops forwarding without closing anything shows "Terputus" within seconds, dims the map and the
// totals, then recovers and catches up), a feed that holds still under the operator's hand, and two
// operators who see each other on one review item. TPS of kelurahan 16.73.02.1002 only (the e2e database
// is shared by all specs).
import { randomUUID } from "node:crypto";
import { expect, shot, test } from "./fixtures";
import { startSlowLink, type SlowLink } from "./support/slow-proxy";

const LAPTOP = { width: 1366, height: 768 };
const PORT = Number(process.env.E2E_PORT ?? 3100);

let link: SlowLink;
test.beforeEach(async () => {
  link = await startSlowLink({ port: PORT }, { kbps: 100_000, rttMs: 4 });
});
test.afterEach(() => link.close());

test("with the path cut silently the posko says Terputus within seconds, dims, then catches up", async ({
  browser,
  login,
  apiAs,
}) => {
  const context = await browser.newContext({ baseURL: link.url, viewport: LAPTOP, locale: "id-ID" });
  const page = await context.newPage();
  try {
    await login(page, "posko");
    const status = page.getByTestId("live-status");
    await expect(status).toHaveText(/Langsung/);
    await expect(page.getByTestId("last-update")).toHaveText(/pembaruan terakhir \d\d\.\d\d\.\d\d WIB/);
    // Totals stay in view beside the map on a laptop.
    await expect(page.getByTestId("totals-gubernur")).toBeInViewport();
    await shot(page, "posko-1366-live");
    const votes = page.getByTestId("votes-gubernur-1");
    const before = Number((await votes.textContent())!.replace(/\D/g, ""));

    // The path stops forwarding; nothing closes: the socket alone would stay "connected" for 45 s.
    link.setMode("stall");
    await expect(status).toHaveText(/Terputus/, { timeout: 6_000 });
    await expect(page.locator(".posko.cut")).toBeVisible();
    await expect(page.getByTestId("cut-banner")).toBeVisible();
    const heardBefore = await page.getByTestId("last-update").textContent();
    await shot(page, "posko-1366-cut");

    // An officer reports meanwhile (straight to the server, not through the cut path).
    const officer = await apiAs("1673021002-005");
    const sent = await officer.post("/api/v1/quick-counts", {
      id: randomUUID(),
      tpsCode: "1673021002-005",
      contest: "gubernur",
      votes: { "1": 61, "2": 64 },
      invalid: 3,
      capturedAt: new Date().toISOString(),
    });
    expect(sent.status()).toBe(201);
    await page.waitForTimeout(1500);
    // Still cut, and the last update has not moved: no fresh data is claimed.
    await expect(status).toHaveText(/Terputus/);
    await expect(page.getByTestId("last-update")).toHaveText(heardBefore!);

    link.setMode("up");
    await expect(status).toHaveText(/Langsung/);
    await expect(page.locator(".posko.cut")).toHaveCount(0);
    await expect(votes).toHaveText((before + 61).toLocaleString("id-ID"));
    await expect(page.getByTestId("last-update")).not.toHaveText(heardBefore!);
  } finally {
    await context.close();
  }
});

test("the incident feed holds still while hovered; new ones wait behind a button", async ({
  browser,
  login,
  apiAs,
}) => {
  const context = await browser.newContext({ viewport: LAPTOP, locale: "id-ID" });
  const page = await context.newPage();
  try {
    await login(page, "posko");
    await expect(page.getByTestId("live-status")).toHaveText(/Langsung/);
    const feed = page.getByTestId("incident-feed");
    const cards = feed.locator(".incident");
    const officer = await apiAs("1673021002-006");
    const report = async (description: string) => {
      const res = await officer.post("/api/v1/incidents", {
        id: randomUUID(),
        category: "logistics",
        severity: "high",
        description,
        occurredAt: new Date().toISOString(),
      });
      expect(res.status()).toBe(201);
    };
    // Words of this run only: the e2e database outlives a run.
    const tag = randomUUID().slice(0, 6);
    // One incident in the feed first, so there is a card under the hand.
    await report(`Surat suara kurang 20 lembar di TPS 6 (${tag}).`);
    await expect(feed).toContainText(`Surat suara kurang 20 lembar di TPS 6 (${tag})`);

    await cards.first().hover();
    await expect(feed).toHaveAttribute("data-held", "true");
    const heldOrder = await cards.evaluateAll((els) => els.map((e) => e.textContent));
    await report(`Tinta sidik jari habis di TPS 6 (${tag}).`);
    await expect(page.getByTestId("feed-new")).toHaveText(/1 baru/);
    // Nothing moved under the hand.
    expect(await cards.evaluateAll((els) => els.map((e) => e.textContent))).toEqual(heldOrder);
    await expect(feed).not.toContainText(`Tinta sidik jari habis di TPS 6 (${tag})`);
    await shot(page, "posko-1366-feed-held");

    await page.getByTestId("feed-new").click();
    await expect(feed).toContainText(`Tinta sidik jari habis di TPS 6 (${tag})`);
    await expect(page.getByTestId("feed-new")).toHaveCount(0);
    // Totals stay pinned in view while the feed scrolls in its own panel.
    await page.getByTestId("panel-scroll").evaluate((el) => el.scrollBy(0, 400));
    await expect(page.getByTestId("totals-gubernur")).toBeInViewport();
  } finally {
    await context.close();
  }
});

test("two operators see each other on one review item, and the second is warned before deciding", async ({
  browser,
  login,
  deskOf,
  apiAs,
}) => {
  const tps = "1673021002-007";
  const officer = await apiAs(tps);
  const sent = await officer.post("/api/v1/quick-counts", {
    id: randomUUID(),
    tpsCode: tps,
    contest: "gubernur",
    votes: { "1": 70, "2": 52 },
    invalid: 2,
    capturedAt: new Date().toISOString(),
  });
  expect(sent.status()).toBe(201);

  const context = await browser.newContext({ viewport: LAPTOP, locale: "id-ID" });
  const first = await context.newPage();
  try {
    await login(first, "posko");
    await first.goto(`/posko/verifikasi/${tps}/gubernur`);
    await expect(first.getByTestId("presence")).toHaveCount(0);

    const second = await deskOf("posko2");
    await second.setViewportSize(LAPTOP);
    await second.goto(`/posko/verifikasi/${tps}/gubernur`);
    await expect(second.getByTestId("presence")).toHaveText("Juga dibuka oleh Operator Posko 1");
    await expect(first.getByTestId("presence")).toHaveText("Juga dibuka oleh Operator Posko 2");

    // The second decides: asked first, as it may overwrite what the first is deciding.
    await second.locator('[data-testid^="verify-"]').first().click();
    await expect(second.getByTestId("presence-confirm")).toContainText("Operator Posko 1 juga sedang membuka");
    await shot(second, "review-1366-presence");
    await second.getByRole("button", { name: "Tetap simpan" }).click();
    // The decision went to the server (which answers by its own rules: here, no C.Hasil photo yet).
    await expect(second.getByTestId("presence-confirm")).toHaveCount(0);
    await expect(second.locator('[data-testid="review-done"], .notice.bad[role="alert"]')).toBeVisible();

    await second.close();
    await expect(first.getByTestId("presence")).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test("the posko on a wide screen (1920x1080)", async ({ browser, login }) => {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: "id-ID" });
  const page = await context.newPage();
  try {
    await login(page, "posko");
    await expect(page.getByTestId("live-status")).toHaveText(/Langsung/);
    await expect(page.locator(".tps-marker, .tps-cluster").first()).toBeVisible();
    await shot(page, "posko-1920");
    // Zoomed out: clusters read as a centred count and the share reported.
    // Two levels out, one at a time: Leaflet takes a click during a zoom's animation as the same level.
    for (let i = 0; i < 2; i++) {
      await page.locator(".leaflet-control-zoom-out").click();
      await expect(page.locator(".leaflet-zoom-anim")).toHaveCount(0);
    }
    const cluster = page.locator(".tps-cluster").first();
    await expect(cluster.locator(".cl-count")).toHaveText(/^\d+$/);
    await expect(cluster.locator(".cl-share")).toHaveText(/^\d+%$/);
    await shot(page, "posko-1920-clusters");
  } finally {
    await context.close();
  }
});
