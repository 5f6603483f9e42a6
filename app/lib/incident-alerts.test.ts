// Alerts derived from the incidents' state, with the time given as a parameter (no clock in the test).
import { describe, expect, it } from "vitest";
import type { IncidentData } from "./events";
import { deriveAlerts } from "./incident-alerts";
import { isHandled, timelineCell } from "./incidents";

const T0 = Date.parse("2026-11-22T01:00:00.000Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const base: IncidentData = {
  id: "a",
  tpsCode: "1673011002-001",
  tps: null,
  regionCode: "16.73.01.1002",
  category: "violence",
  severity: "critical",
  description: "Keributan",
  lat: null,
  lng: null,
  photoIds: [],
  source: "app",
  queued: false,
  status: "new",
  reporter: null,
  responderIds: [],
  occurredAt: at(0),
  createdAt: at(0),
  acknowledgedAt: null,
  dispatchedAt: null,
  onSceneAt: null,
  resolvedAt: null,
  rejectedAt: null,
  reopenedAt: null,
  sharedAt: null,
  claimedBy: null,
  claimedAt: null,
};
const inc = (over: Partial<IncidentData>): IncidentData => ({ ...base, ...over });
const FIVE_MIN = { escalateAfterSeconds: 300 };
const ids = (list: { incident: IncidentData }[]) => list.map((a) => a.incident.id);

describe("alerts follow the incident", () => {
  it("shows an unhandled critical incident, not other severities, queued citizen floods or handled ones", () => {
    const list = [
      inc({ id: "crit" }),
      inc({ id: "high", severity: "high" }),
      inc({ id: "queued", source: "citizen", queued: true }),
      inc({ id: "acked", status: "acknowledged", acknowledgedAt: at(1) }),
      inc({ id: "claimed", claimedBy: { id: 7, name: "Operator Posko" }, claimedAt: at(1) }),
      inc({ id: "resolved", status: "resolved", resolvedAt: at(2) }),
      inc({ id: "rejected", status: "rejected", rejectedAt: at(2) }),
    ];
    expect(ids(deriveAlerts(list, T0 + 60_000, FIVE_MIN))).toEqual(["crit"]);
  });

  it("clears when someone claims or acknowledges, and comes back when it is reopened", () => {
    const fresh = inc({});
    expect(deriveAlerts([fresh], T0, FIVE_MIN)).toHaveLength(1);
    expect(deriveAlerts([{ ...fresh, claimedBy: { id: 1, name: "A" }, claimedAt: at(1) }], T0, FIVE_MIN)).toEqual([]);
    // Claimed before it was resolved and reopened: the old claim does not answer the reopened incident.
    const reopened = inc({ status: "reopened", claimedBy: { id: 1, name: "A" }, claimedAt: at(1), reopenedAt: at(30) });
    const [alert] = deriveAlerts([reopened], T0 + 32 * 60_000, FIVE_MIN);
    expect(alert).toMatchObject({ since: at(30), waitingMinutes: 2, waitingSeconds: 120, escalated: false });
    expect(deriveAlerts([{ ...reopened, claimedAt: at(31) }], T0 + 32 * 60_000, FIVE_MIN)).toEqual([]);
  });

  it("escalates past the configured time and puts escalated ones first, then the longest waiting", () => {
    const list = [
      inc({ id: "newer", createdAt: at(10) }),
      inc({ id: "older", createdAt: at(2) }),
      inc({ id: "x", createdAt: at(14) }),
    ];
    const now = T0 + 15 * 60_000;
    const alerts = deriveAlerts(list, now, FIVE_MIN);
    expect(alerts.map((a) => [a.incident.id, a.escalated, a.waitingMinutes])).toEqual([
      ["older", true, 13],
      ["newer", true, 5],
      ["x", false, 1],
    ]);
    // A longer setting: nothing escalated yet, the oldest still first.
    expect(deriveAlerts(list, now, { escalateAfterSeconds: 3600 }).map((a) => a.escalated)).toEqual([
      false,
      false,
      false,
    ]);
    // Before the page knows the time, nothing escalates.
    expect(deriveAlerts(list, null, FIVE_MIN).every((a) => !a.escalated && a.waitingMinutes === 0)).toBe(true);
  });

  it("defines handled from status and claim", () => {
    expect(isHandled(inc({}))).toBe(false);
    expect(isHandled(inc({ status: "dispatched" }))).toBe(true);
    expect(isHandled(inc({ claimedAt: at(1) }))).toBe(true);
    expect(isHandled(inc({ status: "reopened", reopenedAt: at(5) }))).toBe(false);
  });
});

describe("the incidents export's timeline cell", () => {
  it("writes every step on one line with time, action, account, responders, previous holder and note", () => {
    const cell = timelineCell([
      { at: "2026-11-22T01:00:00+00:00", action: "create", actor: "1673011002-001", note: null },
      { at: "2026-11-22T01:01:00.5+00:00", action: "claim", actor: "posko", note: null },
      { at: "2026-11-22T01:02:00Z", action: "take_over", actor: "posko2", note: null, from: "posko" },
      {
        at: "2026-11-22T01:03:00Z",
        action: "dispatch",
        actor: "posko2",
        note: "Segera\nke lokasi",
        responders: ["tim-2"],
      },
      { at: "2026-11-22T01:09:00Z", action: "resolve", actor: "tim-2", note: "Aman" },
    ]);
    expect(cell).toBe(
      "2026-11-22T01:00:00.000Z create 1673011002-001 | 2026-11-22T01:01:00.500Z claim posko | " +
        "2026-11-22T01:02:00.000Z take_over posko2 <- posko | " +
        "2026-11-22T01:03:00.000Z dispatch posko2 -> tim-2: Segera ke lokasi | 2026-11-22T01:09:00.000Z resolve tim-2: Aman",
    );
    expect(timelineCell([])).toBe("");
  });
});
