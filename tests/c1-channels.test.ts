// The central proof of the result rules: one table of numbers (tests/support/c1-cases.ts), one verdict,
// whichever way the numbers arrive: the rules module as the browser runs it, the officer's API, the posko's
// blind double entry, and SMS. Real server, real PostgreSQL, real HTTP.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { c1Context, decideC1 } from "~/lib/c1-rules";
import { votesIn } from "~/lib/contests";
import { getContest, getTps } from "~/models/election.server";
import { otherBallotsAt } from "~/models/results.server";
import { api } from "./support/api";
import { C1_CASES, CASE_TPS, installCaseContests, type C1Case, type Verdict } from "./support/c1-cases";
import { startTestServer, type TestServer } from "./support/server";

const SMS_SECRET = "sms-gateway-secret-0123456789";
let server: TestServer;
const http = api(() => server);
let posko: string;
let posko2: string;
/** Fresh TPS for each case and channel, none in the kecamatan of the contest they must be refused for. */
let pool: string[];

beforeAll(async () => {
  server = await startTestServer({ SMS_WEBHOOK_SECRET: SMS_SECRET });
  const sql = server.services.sql;
  const { outsideKecamatan } = await installCaseContests(sql);
  const rows = await sql<{ code: string }[]>`
    select code from tps where kelurahan_code like '16.73.%' and kelurahan_code not like ${outsideKecamatan + ".%"}
    order by code desc limit ${C1_CASES.length * 3}`;
  pool = rows.map((r) => r.code);
  await sql`update tps set dpt = ${CASE_TPS.dpt}, dpt_men = ${CASE_TPS.dptMen}, dpt_women = ${CASE_TPS.dptWomen},
    dptb = ${CASE_TPS.dptb}, dpk = ${CASE_TPS.dpk} where code in ${sql(pool)}`;
  [posko, posko2] = await Promise.all([http.login("posko"), http.login("posko2")]);
});
afterAll(() => server?.stop());

type Answer = { verdict: Verdict; codes: string[]; messages: string[] };
type Issue = { field: string; code: string; message?: string };
const codesOf = (issues: Issue[]) => issues.map((i) => `${i.field}:${i.code}`);

const body = (c: C1Case, tpsCode: string) => ({
  id: randomUUID(),
  tpsCode,
  contest: c.contest,
  ...c.entry,
  ...(c.justification ? { justification: c.justification } : {}),
  capturedAt: new Date().toISOString(),
});

/** The officer's form in the browser: the contests the TPS votes in, then the rules module. */
async function byModule(c: C1Case, tpsCode: string): Promise<Omit<Answer, "messages">> {
  const sql = server.services.sql;
  const [tps, contest] = await Promise.all([getTps(sql, { code: tpsCode }), getContest(sql, { code: c.contest })]);
  if (!votesIn(tps!.kelurahanCode, contest!)) return { verdict: "refused", codes: ["contest:contest_not_here"] };
  const others = await otherBallotsAt(sql, { tpsCode, contest: c.contest });
  const decision = decideC1({ ...c.entry, justification: c.justification }, c1Context(contest!, tps!, null, others));
  if (decision.refusal.length > 0) return { verdict: "refused", codes: codesOf(decision.refusal) };
  return { verdict: decision.status === "flagged" ? "flagged" : "accepted", codes: codesOf(decision.warnings) };
}

/** POST /api/v1/quick-counts as the TPS's officer. */
async function byApi(c: C1Case, tpsCode: string): Promise<Answer> {
  const res = await http.post("/api/v1/quick-counts", body(c, tpsCode), await http.login(tpsCode));
  const answer = await res.json();
  if (res.status === 422) {
    return {
      verdict: "refused",
      codes: codesOf(answer.errors),
      messages: answer.errors.map((e: Issue) => e.message),
    };
  }
  expect(res.status, JSON.stringify(answer)).toBe(201);
  return {
    verdict: answer.status === "flagged" ? "flagged" : "accepted",
    codes: codesOf(answer.warnings),
    messages: answer.warnings.map((w: Issue) => w.message),
  };
}

/** POST /api/v1/paper-entries twice, blind, by two operators; the consolidated result's status. */
async function byPaper(c: C1Case, tpsCode: string): Promise<Omit<Answer, "messages">> {
  const keying = { ...body(c, tpsCode), source: "paper" };
  const first = await http.post("/api/v1/paper-entries", keying, posko);
  if (first.status === 422) return { verdict: "refused", codes: codesOf((await first.json()).errors) };
  expect(first.status).toBe(201);
  const second = await http.post("/api/v1/paper-entries", { ...keying, id: randomUUID() }, posko2);
  expect(await second.json()).toMatchObject({ state: "consolidated" });
  const [result] = await server.services.sql<{ status: string; warnings: Issue[] }[]>`
    select r.status, s.warnings from results r join submissions s on s.id = r.submission_id
    where r.tps_code = ${tpsCode} and r.contest_code = ${c.contest}`;
  return { verdict: result.status === "flagged" ? "flagged" : "accepted", codes: codesOf(result.warnings) };
}

