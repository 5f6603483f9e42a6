// The complete C.Hasil over HTTP against the real server and PostgreSQL: each officer's ballots are exactly the
// contests their TPS votes in (here with a DPRD dapil covering one kecamatan, a party-list ballot), the
// complete form posts without JavaScript in its boxes' names and is stored complete, and the paper forms
// and the posko's entry follow the same ballots and boxes.
import { rebuildTotalsNow } from "~/models/region-totals.server";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, decodeHtml } from "./support/api";
import { startTestServer, type TestServer } from "./support/server";

let server: TestServer;
const http = api(() => server);

const IN_DAPIL = "1673011001-001"; // kecamatan 16.73.01: votes for governor, mayor and the DPRD dapil
const OUTSIDE = "1673021001-001"; // kecamatan 16.73.02: governor and mayor only

beforeAll(async () => {
  server = await startTestServer();
  const sql = server.services.sql;
  await sql`insert into parties (number, name, abbrev) values (1, 'Partai Satu', 'PS'), (2, 'Partai Dua', 'PD')
    on conflict do nothing`;
  await sql`insert into contests (code, name, type, dapil, position)
    values ('dprd-llg-1', 'DPRD Kota Lubuklinggau', 'dprd_kabkota', 'Lubuklinggau 1', 3)`;
  await sql`insert into contest_areas (contest_code, region_code) values ('dprd-llg-1', '16.73.01')`;
  await sql`insert into candidates (contest_code, party_number, ballot_number, name) values
    ('dprd-llg-1', 1, 1, 'Andi'), ('dprd-llg-1', 1, 2, 'Budi'), ('dprd-llg-1', 2, 1, 'Citra')`;
  // As an admin's import does: the running totals count the new contest's TPS.
  await rebuildTotalsNow(sql);
});
afterAll(() => server?.stop());

const page = async (path: string, token: string) => {
  const res = await http.get(path, token);
  return { status: res.status, html: decodeHtml(await res.text()) };
};

async function dptOf(code: string) {
  const [row] = await server.services.sql<{ dpt: number }[]>`select dpt from tps where code = ${code}`;
  return row.dpt;
}

/** Every box of a complete form that adds up, as a browser without JavaScript posts it. */
function completeFields(dpt: number, votes: Record<string, string | number>, invalid: number) {
  const valid = Object.entries(votes)
    .filter(([k]) => /^form\.votes\.\d+(\.total)?$/.test(k))
    .reduce((a, [, n]) => a + Number(n), 0);
  const voters = valid + invalid;
  const men = Math.floor(dpt / 2);
  const vm = Math.floor(voters / 2);
  const received = dpt + Math.ceil(dpt * 0.02);
  const row = (name: string, m: number, f: number) => ({
    [`form.${name}.m`]: m,
    [`form.${name}.f`]: f,
    [`form.${name}.total`]: m + f,
  });
  return {
    ...row("voters.dpt", men, dpt - men),
    ...row("voters.dptUsed", vm, voters - vm),
    ...row("voters.dptbUsed", 0, 0),
    ...row("voters.dpkUsed", 0, 0),
    ...row("voters.used", vm, voters - vm),
    "form.ballots.received": received,
    "form.ballots.used": voters,
    "form.ballots.damaged": 1,
    "form.ballots.unused": received - voters - 1,
    ...row("disabled", 1, 0),
    ...votes,
    "form.valid": valid,
    "form.invalid": invalid,
    "form.total": voters,
  };
}

describe("the officer's ballots", () => {
  it("are exactly the contests the TPS votes in: on the home screen, the forms and the paper", async () => {
    const inside = await http.login(IN_DAPIL);
    const home = await page("/officer", inside);
    expect(home.html).toContain('data-testid="contest-gubernur"');
    expect(home.html).toContain('data-testid="contest-walikota"');
    expect(home.html).toContain('data-testid="contest-dprd-llg-1"');

    const outside = await http.login(OUTSIDE);
    const elsewhere = await page("/officer", outside);
    expect(elsewhere.html).toContain('data-testid="contest-walikota"');
    expect(elsewhere.html).not.toContain("dprd-llg-1");
    expect((await page("/officer/c-hasil/dprd-llg-1", outside)).status).toBe(404);
    expect((await page("/officer/quick-count/dprd-llg-1", outside)).status).toBe(404);
    const paper = await page("/officer/paper", outside);
    expect(paper.html.match(/data-testid="paper-sheet-c1"/g)).toHaveLength(2);
    expect(paper.html).not.toContain("DPRD Kota Lubuklinggau");

    const insidePaper = await page("/officer/paper", inside);
    expect(insidePaper.html.match(/data-testid="paper-sheet-c1"/g)).toHaveLength(3);
    // A party list prints each party with its candidates, party-only votes and the party total.
    expect(insidePaper.html).toContain("Salinan C.Hasil — DPRD Kota Lubuklinggau (Lubuklinggau 1)");
    for (const text of ["1. Partai Satu", "1. Andi", "2. Budi", "2. Partai Dua", "Suara partai saja"])
      expect(insidePaper.html).toContain(text);
  });

  it("the complete form of a party list asks party-only, each candidate and the party total, in paper order", async () => {
    const officer = await http.login(IN_DAPIL);
    const { status, html } = await page("/officer/c-hasil/dprd-llg-1", officer);
    expect(status).toBe(200);
    const names = [...html.matchAll(/name="(form\.[^"]+)"/g)].map((m) => m[1]);
    expect(names.slice(0, 3)).toEqual(["form.voters.dpt.m", "form.voters.dpt.f", "form.voters.dpt.total"]);
    expect(names.filter((n) => n.startsWith("form.votes."))).toEqual([
      "form.votes.1.party",
      "form.votes.1.candidates.1",
      "form.votes.1.candidates.2",
      "form.votes.1.total",
      "form.votes.2.party",
      "form.votes.2.candidates.1",
      "form.votes.2.total",
    ]);
    expect(names.slice(-3)).toEqual(["form.valid", "form.invalid", "form.total"]);
  });
});

