// The voter-list check against the real server (docs/decisions/047-voter-list-check.md): the KPU's file is
// checked line by line and imported all or nothing, each TPS's list replaced whole; only the officer of a TPS
// downloads its list, which carries no NIK, only keyed hashes the phone can test an NIK against; lookups are
// recorded idempotently and audited; the phone is told to wipe the list once the TPS has reported, and the
// session's end (replaced, moved) says the same. No NIK, nor its digits, in any answer, event, log line or
// audit row.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashNik, fromBase64url, type VoterListDownload } from "~/lib/voters";
import { api } from "./support/api";
import { connectDashboard, startInstance, startTestServer, VALID_VOTES, type TestServer } from "./support/server";
import type { Pantau } from "../server/app";

const A = "1673011004-001";
const B = "1673011004-002";
const C = "1673011004-003";
/** Fake NIKs of well-formed shape (kecamatan 16.73.01, a birth date, a serial). */
const NIKS = ["1673011207800001", "1673015505850002", "1673010101000003", "1673014309620004", "1673012512990005"];
const HEADER = "tps_code,row,nik,name,sex,birth_date,rt,rw,status,disability";
const GOOD = [
  HEADER,
  `${A},1,${NIKS[0]},"H. Achmad Djunaedi",L,1980-07-12,001,002,DPT,`,
  `${A},2,${NIKS[1]},"Siti Aminah, S.Pd",P,15-05-1985,001,002,DPT,`,
  `${A},3,${NIKS[2]},Tjahjono,L,2000-01-01,003,002,DPTb,`,
  `${A},4,${NIKS[3]},Hj. Soeharti,P,1962-09-03,004,001,DPT,tuna daksa`,
  `${B},1,${NIKS[4]},Chairul Anwar,L,1999-12-25,004,001,DPK,`,
].join("\n");

let server: TestServer;
let logged: Pantau;
const lines: string[] = [];
const http = api(() => server);
const viaLogged = api(() => logged);
let admin: string;
let dashboard: Awaited<ReturnType<typeof connectDashboard>>;

beforeAll(async () => {
  server = await startTestServer();
  // A second instance on the same database whose log lines are kept: the imports run through it.
  logged = await startInstance(server.databaseUrl, {}, (line) => lines.push(line));
  admin = await http.login("admin");
  dashboard = await connectDashboard(server.url);
});
afterAll(async () => {
  dashboard?.socket.close();
  await logged?.close();
  await server?.stop();
});

const post = (csv: string, { dryRun = false } = {}) =>
  viaLogged.post(`/api/v1/admin/imports/voters${dryRun ? "?dryRun=1" : ""}`, csv, admin, {
    "Content-Type": "text/csv",
  });
const count = async (where: string) =>
  (await server.services.sql.unsafe(`select count(*)::int as n from voters where ${where}`))[0].n as number;

/** Fails when a text holds any of the NIKs, or the birth-date-and-serial digits of one. */
function expectNoNik(text: string, what: string) {
  for (const nik of NIKS) {
    expect(text.includes(nik), `${what} holds an NIK`).toBe(false);
    expect(text.includes(nik.slice(6)), `${what} holds an NIK's digits`).toBe(false);
  }
}

