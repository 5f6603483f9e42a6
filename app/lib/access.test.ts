// Every role against every kind of resource and action, as a table a reviewer can read: a changed rule
// changes a row here. The last block proves the Socket.IO rooms deliver exactly what `mayReceive` allows.
import { describe, expect, it } from "vitest";
import {
  areaOf,
  canAcceptReport,
  canReadReport,
  canSeeInArchive,
  canSeeCase,
  mayIssueLettersFor,
  areaWithin,
  can,
  canActOnIncident,
  canManageOfficerAt,
  canReportFor,
  canReportIncidentAt,
  canReview,
  canAttachPhotoTo,
  canSeeIncident,
  canShareWithOfficer,
  canSeePhoto,
  canUploadPhotoFor,
  contestViewOf,
  eventViewOf,
  incidentViewOf,
  areaRoomsOf,
  mayNameTps,
  mayOpenArea,
  mayReceive,
  mayReceiveIn,
  mayReplaceVerified,
  PERMISSION_NAMES,
  roomsOf,
  viewOf,
  type AccessUser,
  type EventAddress,
  type Permission,
  canHandleDispute,
} from "./access";

const OWN_KEL = "16.73.01.1002";
const OWN_TPS = { code: "1673011002-001", kelurahanCode: OWN_KEL };
const NEIGHBOUR_TPS = { code: "1673011002-002", kelurahanCode: OWN_KEL };
const FAR_TPS = { code: "1673021001-001", kelurahanCode: "16.73.02.1001" };

const users = {
  officer: { id: 10, role: "officer", regionCode: OWN_KEL, tpsCode: OWN_TPS.code },
  supervisor: { id: 20, role: "supervisor", regionCode: "16.73.01", tpsCode: null },
  operator: { id: 30, role: "operator", regionCode: null, tpsCode: null },
  responder: { id: 40, role: "responder", regionCode: null, tpsCode: null },
  admin: { id: 50, role: "admin", regionCode: null, tpsCode: null },
  case_officer: { id: 60, role: "case_officer", regionCode: "16.73.01", tpsCode: null },
  public: null,
} satisfies Record<string, AccessUser | null>;
type Who = keyof typeof users;
const WHO = Object.keys(users) as Who[];

/** Each row: who may (1) or may not (0), in the order officer, supervisor, operator, responder, admin,
 *  case officer, public. */
type Row = [string, (user: AccessUser) => boolean, [number, number, number, number, number, number, number]];

function walk(rows: Row[]) {
  for (const [what, rule, expected] of rows) {
    it(what, () => {
      const answers = WHO.map((who) => (users[who] ? Number(rule(users[who])) : 0));
      expect(Object.fromEntries(WHO.map((w, i) => [w, answers[i]]))).toEqual(
        Object.fromEntries(WHO.map((w, i) => [w, expected[i]])),
      );
    });
  }
}

