// The officer's phone on a bad-network day, in real Chromium against the production build:
// installable (manifest + service worker in control), the outbox through offline, reload, a service-worker
// update and reconnect, photos, the incident list with live status, paper forms with the QR.
// TPS of kecamatan 16.73.02 only (the e2e database is shared by all specs).
import { readFileSync, writeFileSync } from "node:fs";
import { expect, test } from "./fixtures";
import { fillGubernur, officerOnPhone, outboxItem } from "./support/officer-phone";

test("the officer app is installable: manifest with icons, and a service worker in control", async ({
  phone,
  login,
  request,
}) => {
  const { context, page } = await officerOnPhone({ phone, login }, "1673021003-001");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  const manifest = await (await request.get(href!)).json();
  expect(manifest).toMatchObject({
    short_name: "Pantau",
    display: "standalone",
    start_url: expect.stringMatching(/^\/officer/),
    theme_color: "#0b5394",
  });
  expect(manifest.icons).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ sizes: "192x192", type: "image/png" }),
      expect.objectContaining({ sizes: "512x512", purpose: "any" }),
      expect.objectContaining({ sizes: "512x512", purpose: "maskable" }),
    ]),
  );
  for (const icon of manifest.icons) expect((await request.get(icon.src)).headers()["content-type"]).toBe("image/png");
  const sw = await request.get("/sw.js");
  expect(sw.headers()["cache-control"]).toBe("no-cache");
  expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL)).toMatch(/\/sw\.js$/);
  await context.close();
});

test("a quick count made offline survives a reload, is sent once on reconnect and shows on the command post", async ({
  phone,
  page,
  login,
}) => {
  const tps = "1673021003-002";
  await login(page, "posko");
  await expect(page.getByTestId("live-status")).toHaveText(/Langsung/);
  await expect(page.locator(`path.tps-${tps}.status-missing`)).toHaveCount(1);

  const { context, page: officer } = await officerOnPhone({ phone, login }, tps);
  await context.setOffline(true);
  // Opens from the service worker's cache: the officer never visited this form online.
  await officer.goto("/officer/quick-count/gubernur");
  await fillGubernur(officer, [120, 95], 4);
  await officer.getByTestId("c1-photos").setInputFiles("public/icons/icon-192.png");
  await officer.getByRole("button", { name: "Kirim hasil" }).click();
  await expect(officer).toHaveURL(/\/officer$/);
  await expect(outboxItem(officer, "photo")).toHaveAttribute("data-state", "pending");
  await expect(officer.getByTestId("network")).toHaveText(/Offline/);
  await expect(outboxItem(officer, "quick-count")).toHaveAttribute("data-state", "pending");
  await expect(outboxItem(officer, "quick-count")).toContainText("Menunggu kirim");

  await officer.reload();
  await expect(outboxItem(officer, "quick-count")).toHaveAttribute("data-state", "pending");
  await expect(page.locator(`path.tps-${tps}.status-missing`)).toHaveCount(1);

  await context.setOffline(false);
  await expect(officer.getByTestId("outbox-empty")).toBeVisible();
  await expect(page.locator(`path.tps-${tps}.status-partial`)).toHaveCount(1);
  // Exactly one submission, however many senders (page, Background Sync) tried.
  await officer.reload();
  await expect(officer.getByTestId("submissions").locator("li")).toHaveCount(1);
  await expect(officer.getByTestId("submissions")).toContainText("1 foto C1");
  await expect(officer.getByTestId("status-gubernur")).toHaveText("Terkirim");
  await context.close();
});

