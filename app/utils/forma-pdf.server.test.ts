// The area PDF's bound: a kecamatan of 100 TPS, each with the longest notes (one a single unbroken "word"),
// is laid out whole, a page per section at least, and stays small enough to download on a posko's link.
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { checklistPhases } from "~/lib/checklists";
import { DEFAULT_SETTINGS } from "~/lib/settings";
import { composeReport, MAX_NOTE_CHARS, REPORT_SECTIONS, type ReportDay } from "~/lib/supervision-report";
import { pdfSafe, reportsPdf } from "./forma-pdf.server";

const at = "2026-11-27T01:00:00.000Z";
const phases = checklistPhases(DEFAULT_SETTINGS.checklist);
const day: ReportDay = {
  tps: {
    code: "1673021006-001",
    address: "Jl. Bukit Makmur No. 103",
    kelurahan: { code: "16.73.02.1006", name: "Bukit Makmur", kind: "kelurahan" },
    kecamatan: { code: "16.73.02", name: "Lubuklinggau Barat II" },
    city: { code: "16.73", name: "Lubuklinggau", kind: "kota" },
    dpt: 365,
    dptb: 3,
    dpk: 0,
  },
  officer: { name: "Petugas", login: "1673021006-001" },
  checkin: { at, distanceM: 12, note: "Di halaman SD 12" },
  phases,
  answers: phases.flatMap((p) =>
    p.items.map((i) => ({ phase: p.phase, item: i.code, ok: true, number: null, text: null, note: null, at })),
  ),
  categories: [{ code: "logistics", id: "Logistik", en: "Logistics" }],
  incidents: [
    {
      id: "i1",
      category: "logistics",
      severity: "high",
      status: "resolved",
      description: "Surat suara kurang 15 lembar — dicek ke PPS → tambahan tiba.",
      occurredAt: at,
      steps: [{ action: "resolve", toStatus: "resolved", at, note: "Selesai", actor: "Operator" }],
    },
  ],
  results: [],
};

describe("the area PDF", () => {
  it(
    "holds 100 TPS with the longest notes, a page per section each, within a few megabytes",
    { timeout: 60_000 },
    async () => {
      const content = composeReport(day);
      const notes = Object.fromEntries(
        REPORT_SECTIONS.map((s, i) => [s, (i === 0 ? "x" : "kata ").repeat(MAX_NOTE_CHARS / (i === 0 ? 1 : 5))]),
      );
      const reports = Array.from({ length: 100 }, (_, i) => ({
        tpsCode: `1673021006-${String(i + 1).padStart(3, "0")}`,
        kelurahanCode: "16.73.02.1006",
        version: 1,
        id: `r${i}`,
        notes,
        content,
        submittedBy: "Petugas",
        submittedAt: at,
        acceptedBy: null,
        acceptedAt: null,
      }));
      const pdf = await reportsPdf({
        areaName: "Kec. Lubuklinggau Barat II",
        reports,
        missing: ["1673021006-101"],
        lang: "id",
      });
      expect(pdf.length).toBeLessThan(3 * 1024 * 1024);
      const doc = await PDFDocument.load(pdf);
      expect(doc.getPageCount()).toBeGreaterThanOrEqual(1 + REPORT_SECTIONS.length * 100);
    },
  );

  it("writes only what Helvetica can: dashes and arrows in ASCII, other letters replaced", () => {
    expect(pdfSafe("a — b → c “d” é ✓")).toBe('a - b -> c "d" é ?');
  });
});
