// The benches' pure helpers (scripts/load-kit.ts): the latency histogram's percentiles and the tables they print.
import { describe, expect, it } from "vitest";
import { formatTable, Histogram } from "../scripts/load-kit";

describe("Histogram", () => {
  it("gives the nearest-rank percentiles of what it was given", () => {
    const h = new Histogram();
    for (let ms = 1; ms <= 100; ms++) h.add(ms);
    expect(h.summary()).toEqual({ n: 100, p50: 50, p95: 95, p99: 99, max: 100 });
  });

  it("has no percentiles before any sample", () => {
    expect(new Histogram().q(0.5)).toBeNaN();
  });
});

describe("formatTable", () => {
  it("aligns numbers right and text left under a rule, with a dash for a missing figure", () => {
    const table = formatTable(
      ["level", "code", "ms", "KB"],
      [
        ["national", "ID", 1234, 480.5],
        ["province", "32", 98, null],
      ],
    );
    expect(table.split("\n")).toEqual([
      "level     code    ms     KB",
      "--------  ----  ----  -----",
      "national  ID    1234  480.5",
      "province  32      98      -",
    ]);
  });
});
