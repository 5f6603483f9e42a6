// A dashboard that opens areas (`areas:open`) receives the events of those areas only, catches up exactly
// what it missed in an area it opens later, is refused areas outside its view, and gets the running totals
// of an open area pushed when they change. Real server, real PostgreSQL, real socket.io-client connections.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LiveEvent } from "../app/lib/events";
import type { AreaTotals } from "../app/lib/region-summary";
import { api } from "./support/api";
import { startTestServer, submitAsOfficer, type TestServer } from "./support/server";
import { liveClients, openAreas, resume, until } from "./support/sockets";

let server: TestServer;
const http = api(() => server);
const live = liveClients();

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  live.closeAll();
  await server?.stop();
});

const tpsOf = (e: LiveEvent) => (e.data as { tpsCode?: string }).tpsCode;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const head = async () => (await server.services.sql`select seq from event_head`)[0].seq as number;
const firstTps = async (kecamatan: string, n = 2) =>
  (
    await server.services
      .sql`select code from tps where kelurahan_code like ${kecamatan + ".%"} order by code limit ${n}`
  ).map((r) => r.code as string);

async function dashboard(login = "posko") {
  const client = await live.connect(server.url, { token: await http.login(login) });
  const totals: { seq: number; areas: AreaTotals[] }[] = [];
  client.socket.on("totals", (push: { seq: number; areas: AreaTotals[] }) => totals.push(push));
  return { ...client, totals };
}

describe("areas:open", () => {
  it("narrows a dashboard to the events of its open areas", async () => {
    const [mine] = await firstTps("16.73.06");
    const [other] = await firstTps("16.73.07");
    const d = await dashboard();
    const answer = await openAreas(d.socket, ["16.73.06"], await head());
    expect(answer).toMatchObject({ ok: true, events: [], more: false });
    const broad = await dashboard(); // never sends areas:open: version 1, the whole view
    expect(await submitAsOfficer(server, other, "walikota")).toBe(201);
    expect(await submitAsOfficer(server, mine, "walikota")).toBe(201);
    await until(() => d.received.some((e) => tpsOf(e) === mine), "the open area's event");
    await until(() => broad.received.some((e) => tpsOf(e) === other), "the other area's event on the broad one");
    await pause(300); // the other area's event was committed first: had it been sent, it would be here
    expect(d.received.filter((e) => tpsOf(e) === other)).toEqual([]);
    expect(broad.received.some((e) => tpsOf(e) === mine)).toBe(true);
  });

  it("catches up exactly the missed events of an area opened later", async () => {
    const [first, second] = await firstTps("16.73.08");
    const [elsewhere] = await firstTps("16.73.07");
    const d = await dashboard();
    const start = await head();
    expect(await openAreas(d.socket, ["16.73.06"], start)).toMatchObject({ ok: true });
    // While it shows 16.73.06, two results come in 16.73.08 and one elsewhere.
    expect(await submitAsOfficer(server, first, "gubernur")).toBe(201);
    expect(await submitAsOfficer(server, elsewhere, "gubernur")).toBe(201);
    expect(await submitAsOfficer(server, second, "walikota")).toBe(201);
    const missed = (
      await server.services.sql`
      select seq from events where seq > ${start} and region like '16.73.08.%' order by seq`
    ).map((r) => r.seq);
    const answer = await openAreas(d.socket, ["16.73.08"], start);
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.events.map((e) => e.seq)).toEqual(missed);
    expect(answer.events.map((e) => tpsOf(e))).toEqual(expect.arrayContaining([first, second]));
    expect(answer.events.some((e) => tpsOf(e) === elsewhere)).toBe(false);
    expect(answer).toMatchObject({ seq: await head(), more: false });
    expect(d.received.filter((e) => tpsOf(e) === first || tpsOf(e) === second)).toEqual([]);
    // `resume` on this connection now replays by the same rule: the open area's events only.
    const replay = await resume(d.socket, start);
    expect(replay.ok && replay.data.events.map((e) => e.seq)).toEqual(missed);
  });

  it("refuses an area outside the caller's view, unknown areas and bad payloads", async () => {
    const supervisor = await dashboard("pengawas-01"); // watches 16.73.01
    expect(await openAreas(supervisor.socket, ["16.73.02"])).toEqual({ ok: false, code: "other_area" });
    expect(await openAreas(supervisor.socket, ["16.73.01", "16.73.02"])).toEqual({ ok: false, code: "other_area" });
    expect(await openAreas(supervisor.socket, ["ID"])).toEqual({ ok: false, code: "other_area" });
    expect(await openAreas(supervisor.socket, ["16.73.01.1001"])).toMatchObject({ ok: true });
    const operator = await dashboard();
    expect(await openAreas(operator.socket, ["16.73.99"])).toEqual({ ok: false, code: "not_found" });
    for (const bad of [[], ["x"], "16.73", [1], Array.from({ length: 21 }, (_, i) => `16.73.0${i % 8}`)])
      expect(await openAreas(operator.socket, bad)).toEqual({ ok: false, code: "invalid" });
    const officer = await live.connect(server.url, { token: await http.login("1673011001-001") });
    expect(await openAreas(officer.socket, ["16.73.01.1001"])).toEqual({ ok: false, code: "forbidden" });
  });
});

