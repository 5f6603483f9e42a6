// The SMS webhook against the real server: shared secret, PIN check, the same C1
// rules and idempotency as the app, receipt or precise error, duplicates ignored, malformed ones logged.
import { describe, expect, it } from "vitest";
import { api } from "./support/api";
import { serverPerTest } from "./support/server";

const SECRET = "sms-gateway-secret-0123456789";
const TPS = "1673021001-003"; // DPT 548 + DPTb + DPK
// Messages are deduplicated and PINs locked out per TPS, so each test has a server and database of its own.
const server = serverPerTest({ SMS_WEBHOOK_SECRET: SECRET });
const http = api(server);

async function sms(
  text: string,
  { from = "+6281234567890", id, secret = SECRET }: { from?: string; id?: string; secret?: string } = {},
) {
  const res = await http.post("/api/v1/sms", { from, text, id }, undefined, { "X-Pantau-Secret": secret });
  return { status: res.status, body: await res.json() };
}

describe("SMS webhook", () => {
  it("refuses a caller without the shared secret", async () => {
    expect((await sms("QC x", { secret: "wrong-secret-0123456789" })).status).toBe(401);
    const res = await fetch(`${server().url}/api/v1/sms?secret=${SECRET}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "sender=%2B62811&message=halo",
    });
    expect(res.status).toBe(200); // the URL form of the secret and gateway field names work too
    expect((await res.json()).status).toBe("malformed");
  });

  it("accepts a quick count with a receipt code, as an SMS submission the command post sees", async () => {
    const { status, body } = await sms(`QC ${TPS} walikota 120 95 33 4 123456`, { id: "gw-1" });
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: "accepted", receipt: expect.stringMatching(/^QC-[0-9A-F]{8}$/) });
    expect(body.reply).toBe(
      `Diterima ${body.receipt}. TPS ${TPS} walikota: 1=120 2=95 3=33, tidak sah 4. Status: Terkirim.`,
    );
    const rows = await server().services.sql`select source, votes, invalid from submissions where tps_code = ${TPS}`;
    expect(rows).toEqual([{ source: "sms", votes: { 1: 120, 2: 95, 3: 33 }, invalid: 4 }]);
    const [event] = await server().services
      .sql`select data from events where type = 'result:updated' order by seq desc limit 1`;
    expect(event.data).toMatchObject({ tpsCode: TPS, source: "sms" });
  });

  it("ignores duplicates: the same text again, or the gateway resending its message id", async () => {
    expect((await sms(`QC ${TPS} walikota 120 95 33 4 123456`, { id: "gw-1" })).body.status).toBe("accepted");
    const again = await sms(`qc ${TPS}  WALIKOTA 120 95 33 4 123456`);
    expect(again.body.status).toBe("duplicate");
    expect(again.body.reply).toMatch(/sudah diterima sebelumnya \(QC-[0-9A-F]{8}\)/);
    const resent = await sms(`QC ${TPS} walikota 120 95 33 4 123456`, { id: "gw-1" });
    expect(resent.body.status).toBe("duplicate");
    const [{ n }] = await server().services.sql`select count(*)::int as n from submissions where tps_code = ${TPS}`;
    expect(n).toBe(1);
  });

  it("checks the PIN and says nothing about which TPS exist", async () => {
    const wrong = await sms(`QC ${TPS} gubernur 100 100 2 654321`);
    expect(wrong.body).toMatchObject({ status: "rejected", receipt: null });
    expect(wrong.body.reply).toBe(`PIN salah untuk TPS ${TPS}, atau TPS tidak dikenal. Tidak ada yang disimpan.`);
    const unknown = await sms("QC 1673029999-001 gubernur 100 100 2 123456");
    expect(unknown.body.reply).toBe(
      "PIN salah untuk TPS 1673029999-001, atau TPS tidak dikenal. Tidak ada yang disimpan.",
    );
  });

  it("applies the C1 rules with the same messages as the app", async () => {
    const count = await sms(`QC ${TPS} walikota 120 95 4 123456`);
    expect(count.body.reply).toBe("walikota perlu 4 angka: 3 suara calon lalu suara tidak sah. Anda mengirim 3.");
    const over = await sms(`QC ${TPS} gubernur 500 400 2 123456`);
    expect(over.body.status).toBe("rejected");
    // More ballots than DPT + 2% is the form's own arithmetic: the reply names it first, then how to confirm.
    expect(over.body.reply).toMatch(
      /^Ditolak: Surat suara terpakai \(902\) melebihi surat suara yang diterima, DPT \+ cadangan 2% \(559\)\./,
    );
    expect(over.body.reply).toMatch(/tambahan di akhir: ALASAN sesuai C\.Hasil$/);
    expect(over.body.reply.length).toBeLessThanOrEqual(459);
    const unanimous = await sms(`QC ${TPS} gubernur 300 0 1 123456`);
    expect(unanimous.body.reply).toBe(
      "Ditolak: Calon nomor 1 mendapat 100% suara sah. Bila angka sudah benar, kirim lagi SMS yang sama dengan tambahan di akhir: ALASAN <alasan Anda>",
    );
    const reasoned = await sms(`QC ${TPS} gubernur 300 0 1 123456 ALASAN kampung asal calon nomor satu`);
    expect(reasoned.body).toMatchObject({ status: "accepted" });
    expect(reasoned.body.reply).toMatch(/Status: Ditandai\.$/);
    const en = await sms(`EN QC ${TPS} bupati 1 2 3 123456`);
    expect(en.body.reply).toBe('Unknown contest "bupati". Use a code such as gubernur or walikota.');
  });

  it("turns INC messages into incidents, Indonesian words included", async () => {
    const { body } = await sms(`INC ${TPS} politik_uang tinggi ada pembagian amplop di depan TPS 123456`);
    expect(body).toMatchObject({ status: "accepted", receipt: expect.stringMatching(/^INC-/) });
    const [incident] = await server().services
      .sql`select category, severity, description, source, tps_code from incidents`;
    expect(incident).toEqual({
      category: "vote_buying",
      severity: "high",
      description: "ada pembagian amplop di depan TPS",
      source: "sms",
      tpsCode: TPS,
    });
    expect((await sms(`INC ${TPS} politik_uang tinggi ada pembagian amplop di depan TPS 123456`)).body.status).toBe(
      "duplicate",
    );
    const bad = await sms(`INC ${TPS} banjir tinggi air masuk TPS 123456`);
    expect(bad.body.reply).toMatch(/^Ditolak: Kategori "banjir" tidak dikenal\. Pilih: logistics, /);
  });

  it("logs malformed messages for the command post with a reply that says what is wrong", async () => {
    const { body } = await sms("Selamat pagi pak");
    expect(body).toMatchObject({ status: "malformed" });
    expect(body.reply).toBe('Kata awal "Selamat" tidak dikenal. Awali dengan QC (hitung cepat) atau INC (kejadian).');
    const rows = await server().services
      .sql`select status, error_code, body from sms_messages where status = 'malformed' order by id`;
    expect(rows.at(-1)).toEqual({ status: "malformed", errorCode: "unknown_keyword", body: "Selamat pagi pak" });
  });

  it("shows the command post the malformed messages, and only the command post", async () => {
    expect((await sms(`QC ${TPS} walikota 120 95 33 4 123456`)).body.status).toBe("accepted");
    expect((await sms("Selamat pagi pak")).body.status).toBe("malformed");
    const page = (token: string) => http.get("/posko/sms?status=malformed", token);
    const posko = await page(await http.login("posko"));
    expect(posko.status).toBe(200);
    const html = await posko.text();
    expect(html).toContain("Selamat pagi pak");
    expect(html).not.toContain(`QC ${TPS} walikota`);
    expect((await page(await http.login(TPS))).status).toBe(403);
  });

  it("locks a TPS out for a while after repeated wrong PINs", async () => {
    const tps = "1673021001-004";
    for (let i = 0; i < 5; i++)
      expect((await sms(`QC ${tps} gubernur 100 100 2 00000${i}`)).body.status).toBe("rejected");
    const locked = await sms(`QC ${tps} gubernur 100 100 2 123456`);
    expect(locked.body.reply).toMatch(/Terlalu banyak PIN salah/);
  });

  it("answers 422 when the gateway sends no sender or text", async () => {
    const res = await http.post("/api/v1/sms", { text: "QC" }, undefined, { "X-Pantau-Secret": SECRET });
    expect(res.status).toBe(422);
    expect((await res.json()).errors[0].field).toBe("from");
  });
});
