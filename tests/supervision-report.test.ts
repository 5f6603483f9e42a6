// The TPS supervision report (Form A) and the staff archive against the real server and PostgreSQL: a full
// day (check-in, every phase's checklist, an incident handled by the posko, results and a C.Hasil photo)
// composed into each section; the officer's notes bounded and kept; idempotent submission and replacement
// until the posko accepts; 403 for another TPS's officer and for staff outside the area; the archive's
// search, downloads and PDF audited; the kecamatan's PDF holds each TPS's report (read with pdftotext).
// Kecamatan 16.73.02 (pengawas-02); pengawas-01 is outside it.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checklistPhases } from "~/lib/checklists";
import { DEFAULT_SETTINGS } from "~/lib/settings";
import { MAX_NOTE_CHARS } from "~/lib/supervision-report";
import { api, decodeHtml } from "./support/api";
import { startTestServer, type TestServer } from "./support/server";

let server: TestServer;
const http = api(() => server);
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const TPS = "1673021004-001";
const SECOND = "1673021004-002";
const OTHER_KEL = "1673021005-001";
const at = (hh: string) => new Date(`2026-11-27T${hh}:00+07:00`).toISOString();

/** A whole day of one TPS through the API, as the phone sends it; answers the incident's id. */
async function fullDay(tpsCode: string, { withIncident = true } = {}) {
  const officer = await http.login(tpsCode);
  const ok = async (res: Response) => {
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    return res.json();
  };
  await ok(
    await http.post(
      "/api/v1/checkins",
      { id: randomUUID(), tpsCode, lat: null, lng: null, note: "Di depan balai RT 04", capturedAt: at("06:40") },
      officer,
    ),
  );
  for (const phase of checklistPhases(DEFAULT_SETTINGS.checklist)) {
    if (!phase.items.length) continue;
    const answers = phase.items.map((item, i) =>
      item.kind === "yesno"
        ? { item: item.code, ok: !(phase.phase === "pembukaan" && i === 0), note: i === 0 ? "Dibuka 07.20" : undefined }
        : item.kind === "number"
          ? { item: item.code, number: 12 }
          : { item: item.code, text: "Lancar" },
    );
    await ok(
      await http.post(
        "/api/v1/checklists",
        { id: randomUUID(), tpsCode, phase: phase.phase, answers, capturedAt: at("07:30") },
        officer,
      ),
    );
  }
  let incidentId: string | null = null;
  if (withIncident) {
    incidentId = randomUUID();
    await ok(
      await http.post(
        "/api/v1/incidents",
        {
          id: incidentId,
          tpsCode,
          category: "intimidation",
          severity: "high",
          description: "Saksi dihalangi masuk oleh sekelompok orang.",
          lat: -3.29,
          lng: 102.86,
          occurredAt: at("09:15"),
        },
        officer,
      ),
    );
    const posko = await http.login("posko");
    await ok(
      await http.post(
        `/api/v1/incidents/${incidentId}/transitions`,
        { action: "acknowledge", note: "Diterima posko" },
        posko,
      ),
    );
    await ok(
      await http.post(
        `/api/v1/incidents/${incidentId}/transitions`,
        { action: "resolve", note: "Saksi sudah masuk, aman" },
        posko,
      ),
    );
  }
  const qc = await ok(
    await http.post(
      "/api/v1/quick-counts",
      {
        id: randomUUID(),
        tpsCode,
        contest: "walikota",
        votes: { "1": 80, "2": 60, "3": 40 },
        invalid: 4,
        capturedAt: at("14:10"),
        justification: "Angka sudah dicek ulang bersama saksi.",
      },
      officer,
    ),
  );
  await http.uploadC1Photo(officer, { tpsCode, contest: "walikota", quickCountId: qc.id });
  return { officer, incidentId };
}

const submit = (token: string, tpsCode: string, notes: Record<string, string>, id = randomUUID()) =>
  http.post("/api/v1/supervision-reports", { id, tpsCode, capturedAt: at("15:00"), notes }, token);

const auditCount = async (action: string, actor: string) => {
  const [row] = await server.services.sql<[{ n: number }]>`
    select count(*)::int as n from audit_log a join users u on u.id = a.actor_id
    where a.action = ${action} and u.login = ${actor}`;
  return row.n;
};