describe("named permissions", () => {
  const table: Record<Permission, [number, number, number, number, number, number, number]> = {
    "result:report": [1, 1, 1, 0, 1, 0, 0],
    "sms:report": [1, 0, 0, 0, 0, 0, 0],
    "incident:report": [1, 1, 1, 0, 1, 0, 0],
    "incident:transition": [0, 1, 1, 1, 1, 0, 0],
    "incident:citizen": [0, 1, 1, 0, 1, 0, 0],
    "incident:share": [0, 1, 1, 0, 1, 0, 0],
    "incident:claim": [0, 1, 1, 0, 1, 0, 0],
    "photo:upload": [1, 1, 1, 1, 1, 0, 0],
    "result:review": [0, 1, 1, 0, 1, 0, 0],
    "paper:enter": [0, 0, 1, 0, 1, 0, 0],
    "paper:resolve": [0, 1, 0, 0, 1, 0, 0],
    "posko:view": [0, 1, 1, 0, 1, 1, 0],
    "audit:read": [0, 1, 1, 0, 1, 0, 0],
    "posko:operate": [0, 0, 1, 0, 1, 0, 0],
    "broadcast:send": [0, 1, 1, 0, 1, 0, 0],
    "audit:export": [0, 0, 0, 0, 1, 0, 0],
    "responder:locate": [0, 0, 0, 1, 0, 0, 0],
    "officer:app": [1, 0, 0, 0, 0, 0, 0],
    "responder:app": [0, 0, 0, 1, 0, 0, 0],
    "guide:read": [1, 1, 1, 0, 1, 0, 0],
    "contacts:read": [1, 1, 1, 1, 1, 0, 0],
    "roster:read": [0, 1, 1, 0, 1, 0, 0],
    "roster:manage": [0, 1, 1, 0, 1, 0, 0],
    "projection:force": [0, 1, 0, 0, 1, 0, 0],
    "admin:manage": [0, 0, 0, 0, 1, 0, 0],
    "letters:issue": [0, 1, 0, 0, 1, 0, 0],
    "dispute:handle": [0, 0, 0, 0, 1, 1, 0],
    "handover:close": [0, 1, 1, 0, 1, 0, 0],
    // The data centre's activity log.
    "supervision:record": [0, 0, 0, 0, 1, 1, 0],
    // The voter-list check: the officer of the TPS only.
    "voters:check": [1, 0, 0, 0, 0, 0, 0],
    // The TPS supervision report (Form A) and the archive.
    "report:submit": [1, 0, 0, 0, 0, 0, 0],
    "report:read": [0, 1, 1, 0, 1, 1, 0],
    "report:accept": [0, 1, 1, 0, 1, 0, 0],
    "archive:read": [0, 1, 1, 0, 1, 1, 0],
    "case:handle": [0, 0, 0, 0, 1, 1, 0],
  };
  it("has a row for every permission", () => expect(Object.keys(table).sort()).toEqual([...PERMISSION_NAMES].sort()));
  walk(PERMISSION_NAMES.map((p): Row => [p, (u) => can(u, p), table[p]]));
  it("gives no user nothing", () => expect(PERMISSION_NAMES.some((p) => can(null, p))).toBe(false));
});

describe("TPS and areas", () => {
  walk([
    ["report for their own TPS", (u) => canReportFor(u, OWN_TPS), [1, 1, 1, 0, 1, 0, 0]],
    ["issue letters of a TPS in their area", (u) => mayIssueLettersFor(u, NEIGHBOUR_TPS.code), [0, 1, 0, 0, 1, 0, 0]],
    ["issue letters of a TPS outside their area", (u) => mayIssueLettersFor(u, FAR_TPS.code), [0, 0, 0, 0, 1, 0, 0]],
    ["report for another TPS in their area", (u) => canReportFor(u, NEIGHBOUR_TPS), [0, 1, 1, 0, 1, 0, 0]],
    ["report for a TPS outside their area", (u) => canReportFor(u, FAR_TPS), [0, 0, 1, 0, 1, 0, 0]],
    ["change the officer of a TPS in their area", (u) => canManageOfficerAt(u, NEIGHBOUR_TPS), [0, 1, 1, 0, 1, 0, 0]],
    ["change the officer of a TPS outside their area", (u) => canManageOfficerAt(u, FAR_TPS), [0, 0, 1, 0, 1, 0, 0]],
    ["name their own TPS in a report", (u) => mayNameTps(u, OWN_TPS.code), [1, 1, 1, 1, 1, 1, 0]],
    ["name another TPS in a report", (u) => mayNameTps(u, FAR_TPS.code), [0, 1, 1, 1, 1, 1, 0]],
    ["upload a photo for their own TPS", (u) => canUploadPhotoFor(u, OWN_TPS), [1, 1, 1, 0, 1, 0, 0]],
    ["upload a photo for a TPS outside their area", (u) => canUploadPhotoFor(u, FAR_TPS), [0, 0, 1, 0, 1, 0, 0]],
    ["replace a verified result by reporting", (u) => mayReplaceVerified(u), [0, 1, 1, 1, 1, 1, 0]],
    ["review their own TPS", (u) => canReview(u, OWN_TPS), [0, 1, 1, 0, 1, 0, 0]],
    ["review a TPS outside their area", (u) => canReview(u, FAR_TPS), [0, 0, 1, 0, 1, 0, 0]],
    ["see results at all", (u) => viewOf(u) !== null, [1, 1, 1, 0, 1, 1, 0]],
    ["see the whole election's results", (u) => viewOf(u)?.scope === null, [0, 0, 1, 0, 1, 0, 0]],
    ["keep lists and exports to an area", (u) => areaOf(u) !== null, [0, 1, 0, 0, 0, 1, 0]],
  ]);
  it("keeps a supervisor's asked-for area inside their own", () => {
    expect(areaWithin(users.supervisor, "16.73.01.1002")).toBe("16.73.01.1002");
    expect(areaWithin(users.supervisor, "16.73.02")).toBe("16.73.01");
    expect(areaWithin(users.supervisor, null)).toBe("16.73.01");
    expect(areaWithin(users.operator, "16.73.02")).toBe("16.73.02");
  });
  it("reads a region code as inside an area only on a whole segment", () => {
    const longer = { ...users.supervisor, regionCode: "16.73.0" };
    expect(canReportFor(longer, OWN_TPS)).toBe(false);
  });
});