describe("the voter-list import", () => {
  it("checks every line, names the line and field, never repeats an NIK, and writes nothing on an error", async () => {
    const bad = [
      HEADER,
      `${A},1,${NIKS[0]},Achmad,L,1980-07-12,001,002,DPT,`,
      `${A},2,${NIKS[1]},Siti,L,1985-05-15,001,002,DPT,`, // a woman's NIK for a man
      `${A},3,16730101,Tjahjono,L,2000-01-01,003,002,DPT,`, // too short
      `${A},4,${NIKS[0]},Lagi,L,1980-07-12,004,001,DPT,`, // the same person twice
      `${A},5,${NIKS[4]},Anwar,L,31-02-1999,004,001,XYZ,`, // no such date, no such status
      `1673011004-999,6,${NIKS[2]},Nowhere,L,2000-01-01,,,DPT,`,
    ].join("\n");
    for (const dryRun of [true, false]) {
      const res = await post(bad, { dryRun });
      expect(res.status).toBe(dryRun ? 200 : 422);
      const text = await res.text();
      expectNoNik(text, "the import's answer");
      expect(JSON.parse(text).errors).toEqual([
        {
          line: 3,
          field: "nik",
          message: "NIK tidak cocok dengan jenis kelamin (perempuan: tanggal lahir ditambah 40).",
        },
        { line: 4, field: "nik", message: "NIK harus 16 angka." },
        { line: 5, field: "nik", message: "Sama dengan baris 2." },
        { line: 6, field: "birth_date", message: "Tanggal lahir tidak terbaca: tulis 1980-07-31 atau 31-07-1980." },
        { line: 6, field: "status", message: "Status harus DPT, DPTb atau DPK." },
        { line: 7, field: "tps_code", message: "TPS 1673011004-999 tidak dikenal." },
      ]);
    }
    expect(await count(`tps_code like '1673011004-%'`)).toBe(0);
  });

  it("keeps only what the check needs, and a TPS's list is replaced whole when imported again", async () => {
    const res = await post(GOOD);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ rows: 5, created: 5, updated: 0, errors: [], applied: true });
    const stored = await server.services.sql`select * from voters where tps_code = ${A} order by row_number`;
    expect(Object.keys(stored[0]).sort()).toEqual(
      ["ageBand", "name", "nikHash", "rowNumber", "rt", "rw", "sex", "status", "tpsCode"].sort(),
    );
    expect(stored.map((r) => r.ageBand)).toEqual(["40-49", "40-49", "20-29", "60-69"]);
    const [list] = await server.services.sql`select voters, disabled from voter_lists where tps_code = ${A}`;
    expect(list).toEqual({ voters: 4, disabled: 1 });

    // The KPU's second file for TPS A drops row 4 and writes the TPS by kelurahan and number.
    const again = [
      "kelurahan_code;tps_number;row;nik;name;sex;age;rt;rw;status",
      `16.73.01.1004;1;1;${NIKS[0]};H. Achmad Djunaedi;L;44;001;002;DPT`,
      `16.73.01.1004;1;2;${NIKS[1]};Siti Aminah, S.Pd;P;39;001;002;DPT`,
      `16.73.01.1004;1;3;${NIKS[2]};Tjahjono;L;24;003;002;DPTb`,
    ].join("\r\n");
    expect(await (await post("\ufeff" + again)).json()).toMatchObject({ created: 0, updated: 3, applied: true });
    expect(await count(`tps_code = '${A}'`)).toBe(3);
    expect(await count(`tps_code = '${B}'`)).toBe(1);
    // Back to the first file for the rest of this file's tests.
    await post(GOOD);
    expect(await count(`tps_code = '${A}'`)).toBe(4);
  });
});

