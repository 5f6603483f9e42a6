import { describe, expect, it } from "vitest";
import {
  applyEvents,
  initialState,
  totalsInArea,
  packTps,
  tpsStatus,
  unpackTps,
  type DashboardState,
  type DashboardTps,
} from "./dashboard";
import type { LiveEvent } from "./events";

const snapshot = {
  seq: 10,
  tps: [
    { code: "A-001", kelurahanCode: "16.73.01.1001", lat: -3.3, lng: 102.8, dayStatus: "open", results: {} },
    { code: "B-001", kelurahanCode: "16.73.02.1001", lat: -3.31, lng: 102.81, dayStatus: "not_arrived", results: {} },
  ],
  totals: { gubernur: { votes: { "1": 0, "2": 0 }, invalid: 0, reported: 0 } },
};
const result = (
  seq: number,
  tpsCode: string,
  votes: Record<string, number>,
  previousStatus: "missing" | "submitted" = "missing",
): LiveEvent => ({
  seq,
  type: "result:updated",
  at: `2026-11-27T06:00:${String(seq).padStart(2, "0")}Z`,
  data: {
    tpsCode,
    contest: "gubernur",
    status: "submitted",
    previousStatus,
    revision: 1,
    source: "officer",
    votes,
    invalid: 1,
    completeness: "quick",
    delta: { votes, invalid: 1 },
  },
});

const row = (state: DashboardState, code: string) => state.tps[state.index.get(code)!];

describe("applyEvents", () => {
  it("applies a batch in seq order once, without changing the state it started from", () => {
    const before = initialState(snapshot);
    const after = applyEvents(before, [
      result(12, "A-001", { "1": 5, "2": 1 }, "submitted"),
      result(11, "A-001", { "1": 100, "2": 50 }),
      result(9, "B-001", { "1": 7 }),
    ]);
    expect(after.seq).toBe(12);
    expect(after.totals.gubernur).toEqual({ votes: { "1": 105, "2": 51 }, invalid: 2, reported: 1 });
    expect(row(after, "A-001").results).toEqual({ gubernur: "submitted" });
    expect(after.lastEventAt).toBe("2026-11-27T06:00:12Z");
    // The starting state is untouched, and a TPS no event named keeps its object (the page's caches rely on it).
    expect(before.totals.gubernur.votes).toEqual({ "1": 0, "2": 0 });
    expect(row(before, "A-001").results).toEqual({});
    expect(row(after, "B-001")).toBe(row(before, "B-001"));
    // Replayed events change nothing.
    expect(applyEvents(after, [result(11, "A-001", { "1": 100 })])).toBe(after);
  });

  it("day status updates and cached map status follow the TPS object", () => {
    const before = initialState(snapshot);
    const codes = ["gubernur"];
    expect(tpsStatus(row(before, "A-001"), codes)).toBe("missing");
    const after = applyEvents(before, [
      {
        seq: 11,
        type: "tps:updated",
        at: "2026-11-27T01:00:00Z",
        data: { tpsCode: "B-001", dayStatus: "arrived", lastSeenAt: "2026-11-27T01:00:00Z" },
      },
      result(12, "A-001", { "1": 3 }),
    ]);
    expect(row(after, "B-001").dayStatus).toBe("arrived");
    expect(tpsStatus(row(after, "A-001"), codes)).toBe("submitted");
    expect(tpsStatus(row(before, "A-001"), codes)).toBe("missing");
  });
});

describe("packTps", () => {
  it("gives back the same TPS, results absent or present, last seen or not", () => {
    const tps: DashboardTps[] = [
      ...snapshot.tps,
      {
        code: "C-001",
        kelurahanCode: "16.73.01.1001",
        lat: -3.2,
        lng: 102.9,
        dayStatus: "counting",
        lastSeenAt: "2026-11-27T03:00:00.000Z",
        results: { gubernur: "flagged", walikota: "missing" },
        quick: ["gubernur"],
      },
      {
        code: "D-001",
        kelurahanCode: "16.73.02.1002",
        lat: -3.25,
        lng: 102.95,
        dayStatus: "open",
        lastSeenAt: null,
        results: { walikota: "verified" },
      },
    ];
    const packed = packTps(tps, ["gubernur", "walikota"]);
    expect(packed.kelurahanCodes).toEqual(["16.73.01.1001", "16.73.02.1001", "16.73.02.1002"]);
    expect(packed.quick).toEqual({ gubernur: [2] });
    expect(unpackTps(JSON.parse(JSON.stringify(packed)))).toEqual(
      tps.map((t) => ({ lastSeenAt: null, quick: [], ...t })),
    );
  });
});

describe("contests over their areas", () => {
  it("keeps a result from a TPS outside a contest's area out of its totals, and tracks quick-only results", () => {
    const state = initialState({
      ...snapshot,
      totals: { gubernur: { votes: { "1": 0, "2": 0 }, invalid: 0, reported: 0, tpsCount: 1 } },
      // The contest covers kecamatan 16.73.01 only: B-001 (16.73.02) does not vote in it.
      contests: [{ code: "gubernur", area: ["16.73.01"] }],
    });
    const after = applyEvents(state, [result(11, "A-001", { "1": 10, "2": 5 }), result(12, "B-001", { "1": 99 })]);
    expect(after.totals.gubernur).toEqual({ votes: { "1": 10, "2": 5 }, invalid: 1, reported: 1, tpsCount: 1 });
    expect(row(after, "A-001").quick).toEqual(["gubernur"]);
    const complete: LiveEvent = { ...result(13, "A-001", {}, "submitted") } as LiveEvent;
    if (complete.type === "result:updated") complete.data = { ...complete.data, completeness: "complete" };
    expect(row(applyEvents(after, [complete]), "A-001").quick).toEqual([]);
  });
});

describe("totals of an area", () => {
  it("keeps each kelurahan's share current so that an area filter can sum them", () => {
    const state = initialState({
      ...snapshot,
      areaTotals: { gubernur: { "16.73.01.1001": { votes: { "1": 3, "2": 1 }, invalid: 1, reported: 1 } } },
    });
    const after = applyEvents(state, [result(11, "A-001", { "1": 10, "2": 5 }), result(12, "B-001", { "1": 7 })]);
    expect(totalsInArea(after.areaTotals!.gubernur, "16.73.01")).toEqual({
      votes: { "1": 13, "2": 6 },
      invalid: 2,
      reported: 2,
    });
    expect(totalsInArea(after.areaTotals!.gubernur, "16.73.02")).toEqual({
      votes: { "1": 7 },
      invalid: 1,
      reported: 1,
    });
    expect(totalsInArea(after.areaTotals!.gubernur, "16.73")).toMatchObject({ reported: 3 });
    // The state it started from is untouched.
    expect(state.areaTotals!.gubernur["16.73.02.1001"]).toBeUndefined();
  });
});
