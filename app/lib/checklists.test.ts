import { describe, expect, it } from "vitest";
import {
  ChecklistConfig,
  checklistPhases,
  checklistSchedule,
  DEFAULT_CHECKLISTS,
  itemsFromRows,
  itemsToRows,
  summariseChecklists,
} from "./checklists";
import { SETTINGS } from "./settings";

const wib = (hhmm: string) => new Date(`2026-11-22T${hhmm}:00+07:00`);
const phases = DEFAULT_CHECKLISTS.phases;

describe("the checklists' configuration", () => {
  it("the defaults are a valid setting with every phase of the day", () => {
    expect(SETTINGS.checklist.safeParse(DEFAULT_CHECKLISTS).success).toBe(true);
    expect(phases.map((p) => p.phase)).toEqual([
      "persiapan",
      "pembukaan",
      "pemungutan",
      "jam_dpk",
      "penutupan",
      "penghitungan",
      "penyerahan",
    ]);
    expect(phases.find((p) => p.phase === "jam_dpk")?.due).toBe("12:00");
  });

  it("refuses a bad time, a duplicate item, a problem on a number item and an unknown kind", () => {
    const opening = phases[1];
    const bad = (phase: unknown) => ChecklistConfig.safeParse({ phases: [phase] }).success;
    expect(bad({ ...opening, due: "25:00" })).toBe(false);
    expect(bad({ ...opening, items: [opening.items[0], opening.items[0]] })).toBe(false);
    expect(
      bad({
        ...opening,
        items: [{ code: "n", kind: "number", id: "Angka", en: "Number", problem: { id: "x", en: "y" } }],
      }),
    ).toBe(false);
    expect(bad({ ...opening, items: [{ code: "n", kind: "photo", id: "A", en: "B", problem: null }] })).toBe(false);
    expect(ChecklistConfig.safeParse({ phases: [opening, opening] }).success).toBe(false);
    expect(bad(opening)).toBe(true);
  });

  it("reads a list saved before phases as the opening phase's items", () => {
    const legacy = [{ id: "ballot_box", text: "Kotak suara tersegel" }];
    const read = checklistPhases(SETTINGS.checklist.parse(legacy));
    expect(read.find((p) => p.phase === "pembukaan")?.items).toEqual([
      { code: "ballot_box", kind: "yesno", id: "Kotak suara tersegel", en: "Kotak suara tersegel", problem: null },
    ]);
    expect(SETTINGS.checklist.safeParse([{ id: "Bad Code", text: "x" }]).success).toBe(false);
    expect(read).toHaveLength(7);
  });

  it("the admin's lines round-trip, with Indonesian kind words", () => {
    const items = phases[2].items;
    expect(ChecklistConfig.parse({ phases: [{ ...phases[2], items: itemsFromRows(itemsToRows(items)) }] })).toEqual({
      phases: [phases[2]],
    });
    expect(itemsFromRows([["dpk", "angka", "Pemilih DPK", "DPK voters"]])[0]).toMatchObject({
      kind: "number",
      problem: null,
    });
  });
});

describe("which phase is due", () => {
  const none = new Set<string>();
  it("before the first phase only the next one, with the minutes until it", () => {
    expect(checklistSchedule(phases, wib("05:30"), none)).toEqual({
      current: null,
      next: { phase: "persiapan", due: "06:00", minutes: 30, answered: false },
      missed: [],
    });
  });

  it("at 07:25 the opening is 25 minutes overdue and the preparation was missed", () => {
    const s = checklistSchedule(phases, wib("07:25"), none);
    expect(s.current).toEqual({ phase: "pembukaan", due: "07:00", minutes: 25, answered: false });
    expect(s.next).toMatchObject({ phase: "pemungutan", minutes: 155 });
    expect(s.missed).toEqual(["persiapan"]);
    expect(checklistSchedule(phases, wib("07:25"), new Set(["persiapan", "pembukaan"]))).toMatchObject({
      current: { answered: true },
      missed: [],
    });
  });

  it("on the election's clock, whatever the phone's zone; a phase without items is not asked", () => {
    expect(checklistSchedule(phases, new Date("2026-11-22T05:00:00Z"), none).current?.phase).toBe("jam_dpk");
    const withoutDpk = phases.map((p) => (p.phase === "jam_dpk" ? { ...p, items: [] } : p));
    expect(checklistSchedule(withoutDpk, wib("12:30"), none).current?.phase).toBe("pemungutan");
    expect(checklistSchedule(phases, wib("23:00"), none).next).toBeNull();
  });
});

describe("the summary of an area", () => {
  it("counts the TPS per phase and per problem item, largest first; a 'no' not marked a problem is left out", () => {
    const summary = summariseChecklists(phases, {
      answered: [{ phase: "pembukaan", tps: 15 }],
      flagged: [
        { phase: "pembukaan", itemCode: "on_time", tps: 12 },
        { phase: "pembukaan", itemCode: "booth", tps: 3 },
        { phase: "pembukaan", itemCode: "dpt_posted", tps: 4 },
      ],
    });
    const opening = summary.find((p) => p.phase === "pembukaan")!;
    expect(opening.answered).toBe(15);
    expect(opening.problems.slice(0, 2)).toEqual([
      { item: "on_time", problem: { id: "buka terlambat", en: "opened late" }, tps: 12 },
      { item: "booth", problem: { id: "logistik kurang", en: "logistics short" }, tps: 3 },
    ]);
    expect(opening.problems.some((p) => p.item === "dpt_posted")).toBe(false);
    expect(summary.find((p) => p.phase === "persiapan")?.answered).toBe(0);
  });
});
