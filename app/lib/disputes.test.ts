import { describe, expect, it } from "vitest";
import {
  allowedActions,
  DISPUTE_ACTIONS,
  DISPUTE_STATES,
  disputeDeadline,
  dueInstantsOf,
  filingDue,
  refuseStep,
  registerNumber,
  TRANSITIONS,
  type DisputeDays,
} from "./disputes";
import { withinDays } from "./deadlines";

const days: DisputeDays = { basis: "working", filingDays: 3, completionDays: 3, mediationDays: 2, decisionDays: 12 };
// February 2024: the 14th (a Wednesday) was election day, a holiday.
const holidays = ["2024-02-14"];

describe("the transition table", () => {
  it("allows each step from its states only, and refuses every other state", () => {
    for (const action of DISPUTE_ACTIONS)
      for (const state of DISPUTE_STATES) {
        const allowed = (TRANSITIONS[action].from as readonly string[]).includes(state);
        const reason = action === "not_accept" ? "not_process_dispute" : undefined;
        expect(refuseStep({ state, late: false }, { action, reason }), `${action} from ${state}`).toBe(
          allowed ? null : "wrong_state",
        );
      }
  });

  it("walks the whole path: filed to decided, and mediation to agreed", () => {
    let state = "filed" as (typeof DISPUTE_STATES)[number];
    for (const action of [
      "verify",
      "mark_incomplete",
      "complete",
      "register",
      "start_mediation",
      "no_agreement",
      "decide",
    ] as const) {
      expect(refuseStep({ state, late: false }, { action })).toBeNull();
      state = TRANSITIONS[action].to;
    }
    expect(state).toBe("decided");
    expect(TRANSITIONS.agree).toEqual({ from: ["mediation"], to: "agreed" });
    expect(allowedActions({ state: "decided", late: false })).toEqual([]);
    expect(allowedActions({ state: "agreed", late: false })).toEqual([]);
    expect(allowedActions({ state: "not_accepted", late: false })).toEqual([]);
  });

  it("lets a late petition out only as not accepted", () => {
    expect(refuseStep({ state: "verification", late: true }, { action: "register" })).toBe("late_not_registrable");
    expect(allowedActions({ state: "verification", late: true })).not.toContain("register");
    expect(refuseStep({ state: "verification", late: true }, { action: "not_accept", reason: "late" })).toBeNull();
    expect(refuseStep({ state: "verification", late: false }, { action: "not_accept", reason: "late" })).toBe(
      "reason_not_late",
    );
    expect(refuseStep({ state: "verification", late: false }, { action: "not_accept", reason: "not_completed" })).toBe(
      "reason_not_incomplete",
    );
    expect(
      refuseStep({ state: "incomplete", late: false }, { action: "not_accept", reason: "not_completed" }),
    ).toBeNull();
  });
});

describe("the filing limit in working days", () => {
  it("skips a weekend: a decision on Thursday 1 Feb 2024 may be contested until the end of Tuesday 6 Feb", () => {
    const due = filingDue("2024-02-01", days, holidays);
    expect(due).toBe("2024-02-06T17:00:00.000Z"); // midnight after Tuesday, WIB
    expect(withinDays("2024-02-01T05:00:00.000Z", "2024-02-06T16:59:00.000Z", 3, { basis: "working", holidays })).toBe(
      true,
    );
    expect(Date.parse("2024-02-06T17:00:00.000Z") < Date.parse(due)).toBe(false);
  });

  it("skips a holiday: a decision on Tuesday 13 Feb 2024 (the 14th a holiday) runs to Monday 19 Feb", () => {
    expect(filingDue("2024-02-13", days, holidays)).toBe("2024-02-19T17:00:00.000Z");
    // On calendar days the same three days end on Friday 16th.
    expect(filingDue("2024-02-13", { ...days, basis: "calendar" }, holidays)).toBe("2024-02-16T17:00:00.000Z");
  });
});

describe("deadlines that start with a step", () => {
  const registered = "2024-02-15T03:00:00.000Z"; // Thursday 15 Feb, 10.00 WIB
  it("sets completion, mediation and decision deadlines when their step is taken", () => {
    expect(dueInstantsOf("mark_incomplete", registered, days, holidays)).toEqual({
      completionDue: "2024-02-20T17:00:00.000Z", // Fri 16, Mon 19, Tue 20
    });
    expect(dueInstantsOf("start_mediation", registered, days, holidays)).toEqual({
      mediationDue: "2024-02-19T17:00:00.000Z", // Fri 16, Mon 19
    });
    // 12 working days from Thursday 15 Feb: ends Monday 4 March.
    expect(dueInstantsOf("register", registered, days, holidays)).toEqual({ decisionDue: "2024-03-04T17:00:00.000Z" });
    expect(dueInstantsOf("verify", registered, days, holidays)).toEqual({});
  });

  it("shows the running deadline as on time, due soon or overdue", () => {
    const d = {
      state: "adjudication" as const,
      completionDue: null,
      mediationDue: "2024-02-19T17:00:00.000Z",
      decisionDue: "2024-03-01T17:00:00.000Z",
    };
    expect(disputeDeadline(d, "2024-02-20T03:00:00.000Z", days, holidays, 1)).toMatchObject({
      kind: "decision",
      state: "on_time",
    });
    expect(disputeDeadline(d, "2024-03-01T03:00:00.000Z", days, holidays, 1)?.state).toBe("due_soon");
    expect(disputeDeadline(d, "2024-03-01T17:00:00.000Z", days, holidays, 1)?.state).toBe("overdue");
    // During mediation its own, earlier deadline runs.
    expect(disputeDeadline({ ...d, state: "mediation" }, "2024-02-20T03:00:00.000Z", days, holidays, 1)).toMatchObject({
      kind: "mediation",
      state: "overdue",
    });
    expect(disputeDeadline({ ...d, state: "decided" }, "2024-02-20T03:00:00.000Z", days, holidays, 1)).toBeNull();
  });
});

describe("the register number", () => {
  it("follows the body's pattern", () => {
    expect(registerNumber(1, "16.73", 2, 2024)).toBe("001/PS.REG/16.73/II/2024");
    expect(registerNumber(42, "16.73.01", 12, 2024)).toBe("042/PS.REG/16.73.01/XII/2024");
  });
});
