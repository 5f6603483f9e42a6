// Process disputes (SIPS) against the real server and database: a petition's whole path through the API with
// every step out of order refused, the filing limit in working days across a weekend and a holiday, the
// completion, mediation and decision deadlines counted from the steps, register numbers under concurrent
// registrations, who may see what (403 for other roles and regions, live events to the region's case officers
// only), 422 per field, the CSV against the list with the same filters, hearings past the decision deadline,
// documents served as attachments, and the data centre's aggregates. KPU offices used: the city (16.73) and
// the kecamatan 16.73.01, 16.73.02 and 16.73.05 (the last only by the concurrency test).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LiveEvent } from "../app/lib/events";
import { toElectionWallClock } from "../app/lib/format";
import { createStaff } from "../app/models/accounts.server";
import { disputeCounts } from "../app/models/disputes.server";
import { hashSecret } from "../app/utils/password.server";
import { api, C1_PHOTO, DEMO_SECRET } from "./support/api";
import { startTestServer, type TestServer } from "./support/server";
import { liveClients, until } from "./support/sockets";

let server: TestServer;
const http = api(() => server);
const live = liveClients();
let bawaslu: string;
let other: string; // a case officer of kecamatan 16.73.02

beforeAll(async () => {
  server = await startTestServer();
  bawaslu = await http.login("bawaslu");
  const secretHash = await hashSecret(DEMO_SECRET);
  await server.services.writer.write((ctx) =>
    createStaff(ctx, {
      body: { login: "panwascam-02", name: "Panwascam 02", role: "case_officer", regionCode: "16.73.02", phone: null },
      secretHash,
      actorId: null,
    }),
  );
  other = await http.login("panwascam-02");
});
afterAll(async () => {
  live.closeAll();
  await server?.stop();
});

const PHONE = "+6281234500077";
const ADDRESS = "Jl. Rahasia No. 7, Lubuklinggau";

/** A petition's body; the decision made yesterday unless told. */
function petition(extra: Record<string, unknown> = {}) {
  const yesterday = new Date(Date.now() - 24 * 3600_000).toISOString().slice(0, 10);
  return {
    regionCode: "16.73",
    respondent: "KPU Kota Lubuklinggau",
    decisionNumber: `KPT-${Math.random().toString(36).slice(2, 8)}`,
    decisionDate: yesterday,
    decisionSubject: "Penetapan daftar calon tetap",
    applicantName: "Partai Contoh",
    applicantKind: "party",
    repName: "Budi Kuasa",
    repAddress: ADDRESS,
    repPhone: "081234500077",
    relatedParties: ["Partai Lain"],
    points: "Keputusan tidak sesuai peraturan.",
    ...extra,
  };
}

async function file(body: Record<string, unknown>, token = bawaslu) {
  const res = await http.post("/api/v1/disputes", body, token);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { id: string; late: boolean };
}
const step = (id: string, body: Record<string, unknown>, token = bawaslu) =>
  http.post(`/api/v1/disputes/${id}/transitions`, body, token);
async function stepOk(id: string, body: Record<string, unknown>) {
  const res = await step(id, body);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()).dispute;
}

