// An operator runs a shift (docs/decisions/036): a critical incident arrives from an officer, its alert survives a
// reload and escalates past the (short, configured) time, operator A claims it and operator B sees who handles
// it, A dispatches it with a note the responder reads on their phone, the responder resolves it with a note the
// posko reads on the card's timeline, and the alert is gone for both operators. Uses only TPS of kelurahan
// 16.73.01.1002 and 16.73.01.1003.
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, shot, test, type ApiSession } from "./fixtures";

const report = async (officer: ApiSession, description: string, tpsCode?: string) => {
  const id = randomUUID();
  const res = await officer.post("/api/v1/incidents", {
    id,
    category: "violence",
    severity: "critical",
    description,
    occurredAt: new Date().toISOString(),
    ...(tpsCode ? { tpsCode } : {}),
  });
  expect(res.status()).toBe(201);
  return id;
};

/** The alert of one incident: in the bar, or in its list once opened (other alerts may be more urgent). */
async function alertOf(page: Page, id: string) {
  const bar = page.getByTestId("critical-alert");
  await expect(bar).toBeVisible();
  const more = bar.locator(".alert-more[aria-expanded=false]");
  if (await more.count()) await more.click();
  return page.getByTestId(`alert-${id}`);
}

async function setEscalation(admin: Page, seconds: number) {
  await admin.goto("/admin/pengaturan");
  const form = admin.getByTestId("settings-incident.alerts");
  await form.locator("input[name=escalateAfterSeconds]").fill(String(seconds));
  await form.getByRole("button", { name: "Simpan" }).click();
  await expect(form).toContainText("Tersimpan.");
}

