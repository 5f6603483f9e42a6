// Verification and blind double entry over the API, against the real server.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "./support/api";
import { CASE_TPS, completeForm, type FormBody } from "./support/c1-cases";
import { startTestServer, type TestServer } from "./support/server";

let server: TestServer;
const http = api(() => server);
let posko: string;
let posko2: string;
let inside: string;
let outside: string;
beforeAll(async () => {
  server = await startTestServer();
  [posko, posko2, inside, outside] = await Promise.all([
    http.login("posko"),
    http.login("posko2"),
    http.login("pengawas-03"),
    http.login("pengawas-04"),
  ]);
});
afterAll(() => server?.stop());

const post = (path: string, body: unknown, token: string) => http.post(path, body, token);
const paper = (tpsCode: string, votes: Record<string, number>, over: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  tpsCode,
  contest: "walikota",
  votes,
  invalid: 3,
  source: "paper",
  capturedAt: new Date().toISOString(),
  ...over,
});
const result = async (tps: string) =>
  (
    await server.services.sql`
  select r.status, r.votes, s.source, s.revision from results r join submissions s on s.id = r.submission_id
  where r.tps_code = ${tps} and r.contest_code = 'walikota'`
  )[0];

describe("blind double entry", () => {
  it("consolidates two equal entries by two operators into one paper submission", async () => {
    const votes = { "1": 90, "2": 70, "3": 40 };
    const first = await post("/api/v1/paper-entries", paper("1673031003-001", votes), posko);
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ state: "awaiting_second", round: 1 });
    expect(await result("1673031003-001")).toBeUndefined();

    const again = await post("/api/v1/paper-entries", paper("1673031003-001", votes), posko);
    expect(again.status).toBe(409);
    expect((await again.json()).message).toMatch(/operator lain/);

    const second = await post("/api/v1/paper-entries", paper("1673031003-001", votes), posko2);
    expect(second.status).toBe(201);
    expect(await second.json()).toMatchObject({ state: "consolidated", status: "submitted" });
    expect(await result("1673031003-001")).toMatchObject({ status: "submitted", source: "paper", revision: 1, votes });
  });

  it("turns different entries into a conflict that only a supervisor of the area resolves", async () => {
    const tps = "1673031003-002";
    expect((await post("/api/v1/paper-entries", paper(tps, { "1": 90, "2": 70, "3": 40 }), posko)).status).toBe(201);
    const second = await post("/api/v1/paper-entries", paper(tps, { "1": 90, "2": 79, "3": 40 }), posko2);
    expect(await second.json()).toMatchObject({ state: "conflict" });
    expect(await result(tps)).toBeUndefined();
    const third = await post("/api/v1/paper-entries", paper(tps, { "1": 1, "2": 1, "3": 1 }), posko);
    expect(third.status).toBe(409);

    const [{ id: formId }] = await server.services
      .sql`select id from paper_forms where tps_code = ${tps} and status = 'conflict'`;
    const resolve = { action: "resolve_paper", formId, choice: "second", note: "Formulir asli dicek: 79 benar" };
    expect((await post("/api/v1/reviews", resolve, posko)).status).toBe(403);
    const refused = await post("/api/v1/reviews", resolve, outside);
    expect(refused.status).toBe(403);
    expect((await refused.json()).message).toMatch(/wilayah/);
    // A decision makes the result verified: not before the C.Hasil it is checked against has a photo.
    const noPhoto = await post("/api/v1/reviews", resolve, inside);
    expect(noPhoto.status).toBe(409);
    expect(await noPhoto.json()).toMatchObject({ code: "no_photo", message: expect.stringMatching(/foto C\.Hasil/) });
    expect(await result(tps)).toBeUndefined();
    await http.uploadC1Photo(posko, { tpsCode: tps, contest: "walikota" });
    const ok = await post("/api/v1/reviews", resolve, inside);
    expect(ok.status).toBe(200);
    expect(await result(tps)).toMatchObject({
      status: "verified",
      source: "paper",
      votes: { "1": 90, "2": 79, "3": 40 },
    });
    expect((await post("/api/v1/reviews", resolve, inside)).status).toBe(409);
  });

  it("rejects paper numbers with the same C1 rules as the app", async () => {
    const res = await post("/api/v1/paper-entries", paper("1673031003-003", { "1": -1, "2": 5, "3": 5 }), posko);
    expect(res.status).toBe(422);
    expect((await res.json()).errors[0]).toMatchObject({ field: "votes.1", code: "negative" });
    const officer = await http.login("1673031003-003");
    expect(
      (await post("/api/v1/paper-entries", paper("1673031003-003", { "1": 1, "2": 5, "3": 5 }), officer)).status,
    ).toBe(403);
  });
});