/** The SMS format: QC <tps> <contest> <section IV in ballot order> <invalid> <pin> [ALASAN <reason>]. */
function smsText(c: C1Case, tpsCode: string) {
  const votes = c.entry.votes!;
  // Ballot order: pairs by number with the blank column (0) after them; party totals by party number.
  const order = Object.keys(votes).sort((a, b) => (a === "0" ? 1 : b === "0" ? -1 : Number(a) - Number(b)));
  const numbers = [...order.map((k) => votes[k]), c.entry.invalid].join(" ");
  return `QC ${tpsCode} ${c.contest} ${numbers} 123456${c.justification ? ` ALASAN ${c.justification}` : ""}`;
}

async function bySms(c: C1Case, tpsCode: string) {
  const res = await http.post("/api/v1/sms", { from: "+6281200000000", text: smsText(c, tpsCode) }, undefined, {
    "X-Pantau-Secret": SMS_SECRET,
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { status: string; reply: string };
}

describe("one table of C.Hasil cases, one verdict through every channel", () => {
  for (const [i, c] of C1_CASES.entries()) {
    it(`${c.name}: ${c.verdict}${c.codes.length ? ` (${c.codes.join(", ")})` : ""}`, async () => {
      const expected = { verdict: c.verdict, codes: c.codes };
      const [moduleTps, apiTps, paperTps] = pool.slice(i * 3, i * 3 + 3);
      if (c.otherBallot) {
        // The TPS's officer reported the other ballot first, by the app, at every TPS the case is sent for.
        for (const tpsCode of [moduleTps, apiTps, paperTps]) {
          const other = { ...body(c, tpsCode), ...c.otherBallot };
          const res = await http.post("/api/v1/quick-counts", other, await http.login(tpsCode));
          expect(res.status).toBe(201);
        }
      }
      expect(await byModule(c, moduleTps), "rules module").toEqual(expected);
      const fromApi = await byApi(c, apiTps);
      expect({ verdict: fromApi.verdict, codes: fromApi.codes }, "API").toEqual(expected);
      expect(await byPaper(c, paperTps), "posko double entry").toEqual(expected);
      if (c.sms === false) return;

      // SMS to the TPS the module was checked for: nothing was written there.
      const sms = await bySms(c, moduleTps);
      if (c.verdict === "refused") {
        expect(sms.status).toBe("rejected");
        // The reply names what to fix, worded as the app words it, then how to confirm when that is all.
        const firstFinding = fromApi.messages[c.codes.findIndex((code) => !code.startsWith("justification:"))]
          // the API was asked for another TPS
          .replace(apiTps, moduleTps);
        expect(sms.reply.startsWith(`Ditolak: ${firstFinding}`), sms.reply).toBe(true);
        if (c.codes.includes("justification:confirmation_required"))
          expect(sms.reply).toMatch(/ALASAN sesuai C\.Hasil$/);
        if (c.codes.includes("justification:justification_required"))
          expect(sms.reply).toMatch(/ALASAN <alasan Anda>$/);
        expect(sms.reply.length).toBeLessThanOrEqual(459);
      } else {
        expect(sms.status).toBe("accepted");
        expect(sms.reply).toMatch(c.verdict === "flagged" ? /Status: Ditandai\.$/ : /Status: Terkirim\.$/);
        const [stored] = await server.services.sql<{ warnings: Issue[] }[]>`
          select warnings from submissions where tps_code = ${moduleTps} and source = 'sms'`;
        expect(codesOf(stored.warnings), "SMS").toEqual(c.codes);
      }
    });
  }

  it("tells by SMS how many numbers each ballot structure takes, in ballot order", async () => {
    const send = async (text: string) =>
      (
        await http.post("/api/v1/sms", { from: "+6281200000001", text }, undefined, {
          "X-Pantau-Secret": SMS_SECRET,
        })
      ).json();
    const tps = pool[pool.length - 2];
    expect((await send(`QC ${tps} dprd_kota_1 120 6 123456`)).reply).toBe(
      "dprd_kota_1 perlu 3 angka: jumlah suara tiap partai (2 partai, urut nomor partai), lalu suara tidak sah. Anda mengirim 2.",
    );
    expect((await send(`QC ${tps} walikota_tunggal 150 6 123456`)).reply).toBe(
      "walikota_tunggal perlu 3 angka: suara pasangan, suara kolom kosong, lalu suara tidak sah. Anda mengirim 2.",
    );
    const accepted = await send(`QC ${tps} walikota_tunggal 150 70 6 123456`);
    expect(accepted.reply).toMatch(/walikota_tunggal: 1=150 kosong=70, tidak sah 6\. Status: Terkirim\.$/);
  });

  it("names the contest in the SMS reply when the TPS does not vote in it", async () => {
    const sms = await bySms(
      C1_CASES.find((c) => c.codes.includes("contest:contest_not_here"))!,
      pool[pool.length - 1],
    );
    expect(sms.reply).toMatch(/^Ditolak: TPS \d{10}-\d{3} tidak ikut pemilihan DPRD Kota, dapil 9/);
  });
});