describe("incidents", () => {
  const app = { source: "app", sharedAt: null };
  const mine = { regionCode: OWN_KEL, tpsCode: OWN_TPS.code, responderIds: [40], ...app };
  const far = { regionCode: FAR_TPS.kelurahanCode, tpsCode: FAR_TPS.code, responderIds: [], ...app };
  const placeless = { regionCode: null, tpsCode: null, responderIds: [], ...app };
  const citizen = { ...mine, responderIds: [], source: "citizen" };
  const shared = { ...citizen, sharedAt: "2026-11-22T02:00:00.000Z" };
  walk([
    ["see an incident at their TPS, dispatched to them", (u) => canSeeIncident(u, mine), [1, 1, 1, 1, 1, 1, 0]],
    ["see an incident outside their area, not dispatched", (u) => canSeeIncident(u, far), [0, 0, 1, 0, 1, 0, 0]],
    ["see an incident without a place", (u) => canSeeIncident(u, placeless), [0, 0, 1, 0, 1, 0, 0]],
    ["see a citizen's report about their TPS", (u) => canSeeIncident(u, citizen), [0, 1, 1, 0, 1, 1, 0]],
    ["see a citizen's report staff shared", (u) => canSeeIncident(u, shared), [1, 1, 1, 0, 1, 1, 0]],
    [
      "attach a photo to an incident at their TPS, dispatched to them",
      (u) => canAttachPhotoTo(u, { ...mine, reporter: null }),
      [1, 1, 1, 1, 1, 0, 0],
    ],
    [
      "attach a photo to an incident elsewhere they reported",
      (u) => canAttachPhotoTo(u, { ...far, reporter: { id: u.id } }),
      [1, 1, 1, 1, 1, 0, 0],
    ],
    [
      "attach a photo to an incident elsewhere",
      (u) => canAttachPhotoTo(u, { ...far, reporter: null }),
      [0, 0, 1, 0, 1, 0, 0],
    ],
    [
      "attach a photo to a citizen's report about their TPS",
      (u) => canAttachPhotoTo(u, { ...citizen, reporter: null }),
      [0, 1, 1, 0, 1, 0, 0],
    ],
    ["share a citizen's report in their area", (u) => canShareWithOfficer(u, citizen), [0, 1, 1, 0, 1, 0, 0]],
    [
      "share a citizen's report outside their area",
      (u) => canShareWithOfficer(u, { ...citizen, regionCode: FAR_TPS.kelurahanCode, tpsCode: FAR_TPS.code }),
      [0, 0, 1, 0, 1, 0, 0],
    ],
    ["acknowledge an incident in their area", (u) => canActOnIncident(u, mine, "acknowledge"), [0, 1, 1, 0, 1, 0, 0]],
    ["arrive at an incident dispatched to them", (u) => canActOnIncident(u, mine, "on_scene"), [0, 1, 1, 1, 1, 0, 0]],
    ["act on an incident not dispatched to them", (u) => canActOnIncident(u, far, "on_scene"), [0, 0, 1, 0, 1, 0, 0]],
    [
      "report an incident at their TPS",
      (u) => canReportIncidentAt(u, { tpsCode: OWN_TPS.code, regionCode: OWN_KEL }),
      [1, 1, 1, 0, 1, 0, 0],
    ],
    [
      "report an incident outside their area",
      (u) => canReportIncidentAt(u, { tpsCode: FAR_TPS.code, regionCode: FAR_TPS.kelurahanCode }),
      [0, 0, 1, 0, 1, 0, 0],
    ],
  ]);
  it("lists the incidents each role may see", () => {
    expect(incidentViewOf(users.officer)).toEqual({
      scope: null,
      tpsCode: OWN_TPS.code,
      responderId: undefined,
      officerView: true,
    });
    expect(incidentViewOf(users.supervisor)).toEqual({ scope: "16.73.01", tpsCode: null, responderId: undefined });
    expect(incidentViewOf(users.case_officer)).toEqual({ scope: "16.73.01", tpsCode: null, responderId: undefined });
    expect(incidentViewOf(users.operator)).toEqual({ scope: null, tpsCode: null, responderId: undefined });
    expect(incidentViewOf(users.responder)).toEqual({ scope: null, tpsCode: null, responderId: 40 });
  });
});