test("an operator runs a shift: alert, reload, escalation, claim, dispatch note, resolution note", async ({
  page,
  login,
  deskOf,
  phone,
  apiAs,
}) => {
  test.setTimeout(240_000);
  // The drill uses a short escalation time; the admin restores the usual one at the end.
  const admin = await deskOf("admin");
  await setEscalation(admin, 10);

  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, "posko");
  await expect(page.getByTestId("live-status")).toHaveText(/Langsung/);
  // Before any click the browser blocks audio: the toggle tells the truth.
  await expect(page.getByTestId("sound-toggle")).toHaveText(/Suara mati — klik untuk menyalakan/);
  const b = await deskOf("posko2");
  await expect(b.getByTestId("live-status")).toHaveText(/Langsung/);

  const officer = await apiAs("1673011002-001");
  const id = await report(officer, "Massa menghalangi pemilih di TPS 1, petugas diancam.");

  // Both operators see the alert; it is state, so a reload brings it back.
  await expect(await alertOf(page, id)).toContainText("Massa menghalangi pemilih");
  await expect(await alertOf(b, id)).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("live-status")).toHaveText(/Langsung/);
  const alert = await alertOf(page, id);
  await expect(alert).toContainText("Massa menghalangi pemilih");

  // Unanswered past the configured time: stronger style and the words say it.
  await expect(alert).toHaveAttribute("data-escalated", "true", { timeout: 30_000 });
  await expect(alert).toContainText(/TERLAMBAT: belum ditangani \d+ (detik|menit)/);
  await expect(page.getByTestId("critical-alert")).toHaveClass(/escalated/);

  // The operator's first click anywhere (here the feed's heading) is the gesture browsers wait for: the sound,
  // which nobody turned off, is really on now and the toggle says so.
  const toggle = page.getByTestId("sound-toggle");
  await page.locator("#feed-heading").click();
  await expect(toggle).toHaveText(/Suara peringatan aktif/);
  // Turned off, it stays off after a reload and a click elsewhere; turned on again, it says so.
  await toggle.click();
  await expect(toggle).toHaveText(/Suara mati — klik untuk menyalakan/);
  await page.reload();
  await page.locator("#feed-heading").click();
  await expect(toggle).toHaveText(/Suara mati — klik untuk menyalakan/);
  await toggle.click();
  await expect(toggle).toHaveText(/Suara peringatan aktif/);

  // More critical reports arrive: they stack in one bar that keeps the map in view.
  const others = [
    await report(officer, "Kotak suara TPS 1 disegel tidak sesuai prosedur, saksi protes."),
    await report(await apiAs("1673011003-001"), "Listrik padam, penghitungan terhenti."),
    await report(await apiAs("1673011003-002"), "Saksi paslon bertengkar di depan TPS."),
  ];
  const bar = page.getByTestId("critical-alert");
  await expect(bar).toHaveAttribute("data-count", /^[4-9]|\d\d/);
  await shot(page, "incidents-posko-1366-alerts-collapsed");
  const closed = (await bar.boundingBox())!;
  expect(closed.height).toBeLessThanOrEqual(768 * 0.15);
  await bar.locator(".alert-more").click();
  await expect(page.getByTestId("alert-list")).toBeVisible();
  expect((await bar.boundingBox())!.height).toBeLessThanOrEqual(768 * 0.15 + 1);

  // Operator A claims it from the card; the alert clears for both and B sees who handles it.
  const card = page.getByTestId(`incident-${id}`);
  await card.getByTestId("claim-claim").click();
  await expect(card.getByTestId("handled-by")).toHaveText("Ditangani oleh Anda");
  await expect(page.getByTestId(`alert-${id}`)).toHaveCount(0);
  const cardB = b.getByTestId(`incident-${id}`);
  await expect(cardB.getByTestId("handled-by")).toHaveText("Ditangani oleh Operator Posko 1");
  await expect(b.getByTestId(`alert-${id}`)).toHaveCount(0);
  await expect(cardB.getByTestId("claim-take_over")).toBeVisible();

  // Rejecting needs a reason: the form says so before anything is sent.
  await card.getByTestId("action-reject").click();
  await expect(card.getByRole("alert")).toContainText("Tulis catatan: alasannya wajib untuk menolak.");
  await expect(card.getByTestId("incident-status")).toHaveText("Baru");

  // A dispatches with an instruction; the responder's phone shows it.
  const { page: responder } = await phone({ viewport: { width: 360, height: 740 } });
  await login(responder, "tim-2");
  await expect(responder.getByTestId("live-status")).toHaveText(/Langsung/);
  await card.getByPlaceholder("Catatan (wajib untuk Tolak)").fill("Bawa dua personel, temui Ketua KPPS dulu.");
  await card.getByText("Kirim ke tim").click();
  await card.getByLabel("Tim Reaksi Cepat 2").check();
  await card.getByTestId("action-dispatch").click();
  await expect(card.getByTestId("incident-status")).toHaveText("Dikirim tim");

  const task = responder.getByTestId(`incident-${id}`);
  await expect(task.getByTestId("incident-instruction")).toContainText("Bawa dua personel, temui Ketua KPPS dulu.");
  await expect(task.getByTestId("incident-timeline")).toContainText("Dikirim ke Tim Reaksi Cepat 2");
  await task.getByTestId("action-on_scene").click();
  await expect(task.getByTestId("incident-status")).toHaveText("Tim di lokasi");
  await task.getByPlaceholder("Catatan (opsional)").fill("Massa bubar, pemungutan suara berjalan lagi.");
  await task.getByTestId("incident-timeline").scrollIntoViewIfNeeded();
  await shot(responder, "incidents-responder-phone-360");
  await task.getByTestId("action-resolve").click();
  await expect(task.getByTestId("incident-status")).toHaveText("Selesai");
  await expect(task.getByTestId("incident-timeline")).toContainText("Massa bubar, pemungutan suara berjalan lagi.");

  // The posko reads the responder's note on the card's timeline (closed incidents shown on request).
  await page.getByLabel("Tampilkan yang selesai/ditolak").check();
  await expect(card.getByTestId("incident-status")).toHaveText("Selesai");
  const timeline = card.getByTestId("incident-timeline");
  await timeline.locator("summary").click();
  await expect(timeline).toContainText("Massa bubar, pemungutan suara berjalan lagi.");
  await expect(timeline).toContainText("Mulai ditangani");
  await expect(timeline.getByTestId("timeline-step")).toHaveCount(5);
  await expect(timeline.locator("time").first()).toHaveText(/^\d{2}\.\d{2} WIB$/);
  await expect(page.getByTestId(`alert-${id}`)).toHaveCount(0);
  await expect(b.getByTestId(`alert-${id}`)).toHaveCount(0);
  await card.scrollIntoViewIfNeeded();
  await shot(page, "incidents-posko-1366-alerts-and-timeline");

  // B takes over one of the others: the takeover is in its timeline. Then the drill's reports are closed.
  const posko2 = await apiAs("posko2");
  const poskoA = await apiAs("posko");
  expect((await poskoA.post(`/api/v1/incidents/${others[0]}/claim`, { action: "claim" })).status()).toBe(200);
  await b.getByTestId(`incident-${others[0]}`).getByTestId("claim-take_over").click();
  await expect(b.getByTestId(`incident-${others[0]}`).getByTestId("handled-by")).toHaveText("Ditangani oleh Anda");
  const otherTimeline = page.getByTestId(`incident-${others[0]}`).getByTestId("incident-timeline");
  await otherTimeline.locator("summary").click();
  await expect(otherTimeline).toContainText("Diambil alih dari Operator Posko 1");
  for (const other of others) {
    const res = await posko2.post(`/api/v1/incidents/${other}/transitions`, { action: "reject", note: "Latihan" });
    expect(res.status()).toBe(200);
  }
  await expect(
    page.getByTestId("critical-alert").locator(`[data-testid^=alert-]`).filter({ hasText: "Listrik padam" }),
  ).toHaveCount(0);
  await setEscalation(admin, 300);
});