test("a report the server refuses after reconnecting is shown with what to fix, fixed and sent", async ({
  phone,
  login,
  apiAs,
}) => {
  const tps = "1673021003-009";
  const { context, page } = await officerOnPhone({ phone, login }, tps);
  await context.setOffline(true);
  await page.goto("/officer/quick-count/gubernur");
  await fillGubernur(page, [120, 95], 4);
  await page.getByRole("button", { name: "Kirim hasil" }).click();
  await expect(outboxItem(page, "quick-count")).toHaveAttribute("data-state", "pending");

  // Meanwhile the command post keys in a phone report with quite different numbers.
  const posko = await apiAs("posko");
  const keyed = await posko.post("/api/v1/quick-counts", {
    id: crypto.randomUUID(),
    tpsCode: tps,
    contest: "gubernur",
    votes: { 1: 60, 2: 50 },
    invalid: 2,
    capturedAt: new Date().toISOString(),
  });
  expect(keyed.status()).toBe(201);

  // Back online: the server wants a reason for the large change; nothing is lost, the officer is told why.
  await context.setOffline(false);
  const refused = outboxItem(page, "quick-count");
  await expect(refused).toHaveAttribute("data-state", "rejected");
  await expect(refused).toContainText("Ditolak — perlu diperbaiki");
  await expect(refused).toContainText("Berubah lebih dari separuh dari kiriman sebelumnya (60 → 120)");
  await refused.getByRole("link", { name: "Perbaiki" }).click();
  await expect(page.getByLabel(/No\. 1/)).toHaveValue("120");
  await page.getByLabel(/Alasan/).fill("Angka posko salah ketik, C1 asli 120 dan 95");
  await page.getByRole("button", { name: "Kirim hasil" }).click();
  await expect(page).toHaveURL(/\/officer$/);
  await expect(page.getByTestId("outbox-empty")).toBeVisible();
  await expect(page.getByTestId("status-gubernur")).toHaveText("Ditandai");
  await context.close();
});

test("a pending report survives a service-worker update", async ({ phone, login }) => {
  const tps = "1673021003-003";
  const { context, page } = await officerOnPhone({ phone, login }, tps);
  // A new deployment: the service worker's bytes change, the browser finds it on its next check.
  const swPath = "build/client/sw.js";
  const original = readFileSync(swPath, "utf8");
  try {
    writeFileSync(swPath, `${original}\n// deployment ${Date.now()}\n`);
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())!.update();
    });
    await expect(page.getByTestId("update-prompt")).toBeVisible();

    await context.setOffline(true);
    await page.getByRole("button", { name: "Buka TPS" }).click();
    await page.getByRole("button", { name: "Ya, buka sekarang" }).click();
    await expect(outboxItem(page, "day-status")).toHaveAttribute("data-state", "pending");
    await page.getByRole("button", { name: "Perbarui sekarang" }).click();
    await page.waitForEvent("load");
    await expect(page.getByTestId("update-prompt")).toHaveCount(0);
    await expect(outboxItem(page, "day-status")).toHaveAttribute("data-state", "pending");
    await expect(page.getByTestId("day-status")).toHaveText("Dibuka");

    await context.setOffline(false);
    await expect(page.getByTestId("outbox-empty")).toBeVisible();
    await page.reload();
    await expect(page.getByTestId("day-status")).toHaveText("Dibuka");
  } finally {
    writeFileSync(swPath, original);
  }
  await context.close();
});

test("an incident with a camera photo: resized on the phone, uploaded, and its status followed live", async ({
  phone,
  login,
  apiAs,
}) => {
  const tps = "1673021003-004";
  const { context, page } = await officerOnPhone({ phone, login }, tps, {
    permissions: ["geolocation"],
    geolocation: { latitude: -3.27455, longitude: 102.89072 },
  });
  await page.goto("/officer/incident");
  await page.getByLabel("Kategori").selectOption("vote_buying");
  await page.getByText("Tinggi", { exact: true }).click();
  await page.getByLabel("Apa yang terjadi?").fill("Pembagian amplop di depan TPS");
  await page.getByTestId("incident-photos").setInputFiles("public/icons/icon-512.png");
  await expect(page.getByTestId("incident-position")).toContainText("±");
  await page.getByRole("button", { name: "Kirim laporan" }).click();
  await expect(page).toHaveURL(/\/officer\/incidents$/);
  const mine = page.getByTestId("my-incident").first();
  await expect(mine.getByTestId("incident-status")).toHaveText("Baru");
  await expect(mine).toContainText("1 foto");
  await expect(page.getByTestId("live-status")).toHaveText("Langsung");

  // The photo arrived as a JPEG no larger than the phone's limit: it was re-encoded before upload.
  const incidentId = await mine.getAttribute("data-id");
  const posko = await apiAs("posko");
  const incident = await (await posko.get(`/api/v1/incidents/${incidentId}`)).json();
  const photoIds = (incident.incident ?? incident).photoIds as string[];
  expect(photoIds).toHaveLength(1);
  const photo = await posko.get(`/api/v1/photos/${photoIds[0]}`);
  expect(photo.headers()["content-type"]).toBe("image/jpeg");

  // The command post acknowledges: the officer's list changes by itself.
  expect((await posko.post(`/api/v1/incidents/${incidentId}/transitions`, { action: "acknowledge" })).status()).toBe(
    200,
  );
  await expect(mine.getByTestId("incident-status")).toHaveText("Diterima");
  await context.close();
});

