// The TPS supervision report (Form A) in real Chromium against the production build: an officer with a full
// day reviews the report on the phone without signal, adds a note, and it is sent once the signal is back;
// the command post opens it from the TPS panel, prints it (A4, one page per section), finds it again in the
// archive and downloads the kelurahan's reports as one PDF. Kelurahan 16.73.02.1006 only (shared database).
import { randomUUID } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { APIRequestContext } from "@playwright/test";
import { join } from "node:path";
import { expect, shot, test, type ApiSession } from "./fixtures";
import { officerOnPhone, outboxItem } from "./support/officer-phone";
import { openTpsPanel } from "./support/posko";

const KELURAHAN = "16.73.02.1006";
const TPS = "1673021006-001";
const at = (hh: string) => new Date(`2026-11-27T${hh}:00+07:00`).toISOString();

/** The officer's day over the API: check-in, every phase's checklist, an incident the posko handles, a result
 *  with its C.Hasil photo. */
async function fullDay(officer: ApiSession, posko: ApiSession, request: APIRequestContext) {
  const ok = async (res: Awaited<ReturnType<ApiSession["post"]>>) => {
    expect(res.status(), await res.text()).toBeLessThan(300);
    return res.json();
  };
  await ok(
    await officer.post("/api/v1/checkins", {
      id: randomUUID(),
      tpsCode: TPS,
      lat: null,
      lng: null,
      note: "Di halaman SD 12",
      capturedAt: at("06:45"),
    }),
  );
  const detail = await ok(await posko.get(`/api/v1/tps/${TPS}`));
  for (const phase of detail.checklists as { phase: string; items: { code: string; kind: string }[] }[]) {
    const answers = phase.items.map((item, i) =>
      item.kind === "yesno"
        ? {
            item: item.code,
            ok: !(phase.phase === "pembukaan" && i === 0),
            ...(i === 0 ? { note: "Terlambat 20 menit" } : {}),
          }
        : item.kind === "number"
          ? { item: item.code, number: 7 }
          : { item: item.code, text: "Tertib" },
    );
    await ok(
      await officer.post("/api/v1/checklists", {
        id: randomUUID(),
        tpsCode: TPS,
        phase: phase.phase,
        answers,
        capturedAt: at("07:30"),
      }),
    );
  }
  const incident = randomUUID();
  await ok(
    await officer.post("/api/v1/incidents", {
      id: incident,
      tpsCode: TPS,
      category: "logistics",
      severity: "medium",
      description: "Surat suara kurang 15 lembar.",
      lat: -3.29,
      lng: 102.86,
      occurredAt: at("08:05"),
    }),
  );
  await ok(
    await posko.post(`/api/v1/incidents/${incident}/transitions`, { action: "acknowledge", note: "Dicek ke PPS" }),
  );
  await ok(
    await posko.post(`/api/v1/incidents/${incident}/transitions`, {
      action: "resolve",
      note: "Tambahan surat suara tiba",
    }),
  );
  const qc = await ok(
    await officer.post("/api/v1/quick-counts", {
      id: randomUUID(),
      tpsCode: TPS,
      contest: "gubernur",
      votes: { "1": 130, "2": 110 },
      invalid: 6,
      capturedAt: at("14:20"),
      justification: "Sesuai formulir C.Hasil.",
    }),
  );
  const photo = await request.post("/api/v1/photos", {
    headers: { Authorization: `Bearer ${officer.token}` },
    multipart: {
      id: randomUUID(),
      purpose: "c1",
      tpsCode: TPS,
      contest: "gubernur",
      quickCountId: qc.id,
      photo: { name: "c-hasil.png", mimeType: "image/png", buffer: readFileSync("public/icons/icon-192.png") },
    },
  });
  expect(photo.status(), await photo.text()).toBe(201);
}