describe("photos", () => {
  const ownPhoto = { uploaderId: 99, tpsCode: OWN_TPS.code, kelurahanCode: OWN_KEL };
  const farPhoto = { uploaderId: 99, tpsCode: FAR_TPS.code, kelurahanCode: FAR_TPS.kelurahanCode };
  const loosePhoto = { uploaderId: 99, tpsCode: null, kelurahanCode: null };
  const none = { dispatchedToUser: false };
  walk([
    ["see a photo of their TPS", (u) => canSeePhoto(u, ownPhoto, none), [1, 1, 1, 0, 1, 0, 0]],
    ["see a photo of another TPS", (u) => canSeePhoto(u, farPhoto, none), [0, 0, 1, 0, 1, 0, 0]],
    ["see a photo without a TPS", (u) => canSeePhoto(u, loosePhoto, none), [0, 0, 1, 0, 1, 0, 0]],
    [
      "see a photo they uploaded",
      (u) => canSeePhoto(u, { ...farPhoto, uploaderId: u.id }, none),
      [1, 1, 1, 1, 1, 1, 0],
    ],
    [
      "see a photo of an incident dispatched to them",
      (u) => canSeePhoto(u, farPhoto, { dispatchedToUser: true }),
      [0, 0, 1, 1, 1, 0, 0],
    ],
    [
      "see the C.Hasil photo of a verified result anywhere",
      (u) => canSeePhoto(u, { ...farPhoto, ofVerifiedResult: true }, none),
      // The walk gives the public no user; the public's own case is the test below.
      [1, 1, 1, 1, 1, 1, 0],
    ],
  ]);
  it("shows the public a C.Hasil photo of a verified result, and no other", () => {
    expect(canSeePhoto(null, { ...farPhoto, ofVerifiedResult: true }, none)).toBe(true);
    expect(canSeePhoto(null, farPhoto, none)).toBe(false);
    expect(canSeePhoto(null, loosePhoto, none)).toBe(false);
  });
});