describe("verification", () => {
  it("marks a paper result that disagrees with the app as a conflict, verifies a chosen source, and corrects with a reason", async () => {
    const tps = "1673031003-004";
    const officer = await http.login(tps);
    const app = {
      id: randomUUID(),
      tpsCode: tps,
      contest: "walikota",
      votes: { "1": 100, "2": 50, "3": 20 },
      invalid: 2,
      capturedAt: new Date().toISOString(),
    };
    expect((await post("/api/v1/quick-counts", app, officer)).status).toBe(201);
    const votes = { "1": 100, "2": 55, "3": 20 };
    await post("/api/v1/paper-entries", paper(tps, votes, { invalid: 2 }), posko);
    const consolidated = await post("/api/v1/paper-entries", paper(tps, votes, { invalid: 2 }), posko2);
    expect(await consolidated.json()).toMatchObject({ state: "consolidated", status: "conflict" });

    const queue = await server.services.sql`select status from results where tps_code = ${tps}`;
    expect(queue[0].status).toBe("conflict");

    // Outside the area: refused. Inside: make the app's numbers current and verified.
    expect(
      (await post("/api/v1/reviews", { action: "verify", tpsCode: tps, contest: "walikota" }, outside)).status,
    ).toBe(403);
    const [appRow] = await server.services.sql`select id from submissions where tps_code = ${tps} and source = 'app'`;
    // The officer's photo of the C.Hasil, attached to their submission, is what the supervisor checks against.
    await http.uploadC1Photo(officer, { tpsCode: tps, contest: "walikota" });
    const verified = await post(
      "/api/v1/reviews",
      { action: "verify", tpsCode: tps, contest: "walikota", submissionId: appRow.id },
      inside,
    );
    expect(verified.status).toBe(200);
    expect(await result(tps)).toMatchObject({ status: "verified", revision: 3, votes: { "1": 100, "2": 50, "3": 20 } });

    // A correction needs a reason and keeps every earlier revision.
    const correction = {
      action: "correct",
      id: randomUUID(),
      tpsCode: tps,
      contest: "walikota",
      votes: { "1": 101, "2": 50, "3": 20 },
      invalid: 2,
      capturedAt: new Date().toISOString(),
      source: "paper",
    };
    const noReason = await post("/api/v1/reviews", { ...correction, reason: "" }, inside);
    expect(noReason.status).toBe(422);
    expect((await noReason.json()).errors[0].field).toBe("reason");
    expect(
      (await post("/api/v1/reviews", { ...correction, reason: "Salah baca C1 plano, dicek ulang" }, inside)).status,
    ).toBe(200);
    const history = await server.services
      .sql`select revision, source, reason from submissions where tps_code = ${tps} order by revision`;
    expect(history.map((h) => h.source)).toEqual(["app", "paper", "app", "paper"]);
    expect(history[3].reason).toBe("Salah baca C1 plano, dicek ulang");
    expect(await result(tps)).toMatchObject({ status: "verified", revision: 4, votes: { "1": 101, "2": 50, "3": 20 } });

    // Verified results are closed to the officer.
    expect((await post("/api/v1/quick-counts", { ...app, id: randomUUID(), invalid: 3 }, officer)).status).toBe(409);
  });
});

