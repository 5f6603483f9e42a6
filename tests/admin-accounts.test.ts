// Admin screens against the real server: accounts, credential letters
// with PIN and QR, settings, contests, the projection draw. Pages are driven as a browser without
// JavaScript would: form posts, HTML answers. Uses only TPS of kecamatan 16.73.04.
import { randomUUID } from "node:crypto";
import QRCode from "qrcode";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { api, decodeHtml as decode } from "./support/api";
import { startTestServer, type TestServer } from "./support/server";
import { liveClients } from "./support/sockets";

let server: TestServer;
const http = api(() => server);
const live = liveClients();
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await http.login("admin");
});
afterEach(() => live.closeAll());
afterAll(() => server?.stop());

const page = (path: string, token?: string) => http.page(path, token);
const form = (path: string, fields: Record<string, string | number>, token = admin) => http.form(path, fields, token);
const tryLogin = (login: string, secret: string) => http.post("/api/v1/session", { login, secret });

describe("admin access", () => {
  it("admin screens and their actions are for admins only, checked on the server", async () => {
    const posko = await http.login("posko");
    expect((await page("/admin/akun")).status).toBe(302);
    expect((await page("/admin/akun", posko)).status).toBe(403);
    expect(
      (await form("/admin/akun", { intent: "create", login: "x-posko", name: "X", role: "admin" }, posko)).status,
    ).toBe(403);
    expect((await form("/admin/surat", { area: "16.73.04" }, posko)).status).toBe(403);
    expect((await page("/admin/akun", admin)).status).toBe(200);
    const garbage = await fetch(`${server.url}/admin/akun`, {
      method: "POST",
      headers: { "Content-Type": "multipart/form-data; boundary=x", Authorization: `Bearer ${admin}` },
      body: "not a form",
    });
    expect(garbage.status).toBe(400);
  });
});

