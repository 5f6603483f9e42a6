// The complete C.Hasil, in real Chromium against the production build: the officer's ballots, the quick
// entry of both Pilkada ballots, completing the C.Hasil (sections I-V) with a photo while offline, the
// confirmation an inconsistent form needs, the posko seeing it complete; the printable copy; the posko keying
// the complete form twice, blind, in the paper's order.
// TPS of kecamatan 16.73.07 only (the e2e database is shared by all specs).
// PANTAU_SHOTS=<folder> also saves screenshots (and the printed form as PDF) there.
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { expect, shot, test } from "./fixtures";
import { swInControl } from "./support/officer-phone";

const PHONE = { viewport: { width: 390, height: 844 } };

/** Every box of a complete form, by its label on the page, for a TPS of `dpt` voters and `voters` who voted. */
function completeBoxes({
  dpt,
  voters,
  votes,
  invalid,
}: {
  dpt: number;
  voters: number;
  votes: number[];
  invalid: number;
}) {
  const men = Math.floor(dpt / 2);
  const vm = Math.floor(voters / 2);
  const received = dpt + Math.ceil(dpt * 0.02);
  const valid = votes.reduce((a, n) => a + n, 0);
  return {
    "form.voters.dpt": [men, dpt - men, dpt],
    "form.voters.dptUsed": [vm, voters - vm, voters],
    "form.voters.dptbUsed": [0, 0, 0],
    "form.voters.dpkUsed": [0, 0, 0],
    "form.voters.used": [vm, voters - vm, voters],
    "form.ballots.received": [received],
    "form.ballots.used": [voters],
    "form.ballots.damaged": [2],
    "form.ballots.unused": [received - voters - 2],
    "form.disabled": [1, 1, 2],
    ...Object.fromEntries(votes.map((n, i) => [`form.votes.${i + 1}`, [n]])),
    "form.valid": [valid],
    "form.invalid": [invalid],
    "form.total": [valid + invalid],
  } as Record<string, number[]>;
}

async function fillRows(page: Page, rows: Record<string, number[]>) {
  for (const [row, numbers] of Object.entries(rows)) {
    const boxes = numbers.length === 3 ? ["m", "f", "total"].map((c) => `${row}.${c}`) : [row];
    for (const [i, name] of boxes.entries()) await page.locator(`input[name="${name}"]`).fill(String(numbers[i]));
  }
}

