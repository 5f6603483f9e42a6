// The report as the phone composes it without signal: the last fetched day with the outbox's waiting items
// laid over it, marked pending; only the officer's own items that were not refused count.
import { describe, expect, it } from "vitest";
import type { ChecklistPhase } from "./checklists";
import { newItem, type OutboxItem } from "./outbox";
import { composeReport, withPending, type ReportDay } from "./supervision-report";

const phases: ChecklistPhase[] = [
  {
    phase: "pembukaan",
    due: "07:00",
    items: [
      {
        code: "on_time",
        kind: "yesno",
        id: "Dibuka tepat waktu",
        en: "Opened on time",
        problem: { id: "Terlambat", en: "Late" },
      },
      { code: "witnesses", kind: "number", id: "Saksi hadir", en: "Witnesses present" },
    ],
  } as ChecklistPhase,
];

const day: ReportDay = {
  tps: {
    code: "1673021006-001",
    address: "Jl. Bukit Makmur",
    kelurahan: { code: "16.73.02.1006", name: "Bukit Makmur", kind: "kelurahan" },
    kecamatan: { code: "16.73.02", name: "Lubuklinggau Barat II" },
    city: { code: "16.73", name: "Lubuklinggau", kind: "kota" },
    dpt: 300,
    dptb: 2,
    dpk: 1,
  },
  officer: { name: "Siti", login: "1673021006-001" },
  checkin: null,
  phases,
  answers: [],
  categories: [{ code: "logistics", id: "Logistik", en: "Logistics" }],
  incidents: [],
  results: [
    {
      contest: "gubernur",
      contestName: "Gubernur",
      status: "submitted",
      completeness: "quick",
      revision: 1,
      source: "app",
      receivedAt: "2026-11-27T07:10:00.000Z",
      votes: { "1": 10, "2": 20 },
      invalid: 1,
      choices: [
        { number: 1, name: "A" },
        { number: 2, name: "B" },
      ],
      warnings: [{ field: "votes", code: "turnout_low", tier: "unusual", message: "Partisipasi di bawah 20%." }],
      photos: [],
    },
  ],
};

const item = (
  kind: OutboxItem["kind"],
  body: unknown,
  account: number | null = 7,
  state: OutboxItem["state"] = "pending",
) => ({
  ...newItem({ id: crypto.randomUUID(), kind, url: "/x", label: "Gubernur", tps: day.tps.code, account }, 1),
  body,
  state,
});

describe("the report composed on the phone", () => {
  it("lays the waiting check-in, checklist, incident and quick count over the day, marked pending", () => {
    const items = [
      item("checkin", { capturedAt: "2026-11-27T00:40:00.000Z", note: "Di balai RT" }),
      item("checklist", {
        phase: "pembukaan",
        capturedAt: "2026-11-27T00:30:00.000Z",
        answers: [
          { item: "on_time", ok: false, note: "Telat 15 menit" },
          { item: "witnesses", number: 3 },
        ],
      }),
      item("incident", {
        id: "11111111-1111-4111-8111-111111111111",
        category: "logistics",
        severity: "high",
        description: "Kotak suara rusak",
        occurredAt: "2026-11-27T01:00:00.000Z",
      }),
      item("quick-count", {
        contest: "gubernur",
        votes: { "1": 50, "2": 40 },
        invalid: 2,
        capturedAt: "2026-11-27T07:00:00.000Z",
      }),
      // Another account's item and a refused one are not the officer's day.
      item("incident", { id: "x", category: "logistics", description: "bukan milik saya" }, 8),
      item("incident", { id: "y", category: "logistics", description: "ditolak" }, 7, "rejected"),
    ];
    const report = composeReport(withPending(day, items, 7));
    expect(report.supervised.checkin).toMatchObject({ note: "Di balai RT", pending: true });
    expect(report.supervised.phases[0]).toMatchObject({ phase: "pembukaan", pending: true });
    expect(report.supervised.phases[0].items.map((i) => i.answer)).toEqual(["no", "3"]);
    expect(report.found.checklistProblems).toEqual([
      {
        phase: "pembukaan",
        label: { id: "Dibuka tepat waktu", en: "Opened on time" },
        note: "Telat 15 menit",
        counted: true,
      },
    ]);
    expect(report.found.incidents).toEqual([
      expect.objectContaining({
        description: "Kotak suara rusak",
        status: "new",
        pending: true,
        category: { id: "Logistik", en: "Logistics" },
      }),
    ]);
    expect(report.results).toEqual([
      expect.objectContaining({ contest: "gubernur", pending: true, valid: 90, invalid: 2, revision: 2 }),
    ]);
    // What the rules found on the form stays listed.
    expect(report.found.inconsistencies).toEqual([expect.objectContaining({ code: "turnout_low", tier: "unusual" })]);
  });

  it("without waiting items is the day as fetched", () => {
    const report = composeReport(withPending(day, [], 7));
    expect(report.supervised.checkin).toBeNull();
    expect(report.supervised.phases[0].answeredAt).toBeNull();
    expect(report.results[0]).toMatchObject({ valid: 30, pending: false });
    expect(report.found.incidents).toEqual([]);
    expect(report.done.actions).toEqual([]);
  });
});