describe("complete C.Hasil forms at the posko", () => {
  it("compares the whole form in double entry, and corrects with a complete form", async () => {
    const [same, differs] = ["1673031002-002", "1673031002-003"];
    await server.services.sql`update tps set dpt = ${CASE_TPS.dpt}, dpt_men = ${CASE_TPS.dptMen},
      dpt_women = ${CASE_TPS.dptWomen}, dptb = ${CASE_TPS.dptb}, dpk = ${CASE_TPS.dpk} where code in (${same}, ${differs})`;
    const keyed = (tpsCode: string, form: FormBody) => ({
      id: randomUUID(),
      tpsCode,
      contest: "walikota",
      form,
      source: "paper",
      capturedAt: new Date().toISOString(),
    });
    const form = completeForm({ "1": 100, "2": 80, "3": 40 }, 6);
    expect((await post("/api/v1/paper-entries", keyed(same, form), posko)).status).toBe(201);
    expect(await (await post("/api/v1/paper-entries", keyed(same, form), posko2)).json()).toMatchObject({
      state: "consolidated",
      status: "submitted",
    });
    const [stored] = await server.services.sql`select completeness, form from results where tps_code = ${same}`;
    expect(stored).toEqual({ completeness: "complete", form });

    // Section IV agrees, section III does not (1 man vs 1 woman with a disability): the keyings differ.
    const other = completeForm({ "1": 100, "2": 80, "3": 40 }, 6, (f) => (f.disabled = { m: 0, f: 1, total: 1 }));
    expect((await post("/api/v1/paper-entries", keyed(differs, form), posko)).status).toBe(201);
    expect(await (await post("/api/v1/paper-entries", keyed(differs, other), posko2)).json()).toMatchObject({
      state: "conflict",
    });

    // A supervisor corrects the consolidated result with the complete form they read on the C.Hasil.
    await http.uploadC1Photo(posko, { tpsCode: same, contest: "walikota" });
    const corrected = completeForm({ "1": 101, "2": 80, "3": 40 }, 5);
    const correction = { action: "correct", ...keyed(same, corrected), reason: "C.Hasil dibaca ulang" };
    expect((await post("/api/v1/reviews", correction, inside)).status).toBe(200);
    const [after] = await server.services
      .sql`select status, votes, invalid, completeness, form from results where tps_code = ${same}`;
    expect(after).toEqual({
      status: "verified",
      votes: { "1": 101, "2": 80, "3": 40 },
      invalid: 5,
      completeness: "complete",
      form: corrected,
    });
  });
});

describe("verification needs the C.Hasil photo", () => {
  it("refuses to verify or correct a result without a photo of its C.Hasil, and verifies once there is one", async () => {
    const tps = "1673031002-001";
    // A DPT these numbers are plausible for: the test is about the photo, not about turnout.
    await server.services.sql`update tps set dpt = 250, dpt_men = null, dpt_women = null where code = ${tps}`;
    const officer = await http.login(tps);
    const id = randomUUID();
    const count = { id, tpsCode: tps, contest: "walikota", votes: { "1": 100, "2": 60, "3": 40 }, invalid: 3 };
    expect(
      (await post("/api/v1/quick-counts", { ...count, capturedAt: new Date().toISOString() }, officer)).status,
    ).toBe(201);
    const verify = { action: "verify", tpsCode: tps, contest: "walikota" };
    const refused = await post("/api/v1/reviews", verify, inside);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual({
      code: "no_photo",
      message:
        "Belum ada foto C.Hasil untuk TPS 1673031002-001 (Wali Kota dan Wakil Wali Kota). Hasil baru bisa diverifikasi setelah fotonya diunggah.",
    });
    const en = await http.post("/api/v1/reviews", verify, inside, { "Accept-Language": "en" });
    expect((await en.json()).message).toMatch(/^There is no photo of the C\.Hasil for TPS 1673031002-001/);
    const correction = {
      action: "correct",
      ...count,
      id: randomUUID(),
      votes: { "1": 101, "2": 60, "3": 40 },
      capturedAt: new Date().toISOString(),
      source: "paper",
      reason: "Dicek ulang dengan saksi",
    };
    expect((await post("/api/v1/reviews", correction, inside)).status).toBe(409);
    // Another ballot's photo is not this one's C.Hasil.
    await http.uploadC1Photo(officer, { tpsCode: tps, contest: "gubernur" });
    expect((await post("/api/v1/reviews", verify, inside)).status).toBe(409);
    expect((await result(tps)).status).toBe("submitted");

    // The app's photo names the submission it belongs to, not the contest: that is this ballot's C.Hasil.
    await http.uploadC1Photo(officer, { tpsCode: tps, quickCountId: id });
    expect((await post("/api/v1/reviews", verify, inside)).status).toBe(200);
    expect((await result(tps)).status).toBe("verified");
    expect((await post("/api/v1/reviews", correction, inside)).status).toBe(200);
  });
});

