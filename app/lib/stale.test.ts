import { describe, expect, it } from "vitest";
import { localTimeToday, overdueMinutes, silentFor, staleReason } from "./stale";

const contests = ["gubernur", "walikota"];
const wib = (hhmm: string) => new Date(`2026-11-22T${hhmm}:00+07:00`);

describe("stale TPS", () => {
  it("reads times in the region's local time", () => {
    expect(localTimeToday(wib("10:00"), "07:00", 420).toISOString()).toBe("2026-11-22T00:00:00.000Z");
    expect(localTimeToday(wib("23:30"), "13:00", 420).toISOString()).toBe("2026-11-22T06:00:00.000Z");
  });

  it("flags a TPS without check-in an hour after opening, not before", () => {
    const tps = { dayStatus: "not_arrived", lastSeenAt: null, results: {} };
    expect(staleReason(tps, contests, wib("07:59"))).toBeNull();
    expect(staleReason(tps, contests, wib("08:01"))).toBe("no_check_in");
  });

  it("flags a missing result an hour after closing, and a silent officer", () => {
    const counting = {
      dayStatus: "counting",
      lastSeenAt: wib("13:50").toISOString(),
      results: { gubernur: "submitted" },
    };
    expect(staleReason(counting, contests, wib("13:55"))).toBeNull();
    expect(staleReason(counting, contests, wib("14:01"))).toBe("no_result");
    const silent = { dayStatus: "open", lastSeenAt: wib("08:00").toISOString(), results: {} };
    expect(staleReason(silent, contests, wib("09:30"))).toBe("silent");
    const done = {
      dayStatus: "reported",
      lastSeenAt: wib("08:00").toISOString(),
      results: { gubernur: "submitted", walikota: "verified" },
    };
    expect(staleReason(done, contests, wib("20:00"))).toBeNull();
  });
});

describe("silentFor (the stale list's silent rule, and broadcasts to the silent ones)", () => {
  const now = new Date("2026-11-27T03:00:00Z");
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();
  it("counts a TPS never checked in, or not heard from for the minutes given, as silent; a reported one never", () => {
    expect(silentFor({ dayStatus: "not_arrived", lastSeenAt: ago(1) }, now, 30)).toBe(true);
    expect(silentFor({ dayStatus: "open", lastSeenAt: null }, now, 30)).toBe(true);
    expect(silentFor({ dayStatus: "open", lastSeenAt: ago(31) }, now, 30)).toBe(true);
    expect(silentFor({ dayStatus: "open", lastSeenAt: ago(29) }, now, 30)).toBe(false);
    expect(silentFor({ dayStatus: "counting", lastSeenAt: ago(120) }, now, 180)).toBe(false);
    expect(silentFor({ dayStatus: "reported", lastSeenAt: ago(600) }, now, 30)).toBe(false);
  });
});

describe("minutes overdue", () => {
  it("counts from the deadline of each reason: opening, closing or the last word, each plus the grace", () => {
    expect(overdueMinutes("no_check_in", {}, wib("08:25"))).toBe(25);
    expect(overdueMinutes("no_result", {}, wib("14:10"))).toBe(10);
    expect(overdueMinutes("silent", { lastSeenAt: "2026-11-22T09:00:00+07:00" }, wib("10:45"))).toBe(45);
    expect(overdueMinutes("no_check_in", {}, wib("07:30"))).toBe(0);
  });
});
