// Public summary, open data, the live public room, recap and exports against the real server.
// Uses only TPS of kecamatan 16.73.04.
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { parseCsv } from "../app/lib/csv";
import { api } from "./support/api";
import { serverPerTest } from "./support/server";
import { liveClients } from "./support/sockets";

// Every test counts results across the whole city, so each has a server and database of its own.
const server = serverPerTest();
const http = api(server);
const live = liveClients();
afterEach(() => live.closeAll());
// TPS of kecamatan 16.73.04 only.
const tpsCodes = ["1673041001-001", "1673041001-002", "1673041001-003", "1673041001-004"];

async function submit(tpsCode: string, contest: string, votes: Record<string, number>, invalid: number) {
  const body = {
    id: randomUUID(),
    tpsCode,
    contest,
    votes,
    invalid,
    capturedAt: new Date().toISOString(),
    justification: "Angka sudah dicek ulang bersama saksi.",
  };
  const res = await http.post("/api/v1/quick-counts", body, await http.login(tpsCode));
  expect(res.status, await res.clone().text()).toBe(201);
}

const get = http.get;

/** Whatever the public sees must not hold a login, a person's name or a phone number. */
async function expectNoPersonalData(text: string) {
  const people = await server().services.sql`select login, name, phone from users`;
  for (const p of people) {
    expect(text).not.toContain(p.login as string);
    expect(text).not.toContain(p.name as string);
    if (p.phone) expect(text).not.toContain(p.phone as string);
  }
  expect(text).not.toMatch(/"(login|name_of_officer|phone|contact|author|actor|reporter)/i);
}

describe("public summary and open data", () => {
  it("shows provisional totals, the share of TPS in and no personal data, as JSON and CSV, without login", async () => {
    await submit(tpsCodes[0], "walikota", { "1": 100, "2": 50, "3": 30 }, 5);
    const res = await get("/api/v1/public/summary");
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const text = await res.text();
    const summary = JSON.parse(text);
    expect(summary.provisional).toBe(true);
    expect(summary.lastUpdate).not.toBeNull();
    const walikota = summary.contests.find((c: { code: string }) => c.code === "walikota");
    expect(walikota).toMatchObject({ tpsIn: 1, tpsTotal: 635, valid: 180, invalid: 5 });
    expect(walikota.candidates.map((k: { votes: number }) => k.votes)).toEqual([100, 50, 30]);
    expect(walikota.byKecamatan.find((a: { code: string }) => a.code === "16.73.04")).toMatchObject({
      tpsIn: 1,
      votes: { "1": 100, "2": 50, "3": 30 },
    });
    await expectNoPersonalData(text);

    // Semicolons by default (a spreadsheet set to Indonesian), commas on request (fetch's text() drops the BOM).
    expect((await (await get("/api/v1/public/summary.csv")).text()).startsWith("contest;area_code;")).toBe(true);
    const csv = await get("/api/v1/public/summary.csv?sep=comma");
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    const csvText = (await csv.text()).replace(/^\ufeff/, "");
    expect(csvText.split("\r\n")[0]).toBe(
      "contest,area_code,area_name,tps_total,tps_in,candidate_number,candidate_name,votes,invalid,provisional,last_update",
    );
    expect(csvText).toMatch(/\r\nwalikota,\*,,635,1,1,"[^"]+",100,5,true,/);
    await expectNoPersonalData(csvText);
  });

  it("pushes the summary live to the public room, and nothing per officer", async () => {
    const { socket, received: other } = await live.connect(server().url, { public: true });
    const next = new Promise<{ contests: { code: string; tpsIn: number }[] }>((resolve) =>
      socket.once("summary", resolve),
    );
    await submit(tpsCodes[1], "gubernur", { "1": 70, "2": 90 }, 3);
    const summary = await next;
    expect(summary.contests.find((c) => c.code === "gubernur")!.tpsIn).toBe(1);
    await expectNoPersonalData(JSON.stringify(summary));
    expect(other).toEqual([]);
    // A public socket cannot ask for the event log.
    const answer = await socket.emitWithAck("resume", { after: 0 });
    expect(answer).toMatchObject({ ok: false, error: { code: "forbidden" } });
  });
});

describe("recap and exports", () => {
  it("recap totals equal the sum of the TPS results at every level", async () => {
    const posko = await http.login("posko");
    await submit(tpsCodes[2], "walikota", { "1": 10, "2": 20, "3": 30 }, 1);
    await submit(tpsCodes[3], "walikota", { "1": 40, "2": 5, "3": 6 }, 2);
    const [truth] = await server().services.sql`
      select count(*)::int as tps_in, sum((votes->>'1')::int)::int as v1, sum((votes->>'2')::int)::int as v2,
        sum((votes->>'3')::int)::int as v3, sum(invalid)::int as invalid
      from results where contest_code = 'walikota'`;
    for (const level of ["kelurahan", "kecamatan", "city"]) {
      const res = await get(`/api/v1/exports/recap.csv?contest=walikota&level=${level}`, posko);
      expect(res.status).toBe(200);
      // Written for a spreadsheet set to Indonesian: semicolons, after a byte order mark.
      const lines = parseCsv(await res.text(), ";");
      const header = lines[0];
      const col = (name: string) => header.indexOf(name);
      const body = lines.slice(1, -1);
      const total = lines[lines.length - 1];
      expect(total[0]).toBe("TOTAL");
      const sum = (name: string) => body.reduce((s, r) => s + Number(r[col(name)]), 0);
      for (const [name, value] of [
        ["tps_in", truth.tpsIn],
        ["votes_1", truth.v1],
        ["votes_2", truth.v2],
        ["votes_3", truth.v3],
        ["invalid", truth.invalid],
        ["tps", 635],
      ] as const) {
        expect(Number(total[col(name)]), `${level} ${name}`).toBe(value);
        expect(sum(name), `${level} ${name} rows`).toBe(value);
      }
      expect(body.length).toBe(level === "kelurahan" ? 72 : level === "kecamatan" ? 8 : 1);
    }
  });

  it("renders the printable recap page with a totals row, for staff only and within a supervisor's area", async () => {
    const posko = await http.login("posko");
    await submit(tpsCodes[2], "walikota", { "1": 10, "2": 20, "3": 30 }, 1);
    expect((await get("/rekap")).status).toBe(200); // the login page after a redirect
    const officer = await http.login(tpsCodes[0]);
    expect((await get("/rekap", officer)).status).toBe(403);
    const html = await (await get("/rekap?contest=walikota&level=kecamatan", posko)).text();
    expect(html.match(/data-testid="recap-16\.73\.0\d"/g)).toHaveLength(8);
    const total = html.slice(html.indexOf('data-testid="recap-total"'));
    const [truth] = await server().services
      .sql`select sum((votes->>'1')::int)::int as v1 from results where contest_code = 'walikota'`;
    expect(truth.v1).toBe(10);
    expect(total.match(/data-testid="votes-1">([\d.]+)</)![1].replace(/\./g, "")).toBe(String(truth.v1));
    expect(html).toContain(">Cetak</button>");
    const supervisor = await http.login("pengawas-04");
    const scoped = await (await get("/rekap?contest=walikota&level=kelurahan", supervisor)).text();
    const scopedAreas = scoped.match(/data-testid="recap-16\.73\.\d\d\.\d{4}"/g) ?? [];
    expect(scopedAreas.length).toBeGreaterThan(0);
    expect(scopedAreas.every((m) => m.includes("16.73.04."))).toBe(true);
    // An area narrows the recap; a supervisor cannot widen theirs.
    const recapRows = async (token: string) =>
      (await (await get("/api/v1/exports/recap.csv?contest=walikota&level=kelurahan&area=16.73.02", token)).text())
        .trim()
        .split("\r\n")
        .slice(1, -1);
    const one = await recapRows(posko);
    expect(one.length).toBeGreaterThan(0);
    expect(one.every((l) => l.startsWith("16.73.02."))).toBe(true);
    const widened = await recapRows(supervisor);
    expect(widened.length).toBeGreaterThan(0);
    expect(widened.every((l) => l.startsWith("16.73.04."))).toBe(true);
  });

  it("exports results per TPS for staff and the audit log for admins only", async () => {
    const [posko, admin] = [await http.login("posko"), await http.login("admin")];
    await submit(tpsCodes[0], "walikota", { "1": 100, "2": 50, "3": 30 }, 5);
    expect((await get("/api/v1/exports/results.csv")).status).toBe(401);
    const officer = await http.login(tpsCodes[0]);
    expect((await get("/api/v1/exports/results.csv", officer)).status).toBe(403);
    const results = await (await get("/api/v1/exports/results.csv", posko)).text();
    const lines = results.trim().split("\r\n");
    expect(lines).toHaveLength(1 + 635 * 2);
    expect(lines.some((l) => l.startsWith(`${tpsCodes[0]};`) && l.includes(";walikota;submitted;quick;1;app;"))).toBe(
      true,
    );

    const supervisor = await http.login("pengawas-04");
    const scoped = (await (await get("/api/v1/exports/results.csv", supervisor)).text()).trim().split("\r\n").slice(1);
    expect(scoped.length).toBeGreaterThan(0);
    expect(scoped.every((l) => l.startsWith("167304"))).toBe(true);

    expect((await get("/api/v1/exports/audit.csv", posko)).status).toBe(403);
    const audit = await (await get("/api/v1/exports/audit.csv?sep=comma", admin)).text();
    expect(audit.split("\r\n")[0]).toBe("id,at,actor_id,actor_login,action,entity,before,after,prev_hash,hash");
    expect(audit).toContain("quick_count.submit");

    const bad = await get("/api/v1/exports/recap.csv?contest=nope&level=planet", posko);
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors.map((e: { field: string }) => e.field)).toEqual(["contest", "level"]);
  });
});