describe("a petition's path", () => {
  it("goes filed -> verification -> incomplete -> registered -> mediation -> adjudication -> decided, refusing every step out of order", async () => {
    const { id, late } = await file(petition());
    expect(late).toBe(false);
    const order: [string, Record<string, unknown>][] = [
      ["verify", {}],
      ["mark_incomplete", { missing: "Surat kuasa belum dilampirkan" }],
      ["complete", {}],
      ["register", {}],
      ["start_mediation", {}],
      ["no_agreement", {}],
      ["decide", { outcome: "partly_granted", decision: "Mengabulkan sebagian permohonan." }],
    ];
    const all: Record<string, Record<string, unknown>> = {
      ...Object.fromEntries(order),
      agree: { agreement: "Para pihak sepakat." },
      not_accept: { reason: "not_process_dispute" },
    };
    for (const [action, body] of order) {
      // Every other step is refused in this state with 409 and a message.
      const { dispute: before } = await (await http.get(`/api/v1/disputes/${id}`, bawaslu)).json();
      for (const [other, otherBody] of Object.entries(all)) {
        if (before.actions.includes(other)) continue;
        const refused = await step(id, { action: other, ...otherBody });
        expect(refused.status, `${other} in ${before.state}`).toBe(409);
        expect((await refused.json()).message).toMatch(/tidak bisa|terlambat/i);
      }
      expect(before.actions).toContain(action);
      const after = await stepOk(id, { action, ...body });
      if (action === "register") expect(after.registerNumber).toMatch(/^\d{3}\/PS\.REG\/16\.73\/[IVX]+\/\d{4}$/);
      if (action === "mark_incomplete") expect(after.deadline).toMatchObject({ kind: "completion" });
      if (action === "start_mediation") expect(after.deadline).toMatchObject({ kind: "mediation" });
      if (action === "no_agreement") expect(after.deadline).toMatchObject({ kind: "decision", state: "on_time" });
    }
    const { dispute, steps } = await (await http.get(`/api/v1/disputes/${id}`, bawaslu)).json();
    expect(dispute).toMatchObject({ state: "decided", outcome: "partly_granted", actions: [], deadline: null });
    expect(steps.map((s: { action: string }) => s.action)).toEqual(["file", ...order.map(([a]) => a)]);
    // The staff see the representative's contact; the audit log records every step but never it.
    expect(dispute).toMatchObject({ repPhone: PHONE, repAddress: ADDRESS });
    const audit = await server.services
      .sql`select action, before, after from audit_log where entity = ${`dispute:${id}`}`;
    expect(audit.map((a) => a.action)).toEqual(["dispute.file", ...order.map(([a]) => `dispute.${a}`)]);
    expect(JSON.stringify(audit)).not.toMatch(/081234500077|6281234500077|Rahasia/);
  });

  it("ends as agreed after mediation, or as not accepted before registration", async () => {
    const a = (await file(petition())).id;
    for (const action of ["verify", "register", "start_mediation"]) await stepOk(a, { action });
    expect(await stepOk(a, { action: "agree", agreement: "Para pihak sepakat." })).toMatchObject({ state: "agreed" });
    const b = (await file(petition())).id;
    await stepOk(b, { action: "verify" });
    await stepOk(b, { action: "mark_incomplete", missing: "Bukti" });
    expect(await stepOk(b, { action: "not_accept", reason: "not_completed", note: "Tidak dilengkapi." })).toMatchObject(
      {
        state: "not_accepted",
        notAcceptedReason: "not_completed",
      },
    );
  });
});