describe("totals pushes", () => {
  it("push an open area's totals and its children's after a result there", async () => {
    const [tps] = await firstTps("16.73.05");
    const d = await dashboard();
    expect(await openAreas(d.socket, ["16.73.05"], await head())).toMatchObject({ ok: true });
    // Opening pushes the current totals once (they may have moved since the page read them).
    await until(() => d.totals.length >= 1, "the first push");
    const before = d.totals.at(-1)!;
    expect(before.areas[0].code).toBe("16.73.05");
    expect(before.areas.slice(1).every((a) => a.code.startsWith("16.73.05."))).toBe(true);
    const reporting = (p: typeof before, code: string) =>
      p.areas.find((a) => a.code === code)!.contests.find((c) => c.key === "walikota")!.reporting;
    const kelurahan = `16.73.05.${tps.slice(6, 10)}`;
    expect(await submitAsOfficer(server, tps, "walikota")).toBe(201);
    await until(
      () => d.totals.some((p) => p.seq > before.seq && reporting(p, "16.73.05") > reporting(before, "16.73.05")),
      "a push with the result",
      200,
    );
    const after = d.totals.at(-1)!;
    expect(reporting(after, kelurahan)).toBe(reporting(before, kelurahan) + 1);
  });
});

describe("a visitor's areas:open (the public page)", () => {
  async function visitor() {
    const client = await live.connect(server.url, { public: true });
    const totals: { seq: number; areas: AreaTotals[] }[] = [];
    const summaries: unknown[] = [];
    client.socket.on("totals", (push: { seq: number; areas: AreaTotals[] }) => totals.push(push));
    client.socket.on("summary", (s: unknown) => summaries.push(s));
    return { ...client, totals, summaries };
  }

  it("gets only the public totals of its area, and a version-1 visitor still the summary", async () => {
    const [mine] = await firstTps("16.73.03");
    const [other] = await firstTps("16.73.04");
    const v = await visitor();
    const old = await visitor(); // never sends areas:open: the `public` room's whole summary
    expect(await openAreas(v.socket, ["16.73.03"])).toMatchObject({ ok: true, events: [], more: false });
    await until(() => v.totals.length >= 1, "the first push");
    const before = v.totals.at(-1)!;
    expect(await submitAsOfficer(server, other, "gubernur")).toBe(201);
    expect(await submitAsOfficer(server, mine, "gubernur")).toBe(201);
    const reporting = (p: typeof before) =>
      p.areas.find((a) => a.code === "16.73.03")!.contests.find((c) => c.key === "gubernur")!.reporting;
    await until(() => v.totals.some((p) => reporting(p) > reporting(before)), "a push with the result");
    await until(() => old.summaries.length > 0, "the summary on the version-1 visitor");
    await pause(300);
    // Its area and children only, aggregates only: no incidents, no events, no whole summary.
    for (const push of v.totals) {
      expect(push.areas[0].code).toBe("16.73.03");
      expect(push.areas.slice(1).every((a) => a.code.startsWith("16.73.03."))).toBe(true);
      expect(push.areas.every((a) => a.openIncidents === null)).toBe(true);
    }
    expect(v.received).toEqual([]);
    expect(v.summaries).toEqual([]);
    expect(old.totals).toEqual([]);
    const people = await server.services.sql`select login, name from users`;
    const text = JSON.stringify(v.totals);
    for (const p of people) {
      expect(text).not.toContain(`"${p.login as string}"`);
      expect(text).not.toContain(`"${p.name as string}"`);
    }
  });

  it("is refused an unknown or malformed area, and an officer's session is not a visitor", async () => {
    const v = await visitor();
    expect(await openAreas(v.socket, ["16.73.99"])).toEqual({ ok: false, code: "not_found" });
    expect(await openAreas(v.socket, ["x' or 1=1"])).toEqual({ ok: false, code: "invalid" });
    const officer = await live.connect(server.url, { token: await http.login("1673011001-001") });
    expect(await openAreas(officer.socket, ["16.73.03"])).toMatchObject({ ok: false, code: "forbidden" });
  });
});
