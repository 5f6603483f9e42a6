// Credential letters for any number of officers: issued in batches that say which of how many they hold,
// never re-issued by a second submit of the same form, and printable by a kecamatan coordinator for their
// own area only. Pages are driven as a browser without JavaScript would: form posts, HTML answers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed, wipe } from "../db/seed";
import { api, decodeHtml as decode } from "./support/api";
import { startTestServer, type TestServer } from "./support/server";

let server: TestServer;
const http = api(() => server);
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

type Batch = { area: string; offset: string; token: string };
/** The page's batch forms, as a browser would read them. */
async function batches(path: string, token: string): Promise<{ status: number; html: string; forms: Batch[] }> {
  const res = await http.page(path, token);
  const html = decode(await res.text());
  const forms = [
    ...html.matchAll(
      /name="area" value="([^"]+)"\/><input type="hidden" name="offset" value="(\d+)"\/><input type="hidden" name="token" value="([^"]+)"/g,
    ),
  ].map((m) => ({ area: m[1], offset: m[2], token: m[3] }));
  return { status: res.status, html, forms };
}
const issue = (path: string, batch: Batch, token: string, confirm = true) =>
  http.form(path, { ...batch, ...(confirm ? { confirm: "yes" } : {}) }, token);
const pinsOf = (html: string) => [...html.matchAll(/data-testid="letter-pin"[^>]*>(\d{6})</g)].map((m) => m[1]);
const loginsOf = (html: string) => [...html.matchAll(/data-testid="letter-(\d{10}-\d{3})"/g)].map((m) => m[1]);
const tryLogin = (login: string, secret: string) => http.post("/api/v1/session", { login, secret });

describe("credential letters", () => {
  it("asks for a confirmation, and a second submit of the same form changes no PIN again", async () => {
    const admin = await http.login("admin");
    const { forms } = await batches("/admin/surat?area=16.73.07.1004", admin);
    expect(forms).toHaveLength(1);
    // Without the confirmation nothing changes: the demo PIN still opens the TPS.
    expect((await issue("/admin/surat", forms[0], admin, false)).status).toBe(422);
    expect((await tryLogin("1673071004-001", "123456")).status).toBe(200);

    const first = await issue("/admin/surat", forms[0], admin);
    expect(first.status).toBe(200);
    const html = decode(await first.text());
    const logins = loginsOf(html);
    const pins = pinsOf(html);
    expect(logins.length).toBeGreaterThan(0);
    expect(pins).toHaveLength(logins.length);
    // The letterhead, the posko's phone (the first emergency contact without a setting), the date, the
    // kelurahan written out, and a handover list for the kelurahan with signature lines.
    expect(html).toContain("Posko Pemantauan Pemilihan");
    expect(html).toContain("Telepon posko: 0733-000000");
    expect(html).toMatch(/Lubuklinggau, \d{1,2} [A-Z][a-z]+ \d{4}/);
    expect(html).toContain("Kelurahan ");
    expect(html).toContain('data-testid="handover-16.73.07.1004"');
    expect(html).toContain("Yang menerima");
    expect(html).toContain(`Surat 1–${logins.length} dari ${logins.length} petugas siap dicetak.`);

    // The same form again (a double click, a repeated post): 409, and the first letters' PINs still work.
    const again = await issue("/admin/surat", forms[0], admin);
    expect(again.status).toBe(409);
    const againHtml = decode(await again.text());
    expect(againHtml).toMatch(/sudah dibuat .* oleh .*; PIN tidak diubah lagi/);
    expect(pinsOf(againHtml)).toEqual([]);
    expect((await tryLogin(logins[0], pins[0])).status).toBe(200);
    const [batch] = await server.services
      .sql`select count(*)::int as n from letter_batches where token = ${forms[0].token}`;
    expect(batch.n).toBe(1);
  });

  it("lets a kecamatan coordinator print their own area's letters, and no other area's", async () => {
    const supervisor = await http.login("pengawas-07");
    // Their page starts from their area.
    const own = await batches("/surat", supervisor);
    expect(own.status).toBe(200);
    expect(own.html).toMatch(/\d+ petugas aktif di 16\.73\.07\./);
    const kel = await batches("/surat?area=16.73.07.1004", supervisor);
    const res = await issue("/surat", kel.forms[0], supervisor);
    expect(res.status).toBe(200);
    expect(loginsOf(decode(await res.text())).every((l) => l.startsWith("1673071004-"))).toBe(true);

    // Another kecamatan, a TPS there, or a forged form for it: refused.
    expect((await http.page("/surat?area=16.73.01", supervisor)).status).toBe(403);
    expect((await http.page("/surat?area=1673011001-001", supervisor)).status).toBe(403);
    const forged = { area: "16.73.01.1001", offset: "0", token: kel.forms[0].token.replace(/^./, "a") };
    expect((await issue("/surat", forged, supervisor)).status).toBe(403);
    expect((await tryLogin("1673011001-001", "123456")).status).toBe(200);
    // Operators and officers print no letters; supervisors not through the admin screens.
    expect((await http.page("/surat", await http.login("posko"))).status).toBe(403);
    expect((await http.page("/admin/surat?area=16.73.07", supervisor)).status).toBe(403);
  });

  it("prints the letters of a city past 2,000 officers, a batch at a time, saying which of how many", async () => {
    await wipe(server.services.sql);
    await seed(server.services.sql, { election: "city", tpsCount: 2600 });
    const admin = await http.login("admin");
    const { html, forms } = await batches("/admin/surat?area=16.73", admin);
    expect(html).toContain("2.600 petugas aktif di 16.73.");
    expect(forms.map((f) => f.offset)).toEqual(["0", "500", "1000", "1500", "2000", "2500"]);
    expect(html).toContain("Buat PIN baru dan cetak surat 2.501–2.600 dari 2.600");
    const res = await issue("/admin/surat", forms[5], admin);
    expect(res.status).toBe(200);
    const page = decode(await res.text());
    const logins = loginsOf(page);
    expect(logins).toHaveLength(100);
    const last = (
      await server.services.sql`
        select u.login from users u join tps t on t.code = u.tps_code where u.role = 'officer' order by t.code offset 2500`
    ).map((r) => r.login as string);
    expect(logins).toEqual(last);
    expect(page).toContain("Surat 2.501–2.600 dari 2.600 petugas siap dicetak.");
    const pins = pinsOf(page);
    expect((await tryLogin(logins[99], pins[99])).status).toBe(200);
  }, 120_000);
});