test("an officer sends both quick entries, completes the C.Hasil with a photo offline, and the posko sees it", async ({
  phone,
  login,
  deskOf,
}) => {
  const tps = "1673071001-001";
  const { context, page } = await phone(PHONE);
  await login(page, tps);
  await expect(page.getByRole("heading", { name: `TPS ${tps}` })).toBeVisible();

  // Exactly the ballots this TPS votes in: the governor's (province 16) and the mayor's (city 16.73).
  const ballots = page.locator(".contest-list > li");
  await expect(ballots).toHaveCount(2);
  await expect(page.getByTestId("contest-gubernur")).toContainText("Gubernur dan Wakil Gubernur");
  await expect(page.getByTestId("contest-walikota")).toContainText("Wali Kota dan Wakil Wali Kota");
  const dpt = Number(await page.locator(".facts dd").first().innerText());
  const voters = Math.round(dpt * 0.6);
  const gubernur = [Math.round(voters * 0.55), 0, 3];
  gubernur[1] = voters - gubernur[0] - gubernur[2];
  const walikota = [Math.round(voters * 0.4), Math.round(voters * 0.3), 0, 4];
  walikota[2] = voters - walikota[0] - walikota[1] - walikota[3];
  await shot(page, "officer-home", true);

  // The quick entry: open, type, send; both ballots well inside a minute.
  const started = Date.now();
  await page.getByTestId("contest-gubernur").getByRole("link", { name: "Isi hasil" }).click();
  await expect(page.getByLabel(/No\. 1/)).toBeFocused();
  await expect(page.getByTestId("c1-photos")).toBeVisible(); // the script runs: Enter moves on, not sends
  await page.keyboard.type(String(gubernur[0]));
  await page.keyboard.press("Enter");
  await expect(page.getByLabel(/No\. 2/)).toBeFocused();
  await page.keyboard.type(String(gubernur[1]));
  await page.getByLabel("Suara tidak sah").fill(String(gubernur[2]));
  await shot(page, "quick-entry");
  await page.getByRole("button", { name: "Kirim hasil" }).click();
  await expect(page).toHaveURL(/\/officer$/);
  await page.getByTestId("contest-walikota").getByRole("link", { name: "Isi hasil" }).click();
  for (const [i, n] of walikota.slice(0, 3).entries())
    await page.getByLabel(new RegExp(`No\\. ${i + 1}`)).fill(String(n));
  await page.getByLabel("Suara tidak sah").fill(String(walikota[3]));
  await page.getByRole("button", { name: "Kirim hasil" }).click();
  await expect(page).toHaveURL(/\/officer$/);
  await expect(page.getByTestId("outbox-empty")).toBeVisible();
  expect(Date.now() - started).toBeLessThan(60_000);
  await page.reload();
  await expect(page.getByTestId("status-gubernur")).toHaveText("Terkirim");
  await expect(page.getByTestId("completeness-gubernur")).toContainText("Hitung cepat");
  await expect(page.getByTestId("completeness-gubernur")).toContainText("Foto C.Hasil belum ada");

  // The complete form opens with section IV and V.B from the quick entry; then the network goes.
  await swInControl(page, { screens: ["/officer", "/officer/c-hasil/gubernur"] });
  await page.getByTestId("contest-gubernur").getByRole("link", { name: "Lengkapi C.Hasil" }).click();
  await expect(page.locator('input[name="form.votes.1"]')).toHaveValue(String(gubernur[0]));
  await expect(page.locator('input[name="form.invalid"]')).toHaveValue(String(gubernur[2]));
  await expect(page.locator('input[name="form.voters.dpt.m"]')).toBeFocused();
  await context.setOffline(true);

  // The official form says ten ballots more than DPT + 2%: the arithmetic holds, the count does not.
  const boxes = completeBoxes({ dpt, voters, votes: gubernur.slice(0, 2), invalid: gubernur[2] });
  boxes["form.ballots.received"][0] += 10;
  boxes["form.ballots.unused"][0] += 10;
  await fillRows(page, boxes);
  const received = page.getByTestId("row-form.ballots.received");
  await expect(received.locator(".issue.tier-inconsistent")).toContainText("Tidak cocok");
  await expect(page.getByTestId("tier-summary")).toContainText("1 angka tidak cocok");
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, "complete-form-top");
  await received.scrollIntoViewIfNeeded();
  await shot(page, "complete-form-tidak-cocok");
  await page.getByTestId("section-IV").scrollIntoViewIfNeeded();
  await shot(page, "complete-form-section-iv");

  // Sending without the confirmation is refused on the phone; with it, the form goes to the outbox.
  await page.getByTestId("c1-photos").setInputFiles("public/icons/icon-192.png");
  await page.getByRole("button", { name: "Kirim C.Hasil lengkap" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Centang konfirmasi" })).toBeVisible();
  await expect(page).toHaveURL(/\/officer\/c-hasil\/gubernur$/);
  await page.getByLabel(/Angka ini sesuai yang tertulis di C\.Hasil/).check();
  await shot(page, "complete-form-confirmed");
  await page.getByRole("button", { name: "Kirim C.Hasil lengkap" }).click();
  await expect(page).toHaveURL(/\/officer$/);
  const pending = (kind: string) => page.locator(`[data-testid="outbox-item-${kind}"][data-state="pending"]`);
  await expect(pending("quick-count")).toContainText("C.Hasil Gubernur dan Wakil Gubernur");
  await expect(pending("photo")).toHaveCount(1);
  await page.reload();
  await expect(pending("quick-count")).toHaveCount(1);

  await context.setOffline(false);
  await expect(page.getByTestId("outbox-empty")).toBeVisible({ timeout: 20_000 });
  await page.reload();
  await expect(page.getByTestId("status-gubernur")).toHaveText("Ditandai");
  await expect(page.getByTestId("completeness-gubernur")).toContainText("C.Hasil lengkap");
  await expect(page.getByTestId("completeness-gubernur")).toContainText("1 foto");
  await expect(page.getByTestId("completeness-walikota")).toContainText("Hitung cepat");
  await shot(page, "officer-home-after", true);

  // The command post: in the verification queue (flagged), complete, the discrepancy marked on the form.
  const posko = await deskOf("posko");
  await posko.goto("/posko/verifikasi");
  await posko.getByTestId(`review-${tps}-gubernur`).getByRole("link").click();
  await expect(posko.getByTestId("review-completeness")).toHaveText("C.Hasil lengkap");
  const view = posko.getByTestId("c1-form-view");
  await expect(view.locator("td.tier-inconsistent")).toHaveCount(1);
  await expect(view).toContainText("seharusnya DPT + cadangan 2%");
  await posko.setViewportSize({ width: 1366, height: 768 });
  await view.scrollIntoViewIfNeeded();
  await shot(posko, "posko-review-complete");
});

test("a consistent complete form needs no confirmation, and a missing box blocks it", async ({ phone, login }) => {
  const tps = "1673071001-002";
  const { page } = await phone(PHONE);
  await login(page, tps);
  const dpt = Number(await page.locator(".facts dd").first().innerText());
  const voters = Math.round(dpt * 0.5);
  const votes = [Math.round(voters * 0.3), Math.round(voters * 0.3), 0];
  votes[2] = voters - votes[0] - votes[1] - 5;
  await page.goto("/officer/c-hasil/walikota");
  const boxes = completeBoxes({ dpt, voters, votes, invalid: 5 });
  await fillRows(page, boxes);
  await expect(page.getByTestId("tier-summary")).toHaveText("Semua angka cocok.");
  await expect(page.getByLabel(/Angka ini sesuai/)).toHaveCount(0);

  // Clearing a box is an error on its row (red), and sending is refused until it is filled again.
  await page.locator('input[name="form.disabled.total"]').fill("");
  await page.getByRole("button", { name: "Kirim C.Hasil lengkap" }).click();
  await expect(page.getByTestId("row-form.disabled").locator(".issue.tier-invalid")).toContainText("Wajib diisi");
  await expect(page).toHaveURL(/\/officer\/c-hasil\/walikota$/);
  // Nothing is lost on reload: the draft comes back.
  await page.reload();
  await expect(page.locator('input[name="form.votes.1"]')).toHaveValue(String(votes[0]));
  await page.locator('input[name="form.disabled.total"]').fill("2");
  await page.getByRole("button", { name: "Kirim C.Hasil lengkap" }).click();
  await expect(page).toHaveURL(/\/officer$/);
  await expect(page.getByTestId("outbox-empty")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("status-walikota")).toHaveText("Terkirim");
  await expect(page.getByTestId("completeness-walikota")).toContainText("C.Hasil lengkap");
});

test("the printable C.Hasil: every ballot of the TPS, sections I-V box for box, regions with their kind", async ({
  phone,
  login,
  page,
}) => {
  const tps = "1673071001-003";
  const { page: officer } = await phone(PHONE);
  await login(officer, tps);
  await officer.goto("/officer/paper");
  const sheets = officer.getByTestId("paper-sheet-c1");
  await expect(sheets).toHaveCount(2);
  const gubernur = sheets.filter({ hasText: "Gubernur dan Wakil Gubernur" });
  for (const text of ["I. Data pemilih", "II. Data penggunaan surat suara", "III. Data pemilih disabilitas"])
    await expect(gubernur).toContainText(text);
  await expect(gubernur).toContainText("IV. Data perolehan suara");
  await expect(gubernur).toContainText("C. Jumlah seluruh suara sah dan tidak sah (A + B)");
  await expect(gubernur.getByTestId("paper-kelurahan").first()).toHaveText(/^Kel\. /);
  await expect(gubernur.getByTestId("paper-tps-code")).toHaveText([`TPS ${tps}`, `TPS ${tps}`]);
  await expect(gubernur.getByTestId("paper-qr").first().locator("svg path").first()).toBeAttached();
  await shot(officer, "paper-form");

  // Printed on A4 in the command post (landscape never): the PDF is the printed form.
  await login(page, "posko");
  await page.goto(`/paper/kelurahan/16.73.07.1001`);
  await expect(page.getByTestId("paper-sheet-c1").first()).toBeVisible();
  await expect(page.getByTestId("paper-sheet-c1")).toHaveCount(
    2 * (await page.getByTestId("paper-sheet-incident").count()),
  );
  if (process.env.PANTAU_SHOTS) {
    await officer.emulateMedia({ media: "print" });
    await officer.pdf({ path: join(process.env.PANTAU_SHOTS, "paper-form.pdf"), format: "A4", printBackground: true });
  }
});

test("the posko keys the complete C.Hasil in the paper's order, twice and blind, and it is consolidated complete", async ({
  deskOf,
}) => {
  const tps = "1673071002-001";
  const first = await deskOf("posko");
  await first.setViewportSize({ width: 1366, height: 768 });
  await first.goto(`/posko/entri?tps=${tps}&contest=walikota&mode=complete`);
  await expect(first.getByTestId("entry-mode").getByRole("link", { name: "C.Hasil lengkap" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  const dpt = Number(await first.getByTestId("entry-dpt").getAttribute("data-dpt"));
  expect(dpt).toBeGreaterThan(0);
  const voters = Math.round(dpt * 0.7);
  const votes = [Math.round(voters * 0.5), Math.round(voters * 0.2), 0];
  votes[2] = voters - votes[0] - votes[1] - 6;
  const boxes = completeBoxes({ dpt, voters, votes, invalid: 6 });
  // Typed as the paper reads, top to bottom: Enter moves to the next box.
  const key = async (page: Page) => {
    await expect(page.locator("form.c1-complete[data-hydrated]")).toBeAttached();
    await page.locator('input[name="form.voters.dpt.m"]').focus();
    for (const [i, n] of Object.values(boxes).flat().entries()) {
      if (i > 0) await page.keyboard.press("Enter");
      await page.keyboard.type(String(n));
    }
  };
  await key(first);
  await expect(first.getByTestId("tier-summary")).toHaveText("Semua angka cocok.");
  await first.evaluate(() => window.scrollTo(0, 0));
  await shot(first, "posko-entry-complete-top");
  await first.getByTestId("section-IV").scrollIntoViewIfNeeded();
  await shot(first, "posko-entry-complete");
  await first.getByRole("button", { name: "Simpan entri" }).click();
  await expect(first.getByTestId("entry-result")).toContainText("Menunggu entri kedua");

  // The second operator sees neither number nor choice: the kind is fixed to the first keying's.
  const second = await deskOf("posko2");
  await second.goto(`/posko/entri?tps=${tps}&contest=walikota&mode=quick`);
  await expect(second.getByTestId("entry-mode").getByRole("link")).toHaveText(["C.Hasil lengkap"]);
  await expect(second.locator('input[name="form.votes.1"]')).toHaveValue("");
  await key(second);
  await second.getByRole("button", { name: "Simpan entri" }).click();
  await expect(second.getByTestId("entry-result")).toContainText("Kedua entri sama");

  await second.goto(`/posko/verifikasi/${tps}/walikota`);
  await expect(second.getByTestId("review-completeness")).toHaveText("C.Hasil lengkap");
  await expect(second.getByTestId("c1-form-view")).toContainText(String(votes[0]));
});

test("a complete form the server refuses after reconnecting comes back whole, is fixed and sent", async ({
  phone,
  login,
  apiAs,
}) => {
  const tps = "1673071003-001";
  const { context, page } = await phone(PHONE);
  await login(page, tps);
  const dpt = Number(await page.locator(".facts dd").first().innerText());
  await swInControl(page, { screens: ["/officer", "/officer/c-hasil/gubernur"] });
  await page.goto("/officer/c-hasil/gubernur");
  await expect(page.locator("form.c1-complete[data-hydrated]")).toBeAttached();
  await context.setOffline(true);
  const voters = Math.round(dpt * 0.5);
  await fillRows(page, completeBoxes({ dpt, voters, votes: [voters - 60, 56], invalid: 4 }));
  await expect(page.getByTestId("sum-iv")).toHaveText(`Jumlah bagian IV: ${voters - 4}`);
  await page.getByRole("button", { name: "Kirim C.Hasil lengkap" }).click();
  await expect(page).toHaveURL(/\/officer$/);

  // Meanwhile the command post keys a phone report with quite different numbers.
  const posko = await apiAs("posko");
  const keyed = await posko.post("/api/v1/quick-counts", {
    id: crypto.randomUUID(),
    tpsCode: tps,
    contest: "gubernur",
    votes: { 1: 20, 2: 20 },
    invalid: 1,
    justification: "Laporan telepon saksi, belum lengkap",
    capturedAt: new Date().toISOString(),
  });
  expect(keyed.status()).toBe(201);

  // Back online: the server wants a reason for the large change; the form comes back with every box.
  await context.setOffline(false);
  const refused = page.getByTestId("outbox-item-quick-count");
  await expect(refused).toHaveAttribute("data-state", "rejected");
  await refused.getByRole("link", { name: "Perbaiki" }).click();
  await expect(page).toHaveURL(/\/officer\/c-hasil\/gubernur\?fix=/);
  await expect(page.locator('input[name="form.votes.2"]')).toHaveValue("56");
  await expect(page.locator('input[name="form.voters.dpt.total"]')).toHaveValue(String(dpt));
  await expect(page.getByTestId("tier-summary")).toContainText("angka tidak biasa");
  await page.getByLabel(/Alasan angka tidak biasa/).fill("Posko salah ketik, C.Hasil asli seperti ini");
  await page.getByRole("button", { name: "Kirim C.Hasil lengkap" }).click();
  await expect(page).toHaveURL(/\/officer$/);
  await expect(page.getByTestId("outbox-empty")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("status-gubernur")).toHaveText("Ditandai");
  await expect(page.getByTestId("completeness-gubernur")).toContainText("C.Hasil lengkap");
});
