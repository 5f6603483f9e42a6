// The checklists per phase of the day against the real server and PostgreSQL: answers per phase, idempotent
// on the client's id; the version-1 opening checklist as it was; the command post's counts per area, kept
// inside a supervisor's own; the TPS detail's answers; the admin's phase editor.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "./support/api";
import { startTestServer, type TestServer } from "./support/server";

let server: TestServer;
const http = api(() => server);
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

// Kecamatan 16.73.06 (pengawas-06) and 16.73.01 (pengawas-01).
const HERE = "1673061002-001";
const HERE_TOO = "1673061003-002";
const ELSEWHERE = "1673011001-001";
const at = "2026-11-22T07:25:00+07:00";

const answer = async (tpsCode: string, body: Record<string, unknown>) => {
  const token = await http.login(tpsCode);
  const full = { id: randomUUID(), tpsCode, capturedAt: at, ...body };
  return { res: await http.post("/api/v1/checklists", full, token), body: full, token };
};
const summaryOf = async (who: string, wilayah?: string) => {
  const res = await http.get(
    `/api/v1/checklists/summary${wilayah ? `?wilayah=${wilayah}` : ""}`,
    await http.login(who),
  );
  expect(res.status).toBe(200);
  return res.json() as Promise<{
    area: string | null;
    tps: number;
    phases: { phase: string; answered: number; problems: { item: string; tps: number; problem: { id: string } }[] }[];
  }>;
};
const lateIn = (s: Awaited<ReturnType<typeof summaryOf>>) =>
  s.phases.find((p) => p.phase === "pembukaan")!.problems.find((p) => p.item === "on_time")!.tps;

describe("answers per phase", () => {
  it("stores a phase's yes/no, number and text answers; a retry gets the first answer, another body a 409", async () => {
    const { res, body, token } = await answer(HERE, {
      phase: "penutupan",
      answers: [
        { item: "closed_on_time", ok: true },
        { item: "unused_ballots", number: 14 },
      ],
    });
    expect(res.status).toBe(201);
    const first = await res.json();
    expect(first).toMatchObject({ ok: 2, total: 3 });
    const again = await http.post("/api/v1/checklists", body, token);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(first);
    expect((await http.post("/api/v1/checklists", { ...body, phase: "penghitungan" }, token)).status).toBe(409);
    const rows = await server.services.sql`
      select phase, item_code, ok, number from checklist_answers where tps_code = ${HERE} and phase = 'penutupan'
      order by item_code`;
    expect(rows).toEqual([
      { phase: "penutupan", itemCode: "closed_on_time", ok: true, number: null },
      { phase: "penutupan", itemCode: "unused_ballots", ok: null, number: 14 },
    ]);
  });

  it("asks each item for its own kind of answer and knows only the phase's items", async () => {
    const missing = await answer(HERE, { phase: "penutupan", answers: [{ item: "unused_ballots", ok: true }] });
    expect(missing.res.status).toBe(422);
    expect((await missing.res.json()).errors[0]).toMatchObject({ field: "answers.0.number", code: "required" });
    const elsewhere = await answer(HERE, { phase: "penyerahan", answers: [{ item: "on_time", ok: true }] });
    expect(elsewhere.res.status).toBe(422);
    expect((await elsewhere.res.json()).errors[0]).toMatchObject({ field: "answers.0.item", code: "unknown_item" });
    const badPhase = await answer(HERE, { phase: "siang", answers: [{ item: "on_time", ok: true }] });
    expect(badPhase.res.status).toBe(422);
  });

  it("the version-1 body without a phase is the opening checklist, answered as before", async () => {
    const { res } = await answer(HERE_TOO, {
      answers: [
        { item: "ballot_box", ok: true },
        { item: "dpt_posted", ok: false, note: "DPT belum ditempel" },
      ],
    });
    expect(res.status).toBe(201);
    expect(Object.keys(await res.json()).sort()).toEqual(["id", "ok", "total"]);
    const rows = await server.services.sql`
      select phase, item_code, ok, note from checklist_answers where tps_code = ${HERE_TOO} order by item_code`;
    expect(rows).toEqual([
      { phase: "pembukaan", itemCode: "ballot_box", ok: true, note: null },
      { phase: "pembukaan", itemCode: "dpt_posted", ok: false, note: "DPT belum ditempel" },
    ]);
  });
});