describe("deadlines", () => {
  it("counts the filing limit in working days across a weekend and a holiday; a late petition only leaves as not accepted", async () => {
    const sql = server.services.sql;
    const [row] = await sql`select value from settings where key = 'deadlines'`;
    const setting = { ...(row?.value ?? {}) };
    const base = row?.value ?? {
      dueSoonDays: 1,
      cases: {
        basis: "calendar",
        reportWithinDays: 7,
        initialReviewDays: 2,
        handlingDays: 7,
        handlingExtendedDays: 14,
      },
      disputes: { basis: "working", filingDays: 3, completionDays: 3, mediationDays: 2, decisionDays: 12 },
    };
    const value = { ...base, ...setting, holidays: ["2024-02-14"] };
    await sql`insert into settings (key, value) values ('deadlines', ${sql.json(value)})
      on conflict (key) do update set value = excluded.value`;
    try {
      // Decided Thursday 1 Feb 2024: Fri 2, Mon 5, Tue 6 count; the weekend does not.
      const inTime = await file(petition({ decisionDate: "2024-02-01", filedAt: "2024-02-06T16:00:00+07:00" }));
      expect(inTime.late).toBe(false);
      const late = await file(petition({ decisionDate: "2024-02-01", filedAt: "2024-02-07T08:00:00+07:00" }));
      expect(late.late).toBe(true);
      // Decided Tuesday 13 Feb 2024: the 14th was a holiday, so Thu 15, Fri 16, Mon 19 count.
      expect((await file(petition({ decisionDate: "2024-02-13", filedAt: "2024-02-19T23:00:00+07:00" }))).late).toBe(
        false,
      );
      const lateAfterHoliday = await file(
        petition({ decisionDate: "2024-02-13", filedAt: "2024-02-20T07:00:00+07:00" }),
      );
      expect(lateAfterHoliday.late).toBe(true);

      const id = lateAfterHoliday.id;
      await stepOk(id, { action: "verify", at: "2024-02-20T09:00:00+07:00" });
      const refused = await step(id, { action: "register" });
      expect(refused.status).toBe(409);
      expect((await refused.json()).message).toMatch(/terlambat/);
      expect(await stepOk(id, { action: "not_accept", reason: "late" })).toMatchObject({ state: "not_accepted" });
      // In time, "late" is not a reason.
      await stepOk(inTime.id, { action: "verify" });
      expect((await step(inTime.id, { action: "not_accept", reason: "late" })).status).toBe(409);
    } finally {
      await sql`update settings set value = ${sql.json(base)} where key = 'deadlines'`;
    }
  });

  it("stores the completion, mediation and decision deadlines when their steps start, and shows the passed one as overdue", async () => {
    const { id } = await file(petition({ decisionDate: "2024-02-12", filedAt: "2024-02-13T09:00:00+07:00" }));
    await stepOk(id, { action: "verify", at: "2024-02-13T10:00:00+07:00" });
    // Incomplete on Tuesday 13 Feb: 3 working days (Wed 14, Thu 15, Fri 16; no holidays set).
    const incomplete = await stepOk(id, {
      action: "mark_incomplete",
      missing: "Bukti",
      at: "2024-02-13T11:00:00+07:00",
    });
    expect(incomplete.completionDue).toBe("2024-02-16T17:00:00.000Z");
    expect(incomplete.deadline).toMatchObject({ kind: "completion", state: "overdue" });
    await stepOk(id, { action: "complete", at: "2024-02-15T09:00:00+07:00" });
    // Registered Thursday 15 Feb: 12 working days end on Monday 4 March.
    const registered = await stepOk(id, { action: "register", at: "2024-02-15T10:00:00+07:00" });
    expect(registered.decisionDue).toBe("2024-03-04T17:00:00.000Z");
    expect(registered.registerNumber).toMatch(/\/PS\.REG\/16\.73\/II\/2024$/);
    // Mediation from Friday 16 Feb: 2 working days, Mon 19 and Tue 20.
    const mediation = await stepOk(id, { action: "start_mediation", at: "2024-02-16T10:00:00+07:00" });
    expect(mediation.mediationDue).toBe("2024-02-20T17:00:00.000Z");
    expect(mediation.deadline).toMatchObject({ kind: "mediation", state: "overdue" });
    const adjudication = await stepOk(id, { action: "no_agreement", at: "2024-02-20T10:00:00+07:00" });
    expect(adjudication.deadline).toMatchObject({
      kind: "decision",
      due: "2024-03-04T17:00:00.000Z",
      state: "overdue",
    });
    // A step cannot be dated before the previous one, nor in the future.
    expect(
      (await step(id, { action: "decide", outcome: "rejected", decision: "x", at: "2024-02-19T10:00:00+07:00" }))
        .status,
    ).toBe(422);
    const future = new Date(Date.now() + 3600_000).toISOString();
    expect((await step(id, { action: "decide", outcome: "rejected", decision: "x", at: future })).status).toBe(422);
  });
});