describe("the officer's list", () => {
  it("goes only to the officer of that TPS, without an NIK, with hashes the phone can test an NIK against", async () => {
    const officer = await http.login(A);
    const res = await http.get(`/api/v1/voter-lists/${A}`, officer);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const text = await res.text();
    expectNoNik(text, "the list");
    const list = JSON.parse(text) as VoterListDownload;
    expect(list.voters.map((v) => [v.row, v.name, v.sex, v.ageBand, v.rt, v.rw, v.status])).toEqual([
      [1, "H. Achmad Djunaedi", "L", "40-49", "001", "002", "dpt"],
      [2, "Siti Aminah, S.Pd", "P", "40-49", "001", "002", "dpt"],
      [3, "Tjahjono", "L", "20-29", "003", "002", "dptb"],
      [4, "Hj. Soeharti", "P", "60-69", "004", "001", "dpt"],
    ]);
    // What the phone does with an NIK typed in: the same hash as the row's, and another NIK matches none.
    const salt = fromBase64url(list.salt);
    expect(await hashNik(NIKS[1], salt, list.iterations)).toBe(list.voters[1].nikHash);
    const other = await hashNik(NIKS[4], salt, list.iterations);
    expect(list.voters.some((v) => v.nikHash === other)).toBe(false);

    expect((await http.get(`/api/v1/voter-lists/${A}`, await http.login(B))).status).toBe(403);
    expect((await http.get(`/api/v1/voter-lists/${A}`, await http.login("posko"))).status).toBe(403);
    expect((await http.get(`/api/v1/voter-lists/${A}`, admin)).status).toBe(403);
    expect((await http.get(`/api/v1/voter-lists/${A}`)).status).toBe(401);
    expect((await http.get(`/api/v1/voter-lists/${C}`, await http.login(C))).status).toBe(404);
  });

  it("records each lookup once, audited, with neither the name typed nor the NIK", async () => {
    const officer = await http.login(A);
    const body = {
      id: randomUUID(),
      tpsCode: A,
      kind: "nik",
      matched: true,
      rows: [2],
      checkedAt: new Date().toISOString(),
    };
    expect((await http.post("/api/v1/voter-checks", body, officer)).status).toBe(201);
    expect((await http.post("/api/v1/voter-checks", body, officer)).status).toBe(200);
    expect((await http.post("/api/v1/voter-checks", { ...body, matched: false }, officer)).status).toBe(409);
    const elsewhere = { ...body, id: randomUUID() };
    expect((await http.post("/api/v1/voter-checks", elsewhere, await http.login(B))).status).toBe(403);
    const [row] = await server.services.sql`select kind, matched, row_numbers from voter_checks where id = ${body.id}`;
    expect(row).toEqual({ kind: "nik", matched: true, rowNumbers: [2] });
    const audit = await server.services.sql`select after from audit_log where action = 'voters.check'`;
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({ kind: "nik", matched: true, rows: [2] });
  });

  it("tells the phone to wipe once the TPS reported every contest, or when its officer moved", async () => {
    const officer = await http.login(A);
    const status = async (token: string, tps = A) => (await http.get(`/api/v1/voter-status/${tps}`, token)).json();
    expect(await status(officer)).toEqual({ keep: true, reason: null, reportedAt: null });
    for (const contest of ["gubernur", "walikota"] as const) {
      const quick = {
        id: randomUUID(),
        tpsCode: A,
        contest,
        votes: VALID_VOTES[contest],
        invalid: 3,
        capturedAt: new Date().toISOString(),
      };
      expect((await http.post("/api/v1/quick-counts", quick, officer)).status).toBe(201);
      if (contest === "gubernur") expect((await status(officer)).keep).toBe(true);
    }
    expect(await status(officer)).toMatchObject({ keep: false, reason: "reported" });
    // And the list is not handed out again.
    const again = await http.get(`/api/v1/voter-lists/${A}`, officer);
    expect(again.status).toBe(409);
    expect((await again.json()).code).toBe("voters_reported");

    // B's officer is moved to C: the old session ends (the phone hears 401) and the account at C holds no B list.
    const atB = await http.login(B);
    const posko = await http.login("posko");
    const moved = await http.post(
      "/api/v1/officers",
      { action: "move", tpsCode: B, to: C, reason: "TPS C kosong" },
      posko,
    );
    expect(moved.status).toBe(201);
    expect((await http.get(`/api/v1/voter-status/${B}`, atB)).status).toBe(401);
    expect(await status(await http.login(C), B)).toMatchObject({ keep: false, reason: "other_tps" });
  });

  it("no NIK reached an event, a log line or an audit row", async () => {
    expectNoNik(JSON.stringify(dashboard.received), "the live events");
    expectNoNik(lines.join("\n"), "the server's log");
    const audit = await server.services.sql`select action, entity, before::text, after::text from audit_log`;
    expectNoNik(JSON.stringify(audit), "the audit log");
    const events = await server.services.sql`select * from events`;
    expectNoNik(JSON.stringify(events), "the event log");
  });
});