test("the officer reviews the report offline, adds a note and sends it; the posko prints it and finds it in the archive", async ({
  phone,
  login,
  apiAs,
  deskOf,
  request,
}) => {
  test.setTimeout(120_000);
  await fullDay(await apiAs(TPS), await apiAs("posko"), request);

  // The phone: the report screen is kept for offline use like the other officer screens.
  const { context, page: officer } = await officerOnPhone(
    { phone, login },
    TPS,
    { viewport: { width: 360, height: 740 } },
    {
      screens: ["/officer", "/officer/laporan"],
    },
  );
  await context.setOffline(true);
  await officer.goto("/officer/laporan");
  await expect(officer.getByRole("heading", { name: "Laporan hasil pengawasan (Form A)" })).toBeVisible();
  await expect(officer.getByText("Tanpa sinyal")).toBeVisible();
  await expect(officer.getByTestId("forma-identity")).toContainText(TPS);
  await expect(officer.getByTestId("forma-supervised")).toContainText("Di halaman SD 12");
  await expect(officer.getByTestId("forma-found")).toContainText("Surat suara kurang 15 lembar.");
  await expect(officer.getByTestId("forma-found")).toContainText("Terlambat 20 menit");
  await expect(officer.getByTestId("forma-done")).toContainText("Tambahan surat suara tiba");
  await expect(officer.getByTestId("forma-results")).toContainText("130");
  await shot(officer, "forma-officer-review", true);

  await officer.getByTestId("forma-note-found").fill("Saksi paslon 1 meninggalkan TPS pukul 11.00.");
  await shot(officer, "forma-officer-note");
  await officer.getByTestId("forma-submit").click();
  await expect(officer.getByTestId("forma-state")).toContainText("dikirim begitu ada sinyal");
  await expect(outboxItem(officer, "supervision-report")).toHaveAttribute("data-state", "pending");
  await shot(officer, "forma-officer-queued");

  await context.setOffline(false);
  await expect(officer.getByTestId("forma-state")).toContainText("versi 1", { timeout: 20_000 });
  await shot(officer, "forma-officer-sent");
  await context.close();

  // The posko opens it from the TPS panel and prints it.
  const posko = await deskOf("posko");
  await posko.setViewportSize({ width: 1366, height: 768 });
  const panel = await openTpsPanel(posko, KELURAHAN, TPS);
  await panel.getByTestId("tps-detail-report").click();
  await expect(posko).toHaveURL(new RegExp(`/laporan/${TPS}$`));
  await expect(posko.getByTestId("forma-paper-state")).toContainText("Versi 1");
  await expect(posko.getByTestId("forma-found")).toContainText("Saksi paslon 1 meninggalkan TPS pukul 11.00.");
  await shot(posko, "forma-posko-paper");
  const dir = process.env.PANTAU_SHOTS;
  await posko.emulateMedia({ media: "print" });
  const printed = await posko.pdf({ format: "A4", preferCSSPageSize: true });
  await posko.emulateMedia({ media: "screen" });
  if (dir) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "forma-printed.pdf"), printed);
  }
  const tmp = join(process.env.TMPDIR ?? "/tmp", `forma-printed-${process.pid}.pdf`);
  writeFileSync(tmp, printed);
  const info = execFileSync("pdfinfo", [tmp]).toString();
  // One A4 page per section at least, page numbers in the footer.
  expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(5);
  expect(info).toMatch(/Page size:.*\(A4\)/);
  const text = execFileSync("pdftotext", [tmp, "-"]).toString();
  expect(text).toContain("Halaman 1 dari");
  expect(text).toContain("V. Hasil penghitungan suara");
  expect(text).toContain("Pengawas TPS");

  await posko.getByTestId("forma-accept").click();
  await expect(posko.getByTestId("forma-paper-state")).toContainText("Diterima posko");

  // The archive: the kelurahan's reports, then all of them as one PDF.
  await posko.goto(`/arsip?wilayah=${KELURAHAN}`);
  const row = posko.getByTestId("archive-report").filter({ hasText: TPS });
  await expect(row).toHaveCount(1);
  await expect(posko.getByTestId("archive-photo").first()).toBeVisible();
  await shot(posko, "forma-archive");
  const download = posko.waitForEvent("download");
  await posko.getByTestId("archive-pdf").click();
  const file = await download;
  const saved = join(process.env.TMPDIR ?? "/tmp", `forma-kelurahan-${process.pid}.pdf`);
  await file.saveAs(saved);
  if (dir) await file.saveAs(join(dir, "forma-kelurahan.pdf"));
  const pdfText = execFileSync("pdftotext", [saved, "-"]).toString();
  expect(pdfText).toContain(`TPS ${TPS}`);
  expect(pdfText).toContain("Saksi paslon 1 meninggalkan TPS pukul 11.00.");
  await row.getByRole("link").click();
  await expect(posko).toHaveURL(new RegExp(`/laporan/${TPS}$`));
});
