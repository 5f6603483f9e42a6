// The one thing the officer's home screen leads with: what to do next, for the time of day at the TPS (the
// election's time zone, the admin's opening and closing times) and what this TPS has done or still holds in
// the phone's outbox. Pure, so it is tested with explicit clocks.
import type { DayStatus } from "./events";
import { currentElectionZone } from "./format";
import { DAY_ORDER } from "./officer";

/** A ballot as the home screen knows it: the server's result and this phone's latest quick count for it. */
export interface BallotState {
  code: string;
  /** The server's result status ("missing" when none arrived). */
  status: string;
  completeness: string | null;
  photos: number;
  /** This phone's latest quick count for the ballot, if any. */
  outbox: "pending" | "rejected" | "sent" | null;
}

export interface DayState {
  dayStatus: DayStatus;
  checkedIn: boolean;
  checklistDone: boolean;
  ballots: BallotState[];
  /** Items this phone still has to send, and the first refused one's fix link. */
  pending: number;
  refused: { fixUrl: string | null } | null;
}

export type Phase = "preparing" | "voting" | "counting" | "done";

export type NextStep =
  | { kind: "fix"; fixUrl: string | null }
  | { kind: "checkin" }
  | { kind: "checklist" }
  | { kind: "open" }
  | { kind: "incident" }
  | { kind: "count" }
  | { kind: "enter"; contests: string[] }
  | { kind: "waiting" }
  | { kind: "complete"; contests: string[] }
  | { kind: "photos"; contests: string[] }
  | { kind: "done" };

/** `HH:MM` of `now` at the TPS. */
export function localTime(now: Date): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: currentElectionZone(),
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(now);
}

const reached = (day: DayStatus, status: DayStatus) => DAY_ORDER.indexOf(day) >= DAY_ORDER.indexOf(status);
/** A result is on its way or in: the server has one, or this phone holds or sent one. */
const entered = (b: BallotState) => b.status !== "missing" || b.outbox === "pending" || b.outbox === "sent";

export function phaseOf(state: DayState, now: Date, times: { opening: string; closing: string }): Phase {
  const clock = localTime(now);
  const anyResult = state.ballots.some(entered);
  if (reached(state.dayStatus, "counting") || clock >= times.closing || anyResult) {
    const finished = state.ballots.every(
      (b) => b.status !== "missing" && b.completeness === "complete" && b.photos > 0 && b.outbox !== "rejected",
    );
    return finished && state.pending === 0 && state.ballots.length > 0 ? "done" : "counting";
  }
  if (reached(state.dayStatus, "open") || clock >= times.opening) return "voting";
  return "preparing";
}

/** The step the home screen leads with. */
export function nextStep(state: DayState, phase: Phase): NextStep {
  if (state.refused) return { kind: "fix", fixUrl: state.refused.fixUrl };
  switch (phase) {
    case "preparing":
      if (!state.checkedIn) return { kind: "checkin" };
      if (!state.checklistDone) return { kind: "checklist" };
      return { kind: "open" };
    case "voting":
      return reached(state.dayStatus, "open") ? { kind: "incident" } : { kind: "open" };
    case "counting": {
      const missing = state.ballots.filter((b) => !entered(b)).map((b) => b.code);
      if (missing.length === state.ballots.length && !reached(state.dayStatus, "counting")) return { kind: "count" };
      if (missing.length) return { kind: "enter", contests: missing };
      if (state.pending > 0) return { kind: "waiting" };
      const incomplete = state.ballots.filter((b) => b.completeness !== "complete").map((b) => b.code);
      if (incomplete.length) return { kind: "complete", contests: incomplete };
      const unphotographed = state.ballots.filter((b) => b.photos === 0).map((b) => b.code);
      if (unphotographed.length) return { kind: "photos", contests: unphotographed };
      return { kind: "done" };
    }
    case "done":
      return { kind: "done" };
  }
}
