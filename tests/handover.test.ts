// The command post's shift handover sheet: what happened since the last handover in the reader's area
// (incidents reported and resolved, results received), what is still open, and closing a shift so the next
// sheet starts there. Pages are read as a browser without JavaScript would. Uses kelurahan 16.73.07.1004.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, decodeHtml as decode } from "./support/api";
import { startTestServer, type TestServer } from "./support/server";

let server: TestServer;
const http = api(() => server);
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const TPS = "1673071004-001";
const text = async (path: string, token: string) => {
  const res = await http.page(path, token);
  expect(res.status).toBe(200);
  return decode(await res.text());
};
const countIn = (html: string, testid: string) =>
  Number(new RegExp(`data-testid="${testid}"[^>]*>[^<]*?: (\\d+)<`).exec(html)?.[1] ?? NaN);

describe("shift handover sheet", () => {
  it("lists the period's incidents and results for the area, and starts again once the shift is closed", async () => {
    const officer = await http.login(TPS);
    const posko = await http.login("posko");
    const incident = {
      id: randomUUID(),
      tpsCode: TPS,
      category: "intimidation",
      severity: "high",
      description: "Saksi dihalangi masuk TPS oleh sekelompok orang.",
      lat: -3.29,
      lng: 102.86,
      occurredAt: new Date().toISOString(),
    };
    expect((await http.post("/api/v1/incidents", incident, officer)).status).toBe(201);
    const qc = await http.post(
      "/api/v1/quick-counts",
      {
        id: randomUUID(),
        tpsCode: TPS,
        contest: "walikota",
        votes: { "1": 80, "2": 60, "3": 40 },
        invalid: 4,
        capturedAt: new Date().toISOString(),
        justification: "Angka sudah dicek ulang bersama saksi.",
      },
      officer,
    );
    expect(qc.status, await qc.clone().text()).toBe(201);

    const sheet = await text("/posko/serah-terima", posko);
    expect(sheet).toContain("Lembar serah terima shift posko");
    expect(sheet).toContain("Belum ada shift yang ditutup");
    expect(countIn(sheet, "handover-opened-count")).toBe(1);
    expect(countIn(sheet, "handover-open-count")).toBe(1);
    expect(sheet).toContain("Saksi dihalangi masuk TPS");
    // The walikota row: one submission from one TPS, nothing verified yet; the contest by name.
    expect(sheet).toMatch(
      /data-testid="handover-contest-walikota"><td>[^<]*Wali Kota[^<]*<\/td><td class="num">1<\/td><td class="num">1<\/td><td class="num">0</,
    );
    // The audit head and the signature lines of both shifts are printed.
    expect(sheet).toContain('data-testid="audit-head"');
    expect(sheet).toContain("Yang menerima (shift baru)");

    // A supervisor of another kecamatan sees nothing of it.
    const other = await text("/posko/serah-terima", await http.login("pengawas-01"));
    expect(countIn(other, "handover-opened-count")).toBe(0);
    // A case officer reads the sheet but may not close a shift.
    const bawaslu = await http.login("bawaslu");
    expect(await text("/posko/serah-terima", bawaslu)).not.toContain("Tutup shift sekarang");
    expect((await http.form("/posko/serah-terima", { since: new Date().toISOString() }, bawaslu)).status).toBe(403);

    // Closing the shift: the next sheet starts now, with the incident still open.
    const close = await http.form(
      "/posko/serah-terima",
      { since: new Date(Date.now() - 3600_000).toISOString() },
      posko,
    );
    expect(close.status).toBe(302);
    const next = await text("/posko/serah-terima?ditutup=1", posko);
    expect(next).toMatch(/Shift terakhir ditutup .* oleh /);
    expect(countIn(next, "handover-opened-count")).toBe(0);
    expect(countIn(next, "handover-open-count")).toBe(1);
    const [audit] = await server.services.sql`select count(*)::int as n from audit_log where action = 'shift.handover'`;
    expect(audit.n).toBe(1);
  });
});