describe("the supervision report", () => {
  it("composes every section from a full day, keeps the notes, replaces versions until accepted", async () => {
    const { officer, incidentId } = await fullDay(TPS);

    // Before submitting, the officer reads the day composed now.
    const draft = await (await http.get(`/api/v1/supervision-reports/${TPS}`, officer)).json();
    expect(draft.report).toBeNull();
    const c = draft.content;
    expect(c.identity).toMatchObject({ code: TPS, kecamatan: { code: "16.73.02" }, city: { code: "16.73" } });
    expect(c.identity.officer.login).toBe(TPS);
    expect(c.supervised.checkin.note).toBe("Di depan balai RT 04");
    const phases = checklistPhases(DEFAULT_SETTINGS.checklist).filter((p) => p.items.length);
    expect(c.supervised.phases.map((p: { phase: string }) => p.phase)).toEqual(phases.map((p) => p.phase));
    expect(c.supervised.phases.every((p: { answeredAt: string | null }) => p.answeredAt)).toBe(true);
    expect(c.found.incidents).toEqual([
      expect.objectContaining({
        id: incidentId,
        severity: "high",
        status: "resolved",
        category: expect.objectContaining({ id: "Intimidasi" }),
      }),
    ]);
    expect(c.found.checklistProblems).toEqual([expect.objectContaining({ phase: "pembukaan", note: "Dibuka 07.20" })]);
    // 80+60+40 valid of 184 is far from the TPS's DPT turnout rules: whatever the rules found is listed.
    expect(c.done.actions.map((a: { toStatus: string; note: string }) => [a.toStatus, a.note])).toEqual([
      ["acknowledged", "Diterima posko"],
      ["resolved", "Saksi sudah masuk, aman"],
    ]);
    expect(c.done.outcomes).toEqual([expect.objectContaining({ status: "resolved" })]);
    expect(c.results).toEqual([
      expect.objectContaining({ contest: "walikota", valid: 180, invalid: 4, photos: [expect.anything()] }),
    ]);
    expect(c.results[0].choices.map((x: { votes: number }) => x.votes)).toEqual([80, 60, 40]);

    // Notes are bounded per section.
    const tooLong = await submit(officer, TPS, { found: "x".repeat(MAX_NOTE_CHARS + 1) });
    expect(tooLong.status).toBe(422);
    expect(JSON.stringify(await tooLong.json())).toContain("notes.found");
    expect((await submit(officer, TPS, { nope: "x" })).status).toBe(422);
    expect((await submit(officer, TPS, { done: "a\u0000b" })).status).toBe(422);

    // A submission, and its retry: the same answer, one version.
    const id = randomUUID();
    const notes = {
      found: "Saksi paslon 2 datang terlambat.",
      results: "Formulir C.Hasil ditandatangani semua saksi.",
    };
    const first = await submit(officer, TPS, notes, id);
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ version: 1 });
    const again = await submit(officer, TPS, notes, id);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ version: 1 });
    expect((await submit(officer, TPS, { found: "lain" }, id)).status).toBe(409);

    // A second submission replaces the first; the first stays in the versions and the audit trail.
    const second = await submit(officer, TPS, { ...notes, done: "Posko menanggapi dalam 10 menit." });
    expect(second.status).toBe(201);
    expect(await second.json()).toMatchObject({ version: 2 });
    const versions = await server.services
      .sql`select version, notes from supervision_report_versions where tps_code = ${TPS} order by version`;
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[0].notes).toEqual(notes);
    const audits = await server.services.sql`
      select after from audit_log where action = 'supervision_report.submit' and entity = ${"tps:" + TPS} order by id`;
    expect(audits.map((a) => a.after.version)).toEqual([1, 2]);

    // The posko reads it (notes kept), accepts it; the officer can no longer replace it.
    const posko = await http.login("posko");
    const read = await (await http.get(`/api/v1/supervision-reports/${TPS}`, posko)).json();
    expect(read.report).toMatchObject({ version: 2, acceptedAt: null });
    expect(read.notes.done).toBe("Posko menanggapi dalam 10 menit.");
    expect(read.content.found.incidents).toHaveLength(1);
    expect((await http.post(`/api/v1/supervision-reports/${TPS}/accept`, {}, officer)).status).toBe(403);
    expect(
      (await http.post(`/api/v1/supervision-reports/${TPS}/accept`, {}, await http.login("pengawas-01"))).status,
    ).toBe(403);
    const accepted = await http.post(`/api/v1/supervision-reports/${TPS}/accept`, {}, await http.login("pengawas-02"));
    expect(accepted.status).toBe(200);
    expect((await http.post(`/api/v1/supervision-reports/${TPS}/accept`, {}, posko)).status).toBe(409);
    const late = await submit(officer, TPS, notes);
    expect(late.status).toBe(409);
    expect((await late.json()).message).toContain("sudah diterima");

    // The printed paper: every section, the notes, the places to sign.
    const page = await http.page(`/laporan/${TPS}`, posko);
    expect(page.status).toBe(200);
    const html = decodeHtml(await page.text());
    for (const heading of [
      "I. Identitas TPS",
      "II. Yang diawasi",
      "III. Temuan",
      "IV. Tindak lanjut",
      "V. Hasil penghitungan",
    ])
      expect(html).toContain(heading);
    expect(html).toContain("Saksi paslon 2 datang terlambat.");
    expect(html).toContain('data-testid="signature-block"');
    expect(html).toContain("@page forma");
  });

  it("refuses another TPS's officer and staff outside the area", async () => {
    const mine = await http.login(SECOND);
    const other = await http.login(OTHER_KEL);
    // Another TPS's officer can neither send for it nor read it.
    const res = await submit(other, SECOND, {});
    expect(res.status).toBe(403);
    expect((await http.get(`/api/v1/supervision-reports/${SECOND}`, other)).status).toBe(403);
    expect((await submit(mine, SECOND, {})).status).toBe(201);
    // Staff outside the area: 403 for the report, the page and the list is kept to their own area.
    const outside = await http.login("pengawas-01");
    expect((await http.get(`/api/v1/supervision-reports/${SECOND}`, outside)).status).toBe(403);
    expect((await http.page(`/laporan/${SECOND}`, outside)).status).toBe(403);
    const list = await (await http.get("/api/v1/supervision-reports?wilayah=16.73.02", outside)).json();
    expect(list.area).toBe("16.73.01");
    expect(list.reports.map((r: { tpsCode: string }) => r.tpsCode)).not.toContain(SECOND);
    // The case officer (region 16.73) reads it; a responder may not.
    expect((await http.get(`/api/v1/supervision-reports/${SECOND}`, await http.login("bawaslu"))).status).toBe(200);
    expect((await http.get(`/api/v1/supervision-reports/${SECOND}`, await http.login("tim-1"))).status).toBe(403);
    expect((await http.get("/api/v1/archive", await http.login("tim-1"))).status).toBe(403);
    expect((await http.get("/api/v1/archive", mine)).status).toBe(403);
  });

  it("the archive finds reports, photos and documents by area, date and kind, audits each view and download, and makes the kecamatan's PDF", async () => {
    const tpsList = ["1673021003-001", "1673021003-002", "1673021002-001"];
    for (const tps of tpsList) {
      const { officer } = await fullDay(tps, { withIncident: false });
      expect((await submit(officer, tps, { identity: `Catatan TPS ${tps}` })).status).toBe(201);
    }
    const supervisor = await http.login("pengawas-02");
    // A signed scan goes into the documents store under the report.
    const pdfBytes = Buffer.from("%PDF-1.4\n% scan\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    const form = new FormData();
    form.set("file", new Blob([pdfBytes], { type: "application/pdf" }), "form-a-ttd.pdf");
    const scan = await http.multipart(`/api/v1/supervision-reports/${tpsList[0]}/scan`, form, supervisor);
    expect(scan.status, await scan.clone().text()).toBe(201);
    const doc = await scan.json();
    const notPdf = new FormData();
    notPdf.set("file", new Blob(["<html>"], { type: "application/pdf" }), "x.pdf");
    expect((await http.multipart(`/api/v1/supervision-reports/${tpsList[0]}/scan`, notPdf, supervisor)).status).toBe(
      422,
    );
    const scanPath = `/api/v1/supervision-reports/${tpsList[0]}/scan`;
    expect((await http.post(scanPath, { file: "x" }, supervisor)).status).toBe(415);
    const broken = await http.post(scanPath, "--x\r\nnot a part", supervisor, {
      "Content-Type": "multipart/form-data; boundary=x",
    });
    expect(broken.status).toBe(400);
    expect((await broken.json()).code).toBe("bad_multipart");

    const before = await auditCount("archive.search", "pengawas-02");
    const search = async (query: string, token = supervisor) => {
      const res = await http.get(`/api/v1/archive?${query}`, token);
      expect(res.status, await res.clone().text()).toBe(200);
      return res.json() as Promise<{
        count: number;
        items: { kind: string; id: string; tpsCode: string; ownerKind: string }[];
      }>;
    };
    const kel = await search("wilayah=16.73.02.1003");
    expect(
      kel.items
        .filter((i) => i.kind === "report")
        .map((i) => i.id)
        .sort(),
    ).toEqual(tpsList.slice(0, 2));
    expect(kel.items.filter((i) => i.kind === "photo")).toHaveLength(2);
    expect(kel.items.find((i) => i.kind === "document")).toMatchObject({ id: doc.id, ownerKind: "supervision_report" });
    const reportsOnly = await search("wilayah=16.73.02&jenis=report");
    expect(new Set(reportsOnly.items.map((i) => i.kind))).toEqual(new Set(["report"]));
    expect(reportsOnly.items.map((i) => i.id)).toEqual(expect.arrayContaining(tpsList));
    // Dates: nothing came in before 2000-01-02, everything today is found.
    expect((await search("wilayah=16.73.02&sampai=2000-01-01")).count).toBe(0);
    expect((await search("dari=2000-01-01")).count).toBeGreaterThan(0);
    expect((await http.get("/api/v1/archive?dari=kemarin", supervisor)).status).toBe(400);
    expect((await http.get("/api/v1/archive?jenis=secret", supervisor)).status).toBe(400);
    expect((await http.get("/api/v1/archive?sampai=2026-02-31", supervisor)).status).toBe(400);
    // Outside the area nothing of it is found.
    const outside = await http.login("pengawas-01");
    const theirs = await search("wilayah=16.73.02", outside);
    expect(theirs.items.some((i) => i.tpsCode?.startsWith("167302"))).toBe(false);
    expect((await http.get(`/api/v1/archive/documents/${doc.id}`, outside)).status).toBe(403);
    expect(await auditCount("archive.search", "pengawas-02")).toBe(before + 4);

    // Downloads: an attachment with its checked type, audited.
    const download = await http.get(`/api/v1/archive/documents/${doc.id}`, supervisor);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toContain("attachment");
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await download.arrayBuffer()).equals(pdfBytes)).toBe(true);
    const photo = kel.items.find((i) => i.kind === "photo")!;
    expect((await http.get(`/api/v1/archive/photos/${photo.id}`, await http.login("bawaslu"))).status).toBe(200);
    expect(await auditCount("archive.download", "pengawas-02")).toBe(1);
    expect(await auditCount("archive.download", "bawaslu")).toBe(1);

    // The page view is audited too.
    const views = await auditCount("archive.view", "pengawas-02");
    const page = await http.page("/arsip?wilayah=16.73.02.1003", supervisor);
    expect(page.status).toBe(200);
    expect(decodeHtml(await page.text())).toContain("Form A TPS 1673021003-001 bertanda tangan");
    expect(await auditCount("archive.view", "pengawas-02")).toBe(views + 1);
    const reportViews = await auditCount("supervision_report.view", "pengawas-02");
    expect((await http.page(`/laporan/${tpsList[0]}`, supervisor)).status).toBe(200);
    expect(await auditCount("supervision_report.view", "pengawas-02")).toBe(reportViews + 1);

    // The kecamatan's reports as one PDF: each TPS's report in it, audited.
    expect((await http.get("/api/v1/archive/reports.pdf?wilayah=16.73", await http.login("posko"))).status).toBe(422);
    const pdf = await http.get("/api/v1/archive/reports.pdf?wilayah=16.73.02", supervisor);
    expect(pdf.status, await pdf.clone().text()).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const dir = mkdtempSync(path.join(tmpdir(), "forma-"));
    const file = path.join(dir, "kecamatan.pdf");
    writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
    const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString("utf8");
    const [{ n: submitted }] = await server.services.sql<[{ n: number }]>`
      select count(*)::int as n from supervision_reports where kelurahan_code like '16.73.02.%'`;
    expect(submitted).toBeGreaterThanOrEqual(tpsList.length);
    for (const tps of tpsList) {
      expect(text).toContain(`TPS ${tps}`);
      expect(text).toContain(`Catatan TPS ${tps}`);
    }
    for (const heading of [
      "I. Identitas TPS",
      "II. Yang diawasi",
      "III. Temuan",
      "IV. Tindak lanjut",
      "V. Hasil penghitungan",
    ])
      expect(text.split(heading).length - 1).toBe(submitted);
    expect(text).toContain("Belum menyerahkan laporan");
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file]).toString())?.[1]);
    expect(pages).toBeGreaterThanOrEqual(1 + 5 * submitted);
    expect(await auditCount("archive.download_pdf", "pengawas-02")).toBe(1);
  });
});
