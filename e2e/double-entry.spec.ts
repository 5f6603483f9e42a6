// Blind double entry of paper forms at the posko. Equal -> consolidated; different ->
// conflict -> resolved by the kecamatan's supervisor, whom another kecamatan's supervisor cannot replace.
// Only TPS of kecamatan 16.73.03.
import type { Page } from "@playwright/test";
import { C1_PHOTO } from "../tests/support/api";
import { expect, test } from "./fixtures";

async function keyForm(page: Page, tps: string, votes: [number, number, number], invalid: number) {
  await page.goto("/posko/entri");
  await page.getByTestId("tps-search").fill(tps);
  await page.getByRole("button", { name: "Cari" }).click();
  await expect(page.getByRole("heading", { name: `TPS ${tps}` })).toBeVisible();
  await page.getByRole("link", { name: "Wali Kota dan Wakil Wali Kota" }).click();
  await expect(page).toHaveURL(/contest=walikota/);
  for (const [i, n] of votes.entries()) await page.getByLabel(new RegExp(`No\\. ${i + 1}`)).fill(String(n));
  await page.getByLabel("Suara tidak sah").fill(String(invalid));
  await page.getByRole("button", { name: "Simpan entri" }).click();
}

test("double entry: equal entries consolidate, different ones become a conflict a supervisor resolves", async ({
  deskOf,
  page,
  login,
}) => {
  await login(page, "posko");
  const second = await deskOf("posko2");

  // Equal.
  await keyForm(page, "1673031004-001", [120, 95, 33], 4);
  await expect(page.getByTestId("entry-result")).toContainText("entri pertama");
  await expect(page.getByTestId("entry-round")).toContainText("operator lain");
  await keyForm(second, "1673031004-001", [120, 95, 33], 4);
  await expect(second.getByTestId("entry-round")).toHaveCount(1);
  await expect(second.getByTestId("entry-result")).toContainText("Kedua entri sama");

  // Different: the second operator never sees the first entry's numbers.
  await keyForm(page, "1673031004-002", [150, 80, 20], 5);
  await expect(page.getByTestId("entry-result")).toContainText("entri pertama");
  await second.goto("/posko/entri?tps=1673031004-002&contest=walikota");
  await expect(second.getByTestId("entry-round")).toContainText("Entri kedua (buta)");
  await expect(second.getByLabel(/No\. 1/)).toHaveValue("");
  await keyForm(second, "1673031004-002", [150, 88, 20], 5);
  await expect(second.getByTestId("entry-result")).toContainText("Kedua entri berbeda");

  // Another kecamatan's supervisor cannot open it.
  const out = await deskOf("pengawas-04");
  await out.goto("/posko/verifikasi");
  await expect(out.getByTestId("review-1673031004-002-walikota")).toHaveCount(0);
  const forbidden = await out.goto("/posko/verifikasi/1673031004-002/walikota");
  expect(forbidden?.status()).toBe(403);

  // The kecamatan's supervisor settles it from the queue, with both entries side by side.
  const supervisor = await deskOf("pengawas-03");
  await supervisor.goto("/posko/verifikasi");
  const row = supervisor.getByTestId("review-1673031004-002-walikota");
  await expect(row).toContainText("Entri kertas berbeda");
  await row.getByRole("link", { name: "Periksa" }).click();
  const sources = supervisor.getByTestId("sources");
  await expect(sources).toContainText("Entri kertas 1");
  await expect(sources).toContainText("Entri kertas 2");
  await expect(sources.locator("td.diff")).toHaveCount(2);
  const resolve = supervisor.getByTestId("resolve-paper");
  const decide = async () => {
    await resolve.getByLabel("Entri kertas 2").check();
    await resolve.getByLabel("Alasan").fill("C1 plano dicek: 88 yang benar");
    await resolve.getByRole("button", { name: "Putuskan" }).click();
  };
  // A decision verifies the result, which needs the photo of the C.Hasil it was checked against.
  await decide();
  await expect(supervisor.getByText(/Belum ada foto C\.Hasil untuk TPS 1673031004-002/)).toBeVisible();
  const photo = await page.request.post("/api/v1/photos", {
    multipart: {
      id: crypto.randomUUID(),
      purpose: "c1",
      tpsCode: "1673031004-002",
      contest: "walikota",
      photo: { name: "c-hasil.png", mimeType: "image/png", buffer: C1_PHOTO },
    },
  });
  expect(photo.status()).toBe(201);
  await supervisor.reload();
  await decide();
  await expect(supervisor.getByTestId("review-status")).toContainText("Terverifikasi");
  await expect(supervisor.getByTestId("history")).toContainText("C1 plano dicek: 88 yang benar");
  await supervisor.goto("/posko/verifikasi");
  await expect(supervisor.getByTestId("review-1673031004-002-walikota")).toHaveCount(0);

  // The audit log shows who did what for that TPS, and its chain holds.
  await supervisor.goto("/posko/audit?tps=1673031004-002");
  const audit = supervisor.getByTestId("audit-rows");
  await expect(audit).toContainText("paper.first_entry");
  await expect(audit).toContainText("paper.second_entry");
  await expect(audit).toContainText("paper.resolve");
  await expect(audit).toContainText("(pengawas-03)");
  await page.goto("/posko/audit?user=posko2");
  await expect(page.getByTestId("audit-rows")).toContainText("paper.consolidate");
  await expect(page.getByTestId("audit-rows")).not.toContainText("(posko)");
  await page.getByTestId("audit-verify").click();
  await expect(page.getByTestId("audit-verdict")).toContainText("Rantai utuh");
});
