import { describe, expect, it } from "vitest";
import type { IncidentData, LiveEvent } from "./events";
import { applyIncidentEvents, averageTimes, feedSections, sortIncidents } from "./incident-feed";
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
  sharedAt: null,
  claimedBy: null,
  claimedAt: null,
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

  it("groups copies of one citizen report, keeps the flood queue apart, and never groups staff reports", () => {
    const citizen = (id: string, description: string, over: Partial<IncidentData> = {}) =>
      inc({ id, source: "citizen", severity: "medium", description, ...over });
    const list = [
      citizen("s1", "Ada politik uang di TPS 3, amplop 50 ribu.", { createdAt: "2026-11-22T01:01:00.000Z" }),
      citizen("s2", "ADA politik-uang di TPS 17 amplop 20 ribu!!\n— Pasar Baru", {
        createdAt: "2026-11-22T01:02:00.000Z",
      }),
      citizen("real", "Kotak suara dibawa pulang sebelum dihitung.", { createdAt: "2026-11-22T01:03:00.000Z" }),
      citizen("q1", "Ada politik uang di TPS 9, amplop 10 ribu.", { queued: true }),
      citizen("q2", "Saksi diusir dari TPS.", { queued: true }),
      citizen("acted", "Ada politik uang di TPS 4, amplop 5 ribu.", { queued: true, status: "acknowledged" }),
      inc({ id: "staff1", description: "Listrik padam." }),
      inc({ id: "staff2", description: "Listrik padam." }),
    ];
    const { main, queued } = feedSections(list);
    const shape = (items: typeof main) => items.map((i) => [i.lead.id, ...i.similar.map((x) => x.id)]);
    // An operator's decision takes a report out of the queue and out of any group.
    expect(shape(main)).toEqual([["acted"], ["s1", "s2"], ["real"], ["staff1"], ["staff2"]]);
    expect(shape(queued)).toEqual([["q1"], ["q2"]]);
  });
});