describe("accounts", () => {
  it("creates a case officer only with a region; it reads the command post and reports nothing", async () => {
    const noRegion = await form("/admin/akun", {
      intent: "create",
      login: "panwas-x",
      name: "Panwas X",
      role: "case_officer",
    });
    expect(noRegion.status).toBe(422);
    const created = await form("/admin/akun", {
      intent: "create",
      login: "panwas-04",
      name: "Panwascam Lubuklinggau Selatan I",
      role: "case_officer",
      regionCode: "16.73.04",
      phone: "",
    });
    expect(created.status).toBe(200);
    const password = decode(await created.text()).match(/data-testid="new-secret"[^>]*>.*?<code>([^<]+)<\/code>/)![1];
    const login = await tryLogin("panwas-04", password);
    const { token, user } = await login.json();
    expect(user).toMatchObject({ role: "case_officer", regionCode: "16.73.04" });
    expect((await page("/posko", token)).status).toBe(200);
    // Its snapshot holds the TPS of its kecamatan only.
    const snapshot = await (await http.get("/api/v1/snapshot", token)).json();
    expect(snapshot.tps.length).toBeGreaterThan(0);
    expect(snapshot.tps.every((t: { code: string }) => t.code.startsWith("167304"))).toBe(true);
    expect((await page("/posko/entri", token)).status).toBe(403);
  });

  it("creates a staff account with role and area, shows its password once, disables, enables and resets it", async () => {
    const created = await form("/admin/akun", {
      intent: "create",
      login: "Pengawas-Baru",
      name: "Pengawas Baru",
      role: "supervisor",
      regionCode: "16.73.04",
      phone: "",
    });
    expect(created.status).toBe(200);
    const password = decode(await created.text()).match(/data-testid="new-secret"[^>]*>.*?<code>([^<]+)<\/code>/)![1];
    const login = await tryLogin("pengawas-baru", password);
    expect(login.status).toBe(200);
    const { token, user } = await login.json();
    expect(user).toMatchObject({ login: "pengawas-baru", role: "supervisor", regionCode: "16.73.04" });

    expect(
      (await form("/admin/akun", { intent: "create", login: "pengawas-baru", name: "Lagi", role: "operator" })).status,
    ).toBe(409);
    expect(
      (
        await form("/admin/akun", {
          intent: "create",
          login: "1673049999-001",
          name: "Bukan Petugas",
          role: "operator",
        })
      ).status,
    ).toBe(422);
    const noArea = await form("/admin/akun", {
      intent: "create",
      login: "pengawas-lain",
      name: "Tanpa Wilayah",
      role: "supervisor",
      regionCode: "",
    });
    expect(noArea.status).toBe(422);

    const [{ id }] = await server.services.sql`select id from users where login = 'pengawas-baru'`;
    const { socket } = await live.connect(server.url, { token });
    const closed = new Promise<string>((resolve) => socket.on("disconnect", (reason) => resolve(reason)));
    expect((await form("/admin/akun", { intent: "disable", userId: id })).status).toBe(200);
    // Its live connection is closed by the server as well.
    expect(await closed).toBe("io server disconnect");
    expect((await http.get("/api/v1/session", token)).status).toBe(401);
    expect((await tryLogin("pengawas-baru", password)).status).toBe(401);
    await form("/admin/akun", { intent: "enable", userId: id });
    expect((await tryLogin("pengawas-baru", password)).status).toBe(200);

    const reset = await form("/admin/akun", { intent: "reset", userId: id });
    const fresh = decode(await reset.text()).match(/data-testid="new-secret"[^>]*>.*?<code>([^<]+)<\/code>/)![1];
    expect(fresh).not.toBe(password);
    expect((await tryLogin("pengawas-baru", password)).status).toBe(401);
    expect((await tryLogin("pengawas-baru", fresh)).status).toBe(200);
    // Create, disable, enable, reset of this account (other tests write account rows of their own), none
    // holding the new password.
    const sql = server.services.sql;
    const [audit] = await sql`
      select count(*)::int as n from audit_log
      where action like 'account.%' and (entity = ${`user:${id}`} or after->'userIds' @> ${sql.json([id])})
        and after::text not like ${"%" + fresh + "%"}`;
    expect(audit.n).toBe(4);
  });

  it("prints credential letters: one per officer, with TPS, login, a new random PIN and a QR to the login", async () => {
    const tps = (
      await server.services.sql`select code from tps where kelurahan_code = '16.73.04.1001' order by code`
    ).map((r) => r.code as string);
    // The page's form carries a one-time token and asks for a confirmation (tests/credential-letters.test.ts).
    const asked = decode(await (await page("/admin/surat?area=16.73.04.1001", admin)).text());
    const token = /name="token" value="([^"]+)"/.exec(asked)![1];
    const res = await form("/admin/surat", { area: "16.73.04.1001", offset: 0, token, confirm: "yes" });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const html = decode(await res.text());
    const letters = [...html.matchAll(/data-testid="letter-(\d{10}-\d{3})"/g)].map((m) => m[1]);
    expect(letters).toEqual(tps);
    const pins = [...html.matchAll(/data-testid="letter-pin"[^>]*>(\d{6})</g)].map((m) => m[1]);
    expect(pins).toHaveLength(tps.length);
    expect(new Set(pins).size).toBeGreaterThan(1);
    expect((await tryLogin(tps[0], pins[0])).status).toBe(200);
    expect((await tryLogin(tps[0], "123456")).status).toBe(pins[0] === "123456" ? 200 : 401);
    const expected = await QRCode.toDataURL(`${server.url}/login?login=${tps[0]}`, {
      margin: 1,
      width: 180,
      errorCorrectionLevel: "M",
    });
    expect(html).toContain(`src="${expected}"`);
    // The login page the QR opens has the TPS code filled in.
    expect(await (await page(`/login?login=${tps[0]}`)).text()).toContain(`value="${tps[0]}"`);
    // PINs never reach the audit log.
    const [leak] = await server.services
      .sql`select count(*)::int as n from audit_log where after::text like ${"%" + pins[0] + "%"}`;
    expect(leak.n).toBe(0);
    expect(
      (await form("/admin/surat", { area: "99.99", offset: 0, token: crypto.randomUUID(), confirm: "yes" })).status,
    ).toBe(404);
  });
});