describe("sources that disagree", () => {
  it("marks the officer's app numbers as a conflict when the paper form said otherwise, and not when they agree", async () => {
    const app = (tps: string, votes: Record<string, number>) => ({
      id: randomUUID(),
      tpsCode: tps,
      contest: "walikota",
      votes,
      invalid: 3,
      capturedAt: new Date().toISOString(),
    });
    const votes = { "1": 70, "2": 40, "3": 20 };
    for (const tps of ["1673031003-008", "1673031003-009"]) {
      await post("/api/v1/paper-entries", paper(tps, votes), posko);
      expect(await (await post("/api/v1/paper-entries", paper(tps, votes), posko2)).json()).toMatchObject({
        state: "consolidated",
        status: "submitted",
      });
    }
    const differs = await post(
      "/api/v1/quick-counts",
      app("1673031003-008", { ...votes, "2": 44 }),
      await http.login("1673031003-008"),
    );
    expect(await differs.json()).toMatchObject({ status: "conflict" });
    expect(await result("1673031003-008")).toMatchObject({ status: "conflict", source: "app" });
    const agrees = await post("/api/v1/quick-counts", app("1673031003-009", votes), await http.login("1673031003-009"));
    expect(await agrees.json()).toMatchObject({ status: "submitted" });
  });
});

describe("photos beside the sources", () => {
  it("shows a C1 photo next to the submission it belongs to", async () => {
    const tps = "1673031003-005";
    const officer = await http.login(tps);
    const submissionId = randomUUID();
    const app = {
      id: submissionId,
      tpsCode: tps,
      contest: "walikota",
      votes: { "1": 80, "2": 60, "3": 30 },
      invalid: 2,
      capturedAt: new Date().toISOString(),
    };
    expect((await post("/api/v1/quick-counts", app, officer)).status).toBe(201);
    const sql = server.services.sql;
    const photoId = randomUUID();
    const [{ id: uploader }] = await sql`select id from users where login = ${tps}`;
    await sql`insert into photos (id, tps_code, uploader_id, purpose, contest_code, quick_count_id, mime, size_bytes, sha256, bytes)
      values (${photoId}, ${tps}, ${uploader}, 'c1', 'walikota', ${submissionId}, 'image/jpeg', 3, 'x', ${Buffer.from([1, 2, 3])})`;
    const page = await http.get(`/posko/verifikasi/${tps}/walikota`, inside);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`/api/v1/photos/${photoId}`);
    const detail = await (await http.get(`/api/v1/tps/${tps}`, inside)).json();
    expect(detail.photoIds).toContain(photoId);
    expect((await http.get(`/posko/verifikasi/${tps}/walikota`, outside)).status).toBe(403);
  });
});

describe("posko and officer writing to one TPS at once", () => {
  it("serialises them: every write lands as its own revision, none fails", async () => {
    const tps = "1673031003-006";
    const officer = await http.login(tps);
    const votes = { "1": 50, "2": 40, "3": 30 };
    const why = { justification: "Angka diperiksa ulang bersama saksi" };
    expect((await post("/api/v1/paper-entries", paper(tps, votes, why), posko)).status).toBe(201);
    const answers = await Promise.all([
      post("/api/v1/paper-entries", paper(tps, votes, why), posko2),
      ...[0, 1, 2].map((i) =>
        post(
          "/api/v1/quick-counts",
          {
            id: randomUUID(),
            tpsCode: tps,
            contest: "walikota",
            votes: { "1": 50 + i, "2": 40, "3": 30 },
            invalid: 3,
            capturedAt: new Date().toISOString(),
            justification: "Angka diperiksa ulang bersama saksi",
          },
          officer,
        ),
      ),
    ]);
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201]);
    const revisions = await server.services
      .sql`select revision from submissions where tps_code = ${tps} and contest_code = 'walikota' order by revision`;
    expect(revisions.map((r) => r.revision)).toEqual([1, 2, 3, 4]);
  });
});