describe("contests a caller is given", () => {
  it("gives the public and roles without a results view every contest, the others their view", () => {
    expect(contestViewOf(null)).toEqual({ scope: null });
    expect(contestViewOf(users.responder)).toEqual({ scope: null });
    expect(contestViewOf(users.supervisor)).toEqual({ scope: "16.73.01" });
    expect(contestViewOf(users.case_officer)).toEqual({ scope: "16.73.01" });
    expect(contestViewOf({ ...users.supervisor, regionCode: null })).toEqual({ scope: "-" });
    expect(contestViewOf(users.officer)).toEqual(viewOf(users.officer));
  });
});

describe("events, live and replayed", () => {
  const events: [string, EventAddress, [number, number, number, number, number, number, number]][] = [
    ["a result at their TPS", { region: OWN_KEL, data: { tpsCode: OWN_TPS.code } }, [1, 1, 1, 0, 1, 1, 0]],
    [
      "a result at another TPS of their area",
      { region: OWN_KEL, data: { tpsCode: NEIGHBOUR_TPS.code } },
      [0, 1, 1, 0, 1, 1, 0],
    ],
    [
      "a result in another kecamatan",
      { region: FAR_TPS.kelurahanCode, data: { tpsCode: FAR_TPS.code } },
      [0, 0, 1, 0, 1, 0, 0],
    ],
    [
      "an incident at their TPS dispatched to the responder",
      { region: OWN_KEL, data: { tpsCode: OWN_TPS.code, responderIds: [40] } },
      [1, 1, 1, 1, 1, 1, 0],
    ],
    [
      "an incident elsewhere dispatched to the responder",
      { region: FAR_TPS.kelurahanCode, data: { tpsCode: FAR_TPS.code, responderIds: [40] } },
      [0, 0, 1, 1, 1, 0, 0],
    ],
    [
      "an incident elsewhere dispatched to nobody",
      { region: FAR_TPS.kelurahanCode, data: { tpsCode: FAR_TPS.code, responderIds: [] } },
      [0, 0, 1, 0, 1, 0, 0],
    ],
    ["an incident without a place", { region: null, data: { tpsCode: null, responderIds: [] } }, [0, 0, 1, 0, 1, 0, 0]],
    ["a photo without a TPS in their area", { region: OWN_KEL, data: { tpsCode: null } }, [0, 1, 1, 0, 1, 1, 0]],
    ["a responder's location", { region: null, data: { responderId: 40 } }, [0, 0, 1, 0, 1, 0, 0]],
    [
      "a citizen's report about their TPS",
      { region: OWN_KEL, data: { tpsCode: OWN_TPS.code, source: "citizen", sharedAt: null } },
      [0, 1, 1, 0, 1, 1, 0],
    ],
    [
      "a citizen's report about their TPS that staff shared",
      { region: OWN_KEL, data: { tpsCode: OWN_TPS.code, source: "citizen", sharedAt: "2026-11-22T02:00:00Z" } },
      [1, 1, 1, 0, 1, 1, 0],
    ],
    ["a changed setting", { region: null, data: { key: "incident.categories" } }, [0, 0, 1, 0, 1, 0, 0]],
    [
      "a broadcast naming their TPS among others",
      { region: "16.73", data: { tpsCodes: [FAR_TPS.code, OWN_TPS.code] } },
      [1, 0, 1, 0, 1, 0, 0],
    ],
    ["a broadcast to other TPS", { region: "16.73.02", data: { tpsCodes: [FAR_TPS.code] } }, [0, 0, 1, 0, 1, 0, 0]],
    ["accounts signed out", { region: null, data: { userIds: [10, 40] } }, [0, 0, 1, 0, 1, 0, 0]],
  ];
  walk(events.map(([what, event, expected]): Row => [`receive ${what}`, (u) => mayReceive(u, event), expected]));

  it("delivers an incident's events to exactly those who may open the incident", () => {
    const app = { source: "app", sharedAt: null };
    const incidents = {
      mine: { regionCode: OWN_KEL, tpsCode: OWN_TPS.code, responderIds: [40], ...app },
      far: { regionCode: FAR_TPS.kelurahanCode, tpsCode: FAR_TPS.code, responderIds: [], ...app },
      placeless: { regionCode: null, tpsCode: null, responderIds: [], ...app },
      "placeless, dispatched": { regionCode: null, tpsCode: null, responderIds: [40], ...app },
      "in the area, no TPS": { regionCode: "16.73.01", tpsCode: null, responderIds: [], ...app },
      citizen: { regionCode: OWN_KEL, tpsCode: OWN_TPS.code, responderIds: [], source: "citizen", sharedAt: null },
      shared: { regionCode: OWN_KEL, tpsCode: OWN_TPS.code, responderIds: [], source: "citizen", sharedAt: "x" },
    };
    for (const who of WHO) {
      for (const [what, incident] of Object.entries(incidents)) {
        const user = users[who];
        const received = mayReceive(user, { region: incident.regionCode, data: incident });
        expect({ who, what, received }).toEqual({ who, what, received: !!user && canSeeIncident(user, incident) });
      }
    }
  });
  it("lets nobody replay without an event view", () => {
    expect(eventViewOf(null)).toBeNull();
    expect(eventViewOf({ ...users.supervisor, regionCode: null })).toBeNull();
    expect(roomsOf(null)).toEqual(["public"]);
  });
});

