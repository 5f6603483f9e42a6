import { describe, expect, it } from "vitest";
import { isSilent, missedEvents } from "./live-health";

describe("a live connection's health", () => {
  it("stays live through one late heartbeat and goes silent after two and a half intervals", () => {
    const heard = 1_000_000;
    expect(isSilent({ lastHeardAt: heard, now: heard + 4_000, everyMs: 2_000 })).toBe(false);
    expect(isSilent({ lastHeardAt: heard, now: heard + 5_000, everyMs: 2_000 })).toBe(false);
    expect(isSilent({ lastHeardAt: heard, now: heard + 5_001, everyMs: 2_000 })).toBe(true);
    // Until the server said its interval, the default (5 s) is assumed.
    expect(isSilent({ lastHeardAt: heard, now: heard + 12_000 })).toBe(false);
    expect(isSilent({ lastHeardAt: heard, now: heard + 13_000 })).toBe(true);
  });

  it("catches up only when the heartbeat vouches for events the client does not hold", () => {
    expect(missedEvents({ beatSeq: 10, lastSeq: 10, through: 0 })).toBe(false);
    expect(missedEvents({ beatSeq: 12, lastSeq: 10, through: 0 })).toBe(true);
    // A catch-up read the head at 15: events up to it that never came were other areas'.
    expect(missedEvents({ beatSeq: 12, lastSeq: 10, through: 15 })).toBe(false);
    expect(missedEvents({ beatSeq: 16, lastSeq: 10, through: 15 })).toBe(true);
  });
});
