import { describe, expect, it } from "vitest";
import { nextStep, phaseOf, type BallotState, type DayState } from "./officer-next-step";

const times = { opening: "07:00", closing: "13:00" };
const wib = (hhmm: string) => new Date(`2026-11-22T${hhmm}:00+07:00`);
const ballot = (code: string, over: Partial<BallotState> = {}): BallotState => ({
  code,
  status: "missing",
  completeness: null,
  photos: 0,
  outbox: null,
  ...over,
});
const day = (over: Partial<DayState> = {}): DayState => ({
  dayStatus: "not_arrived",
  checkedIn: false,
  checklistDone: false,
  ballots: [ballot("gubernur"), ballot("walikota")],
  pending: 0,
  refused: null,
  ...over,
});
const stepAt = (hhmm: string, state: DayState) => nextStep(state, phaseOf(state, wib(hhmm), times));

describe("the officer's next step", () => {
  it("before opening: check in, then the checklist, then open the TPS", () => {
    expect(stepAt("06:10", day())).toEqual({ kind: "checkin" });
    expect(stepAt("06:20", day({ checkedIn: true, dayStatus: "arrived" }))).toEqual({ kind: "checklist" });
    expect(stepAt("06:40", day({ checkedIn: true, checklistDone: true, dayStatus: "arrived" }))).toEqual({
      kind: "open",
    });
  });

  it("during voting: open the TPS if not yet, else report incidents; in the election's time zone", () => {
    expect(stepAt("07:05", day({ checkedIn: true }))).toEqual({ kind: "open" });
    expect(stepAt("09:00", day({ dayStatus: "open" }))).toEqual({ kind: "incident" });
    // 06:30 in Jakarta is 23:30 UTC the day before: still before opening there.
    expect(phaseOf(day(), new Date("2026-11-21T23:30:00Z"), times)).toBe("preparing");
  });

  it("from closing: start counting, then enter each ballot not yet entered", () => {
    expect(stepAt("13:00", day({ dayStatus: "open" }))).toEqual({ kind: "count" });
    expect(stepAt("13:30", day({ dayStatus: "counting" }))).toEqual({
      kind: "enter",
      contests: ["gubernur", "walikota"],
    });
    const oneQueued = day({
      dayStatus: "counting",
      ballots: [ballot("gubernur", { outbox: "pending" }), ballot("walikota")],
    });
    expect(stepAt("14:00", oneQueued)).toEqual({ kind: "enter", contests: ["walikota"] });
  });

  it("a result entered early moves the day to counting whatever the clock says", () => {
    const early = day({
      dayStatus: "open",
      ballots: [ballot("gubernur", { status: "submitted" }), ballot("walikota")],
    });
    expect(phaseOf(early, wib("11:00"), times)).toBe("counting");
    expect(nextStep(early, "counting")).toEqual({ kind: "enter", contests: ["walikota"] });
  });

  it("then waits for the outbox, asks for the complete C.Hasil and its photos, and says when all is done", () => {
    const sent = { status: "submitted", completeness: "quick", outbox: "sent" as const };
    expect(stepAt("15:00", day({ ballots: [ballot("gubernur", sent)], pending: 1 }))).toEqual({ kind: "waiting" });
    expect(stepAt("15:00", day({ ballots: [ballot("gubernur", sent)] }))).toEqual({
      kind: "complete",
      contests: ["gubernur"],
    });
    const complete = { ...sent, completeness: "complete" };
    expect(stepAt("15:00", day({ ballots: [ballot("gubernur", complete)] }))).toEqual({
      kind: "photos",
      contests: ["gubernur"],
    });
    const done = day({ ballots: [ballot("gubernur", { ...complete, photos: 1 })] });
    expect(phaseOf(done, wib("15:00"), times)).toBe("done");
    expect(stepAt("15:00", done)).toEqual({ kind: "done" });
  });

  it("a refused report comes first, at any time", () => {
    expect(stepAt("06:00", day({ refused: { fixUrl: "/officer/quick-count/gubernur?fix=x" } }))).toEqual({
      kind: "fix",
      fixUrl: "/officer/quick-count/gubernur?fix=x",
    });
  });
});