describe("areas a dashboard opens", () => {
  const result = (region: string) => ({ region, type: "result:updated", data: { tpsCode: "x" } });
  const incident = (region: string | null) => ({ region, type: "incident:created", data: { id: "i" } });
  const receives = (user: AccessUser, areas: { code: string; showsTps: boolean }[], event: EventAddress) =>
    mayReceiveIn(user, new Set(areaRoomsOf(user, areas)), event);

  it("lets a results view open the areas inside it, and nobody else", () => {
    expect(mayOpenArea(users.operator, "ID")).toBe(true);
    expect(mayOpenArea(users.operator, "16.73.02")).toBe(true);
    expect(mayOpenArea(users.supervisor, "16.73.01.1002")).toBe(true);
    expect(mayOpenArea(users.supervisor, "16.73.02")).toBe(false);
    expect(mayOpenArea(users.supervisor, "16.73")).toBe(false);
    expect(mayOpenArea(users.supervisor, "ID")).toBe(false);
    for (const who of ["officer", "responder"] as const) expect(mayOpenArea(users[who], OWN_KEL)).toBe(false);
    expect(mayOpenArea(null, "ID")).toBe(false);
    expect(areaRoomsOf(users.supervisor, [{ code: "16.73.02", showsTps: true }])).toEqual([]);
  });

  it("delivers every event of an area shown by TPS, and only the non-per-TPS kinds of a larger one", () => {
    const small = [{ code: "16.73.01", showsTps: true }];
    const large = [{ code: "16.73", showsTps: false }];
    expect(receives(users.operator, small, result(OWN_KEL))).toBe(true);
    expect(receives(users.operator, small, result(FAR_TPS.kelurahanCode))).toBe(false);
    expect(receives(users.operator, small, incident(FAR_TPS.kelurahanCode))).toBe(false);
    expect(receives(users.operator, large, result(OWN_KEL))).toBe(false);
    expect(receives(users.operator, large, incident(OWN_KEL))).toBe(true);
    expect(receives(users.operator, [{ code: "ID", showsTps: false }], incident("31.71.01.1001"))).toBe(true);
    expect(receives(users.operator, [{ code: "ID", showsTps: false }], result("31.71.01.1001"))).toBe(false);
  });

  it("keeps events of no region for a whole-election view only", () => {
    const small = [{ code: "16.73.01", showsTps: true }];
    expect(receives(users.operator, small, incident(null))).toBe(true);
    expect(receives(users.supervisor, small, incident(null))).toBe(false);
  });
});

