// Violation cases against the real server and database: a citizen's laporan with its formal requirements
// and evidence, the workflow through the API with 409 for steps out of order, registration numbers under
// concurrency, the one extension, deadlines seen as overdue, region scoping, the public tracking view and
// events with nothing personal in them, and the version-1 report API still answering as before.
import { afterEach, describe, expect, it } from "vitest";
import { REGISTRATION_NUMBER } from "~/lib/cases";
import { api, C1_PHOTO } from "./support/api";
import { serverPerTest } from "./support/server";
import { liveClients } from "./support/sockets";

const server = serverPerTest();
const http = api(server);
const live = liveClients();
afterEach(() => live.closeAll());

const KEL = "16.73.03.1007";
const NIK = "1673030101900001";
const PHONE = "0812-7777-1234";
const NAME = "Siti Rahmawati";
const today = () => new Date().toISOString().slice(0, 10);
const report = (over: Record<string, unknown> = {}) => ({
  category: "vote_buying",
  description: "Pembagian amplop berisi uang kepada pemilih di depan TPS pagi ini.",
  reporter: { name: NAME, address: "Jl. Merdeka 1", nik: NIK, phone: PHONE, type: "voter" },
  consent: true,
  reportedParty: "Tim sukses calon nomor 2",
  witnesses: [{ name: "Budi Saksi", contact: "0813-1111-2222" }],
  location: { kelurahanCode: KEL, tpsNumber: 1 },
  occurredOn: today(),
  knownOn: today(),
  ...over,
});
const PERSONAL = [NIK, PHONE, NAME, "Jl. Merdeka", "Budi Saksi", "0813-1111-2222"];
const noPersonal = (value: unknown) => {
  const text = JSON.stringify(value);
  for (const p of PERSONAL) expect(text).not.toContain(p);
};

async function fileReport(over: Record<string, unknown> = {}) {
  const res = await http.post("/api/v1/public/reports", report(over));
  expect(res.status).toBe(201);
  return (await res.json()) as { trackingCode: string; late: boolean };
}

async function caseIdOf(token: string, trackingCode: string) {
  const { cases } = await (await http.get(`/api/v1/cases?q=${trackingCode}`, token)).json();
  expect(cases).toHaveLength(1);
  return cases[0].id as string;
}

const step = (id: string, body: Record<string, unknown>, token: string) =>
  http.post(`/api/v1/cases/${id}/steps`, body, token);