describe("the command post's summary per area", () => {
  it("counts the TPS that answered and flagged, per area, and lists the TPS behind a count", async () => {
    const before = { all: lateIn(await summaryOf("posko")), here: lateIn(await summaryOf("posko", "16.73.06")) };
    expect(
      (await answer(HERE, { phase: "pembukaan", answers: [{ item: "on_time", ok: false, note: "Kunci" }] })).res.status,
    ).toBe(201);
    expect(
      (await answer(ELSEWHERE, { phase: "pembukaan", answers: [{ item: "on_time", ok: false }] })).res.status,
    ).toBe(201);

    const all = await summaryOf("posko");
    expect(lateIn(all)).toBe(before.all + 2);
    const kecamatan = await summaryOf("posko", "16.73.06");
    expect(lateIn(kecamatan)).toBe(before.here + 1);
    expect(kecamatan.phases.find((p) => p.phase === "pembukaan")!.answered).toBeGreaterThanOrEqual(2);
    const kelurahan = await summaryOf("posko", "16.73.06.1002");
    expect(lateIn(kelurahan)).toBe(1);
    expect(kelurahan.tps).toBeLessThan(kecamatan.tps);

    const token = await http.login("posko");
    const list = await http.get("/api/v1/checklists/flagged?wilayah=16.73.06&phase=pembukaan&item=on_time", token);
    expect(list.status).toBe(200);
    const flagged = await list.json();
    expect(flagged.count).toBe(before.here + 1);
    expect(flagged.tps).toContainEqual(expect.objectContaining({ code: HERE, note: "Kunci" }));
    expect(flagged.tps.some((t: { code: string }) => t.code === ELSEWHERE)).toBe(false);
  });

  it("comes with the command post's page, counted for the area it opens", async () => {
    const late = { phase: "pembukaan", answers: [{ item: "on_time", ok: false }] };
    expect((await answer("1673061004-001", late)).res.status).toBe(201);
    const kecamatan = await summaryOf("posko", "16.73.06");
    expect(lateIn(kecamatan)).toBeGreaterThan(0);
    const page = await http.get("/posko?wilayah=16.73.06", await http.login("posko"));
    expect(page.status).toBe(200);
    const html = await page.text();
    // Server-rendered: the counts are on the page before any script asks for them.
    expect(html).toContain(`${lateIn(kecamatan)} TPS buka terlambat`);
  });

  it("a supervisor sees only their own area, whatever they ask for", async () => {
    const own = await summaryOf("pengawas-06");
    expect(own.area).toBe("16.73.06");
    const asked = await summaryOf("pengawas-06", "16.73.01");
    expect(asked.area).toBe("16.73.06");
    expect(lateIn(asked)).toBe(lateIn(own));
    const token = await http.login("pengawas-06");
    const list = await (
      await http.get("/api/v1/checklists/flagged?wilayah=ID&phase=pembukaan&item=on_time", token)
    ).json();
    expect(list.tps.every((t: { code: string }) => t.code.startsWith("167306"))).toBe(true);
    expect((await http.get("/api/v1/checklists/summary", await http.login(HERE))).status).toBe(403);
    expect((await http.get("/api/v1/checklists/summary")).status).toBe(401);
  });

  it("refuses parameters it cannot read with a 400", async () => {
    const token = await http.login("posko");
    for (const q of ["wilayah=16.7", "phase=siang&item=on_time", "phase=pembukaan&item=ON%20TIME", "phase=pembukaan"])
      expect((await http.get(`/api/v1/checklists/flagged?${q}`, token)).status).toBe(400);
    expect((await http.get("/api/v1/checklists/summary?wilayah=x", token)).status).toBe(400);
  });

  it("the TPS detail holds every phase with its answers and their times", async () => {
    const detail = await (await http.get(`/api/v1/tps/${HERE}`, await http.login("posko"))).json();
    const closing = detail.checklists.find((p: { phase: string }) => p.phase === "penutupan");
    expect(closing.items.find((i: { code: string }) => i.code === "unused_ballots").answer).toMatchObject({
      number: 14,
      at: expect.any(String),
    });
    expect(detail.checklists.map((p: { phase: string }) => p.phase)).toHaveLength(7);
  });
});

describe("the admin's phase editor", () => {
  it("saves one phase's time and items and keeps the others; refuses a bad line", async () => {
    const token = await http.login("admin");
    const lines = [
      "on_time | ya-tidak | TPS dibuka tepat waktu | Opened on time | buka terlambat | opened late",
      "voters_by_9 | angka | Pemilih sampai 09.00 | Voters by 09:00",
    ].join("\n");
    const saved = await http.form(
      "/admin/pengaturan",
      { section: "checklist", phase: "pembukaan", due: "07:15", lines },
      token,
    );
    expect(saved.status).toBeLessThan(400);
    const [row] = await server.services.sql`select value from settings where key = 'checklist'`;
    const phases = (row.value as { phases: { phase: string; due: string; items: { code: string }[] }[] }).phases;
    const opening = phases.find((p) => p.phase === "pembukaan")!;
    expect(opening.due).toBe("07:15");
    expect(opening.items.map((i) => i.code)).toEqual(["on_time", "voters_by_9"]);
    expect(phases).toHaveLength(7);
    const bad = await http.form(
      "/admin/pengaturan",
      { section: "checklist", phase: "pembukaan", due: "07:15", lines: "x | angka | A | B | masalah | problem" },
      token,
    );
    expect(bad.status).toBe(422);
  });
});