describe("supervision reports and the archive", () => {
  walk([
    ["read the report of a TPS in their area", (u) => canReadReport(u, OWN_TPS), [0, 1, 1, 0, 1, 1, 0]],
    ["read the report of a TPS outside their area", (u) => canReadReport(u, FAR_TPS), [0, 0, 1, 0, 1, 0, 0]],
    ["accept the report of a TPS in their area", (u) => canAcceptReport(u, OWN_TPS), [0, 1, 1, 0, 1, 0, 0]],
    ["accept the report of a TPS outside their area", (u) => canAcceptReport(u, FAR_TPS), [0, 0, 1, 0, 1, 0, 0]],
    ["see an archived file of their area", (u) => canSeeInArchive(u, OWN_KEL), [0, 1, 1, 0, 1, 1, 0]],
    ["see an archived file of no place", (u) => canSeeInArchive(u, null), [0, 0, 1, 0, 1, 0, 0]],
  ]);
});

describe("process disputes", () => {
  walk([
    ["a petition of the own kecamatan's PPK", (u) => canHandleDispute(u, "16.73.01"), [0, 0, 0, 0, 1, 1, 0]],
    ["a petition of another kecamatan's PPK", (u) => canHandleDispute(u, "16.73.02"), [0, 0, 0, 0, 1, 0, 0]],
    ["a petition of the city's KPU, above the kecamatan", (u) => canHandleDispute(u, "16.73"), [0, 0, 0, 0, 1, 0, 0]],
  ]);

  it("sends a petition's changes to the case officers of its region and admins only, live and on replay", () => {
    const event = { region: "16.73.01", type: "dispute:changed", data: { id: "x", disputeRegion: "16.73.01" } };
    const who = WHO.filter((w) => mayReceive(users[w], event));
    expect(who).toEqual(["admin", "case_officer"]);
    const elsewhere = { region: "16.73.02", type: "dispute:changed", data: { id: "y", disputeRegion: "16.73.02" } };
    expect(WHO.filter((w) => mayReceive(users[w], elsewhere))).toEqual(["admin"]);
    expect(areaOf(users.case_officer)).toBe("16.73.01");
    expect(areaOf(users.admin)).toBeNull();
  });

  it("keeps a petition's changes for a case officer who opened areas of the map", () => {
    const event = { region: "16.73.01", type: "dispute:changed", data: { id: "x", disputeRegion: "16.73.01" } };
    const user = users.case_officer!;
    expect(mayReceiveIn(user, new Set(areaRoomsOf(user, [{ code: "16.73.01", showsTps: true }])), event)).toBe(true);
  });
});

describe("violation cases", () => {
  // The case officer watches 16.73.01; a case at a TPS of the officer's own kelurahan is theirs too.
  const inside = { regionCode: OWN_KEL };
  const outside = { regionCode: "16.73.02.1001" };
  walk([
    ["see a case in the case officer's region", (u) => canSeeCase(u, inside), [0, 0, 0, 0, 1, 1, 0]],
    ["see a case outside it", (u) => canSeeCase(u, outside), [0, 0, 0, 0, 1, 0, 0]],
    ["see a case without a region", (u) => canSeeCase(u, { regionCode: null }), [0, 0, 0, 0, 1, 0, 0]],
  ]);
  const event = (region: string | null) => ({
    region,
    type: "case:changed",
    data: {
      id: "x",
      kind: "laporan",
      state: "received",
      registrationNumber: null,
      dueAt: null,
      step: "file",
      tpsCode: OWN_TPS.code,
    },
  });
  walk([
    [
      "receive a case event of the region (never the TPS's officer, operator or public)",
      (u) => mayReceive(u, event(OWN_KEL)),
      [0, 0, 0, 0, 1, 1, 0],
    ],
    ["receive a case event of another region", (u) => mayReceive(u, event("16.73.02.1001")), [0, 0, 0, 0, 1, 0, 0]],
    [
      "keep case events after opening map areas",
      (u) => mayReceiveIn(u, new Set(areaRoomsOf(u, [{ code: "16.73.01", showsTps: true }])), event(OWN_KEL)),
      [0, 0, 0, 0, 1, 1, 0],
    ],
  ]);
});
