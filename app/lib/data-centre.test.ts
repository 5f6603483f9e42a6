// The data centre's pure shaping: rows per unit with what was counted at the open area's own level, the cases
// and disputes modules' rows by kind, registration, state and outcome, weeks, the CSV and the activity check.
import { describe, expect, it } from "vitest";
import {
  datasetCsvRows,
  disputesDataset,
  unitOf,
  violationsDataset,
  weekOf,
  weekSpan,
  columnLabel,
} from "./data-centre";
import { isCalendarDate, readActivity } from "./supervision";

const area = { code: "16.73.01", name: "Kec. Barat I" };
const units = [
  { code: "16.73.01.1001", name: "Kel. A" },
  { code: "16.73.01.1002", name: "Kel. B" },
];

describe("shaping", () => {
  it("finds the child a region code lies in, and none for the area itself", () => {
    expect(unitOf("16.73.01.1002", units)?.code).toBe("16.73.01.1002");
    expect(unitOf("16.73.01", units)).toBeNull();
    expect(unitOf("16.73.01.10021", units)).toBeNull();
  });

  it("counts violations per child, kind, registration and outcome, keeping unknown outcomes and other areas out", () => {
    const d = violationsDataset(
      {
        asOf: "2026-12-01T00:00:00Z",
        rows: [
          { regionCode: "16.73.01.1001", kind: "laporan", registered: true, outcome: "ethics", count: 2 },
          { regionCode: "16.73.01.1001", kind: "temuan", registered: false, outcome: null, count: 1 },
          { regionCode: "16.73.01", kind: "laporan", registered: true, outcome: "warning_letter", count: 4 },
          { regionCode: "16.73.02.1001", kind: "laporan", registered: true, outcome: null, count: 9 },
        ],
      },
      { area, units },
    );
    const col = (key: string) => d.columns.findIndex((c) => c.key === key);
    expect(d.rows.map((r) => [r.code, r.self ?? false])).toEqual([
      ["16.73.01.1001", false],
      ["16.73.01.1002", false],
      ["16.73.01", true],
    ]);
    expect(d.rows[0].values[col("total")]).toBe(3);
    expect(d.rows[0].values[col("outcome.ethics")]).toBe(2);
    expect(d.rows[0].values[col("outcome.pending")]).toBe(1);
    expect(d.rows[0].values[col("not_registered")]).toBe(1);
    expect(d.rows[1].values.every((v) => v === 0)).toBe(true);
    expect(d.rows[2].values[col("outcome.warning_letter")]).toBe(4);
    // The row of another kecamatan is not this area's.
    expect(d.total[col("total")]).toBe(7);
    expect(columnLabel(d.columns[col("outcome.warning_letter")], "id")).toBe("outcome.warning_letter");
    expect(columnLabel(d.columns[col("outcome.ethics")], "en")).toBe("Ethics violation (to DKPP)");
  });

  it("counts disputes per state and outcome", () => {
    const d = disputesDataset(
      {
        asOf: "2026-12-01T00:00:00Z",
        rows: [
          { regionCode: "16.73.01.1002", state: "decided", outcome: "rejected", count: 1 },
          { regionCode: "16.73.01.1002", state: "mediation", outcome: null, count: 2 },
        ],
      },
      { area, units },
    );
    const col = (key: string) => d.columns.findIndex((c) => c.key === key);
    expect(d.rows[1].values[col("total")]).toBe(3);
    expect(d.rows[1].values[col("state.mediation")]).toBe(2);
    expect(d.rows[1].values[col("outcome.rejected")]).toBe(1);
    expect(d.rows).toHaveLength(2);
  });

  it("puts a date in the week starting on its Monday", () => {
    expect(weekOf("2026-11-30")).toBe("2026-11-30");
    expect(weekOf("2026-12-06")).toBe("2026-11-30");
    expect(weekOf("2026-12-07")).toBe("2026-12-07");
    expect(weekOf("2027-01-01")).toBe("2026-12-28");
    // A quiet week between two is a row of zeros, not a gap.
    expect(weekSpan(["2026-12-14", "2026-11-30"])).toEqual(["2026-11-30", "2026-12-07", "2026-12-14"]);
    expect(weekSpan([])).toEqual([]);
  });

  it("writes the CSV as the table: code, name, the columns, then the totals; shares as decimals", () => {
    const rows = datasetCsvRows(
      {
        key: "results",
        asOf: null,
        unit: "area",
        columns: [{ key: "w.tps" }, { key: "w.share", share: true }],
        rows: [{ code: "16.73.01.1001", name: "Kel. A", link: true, values: [3, 1 / 3] }],
        total: [3, 1 / 3],
        chart: [1],
      },
      "Jumlah",
    );
    expect(rows).toEqual([
      ["region_code", "name", "w.tps", "w.share"],
      ["16.73.01.1001", "Kel. A", 3, 0.3333],
      ["total", "Jumlah", 3, 0.3333],
    ]);
  });
});

describe("an activity's fields", () => {
  const exists = { area: "16.73", regionExists: (c: string) => c.startsWith("16.73") };
  it("reads a good activity with defaults for the numbers left empty", () => {
    expect(
      readActivity({ kind: "Campaign", held_on: "2026-11-24", region_code: "16.73.01", title: " Rapat " }, exists),
    ).toEqual({
      ok: true,
      value: {
        kind: "campaign",
        heldOn: "2026-11-24",
        regionCode: "16.73.01",
        title: "Rapat",
        events: 1,
        people: 0,
        findings: 0,
      },
    });
  });
  it("names every wrong field", () => {
    const read = readActivity(
      { kind: "x", held_on: "2026-02-29", region_code: "16.05", title: "", events: "1e3", people: "-1" },
      exists,
    );
    expect(read.ok ? [] : read.problems.map((p) => p.field)).toEqual([
      "kind",
      "held_on",
      "region_code",
      "title",
      "events",
      "people",
    ]);
    expect(isCalendarDate("2028-02-29")).toBe(true);
  });
  it("refuses a control character in any cell before anything else", () => {
    const read = readActivity({ kind: "campaign", title: "a\u001bb" }, exists);
    expect(read.ok ? [] : read.problems).toEqual([
      { field: "title", code: "control_character", key: "act.err.control" },
    ]);
  });
});
