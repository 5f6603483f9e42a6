import { describe, expect, it } from "vitest";
import type { IncidentData, LiveEvent } from "./events";
import { applyIncidentEvents, averageTimes, newCriticals, sortIncidents } from "./incident-feed";
import { allowedActions, nextStatus } from "./incidents";

const base: IncidentData = {
  id: "a",
  tpsCode: null,
  tps: null,
  regionCode: null,
  category: "other",
  severity: "low",
  description: "",
  lat: null,
  lng: null,
  photoIds: [],
  source: "app",
  queued: false,
  status: "new",
  reporter: null,
  responderIds: [],
  occurredAt: "2026-11-22T01:00:00.000Z",
  createdAt: "2026-11-22T01:00:00.000Z",
  acknowledgedAt: null,
  dispatchedAt: null,
  onSceneAt: null,
  resolvedAt: null,
  rejectedAt: null,
  reopenedAt: null,
};
const inc = (over: Partial<IncidentData>): IncidentData => ({ ...base, ...over });

describe("incident feed", () => {
  it("orders open before closed, then by severity, then oldest first", () => {
    const list = [
      inc({ id: "low-old", severity: "low", createdAt: "2026-11-22T01:00:00.000Z" }),
      inc({ id: "crit-new", severity: "critical", createdAt: "2026-11-22T03:00:00.000Z" }),
      inc({ id: "crit-old", severity: "critical", createdAt: "2026-11-22T02:00:00.000Z" }),
      inc({ id: "crit-closed", severity: "critical", status: "resolved" }),
      inc({ id: "high", severity: "high" }),
    ];
    expect(sortIncidents(list).map((i) => i.id)).toEqual(["crit-old", "crit-new", "high", "low-old", "crit-closed"]);
  });

  it("applies created/updated events by id and keeps only what a screen shows", () => {
    const events: LiveEvent[] = [
      { seq: 1, type: "incident:created", at: "", data: inc({ id: "x", severity: "critical" }) },
      {
        seq: 2,
        type: "incident:updated",
        at: "",
        data: {
          ...inc({ id: "x", severity: "critical", status: "dispatched", responderIds: [7] }),
          step: {
            action: "dispatch",
            fromStatus: "new",
            toStatus: "dispatched",
            actor: null,
            responderIds: [7],
            note: null,
            at: "",
          },
        },
      },
      { seq: 3, type: "incident:created", at: "", data: inc({ id: "y" }) },
    ];
    const all = applyIncidentEvents({}, events);
    expect(Object.keys(all)).toEqual(["x", "y"]);
    expect(all.x.status).toBe("dispatched");
    expect("step" in all.x).toBe(false);
    const mine = applyIncidentEvents({}, events, (i) => i.responderIds.includes(7));
    expect(Object.keys(mine)).toEqual(["x"]);
    expect(newCriticals(events).map((i) => i.id)).toEqual(["x"]);
  });

  it("summarises response times over the incidents that reached each step", () => {
    const avg = averageTimes([
      inc({ acknowledgedAt: "2026-11-22T01:02:00.000Z", resolvedAt: "2026-11-22T01:30:00.000Z" }),
      inc({ acknowledgedAt: "2026-11-22T01:04:00.000Z" }),
    ]);
    expect(avg).toEqual({ acknowledge: 180, dispatch: null, arrive: null, resolve: 1800 });
  });

  it("follows the incident workflow", () => {
    expect(allowedActions("new")).toEqual(["acknowledge", "dispatch", "resolve", "reject"]);
    expect(nextStatus("dispatched", "on_scene")).toBe("on_scene");
    expect(nextStatus("new", "on_scene")).toBeNull();
    expect(nextStatus("resolved", "reopen")).toBe("reopened");
    expect(nextStatus("rejected", "reopen")).toBe("reopened");
    expect(allowedActions("resolved")).toEqual(["reopen"]);
  });
});
