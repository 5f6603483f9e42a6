// A citizen reports something at a TPS: the command post sees it with "Bagikan ke petugas TPS"; the TPS's
// officer, whose incident list is open, sees nothing of it until the operator shares it, then sees it live,
// without the reporter's contact. Uses only TPS of kelurahan 16.73.08.1006.
import { randomUUID } from "node:crypto";
import { expect, shot, test } from "./fixtures";

const TPS = "1673081006-002";

test("a citizen's report reaches the TPS officer only once the command post shares it", async ({
  page,
  phone,
  login,
  playwright,
  baseURL,
}) => {
  const { page: officer } = await phone();
  await login(officer, TPS);
  await officer.goto("/officer/incidents");
  await expect(officer.getByTestId("live-status")).toHaveText(/Langsung/);

  const citizen = await playwright.request.newContext({ baseURL });
  const description = `Petugas TPS terlihat membagikan amplop kepada pemilih ${randomUUID().slice(0, 6)}.`;
  const contact = "0812-7000-4411";
  const res = await citizen.post("/api/v1/public/reports", {
    headers: { "X-Forwarded-For": "198.51.100.30" },
    data: { category: "vote_buying", tpsCode: TPS, place: "Di belakang tenda TPS", description, contact },
  });
  expect(res.status()).toBe(201);
  await citizen.dispose();
  const incidentLine = description.slice(0, 40);

  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, "posko");
  const card = page.locator("article.incident", { hasText: incidentLine });
  await expect(card).toBeVisible();
  const share = card.getByTestId("share-with-officer");
  await expect(share).toHaveText("Bagikan ke petugas TPS");
  await card.scrollIntoViewIfNeeded();
  await shot(page, "posko-citizen-report-share");

  // Not shared yet: nothing of it on the officer's phone, even after a reload.
  await officer.reload();
  await expect(officer.getByTestId("live-status")).toHaveText(/Langsung/);
  await expect(officer.getByText(incidentLine)).toHaveCount(0);

  await share.click();
  await expect(card.getByTestId("shared-with-officer")).toHaveText(/Dibagikan ke petugas TPS/);
  await shot(page, "posko-citizen-report-shared");

  // Shared: it arrives on the open page live, with its text and place and never the contact.
  await expect(officer.getByText(incidentLine)).toBeVisible();
  await expect(officer.locator("body")).not.toContainText(contact);
  await shot(officer, "officer-shared-citizen-report");
});
