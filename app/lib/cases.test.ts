import { describe, expect, it } from "vitest";
import {
  allowedSteps,
  CASE_KINDS,
  CASE_STATES,
  CASE_STEP_NAMES,
  caseDeadlines,
  officeLevel,
  REGISTRATION_NUMBER,
  registrationNumber,
  romanMonth,
  stateAfter,
  stepRefusal,
  type CaseState,
  type CaseStep,
} from "./cases";
import { deadlineState } from "./deadlines";

// The regulation's workflow, written out once more by hand: every (state, step) pair not listed is refused.
const ALLOWED: Record<CaseState, Partial<Record<CaseStep, CaseState>>> = {
  received: { start_review: "initial_review", note: "received" },
  initial_review: {
    mark_incomplete: "incomplete",
    not_register: "not_registered",
    refer: "referred",
    register: "registered",
    note: "initial_review",
  },
  incomplete: { complete: "initial_review", not_register: "not_registered", note: "incomplete" },
  not_registered: { close: "closed", note: "not_registered" },
  referred: { close: "closed", note: "referred" },
  registered: { clarify: "clarification", assess: "assessment", extend: "registered", note: "registered" },
  clarification: {
    invite: "clarification",
    minutes: "clarification",
    assess: "assessment",
    extend: "clarification",
    note: "clarification",
  },
  assessment: { decide: "decided", extend: "assessment", note: "assessment" },
  decided: { follow_up: "followed_up", close: "closed", note: "decided" },
  followed_up: { close: "closed", note: "followed_up" },
  closed: {},
};

describe("the transition table", () => {
  const laporan = (state: CaseState) => ({
    kind: "laporan" as const,
    state,
    extendedAt: null,
    outcome: "not_a_violation" as const,
  });
  for (const state of CASE_STATES)
    for (const step of CASE_STEP_NAMES) {
      const to = ALLOWED[state][step];
      it(`${to ? "allows" : "refuses"} ${step} in ${state}`, () => {
        expect(stepRefusal(laporan(state), step)).toBe(to ? null : "wrong_state");
        if (to) expect(stateAfter(state, step)).toBe(to);
      });
    }

  it("refuses completion steps for a temuan", () => {
    expect(
      stepRefusal({ kind: "temuan", state: "initial_review", extendedAt: null, outcome: null }, "mark_incomplete"),
    ).toBe("temuan_complete");
    expect(stepRefusal({ kind: "temuan", state: "incomplete", extendedAt: null, outcome: null }, "complete")).toBe(
      "temuan_complete",
    );
  });

  it("extends the handling time once only", () => {
    expect(stepRefusal({ kind: "laporan", state: "assessment", extendedAt: null, outcome: null }, "extend")).toBeNull();
    expect(
      stepRefusal(
        { kind: "laporan", state: "assessment", extendedAt: "2024-02-20T00:00:00Z", outcome: null },
        "extend",
      ),
    ).toBe("already_extended");
  });

  it("closes a decided violation only after its follow-up", () => {
    expect(stepRefusal({ kind: "laporan", state: "decided", extendedAt: null, outcome: "criminal" }, "close")).toBe(
      "decided_needs_follow_up",
    );
    expect(allowedSteps({ kind: "laporan", state: "decided", extendedAt: null, outcome: "criminal" })).toEqual([
      "follow_up",
      "note",
    ]);
  });

  it("offers nothing on a closed case, whatever its kind", () => {
    for (const kind of CASE_KINDS)
      expect(allowedSteps({ kind, state: "closed", extendedAt: null, outcome: null })).toEqual([]);
  });
});

describe("registration numbers", () => {
  it("follow the body's pattern", () => {
    const n = registrationNumber({
      sequence: 1,
      kind: "laporan",
      level: "Kota",
      officeCode: "16.73",
      month: 2,
      year: 2024,
    });
    expect(n).toBe("001/LP/PL/Kota/16.73/II/2024");
    expect(n).toMatch(REGISTRATION_NUMBER);
    expect(
      registrationNumber({ sequence: 12, kind: "temuan", level: "Kab", officeCode: "16.05", month: 11, year: 2024 }),
    ).toBe("012/TM/PL/Kab/16.05/XI/2024");
    expect(
      registrationNumber({ sequence: 1000, kind: "temuan", level: "RI", officeCode: null, month: 9, year: 2024 }),
    ).toBe("1000/TM/PL/RI/IX/2024");
  });
  it("writes months in Roman numerals and levels from the office's kind", () => {
    expect([1, 4, 9, 12].map(romanMonth)).toEqual(["I", "IV", "IX", "XII"]);
    expect(["kota", "kabupaten", "province", "kecamatan", null].map(officeLevel)).toEqual([
      "Kota",
      "Kab",
      "Prov",
      "Kec",
      "RI",
    ]);
  });
});

describe("deadlines as a case sees them", () => {
  const days = {
    reportWithinDays: 7,
    initialReviewDays: 2,
    handlingDays: 7,
    handlingExtendedDays: 14,
    completionDays: 3,
  };
  // Thursday 8 February 2024 was a public holiday (Isra Mi'raj); received on Wednesday the 7th, 10:00 WIB.
  const received = "2024-02-07T03:00:00Z";

  it("counts the initial review in calendar days", () => {
    const d = caseDeadlines({ ...days, basis: "calendar" }, ["2024-02-08"]);
    // Day 0 is the 7th; two days: the 8th and the 9th; due at midnight after the 9th (WIB).
    expect(d.review(received)).toBe("2024-02-09T17:00:00.000Z");
  });

  it("counts the initial review in working days, skipping the holiday and the weekend", () => {
    const d = caseDeadlines({ ...days, basis: "working" }, ["2024-02-08"]);
    // Working days after the 7th: the 9th (Fri), then Mon 12th.
    expect(d.review(received)).toBe("2024-02-12T17:00:00.000Z");
    expect(deadlineState(d.review(received), "2024-02-12T05:00:00Z", d.rule, 1)).toBe("due_soon");
    expect(deadlineState(d.review(received), "2024-02-13T01:00:00Z", d.rule, 1)).toBe("overdue");
  });

  it("extends handling from 7 to 14 days after registration", () => {
    const d = caseDeadlines({ ...days, basis: "calendar" }, []);
    expect(d.handling(received)).toBe("2024-02-14T17:00:00.000Z");
    expect(d.extended(received)).toBe("2024-02-21T17:00:00.000Z");
  });

  it("tells a report past 7 days from becoming known", () => {
    const d = caseDeadlines({ ...days, basis: "calendar" }, []);
    expect(d.late("2024-02-01", "2024-02-08T16:00:00Z")).toBe(false);
    expect(d.late("2024-02-01", "2024-02-08T17:00:00Z")).toBe(true);
  });
});