describe("violation cases", () => {
  it("files a laporan, works it to a decision, and the public sees only number, state, dates and outcome", async () => {
    const bawaslu = await http.login("bawaslu");
    const officer = await http.login("1673031007-001");
    const posko = await http.login("posko");
    const watcher = await live.connect(server().url, { token: bawaslu });
    const officerLive = await live.connect(server().url, { token: officer });
    const poskoLive = await live.connect(server().url, { token: posko });
    const publicLive = await live.connect(server().url, { public: true });

    const { trackingCode, late } = await fileReport();
    expect(late).toBe(false);
    const filed = await watcher.waitFor((e) => e.type === "case:changed");
    noPersonal(filed.data);
    const id = await caseIdOf(bawaslu, trackingCode);

    // The case officer sees the reporter; the audit log holds none of it.
    const detail = await (await http.get(`/api/v1/cases/${id}`, bawaslu)).json();
    expect(detail).toMatchObject({ kind: "laporan", state: "received", tpsCode: "1673031007-001" });
    expect(detail.reporter).toMatchObject({ nik: NIK, phone: PHONE });

    // Out of order: 409 with a message; bad input: 422 per field.
    const early = await step(id, { step: "register" }, bawaslu);
    expect(early.status).toBe(409);
    expect((await early.json()).message).toMatch(/Registrasi|Register/);
    expect((await step(id, { step: "start_review" }, bawaslu)).status).toBe(200);
    const bad = await step(id, { step: "mark_incomplete", missing: ["nothing"] }, bawaslu);
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors[0].field).toMatch(/^missing/);
    expect((await step(id, { step: "mark_incomplete", missing: ["evidence"] }, bawaslu)).status).toBe(200);

    // The reporter completes through the tracking code, with an evidence file.
    const track = async () => (await http.get(`/api/v1/public/reports/${trackingCode}`)).json();
    expect((await track()).case).toMatchObject({ state: "incomplete", missing: ["evidence"] });
    const form = new FormData();
    form.set("note", "Foto amplop terlampir.");
    form.append("evidence", new Blob([new Uint8Array(C1_PHOTO)], { type: "image/png" }), "amplop.png");
    const completed = await http.multipart(`/api/v1/public/reports/${trackingCode}/complete`, form);
    expect(completed.status).toBe(200);
    expect((await http.multipart(`/api/v1/public/reports/${trackingCode}/complete`, form)).status).toBe(409);

    for (const body of [
      { step: "register" },
      { step: "clarify" },
      { step: "invite", invitation: { who: "Terlapor", when: "2024-02-16T10:00", where: "Kantor Bawaslu" } },
      { step: "assess", assessment: "Unsur pidana terpenuhi." },
      { step: "extend", reason: "Saksi belum hadir." },
    ])
      expect((await step(id, body, bawaslu)).status).toBe(200);
    const second = await step(id, { step: "extend", reason: "Lagi" }, bawaslu);
    expect(second.status).toBe(409);
    expect((await second.json()).message).toMatch(/satu kali|once/);
    expect((await step(id, { step: "decide", outcome: "other_law" }, bawaslu)).status).toBe(422);
    expect((await step(id, { step: "decide", outcome: "criminal" }, bawaslu)).status).toBe(200);
    expect((await step(id, { step: "close" }, bawaslu)).status).toBe(409);

    const after = await track();
    expect(after.case).toMatchObject({ state: "decided", outcome: "criminal", destination: "Sentra Gakkumdu" });
    expect(after.case.registrationNumber).toMatch(REGISTRATION_NUMBER);
    expect(after.case.registrationNumber).toMatch(/^001\/LP\/PL\/Kota\/16\.73\/[IVX]+\/\d{4}$/);
    noPersonal(after);
    const page = await (await http.get(`/publik/lacak?kode=${trackingCode}`)).text();
    noPersonal(page);
    expect(page).toContain(after.case.registrationNumber);

    // The documents: the reporter's evidence, served as an attachment.
    const withDocs = await (await http.get(`/api/v1/cases/${id}`, bawaslu)).json();
    expect(withDocs.documents).toHaveLength(1);
    const doc = await http.get(`/api/v1/cases/${id}/documents/${withDocs.documents[0].id}`, bawaslu);
    expect(doc.headers.get("Content-Disposition")).toMatch(/^attachment/);
    expect(doc.headers.get("X-Content-Type-Options")).toBe("nosniff");

    // Events went to the case officer only, never personal; the audit names fields, not values.
    await watcher.waitFor((e) => e.type === "case:changed" && (e.data as { state: string }).state === "decided");
    for (const client of [officerLive, poskoLive, publicLive])
      expect(client.received.some((e) => e.type === "case:changed")).toBe(false);
    const replay = await (await http.get("/api/v1/events?after=0", posko)).json();
    expect(JSON.stringify(replay)).not.toContain("case:changed");
    const { sql } = server().services;
    const audit = await sql`select after from audit_log where entity = ${"case:" + id}`;
    noPersonal(audit);
    expect(audit.length).toBeGreaterThan(5);
  });

  it("refuses other roles and other regions; officers never see the report about their TPS", async () => {
    const { trackingCode } = await fileReport();
    const bawaslu = await http.login("bawaslu");
    const id = await caseIdOf(bawaslu, trackingCode);
    for (const login of ["posko", "pengawas-01", "1673031007-001", "tim-1"]) {
      const token = await http.login(login);
      expect((await http.get(`/api/v1/cases/${id}`, token)).status).toBe(403);
      expect((await http.get("/api/v1/cases", token)).status).toBe(403);
      expect((await step(id, { step: "start_review" }, token)).status).toBe(403);
    }
    expect((await http.get("/api/v1/cases")).status).toBe(401);
    // The TPS's officer does not get the citizen's incident either.
    const officer = await http.login("1673031007-001");
    const { incidents } = await (await http.get("/api/v1/incidents", officer)).json();
    expect(incidents.filter((i: { source: string }) => i.source === "citizen")).toHaveLength(0);

    // A case officer of another kecamatan neither lists nor opens it.
    const { sql } = server().services;
    await sql`update users set region_code = '16.73.01' where login = 'bawaslu'`;
    const other = await http.login("bawaslu");
    expect((await http.get(`/api/v1/cases/${id}`, other)).status).toBe(404);
    expect((await (await http.get("/api/v1/cases", other)).json()).cases).toHaveLength(0);
    expect((await step(id, { step: "start_review" }, other)).status).toBe(403);
  });

  it("numbers concurrent registrations without repeats and shows a passed deadline as overdue", async () => {
    const bawaslu = await http.login("bawaslu");
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await http.post(
        "/api/v1/cases",
        { kelurahanCode: KEL, place: `Pasar ${i}`, account: `Temuan ${i}: baliho di tempat terlarang.` },
        bawaslu,
      );
      expect(res.status).toBe(201);
      const { id } = await res.json();
      await step(id, { step: "start_review" }, bawaslu);
      ids.push(id);
    }
    const answers = await Promise.all(ids.map((id) => step(id, { step: "register" }, bawaslu)));
    const numbers = await Promise.all(answers.map(async (r) => (await r.json()).registrationNumber as string));
    expect(new Set(numbers).size).toBe(4);
    expect(numbers.map((n) => n.slice(0, 3)).sort()).toEqual(["001", "002", "003", "004"]);
    for (const n of numbers) expect(n).toMatch(/^\d{3}\/TM\/PL\/Kota\/16\.73\//);

    // A temuan raised from the citizen's incident keeps the link both ways.
    const report = await fileReport();
    const laporan = await caseIdOf(bawaslu, report.trackingCode);
    const { incidentId } = await (await http.get(`/api/v1/cases/${laporan}`, bawaslu)).json();
    const raised = await http.post("/api/v1/cases", { incidentId, account: "Diangkat dari insiden." }, bawaslu);
    expect(raised.status).toBe(201);
    const temuan = await (await http.get(`/api/v1/cases/${(await raised.json()).id}`, bawaslu)).json();
    expect(temuan).toMatchObject({ kind: "temuan", incidentId, origin: "incident", regionCode: KEL });

    // A case received long ago: its initial review is overdue, first on the list and in the posko box.
    const res = await http.post(
      "/api/v1/cases",
      { kelurahanCode: KEL, place: "Lapangan", account: "Temuan lama: kampanye di luar jadwal." },
      bawaslu,
    );
    const { id: old } = await res.json();
    const { sql } = server().services;
    await sql`update cases set received_at = now() - interval '10 days', review_due_at = now() - interval '8 days',
      due_at = now() - interval '8 days' where id = ${old}`;
    const { cases } = await (await http.get("/api/v1/cases", bawaslu)).json();
    expect(cases[0]).toMatchObject({ id: old, deadline: "overdue" });
    const overdue = await (await http.get("/api/v1/cases?deadline=overdue", bawaslu)).json();
    expect(overdue.cases.map((c: { id: string }) => c.id)).toEqual([old]);
    const csv = await (await http.get("/api/v1/cases.csv?deadline=overdue", bawaslu)).text();
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(2);
    expect((await http.get("/api/v1/cases?deadline=later", bawaslu)).status).toBe(400);
  });

  it("keeps the version-1 report API: an old-style report gets a tracking code the tracking page understands", async () => {
    const res = await http.post("/api/v1/public/reports", {
      category: "vote_buying",
      tpsCode: "1673031007-002",
      description: "Ada pembagian sembako di dekat TPS.",
      contact: "0812-0000-1111",
    });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ status: "new", queued: false });
    const tracked = await (await http.get(`/api/v1/public/reports/${body.trackingCode}`)).json();
    expect(tracked).toMatchObject({ status: "new", tpsCode: "1673031007-002" });
    expect(tracked.case).toMatchObject({ kind: "laporan", state: "received", registrationNumber: null });
    expect(JSON.stringify(tracked)).not.toContain("0812-0000-1111");

    // The new form's fields are checked per field, with a message each.
    const bad = await http.post(
      "/api/v1/public/reports",
      report({ reporter: { name: "", address: "x", nik: "123", phone: "abc", type: "alien" }, consent: false }),
    );
    expect(bad.status).toBe(422);
    const fields = (await bad.json()).errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(["reporter.name", "reporter.nik", "reporter.phone", "reporter.type", "consent"]),
    );
    // Past the window of days from becoming known: filed, and said so.
    const late = await fileReport({ occurredOn: "2024-01-01", knownOn: "2024-01-02" });
    expect(late.late).toBe(true);
  });

  it("recaps one kecamatan or the whole region, on the page and in its CSV with the same filters", async () => {
    await fileReport();
    await fileReport();
    const bawaslu = await http.login("bawaslu");
    const rows = async (query: string) =>
      (await (await http.get(`/api/v1/cases/recap.csv${query}`, bawaslu)).text())
        .replace(/^\uFEFF/, "")
        .split("\r\n")
        .filter(Boolean)
        .slice(1)
        .map((line) => line.split(";"));
    const kecamatan = await rows("?area=16.73.03");
    expect(kecamatan.every(([, code]) => code.startsWith("16.73.03."))).toBe(true);
    const filed = kecamatan.find(([, code]) => code === "16.73.03.1007")!;
    expect(filed.slice(2, 4)).toEqual(["2", "0"]); // laporan, temuan
    const city = await rows("");
    expect(city.map(([, code]) => code)).toContain("16.73.03");
    expect(city.some(([, code]) => code.startsWith("16.73.03."))).toBe(false);
    // A period before any case: nothing counted.
    const before = await rows("?area=16.73.03&to=2020-01-01");
    expect(before.every((r) => r.slice(2).every((n) => n === "0"))).toBe(true);
    // The page offers the region's kecamatan and prints the one chosen.
    const page = await (await http.page("/kasus/rekap?area=16.73.03", bawaslu)).text();
    expect(page).toContain('<option value="16.73.03"');
    expect(page).toContain("Lubuklinggau Selatan I");
  });
});

describe("the deadlines setting", () => {
  it("is edited on /admin/pengaturan: basis, counts and holidays, checked per field", async () => {
    const admin = await http.login("admin");
    const fields = {
      section: "deadlines",
      holidays: "2024-02-08\n2024-02-14",
      dueSoonDays: 1,
      "cases.basis": "working",
      "cases.reportWithinDays": 7,
      "cases.initialReviewDays": 2,
      "cases.handlingDays": 7,
      "cases.handlingExtendedDays": 14,
      "cases.completionDays": 3,
      "disputes.basis": "working",
      "disputes.filingDays": 3,
      "disputes.completionDays": 3,
      "disputes.mediationDays": 2,
      "disputes.decisionDays": 12,
    };
    const ok = await http.form("/admin/pengaturan", fields, admin);
    expect(ok.status).toBe(200);
    const { sql } = server().services;
    const [row] = await sql`select value from settings where key = 'deadlines'`;
    expect(row.value).toMatchObject({ holidays: ["2024-02-08", "2024-02-14"], cases: { basis: "working" } });
    const bad = await http.form("/admin/pengaturan", { ...fields, holidays: "8 Feb 2024" }, admin);
    expect(bad.status).toBe(422);
  });
});