describe("the register number", () => {
  it("takes the next number of its office and year once per registration, under concurrent registrations", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const { id } = await file(petition({ regionCode: "16.73.05", respondent: "PPK Lubuklinggau Utara I" }));
      await stepOk(id, { action: "verify" });
      ids.push(id);
    }
    const answers = await Promise.all(ids.map((id) => step(id, { action: "register" })));
    expect(answers.map((a) => a.status)).toEqual(ids.map(() => 200));
    const numbers = await Promise.all(answers.map(async (a) => (await a.json()).dispute.registerNumber as string));
    expect(numbers.map((n) => n.slice(0, 3)).sort()).toEqual(["001", "002", "003", "004", "005", "006", "007", "008"]);
    expect(numbers.every((n) => /^\d{3}\/PS\.REG\/16\.73\.05\/[IVX]+\/\d{4}$/.test(n))).toBe(true);
  });
});

describe("who may see and do what", () => {
  it("answers 401 without a session and 403 to other roles and to case officers of other regions", async () => {
    const { id } = await file(petition({ regionCode: "16.73.01", respondent: "PPK Lubuklinggau Barat I" }));
    expect((await http.get("/api/v1/disputes")).status).toBe(401);
    for (const login of ["posko", "pengawas-01", "tim-1", "1673011001-001"]) {
      const token = await http.login(login);
      expect((await http.get("/api/v1/disputes", token)).status, login).toBe(403);
      expect((await http.get(`/api/v1/disputes/${id}`, token)).status, login).toBe(403);
      expect((await http.get("/api/v1/disputes.csv", token)).status, login).toBe(403);
      expect((await step(id, { action: "verify" }, token)).status, login).toBe(403);
      expect((await http.page("/sengketa", token)).status, login).toBe(403);
    }
    // Another kecamatan's case officer: not this petition, not in its list, cannot file for this office.
    expect((await http.get(`/api/v1/disputes/${id}`, other)).status).toBe(403);
    expect((await step(id, { action: "verify" }, other)).status).toBe(403);
    expect((await http.post(`/api/v1/disputes/${id}/hearings`, {}, other)).status).toBe(422);
    const list = await (await http.get("/api/v1/disputes", other)).json();
    expect(list.disputes.every((d: { regionCode: string }) => d.regionCode.startsWith("16.73.02"))).toBe(true);
    expect((await http.post("/api/v1/disputes", petition({ regionCode: "16.73.01" }), other)).status).toBe(403);
    expect((await http.get(`/api/v1/disputes/${crypto.randomUUID()}`, bawaslu)).status).toBe(404);
    // Admins handle every petition.
    expect((await http.get(`/api/v1/disputes/${id}`, await http.login("admin"))).status).toBe(200);
    expect((await http.page(`/sengketa/${id}`, bawaslu)).status).toBe(200);
  });

  it("pushes a petition's changes to its region's case officers and admins only, without the representative's contact", async () => {
    const tokens = { bawaslu, other, posko: await http.login("posko"), supervisor: await http.login("pengawas-01") };
    const clients = Object.fromEntries(
      await Promise.all(
        Object.entries(tokens).map(async ([k, token]) => [k, await live.connect(server.url, { token })]),
      ),
    ) as Record<keyof typeof tokens, { received: LiveEvent[] }>;
    const { id } = await file(petition({ regionCode: "16.73.01", respondent: "PPK Lubuklinggau Barat I" }));
    await stepOk(id, { action: "verify" });
    const mine = (c: { received: LiveEvent[] }) =>
      c.received.filter((e) => e.type === "dispute:changed" && e.data.id === id);
    await until(() => mine(clients.bawaslu).length === 2, "the region's case officer gets both changes");
    expect(mine(clients.bawaslu).map((e) => (e.data as { change: string }).change)).toEqual(["file", "verify"]);
    await new Promise((r) => setTimeout(r, 300));
    expect(mine(clients.other)).toEqual([]);
    expect(mine(clients.posko)).toEqual([]);
    expect(mine(clients.supervisor)).toEqual([]);
    expect(JSON.stringify(mine(clients.bawaslu))).not.toMatch(/0812|6281|Rahasia|Budi/);
    // Replay answers the same.
    const replay = await (await http.get("/api/v1/events?after=0", tokens.supervisor)).json();
    expect(JSON.stringify(replay)).not.toContain(id);
  });
});