test("arrival check-in with GPS distance and the opening checklist reach the server", async ({ phone, login }) => {
  const tps = "1673021003-006";
  const { context, page } = await officerOnPhone({ phone, login }, tps, {
    permissions: ["geolocation"],
    geolocation: { latitude: -3.27553, longitude: 102.88711 },
  });
  await page.goto("/officer/checkin");
  await page.getByRole("button", { name: "Ambil lokasi GPS" }).click();
  await expect(page.getByTestId("distance")).toContainText(/Jarak ke TPS: \d m/);
  await page.getByRole("button", { name: "Kirim check-in" }).click();
  await expect(page.getByTestId("checkin-queued")).toBeVisible();
  await page.goto("/officer/checklist");
  await page.getByTestId("check-ballot_box").getByText("Ya").click();
  await page.getByTestId("check-dpt_posted").getByText("Tidak").click();
  await page.getByTestId("check-dpt_posted").getByLabel("Apa masalahnya?").fill("DPT belum ditempel");
  await page.getByRole("button", { name: "Kirim daftar periksa" }).click();
  await expect(page.getByTestId("checklist-queued")).toBeVisible();
  await page.goto("/officer");
  await expect(page.getByTestId("outbox-empty")).toBeVisible();
  await expect(page.getByTestId("day-status")).toHaveText("Hadir");
  await page.goto("/officer/checkin");
  await expect(page.getByTestId("last-checkin")).toContainText(/\d m dari TPS/);
  await context.close();
});

test("paper forms: A4 sheets with the TPS code as text and QR, offline too, and in bulk per kelurahan", async ({
  phone,
  page,
  login,
}) => {
  const tps = "1673021003-005";
  const { context, page: officer } = await officerOnPhone({ phone, login }, tps);
  await context.setOffline(true);
  await officer.goto("/officer/paper");
  // Two pages of the C.Hasil per ballot (governor, mayor) and the incident form, each with the code and QR.
  await expect(officer.getByTestId("paper-tps-code")).toHaveText(Array(5).fill(`TPS ${tps}`));
  await expect(officer.getByTestId("paper-qr").locator("svg path").first()).toBeAttached();
  await expect(officer.getByTestId("paper-sheet-c1").nth(1)).toContainText("Wali Kota dan Wakil Wali Kota");
  await expect(officer.getByTestId("paper-sheet-incident")).toContainText("Politik uang");
  await officer.emulateMedia({ media: "print" });
  await expect(officer.getByRole("button", { name: "Cetak" })).toBeHidden();
  await context.close();

  await login(page, "posko");
  await page.goto("/paper/kelurahan/16.73.02.1003");
  await expect(page.getByTestId("paper-sheet-c1")).toHaveCount(18);
  await expect(page.getByTestId("paper-qr")).toHaveCount(45);
});

test("without JavaScript the quick-count form still posts and is stored", async ({ phone, login }) => {
  const { page } = await phone({ javaScriptEnabled: false });
  await login(page, "1673021003-008");
  await page.goto("/officer/quick-count/gubernur");
  await fillGubernur(page, [100, 90], 5);
  await page.getByRole("button", { name: "Kirim hasil" }).click();
  await expect(page).toHaveURL(/\/officer$/);
  await expect(page.getByTestId("status-gubernur")).toHaveText("Terkirim");
});

test("the officer screens speak English too", async ({ phone, login }) => {
  const { page } = await phone();
  await login(page, "1673021003-007");
  await page.getByTestId("lang-switch").click();
  await expect(page.getByRole("heading", { name: "Outbox" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Open TPS" })).toBeVisible();
  await page.getByRole("link", { name: "Pocket guide" }).click();
  await expect(page.getByRole("heading", { name: "Officer's pocket guide" })).toBeVisible();
  await page.goto("/officer/contacts");
  await expect(page.getByTestId("contact").filter({ hasText: "Polres" })).toHaveAttribute("href", "tel:110");
});
