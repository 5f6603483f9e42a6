// An officer's critical incident reaches the command post with an alert; the operator
// dispatches it to a responder whose phone shows it live; the responder resolves it and the command post
// sees that. Uses only TPS of kecamatan 16.73.03.
import { randomUUID } from "node:crypto";
import { expect, test } from "./fixtures";

test("critical incident: alert on the command post, dispatch, live on the responder's phone, resolved", async ({
  phone,
  page,
  login,
}) => {
  await login(page, "posko");
  await expect(page.getByTestId("live-status")).toHaveText(/Langsung/);
  // Browsers keep sound off until the user clicks once: the operator turns the alert sound on.
  await page.getByTestId("sound-toggle").click();
  await expect(page.getByTestId("sound-toggle")).toHaveText(/Suara peringatan aktif/);

  const { page: responder } = await phone({
    permissions: ["geolocation"],
    geolocation: { latitude: -3.2871, longitude: 102.8555 },
  });
  await login(responder, "tim-1");
  await expect(responder).toHaveURL(/\/responder/);
  await expect(responder.getByTestId("live-status")).toHaveText(/Langsung/);

  // The officer reports from their phone (the report form is the officer app's; the API is the contract).
  const { page: officer } = await phone();
  await login(officer, "1673031001-001");
  const id = randomUUID();
  const created = await officer.request.post("/api/v1/incidents", {
    data: {
      id,
      category: "violence",
      severity: "critical",
      description: "Keributan di depan TPS, kotak suara terancam.",
      occurredAt: new Date().toISOString(),
    },
  });
  expect(created.status()).toBe(201);

  // Command post: a visual (and sound) alert, and the incident at the top of the feed.
  const alert = page.getByTestId("critical-alert");
  await expect(alert).toContainText("INSIDEN KRITIS");
  // Other specs' alerts may be older (more urgent, shown first): this one is in the bar or its list.
  await expect(alert).toBeVisible();
  const more = alert.locator(".alert-more[aria-expanded=false]");
  if (await more.count()) await more.click();
  await expect(page.getByTestId(`alert-${id}`)).toContainText("Keributan di depan TPS");
  await expect(alert).toHaveAttribute("data-sound", "played");
  await expect(page).toHaveTitle(/INSIDEN KRITIS/);
  const card = page.getByTestId(`incident-${id}`);
  await expect(card.getByTestId("incident-status")).toHaveText("Baru");
  await expect(page.locator("article.incident").first()).toHaveAttribute("data-testid", `incident-${id}`);

  await card.getByPlaceholder("Catatan (wajib untuk Tolak)").fill("Diterima, menghubungi tim");
  await card.getByTestId("action-acknowledge").click();
  await expect(card.getByTestId("incident-status")).toHaveText("Diterima");
  // Acknowledged is handled: its alert clears by itself, for every operator (no one closes it by hand).
  await expect(page.getByTestId(`alert-${id}`)).toHaveCount(0);
  await card.getByText("Kirim ke tim").click();
  await card.getByLabel("Tim Reaksi Cepat 1").check();
  await card.getByTestId("action-dispatch").click();
  await expect(card.getByTestId("incident-status")).toHaveText("Dikirim tim");

  // Responder: the incident arrived live, with where it is.
  const task = responder.getByTestId(`incident-${id}`);
  await expect(task).toContainText("Keributan di depan TPS");
  await expect(task.getByTestId("incident-status")).toHaveText("Dikirim tim");
  await expect(task.getByRole("link", { name: "Petunjuk arah" })).toHaveAttribute(
    "href",
    /openstreetmap\.org\/directions\?to=-3\./,
  );
  await task.getByTestId("action-on_scene").click();
  await expect(task.getByTestId("incident-status")).toHaveText("Tim di lokasi");
  await expect(card.getByTestId("incident-status")).toHaveText("Tim di lokasi");
  await task.getByPlaceholder("Catatan (opsional)").fill("Situasi aman, massa bubar");
  await task.getByTestId("action-resolve").click();
  await expect(task.getByTestId("incident-status")).toHaveText("Selesai");

  // The responder shares their location: the command post sees them on the map.
  await responder.getByTestId("share-location").check();
  await expect(responder.getByText("Lokasi terkirim ke posko.")).toBeVisible();
  await expect(page.locator(".responder-marker [data-responder]")).toHaveCount(1);

  // Command post: it left the open feed; with closed ones shown it reads resolved, with response times.
  await expect(card).toHaveCount(0);
  await page.getByLabel("Tampilkan yang selesai/ditolak").check();
  await expect(card.getByTestId("incident-status")).toHaveText("Selesai");
  await expect(card.getByTestId("incident-times")).not.toContainText("selesai –");
});