describe("inputs", () => {
  it("answers 422 naming each field", async () => {
    const res = await http.post(
      "/api/v1/disputes",
      { regionCode: "x", applicantKind: "king", decisionDate: "13/02/2024" },
      bawaslu,
    );
    expect(res.status).toBe(422);
    const fields = ((await res.json()).errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(
      [
        "applicantKind",
        "applicantName",
        "decisionDate",
        "decisionNumber",
        "decisionSubject",
        "points",
        "regionCode",
        "repName",
        "respondent",
      ].sort(),
    );
    const control = await http.post("/api/v1/disputes", petition({ points: "a\u0000b" }), bawaslu);
    expect(control.status).toBe(422);
    expect((await control.json()).errors[0]).toMatchObject({ field: "points", code: "control_character" });
    const phone = await http.post("/api/v1/disputes", petition({ repPhone: "abc" }), bawaslu);
    expect((await phone.json()).errors[0]).toMatchObject({ field: "repPhone" });
    const afterFiling = await http.post("/api/v1/disputes", petition({ decisionDate: "2099-01-01" }), bawaslu);
    expect((await afterFiling.json()).errors[0]).toMatchObject({ field: "decisionDate" });

    const { id } = await file(petition());
    await stepOk(id, { action: "verify" });
    const noMissing = await step(id, { action: "mark_incomplete" });
    expect(noMissing.status).toBe(422);
    expect((await noMissing.json()).errors[0]).toMatchObject({ field: "missing", code: "required" });
    expect((await step(id, { action: "fly" })).status).toBe(422);
    const hearing = await http.post(
      `/api/v1/disputes/${id}/hearings`,
      { kind: "mediation", date: "x", time: "25:00" },
      bawaslu,
    );
    expect(hearing.status).toBe(422);
    expect(((await hearing.json()).errors as { field: string }[]).map((e) => e.field).sort()).toEqual(
      ["agenda", "date", "place", "time"].sort(),
    );
    expect((await http.get("/api/v1/disputes?state=flying", bawaslu)).status).toBe(400);
    expect((await http.get("/api/v1/disputes?from=2024-13-45", bawaslu)).status).toBe(400);
  });
});

describe("the pages' forms", () => {
  it("answer 422 with each field's message, file a petition and take a step", async () => {
    const empty = await http.form("/sengketa/baru", { regionCode: "16.73", repPhone: "abc" }, bawaslu);
    expect(empty.status).toBe(422);
    const text = await empty.text();
    expect(text).toContain('data-testid="error-respondent"');
    expect(text).toContain("Nomor telepon tidak terbaca.");
    const fields = { ...petition(), relatedParties: "Partai Lain\nPartai Ketiga" } as Record<string, string>;
    const filed = await http.form("/sengketa/baru", fields, bawaslu);
    expect(filed.status).toBe(302);
    const id = filed.headers.get("location")!.split("/").pop()!;
    const { dispute } = await (await http.get(`/api/v1/disputes/${id}`, bawaslu)).json();
    expect(dispute.relatedParties).toEqual(["Partai Lain", "Partai Ketiga"]);
    expect((await http.form(`/sengketa/${id}`, { intent: "step", action: "verify" }, bawaslu)).status).toBe(200);
    const outOfOrder = await http.form(
      `/sengketa/${id}`,
      { intent: "step", action: "decide", outcome: "granted", decision: "x" },
      bawaslu,
    );
    expect(outOfOrder.status).toBe(409);
    expect(await outOfOrder.text()).toContain("tidak bisa dilakukan");
    expect((await http.page(`/sengketa/${id}`, other)).status).toBe(403);
    expect((await http.form(`/sengketa/${id}`, { intent: "step", action: "register" }, other)).status).toBe(403);
  });
});

describe("hearings and documents", () => {
  it("warns before a hearing after the decision deadline, and lists hearings on the schedule", async () => {
    const { id } = await file(petition({ decisionDate: "2024-02-12", filedAt: "2024-02-13T09:00:00+07:00" }));
    await stepOk(id, { action: "verify", at: "2024-02-13T10:00:00+07:00" });
    await stepOk(id, { action: "register", at: "2024-02-15T10:00:00+07:00" });
    const before = {
      kind: "mediation",
      date: "2024-02-19",
      time: "09:30",
      place: "Kantor Bawaslu",
      agenda: "Mediasi pertama",
    };
    const ok = await http.post(`/api/v1/disputes/${id}/hearings`, before, bawaslu);
    expect(ok.status).toBe(201);
    expect((await ok.json()).hearing).toMatchObject({ startsAt: "2024-02-19T02:30:00.000Z", afterDeadline: false });
    const after = { ...before, date: "2024-03-05" };
    const warned = await http.post(`/api/v1/disputes/${id}/hearings`, after, bawaslu);
    expect(warned.status).toBe(409);
    expect((await warned.json()).message).toMatch(/batas putusan/);
    const confirmed = await http.post(
      `/api/v1/disputes/${id}/hearings`,
      { ...after, confirmAfterDeadline: true },
      bawaslu,
    );
    expect(confirmed.status).toBe(201);
    expect((await confirmed.json()).hearing.afterDeadline).toBe(true);
    // Adjudication hearings wait for adjudication.
    expect(
      (await http.post(`/api/v1/disputes/${id}/hearings`, { ...before, kind: "adjudication" }, bawaslu)).status,
    ).toBe(409);
    const page = await (await http.get("/sengketa/jadwal?from=2024-02-19&days=1", bawaslu)).text();
    expect(page).toContain("Mediasi pertama");
    expect(page).toContain("Kantor Bawaslu");
  });

  it("stores documents checked by content and serves them as attachments", async () => {
    const { id } = await file(petition());
    const pdf = Buffer.from("%PDF-1.4\n%test\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    const form = new FormData();
    form.set("kind", "petition");
    form.set("file", new Blob([new Uint8Array(pdf)], { type: "application/pdf" }), "permohonan.pdf");
    const res = await http.multipart(`/api/v1/disputes/${id}/documents`, form, bawaslu);
    expect(res.status, await res.clone().text()).toBe(201);
    const { document } = await res.json();
    const got = await http.get(document.url, bawaslu);
    expect(got.status).toBe(200);
    expect(got.headers.get("content-type")).toBe("application/pdf");
    expect(got.headers.get("content-disposition")).toMatch(/^attachment; filename="permohonan.pdf"/);
    expect(got.headers.get("x-content-type-options")).toBe("nosniff");
    expect((await http.get(document.url, other)).status).toBe(403);
    const html = new FormData();
    html.set("kind", "evidence");
    html.set("file", new Blob(["<script>alert(1)</script>"], { type: "application/pdf" }), "x.pdf");
    const bad = await http.multipart(`/api/v1/disputes/${id}/documents`, html, bawaslu);
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors[0]).toMatchObject({ field: "file" });
    // Not multipart: 415; multipart that does not parse: 400. Neither stores a document.
    const docsPath = `/api/v1/disputes/${id}/documents`;
    expect((await http.post(docsPath, { kind: "evidence" }, bawaslu)).status).toBe(415);
    const broken = await http.post(docsPath, "--x\r\nnot a part", bawaslu, {
      "Content-Type": "multipart/form-data; boundary=x",
    });
    expect(broken.status).toBe(400);
    expect((await broken.json()).code).toBe("bad_multipart");
    // A petition filed with its document in one multipart request.
    const withFile = new FormData();
    for (const [k, v] of Object.entries(petition())) if (typeof v === "string") withFile.set(k, v);
    withFile.set("file", new Blob([new Uint8Array(C1_PHOTO)], { type: "image/png" }), "scan.png");
    const filed = await http.multipart("/api/v1/disputes", withFile, bawaslu);
    expect(filed.status, await filed.clone().text()).toBe(201);
    const docs = await (await http.get(`/api/v1/disputes/${(await filed.json()).id}/documents`, bawaslu)).json();
    expect(docs.documents).toMatchObject([{ label: "petition", mime: "image/png", fileName: "scan.png" }]);
  });
});

describe("the register's lists", () => {
  it("gives the CSV the same rows as the list for the same filters, without the representative's contact", async () => {
    const marker = `Saring-${Math.random().toString(36).slice(2, 7)}`;
    const a = await file(
      petition({ regionCode: "16.73.01", respondent: "PPK Lubuklinggau Barat I", applicantName: `${marker} A` }),
    );
    await file(
      petition({ regionCode: "16.73.02", respondent: "PPK Lubuklinggau Timur I", applicantName: `${marker} B` }),
    );
    await stepOk(a.id, { action: "verify" });
    for (const query of [
      `?q=${marker}`,
      `?q=${marker}&wilayah=16.73.01`,
      `?q=${marker}&state=verification`,
      `?q=${marker}&state=filed`,
    ]) {
      const list = await (await http.get(`/api/v1/disputes${query}`, bawaslu)).json();
      const csv = await (await http.get(`/api/v1/disputes.csv${query}`, bawaslu)).text();
      const lines = csv
        .replace(/^\ufeff/, "")
        .trim()
        .split(/\r?\n/);
      expect(lines.length - 1, query).toBe(list.total);
      for (const d of list.disputes) expect(csv).toContain(d.applicantName);
      expect(csv).not.toMatch(/0812|6281|Rahasia/);
    }
    const one = await (await http.get(`/api/v1/disputes?q=${marker}&wilayah=16.73.01`, bawaslu)).json();
    expect(one.disputes.map((d: { id: string }) => d.id)).toEqual([a.id]);
    // The period: filed today is inside today's period, not inside yesterday's. "Today" is the election's
    // (WIB), which is already tomorrow in UTC from 17:00 UTC on.
    const today = toElectionWallClock(new Date().toISOString()).slice(0, 10);
    const past = await (await http.get(`/api/v1/disputes?q=${marker}&to=2024-01-01`, bawaslu)).json();
    expect(past.total).toBe(0);
    expect(
      (await (await http.get(`/api/v1/disputes?q=${marker}&from=2024-01-01&to=${today}`, bawaslu)).json()).total,
    ).toBe(2);
    // Another region's case officer's list and CSV hold only its own.
    const theirs = await (await http.get(`/api/v1/disputes.csv?q=${marker}`, other)).text();
    expect(theirs).toContain(`${marker} B`);
    expect(theirs).not.toContain(`${marker} A`);
    // The printed register carries the rows and a signature block.
    const printed = await (await http.get(`/sengketa/cetak?q=${marker}`, bawaslu)).text();
    expect(printed).toContain(`${marker} A`);
    expect(printed).toContain("signature-block");
  });

  it("counts petitions for the data centre by region, state and outcome, aggregates only", async () => {
    const counts = await disputeCounts(server.services.sql, { area: "16.73" });
    expect(counts.asOf).toMatch(/^\d{4}-/);
    expect(counts.rows.length).toBeGreaterThan(0);
    for (const row of counts.rows) expect(Object.keys(row).sort()).toEqual(["count", "outcome", "regionCode", "state"]);
    expect(counts.rows.find((r) => r.state === "decided" && r.outcome === "partly_granted")?.count).toBeGreaterThan(0);
    expect((await disputeCounts(server.services.sql, { area: "16.74" })).rows).toEqual([]);
  });
});