describe("configuration", () => {
  it("saves settings with per-line errors, and the public page follows its options", async () => {
    const bad = await form("/admin/pengaturan", {
      section: "contacts",
      lines: "Posko | Posko | 0733-1111\nPolsek | Keamanan | telepon",
    });
    expect(bad.status).toBe(422);
    expect(decode(await bad.text())).toContain("Baris 2 (phone): Isian tidak sah.");
    expect(
      (
        await form("/admin/pengaturan", {
          section: "contacts",
          lines: "Posko | Posko | 0733-1111\nPolsek | Keamanan | 110",
        })
      ).status,
    ).toBe(200);
    const [row] = await server.services.sql`select value from settings where key = 'contacts'`;
    expect(row.value).toEqual([
      { name: "Posko", role: "Posko", phone: "0733-1111" },
      { name: "Polsek", role: "Keamanan", phone: "110" },
    ]);

    expect(
      (
        await form("/admin/pengaturan", {
          section: "election.times",
          opening: "07:00",
          closing: "25:00",
          staleAfterMinutes: 30,
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await form("/admin/pengaturan", {
          section: "election.times",
          opening: "07:00",
          closing: "13:00",
          staleAfterMinutes: 30,
        })
      ).status,
    ).toBe(200);

    await form("/admin/pengaturan", {
      section: "public",
      title: "Hitung Cepat Kota",
      showResults: "on",
      showIncidents: "on",
    });
    const summary = await (await page("/api/v1/public/summary")).json();
    expect(summary.title).toBe("Hitung Cepat Kota");
    expect(summary.contests[0].projection).toBeNull();
    expect(
      (
        await http.post("/api/v1/public/reports", {
          category: "other",
          place: "Pasar",
          description: "Sesuatu terjadi di pasar.",
        })
      ).status,
    ).toBe(403);
    await form("/admin/pengaturan", {
      section: "public",
      title: "Hitung Cepat Kota",
      showResults: "on",
      showProjection: "on",
      showIncidents: "on",
      reportsEnabled: "on",
    });

    expect(
      (
        await form("/admin/pengaturan", {
          section: "incident.categories",
          lines: "other | Lainnya | Other | ya\nother | Dua | Two | ya",
        })
      ).status,
    ).toBe(422);

    // Categories: a new one can be used at once, a switched-off one no longer.
    expect(
      (
        await form("/admin/pengaturan", {
          section: "incident.categories",
          lines:
            "other | Lainnya | Other | ya\nweather | Cuaca | Weather | tidak\nlogistik_tinta | Tinta habis | Ink ran out | ya",
        })
      ).status,
    ).toBe(200);
    const officer = await http.login("1673041003-002");
    const incident = (category: string) =>
      http.post(
        "/api/v1/incidents",
        {
          id: randomUUID(),
          tpsCode: "1673041003-002",
          category,
          severity: "low",
          description: "Tinta di TPS habis.",
          occurredAt: new Date().toISOString(),
        },
        officer,
      );
    expect((await incident("logistik_tinta")).status).toBe(201);
    const off = await incident("weather");
    expect(off.status).toBe(422);
    expect((await off.json()).errors.map((e: { field: string }) => e.field)).toEqual(["category"]);
    const lapor = await (await page("/publik/lapor")).text();
    expect(lapor).toContain("Tinta habis");
    expect(lapor).not.toContain("Cuaca");
  });

  it("adds a contest with candidates and refuses to drop ballot numbers that have results", async () => {
    expect(
      (
        await form("/admin/pemilihan", {
          code: "dprd",
          name: "DPRD Kota",
          position: 3,
          candidates: "1 | Partai A\n2 | Partai B",
        })
      ).status,
    ).toBe(200);
    const candidates = await server.services
      .sql`select ballot_number, name from candidates where contest_code = 'dprd' order by 1`;
    expect(candidates).toEqual([
      { ballotNumber: 1, name: "Partai A" },
      { ballotNumber: 2, name: "Partai B" },
    ]);
    expect(
      (await form("/admin/pemilihan", { code: "dprd", name: "DPRD Kota", position: 3, candidates: "1 | Partai A" }))
        .status,
    ).toBe(200);

    const officer = await http.login("1673041002-001");
    const qc = await http.post(
      "/api/v1/quick-counts",
      {
        id: randomUUID(),
        tpsCode: "1673041002-001",
        contest: "walikota",
        votes: { "1": 80, "2": 60, "3": 40 },
        invalid: 4,
        capturedAt: new Date().toISOString(),
        justification: "Sudah dicek bersama saksi.",
      },
      officer,
    );
    expect(qc.status).toBe(201);
    const refused = await form("/admin/pemilihan", {
      code: "walikota",
      name: "Wali Kota",
      position: 2,
      candidates: "1 | Calon A\n2 | Calon B",
    });
    expect(refused.status).toBe(409);
    expect(
      await server.services.sql`select count(*)::int as n from candidates where contest_code = 'walikota'`,
    ).toEqual([{ n: 3 }]);
    expect((await form("/admin/pemilihan", { code: "x", name: "", candidates: "" })).status).toBe(422);
  });
});

describe("projection", () => {
  it("draws a stratified sample and the public summary projects from the sampled TPS that reported", async () => {
    expect((await form("/admin/proyeksi", { mode: "size", size: 1 })).status).toBe(422);
    expect((await form("/admin/proyeksi", { mode: "size", size: 80 })).status).toBe(200);
    const strata = await server.services
      .sql`select stratum, count(*)::int as n from projection_sample group by 1 order by 1`;
    expect(strata).toHaveLength(8);
    expect(strata.reduce((s, r) => s + r.n, 0)).toBe(80);

    // Sampled TPS of kecamatan 16.73.04 report; the estimate is their ratio of sums (one stratum in).
    const sampled = await server.services.sql`
      select s.tps_code, t.dpt from projection_sample s join tps t on t.code = s.tps_code
      where s.stratum = '16.73.04' and not exists (select 1 from results r where r.tps_code = s.tps_code) order by 1 limit 3`;
    const shares = [
      [0.4, 0.2, 0.1],
      [0.2, 0.3, 0.2],
      [0.3, 0.3, 0.05],
    ];
    for (const [i, { tpsCode, dpt }] of sampled.entries()) {
      const votes = Object.fromEntries(shares[i].map((f, k) => [String(k + 1), Math.round(f * dpt)]));
      const token = await http.login("posko");
      const res = await http.post(
        "/api/v1/quick-counts",
        {
          id: randomUUID(),
          tpsCode,
          contest: "walikota",
          votes,
          invalid: 3,
          capturedAt: new Date().toISOString(),
          justification: "Sudah dicek bersama saksi.",
        },
        token,
      );
      expect(res.status).toBe(201);
    }
    const reported = await server.services.sql`
      select r.votes from results r join projection_sample s on s.tps_code = r.tps_code where r.contest_code = 'walikota'`;
    const sum = (k: string) => reported.reduce((s, r) => s + (r.votes as Record<string, number>)[k], 0);
    const valid = sum("1") + sum("2") + sum("3");
    const summary = await (await page("/api/v1/public/summary")).json();
    const projection = summary.contests.find((c: { code: string }) => c.code === "walikota").projection;
    expect(projection.sampleSize).toBe(80);
    expect(projection.reported).toBe(reported.length);
    expect(reported.length).toBeGreaterThan(0);
    // Every result in this database is in 16.73.04, so one stratum is in and R = Σy / Σx of its TPS.
    const strataIn = await server.services
      .sql`select distinct s.stratum from results r join projection_sample s on s.tps_code = r.tps_code`;
    expect(strataIn).toEqual([{ stratum: "16.73.04" }]);
    expect(projection.candidates[0].estimate).toBeCloseTo(sum("1") / valid, 10);
    expect(projection.candidates.every((c: { margin: number }) => c.margin >= 0)).toBe(true);
    // The command post gets the same projection next to its running count.
    expect((await page("/api/v1/projection")).status).toBe(401);
    const posko = await http.login("posko");
    const forPosko = await (await page("/api/v1/projection", posko)).json();
    expect(forPosko.contests.walikota.candidates[0].estimate).toBeCloseTo(projection.candidates[0].estimate, 12);
    expect(forPosko.contests.walikota.candidates[0].margin).toBeCloseTo(projection.candidates[0].margin, 12);
    // `?contest=` asks for that contest only (the command post's line asks for its own), same numbers.
    const one = await (await page("/api/v1/projection?contest=walikota&contest=nope", posko)).json();
    expect(Object.keys(one.contests)).toEqual(["walikota"]);
    expect(one.contests.walikota).toEqual(forPosko.contests.walikota);
    // Bounded: 51 distinct contests is a 400 naming the parameter, not 51 reads.
    const many = Array.from({ length: 51 }, (_, i) => `contest=c${i}`).join("&");
    const tooMany = await page(`/api/v1/projection?${many}`, posko);
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(await tooMany.json())).toContain("contest");
    const html = await (await page("/admin/proyeksi", admin)).text();
    expect(html).toContain("Sampel saat ini: 80 dari 635 TPS");
  });
});