describe("the complete form without JavaScript", () => {
  it("is stored complete, with section IV's totals as the quick numbers", async () => {
    const officer = await http.login(IN_DAPIL);
    const dpt = await dptOf(IN_DAPIL);
    const votes = {
      "form.votes.1.party": 10,
      "form.votes.1.candidates.1": 30,
      "form.votes.1.candidates.2": 20,
      "form.votes.1.total": 60,
      "form.votes.2.party": 5,
      "form.votes.2.candidates.1": 45,
      "form.votes.2.total": 50,
    };
    const fields = completeFields(dpt, votes, 4);
    const res = await http.form(
      "/officer/c-hasil/dprd-llg-1",
      { id: randomUUID(), contest: "dprd-llg-1", capturedAt: new Date().toISOString(), ...fields },
      officer,
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/officer");
    const [result] = await server.services.sql<
      { completeness: string; votes: object; status: string; form: { votes: Record<string, unknown> } }[]
    >`
      select completeness, votes, status, form from results where tps_code = ${IN_DAPIL} and contest_code = 'dprd-llg-1'`;
    expect(result).toMatchObject({ completeness: "complete", status: "submitted", votes: { "1": 60, "2": 50 } });
    expect(result.form.votes["1"]).toEqual({ party: 10, candidates: { "1": 30, "2": 20 }, total: 60 });

    const home = await page("/officer", officer);
    expect(home.html).toMatch(/data-testid="completeness-dprd-llg-1"[^]*?C\.Hasil lengkap[^]*?Foto C\.Hasil belum ada/);
  });

  it("refuses an inconsistent form without the confirmation, naming the rule, and takes it with it", async () => {
    const tps = "1673011001-002";
    const officer = await http.login(tps);
    const dpt = await dptOf(tps);
    const fields = { ...completeFields(dpt, { "form.votes.1": 80, "form.votes.2": 70 }, 5), "form.total": 160 };
    const base = { contest: "gubernur", capturedAt: new Date().toISOString(), ...fields };
    const refused = await http.form("/officer/c-hasil/gubernur", { id: randomUUID(), ...base }, officer);
    expect(refused.status).toBe(422);
    const html = decodeHtml(await refused.text());
    expect(html).toContain("tidak cocok");

    const confirmed = await http.form(
      "/officer/c-hasil/gubernur",
      { id: randomUUID(), ...base, justification: "Angka ini sesuai yang tertulis di C.Hasil" },
      officer,
    );
    expect(confirmed.status).toBe(302);
    const [result] = await server.services.sql<{ status: string; completeness: string }[]>`
      select status, completeness from results where tps_code = ${tps} and contest_code = 'gubernur'`;
    expect(result).toEqual({ status: "flagged", completeness: "complete" });
  });
});

describe("the posko's entry", () => {
  it("offers a TPS only its own ballots and keys the complete form in the same boxes", async () => {
    const posko = await http.login("posko");
    const outside = await page(`/posko/entri?tps=${OUTSIDE}&contest=walikota&mode=complete`, posko);
    expect(outside.html).not.toContain("DPRD Kota Lubuklinggau");
    expect(outside.html).toContain('name="form.voters.dpt.m"');

    const tps = "1673011001-003";
    const dpt = await dptOf(tps);
    const fields = completeFields(dpt, { "form.votes.1": 50, "form.votes.2": 40, "form.votes.3": 30 }, 2);
    const res = await http.form(
      `/posko/entri?tps=${tps}&contest=walikota&mode=complete`,
      {
        id: randomUUID(),
        tpsCode: tps,
        contest: "walikota",
        source: "paper",
        capturedAt: new Date().toISOString(),
        ...fields,
      },
      posko,
    );
    expect(res.status).toBe(200);
    const [entry] = await server.services.sql<{ votes: object; form: { valid: number } | null }[]>`
      select e.votes, e.form from paper_entries e join paper_forms f on f.id = e.form_id
      where f.tps_code = ${tps} and f.contest_code = 'walikota'`;
    expect(entry.votes).toEqual({ "1": 50, "2": 40, "3": 30 });
    expect(entry.form?.valid).toBe(120);
    // The second operator keys the same kind: the choice is fixed to the first keying's.
    const second = await page(`/posko/entri?tps=${tps}&contest=walikota&mode=quick`, await http.login("posko2"));
    expect(second.html).toContain('name="form.voters.dpt.m"');
  });
});
