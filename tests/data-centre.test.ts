// The public data centre (/publik/data, /api/v1/public/data-centre): each dataset's numbers against a setup the
// test makes, per area down the drill-down; the CSV is the page's table; nothing personal in any answer; the
// staff's activity log (/pengawasan) is for case officers and admins of their region, refuses bad fields one
// by one, and imports all or nothing; the admin's TPS vulnerability import is all or nothing and re-runnable.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../app/lib/csv";
import { formatNumber } from "../app/lib/format";
import { getDataCentre } from "../app/models/data-centre.server";
import { api, decodeHtml } from "./support/api";
import { startTestServer, submitAsOfficer, type TestServer } from "./support/server";

let server: TestServer;
const http = api(() => server);
const KEC = "16.73.06";
const KEL = "16.73.06.1006";
const OTHER_KEL = "16.73.06.1001";
let tps: string[] = [];
let bawaslu: string;
let admin: string;

// Names and phones that must never reach a public answer.
const RECORDER = "Rahmat Pencatat Kegiatan";
const OFFICER_NAME = "Sulastri Petugas Rahasia";
const OFFICER_PHONE = "+6281299887766";

type Index = {
  area: { code: string };
  datasets: {
    key: string;
    asOf: string | null;
    columns: { key: string; label: string }[];
    rows: { code: string; name: string; self?: boolean; values: number[] }[];
    total: number[];
    csv: string;
  }[];
};

const index = async (area: string) => {
  const res = await http.get(`/api/v1/public/data-centre?wilayah=${area}`);
  expect(res.status, area).toBe(200);
  return (await res.json()) as Index;
};
const dataset = (i: Index, key: string) => i.datasets.find((d) => d.key === key)!;
const cell = (i: Index, key: string, row: string, column: string, self = false) => {
  const d = dataset(i, key);
  const r = d.rows.find((x) => x.code === row && !!x.self === self);
  return r?.values[d.columns.findIndex((c) => c.key === column)];
};
const total = (i: Index, key: string, column: string) => {
  const d = dataset(i, key);
  return d.total[d.columns.findIndex((c) => c.key === column)];
};

beforeAll(async () => {
  server = await startTestServer();
  const sql = server.services.sql;
  tps = (await sql<{ code: string }[]>`select code from tps where kelurahan_code = ${KEL} order by code`).map(
    (r) => r.code,
  );
  // A known voter list: TPS n has 100n voters, split by sex except on the last TPS; DPTb n, DPK 2n.
  for (const [i, code] of tps.entries()) {
    const n = i + 1;
    const split = i < tps.length - 1;
    await sql`update tps set dpt = ${100 * n}, dpt_men = ${split ? 40 * n : null}, dpt_women = ${split ? 60 * n : null},
      dptb = ${n}, dpk = ${2 * n} where code = ${code}`;
  }
  await sql`update users set name = ${RECORDER} where login = 'bawaslu'`;
  await sql`update users set name = ${OFFICER_NAME}, phone = ${OFFICER_PHONE} where tps_code = ${tps[0]}`;
  bawaslu = await http.login("bawaslu");
  admin = await http.login("admin");
});
afterAll(() => server?.stop());

describe("the voter list", () => {
  it("counts DPT (by sex where known), DPTb and DPK per TPS, per kelurahan and per kecamatan", async () => {
    const n = tps.length;
    const sum = (f: (k: number) => number) => Array.from({ length: n }, (_, i) => f(i + 1)).reduce((a, b) => a + b, 0);
    const kel = await index(KEL);
    expect(dataset(kel, "voters").rows.map((r) => r.code)).toEqual(tps);
    expect(cell(kel, "voters", tps[0], "dpt")).toBe(100);
    expect(cell(kel, "voters", tps[0], "dpt_men")).toBe(40);
    expect(cell(kel, "voters", tps[n - 1], "dpt_sex_unknown")).toBe(100 * n);
    expect(total(kel, "voters", "dpt")).toBe(sum((k) => 100 * k));

    const kec = await index(KEC);
    expect(cell(kec, "voters", KEL, "tps")).toBe(n);
    expect(cell(kec, "voters", KEL, "dpt")).toBe(sum((k) => 100 * k));
    expect(cell(kec, "voters", KEL, "dpt_men")).toBe(sum((k) => (k < n ? 40 * k : 0)));
    expect(cell(kec, "voters", KEL, "dpt_women")).toBe(sum((k) => (k < n ? 60 * k : 0)));
    expect(cell(kec, "voters", KEL, "dptb")).toBe(sum((k) => k));
    expect(cell(kec, "voters", KEL, "dpk")).toBe(sum((k) => 2 * k));

    // One level up, the kecamatan's row is the sum of its kelurahan rows.
    const city = await index("16.73");
    const kelurahanSum = dataset(kec, "voters").rows.reduce((s, r) => s + r.values[1], 0);
    expect(cell(city, "voters", KEC, "dpt")).toBe(kelurahanSum);
    const [all] = await server.services.sql<[{ dpt: number }]>`select sum(dpt)::int as dpt from tps`;
    expect(total(city, "voters", "dpt")).toBe(all.dpt);
  });

  it("lists a kelurahan's TPS as its rows, in the reader's language", async () => {
    const res = await http.get(`/publik/data?wilayah=${KEL}`, undefined, { Cookie: "pantau_lang=en" });
    expect(res.status).toBe(200);
    const html = decodeHtml(await res.text());
    expect(html).toContain("Voter list");
    expect(html).toContain("TPS vulnerability");
    expect(html).toContain(">TPS 001<");
    expect(html).toContain(`/api/v1/public/data-centre/voters.csv?wilayah=${KEL}`);
  });

  it("opens the only child of a level, like the public page, and answers 404 or 400 for a region it cannot read", async () => {
    expect((await index("ID")).area.code).toBe("16.73");
    expect((await http.get("/api/v1/public/data-centre?wilayah=16.99")).status).toBe(404);
    expect((await http.get("/api/v1/public/data-centre?wilayah=abc")).status).toBe(400);
    expect((await http.get("/publik/data?wilayah=16.99")).status).toBe(404);
    expect((await http.get("/api/v1/public/data-centre/nothing.csv?wilayah=16.73")).status).toBe(404);
  });

  it("serves each dataset as a CSV with the page's rows and totals, and answers 304 to a reader who has it", async () => {
    const kec = await index(KEC);
    for (const d of kec.datasets) {
      const res = await http.get(d.csv);
      expect(res.status, d.key).toBe(200);
      const bytes = Buffer.from(await res.arrayBuffer());
      // The byte order mark a spreadsheet needs to read the names' letters right.
      expect([...bytes.subarray(0, 3)], d.key).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString("utf8");
      const [header, ...lines] = parseCsv(text, ";");
      expect(header.slice(2), d.key).toEqual(d.columns.map((c) => c.key));
      expect(lines.length, d.key).toBe(d.rows.length + 1);
      for (const [i, r] of d.rows.entries()) {
        expect(lines[i][0]).toBe(r.code);
        expect(
          lines[i].slice(2).map((v) => Number(v.replace(",", "."))),
          `${d.key} ${r.code}`,
        ).toEqual(r.values.map((v) => Math.round(v * 10_000) / 10_000));
      }
      expect(lines.at(-1)![0]).toBe("total");
    }
    const first = await http.get(`/api/v1/public/data-centre/voters.csv?wilayah=${KEC}`);
    const again = await http.get(`/api/v1/public/data-centre/voters.csv?wilayah=${KEC}`, undefined, {
      "If-None-Match": first.headers.get("ETag")!,
    });
    expect(again.status).toBe(304);
    // The page shows the same total, written as Indonesians write numbers.
    const html = decodeHtml(await (await http.get(`/publik/data?wilayah=${KEC}`)).text());
    const dpt = total(kec, "voters", "dpt");
    expect(html).toContain(formatNumber(dpt, "id"));
  });
});

describe("supervision activities", () => {
  it("are recorded by a case officer inside their region and counted per area, kind and week", async () => {
    const before = await index(KEC);
    const ok = (fields: Record<string, string>) => http.form("/pengawasan", fields, bawaslu);
    const one = await ok({
      kind: "campaign",
      held_on: "2026-11-24",
      region_code: KEL,
      title: "Pengawasan rapat umum",
      events: "2",
      people: "150",
      findings: "1",
    });
    expect(one.status).toBe(200);
    const two = await ok({ kind: "prevention", held_on: "2026-12-01", region_code: KEC, title: "Patroli pencegahan" });
    expect(two.status).toBe(200);

    const kec = await index(KEC);
    expect(cell(kec, "activities", KEL, "activities")).toBe((cell(before, "activities", KEL, "activities") ?? 0) + 1);
    expect(cell(kec, "activities", KEL, "kind.campaign")).toBe(1);
    expect(cell(kec, "activities", KEL, "people")).toBe(150);
    // Held for the whole kecamatan: counted at the kecamatan's own level, not in a kelurahan.
    expect(cell(kec, "activities", KEC, "kind.prevention", true)).toBe(1);
    const city = await index("16.73");
    expect(cell(city, "activities", KEC, "activities")).toBe(2);
    expect(cell(city, "activities", KEC, "findings")).toBe(1);
    const weeks = dataset(city, "activities-weekly");
    expect(weeks.rows.map((r) => r.code)).toEqual(["2026-11-23", "2026-11-30"]);
    expect(cell(city, "activities-weekly", "2026-11-30", "kind.prevention")).toBe(1);

    // The staff list and its CSV carry them, with who recorded them.
    const list = decodeHtml(await (await http.get(`/pengawasan?wilayah=${KEC}`, bawaslu)).text());
    expect(list).toContain("Pengawasan rapat umum");
    const csv = await (await http.get(`/api/v1/supervision-activities.csv?jenis=campaign`, bawaslu)).text();
    expect(csv).toContain("Pengawasan rapat umum");
    expect(csv).toContain(RECORDER);
    expect(csv).not.toContain("Patroli pencegahan");
  });

  it("refuses each bad field with its own message (422) and writes nothing", async () => {
    const [{ n: before }] = await server.services.sql<
      [{ n: number }]
    >`select count(*)::int as n from supervision_activities`;
    const res = await http.form(
      "/pengawasan",
      { kind: "party", held_on: "2026-02-30", region_code: "16.05.01", title: "", events: "-1" },
      bawaslu,
    );
    expect(res.status).toBe(422);
    const html = decodeHtml(await res.text());
    for (const message of [
      "Jenis harus salah satu dari",
      "Tanggal harus berbentuk",
      "Wilayah ini di luar wilayah Anda",
      "Judul wajib diisi",
      "Harus bilangan bulat 0–9.999",
    ])
      expect(html).toContain(message);
    const control = await http.form(
      "/pengawasan",
      { kind: "campaign", held_on: "2026-11-24", region_code: KEL, title: "a\u0000b" },
      bawaslu,
    );
    expect(control.status).toBe(422);
    const [{ n: after }] = await server.services.sql<
      [{ n: number }]
    >`select count(*)::int as n from supervision_activities`;
    expect(after).toBe(before);
  });

  it("are for case officers and admins only (403 for every other role)", async () => {
    for (const login of ["posko", "pengawas-01", "tim-1", tps[0]]) {
      const token = await http.login(login);
      expect((await http.page("/pengawasan", token)).status, login).toBe(403);
      expect(
        (
          await http.form(
            "/pengawasan",
            { kind: "campaign", held_on: "2026-11-24", region_code: KEL, title: "x" },
            token,
          )
        ).status,
        login,
      ).toBe(403);
      expect((await http.get("/api/v1/supervision-activities.csv", token)).status, login).toBe(403);
    }
    expect((await http.page("/pengawasan")).status).toBe(302);
    expect((await http.page("/pengawasan", admin)).status).toBe(200);
  });

  it("imports a CSV all or nothing, naming each wrong line", async () => {
    const count = async () =>
      (await server.services.sql<[{ n: number }]>`select count(*)::int as n from supervision_activities`)[0].n;
    const before = await count();
    const upload = (csv: string) => {
      const form = new FormData();
      form.set("intent", "import");
      form.set("file", new Blob([csv], { type: "text/csv" }), "kegiatan.csv");
      return http.multipart("/pengawasan", form, bawaslu);
    };
    const bad = await upload(
      "kind;held_on;region_code;title;people\n" +
        `socialisation;2026-11-20;${OTHER_KEL};Sosialisasi warga;40\n` +
        `campaign;2026-11-21;16.05;Di luar wilayah;10\n` +
        `other;2026-11-22;${OTHER_KEL};Lain-lain;x\n`,
    );
    expect(bad.status).toBe(422);
    const html = decodeHtml(await bad.text());
    expect(html).toContain("2 kesalahan");
    expect(await count()).toBe(before);
    const good = await upload(
      "\ufeffkind,held_on,region_code,title,people\n" +
        `socialisation,2026-11-20,${OTHER_KEL},Sosialisasi warga,40\n` +
        `other,2026-11-22,${OTHER_KEL},"Rapat, koordinasi",5\n`,
    );
    expect(good.status).toBe(200);
    expect(await count()).toBe(before + 2);
    const kec = await index(KEC);
    expect(cell(kec, "activities", OTHER_KEL, "kind.socialisation")).toBe(1);
    expect(cell(kec, "activities", OTHER_KEL, "people")).toBe(45);
  });
});

describe("TPS vulnerability", () => {
  const upload = (csv: string) =>
    http.post("/api/v1/admin/imports/vulnerability", csv, admin, { "Content-Type": "text/csv" });

  it("imports indicators per TPS all or nothing, counts vulnerable TPS per indicator, and re-runs by replacing", async () => {
    const refused = await upload(
      `tps_code;indicators\n${tps[0]};hard_access\n${tps[1]};flying_saucers\n9999999999-001;\n`,
    );
    expect(refused.status).toBe(422);
    const report = (await refused.json()) as { errors: { line: number; field: string }[] };
    expect(report.errors.map((e) => [e.line, e.field])).toEqual([
      [3, "indicators"],
      [4, "tps_code"],
    ]);
    expect((await index(KEL)).datasets.find((d) => d.key === "vulnerability")!.asOf).toBeNull();

    expect((await upload(`tps_code;indicators\n${tps[0]};hard_access no_signal\n${tps[1]};no_signal\n`)).status).toBe(
      200,
    );
    let kec = await index(KEC);
    expect(cell(kec, "vulnerability", KEL, "vulnerable")).toBe(2);
    expect(cell(kec, "vulnerability", KEL, "indicator.no_signal")).toBe(2);
    expect(cell(kec, "vulnerability", KEL, "indicator.hard_access")).toBe(1);
    expect(cell(kec, "vulnerability", KEL, "tps")).toBe(tps.length);
    const kel = await index(KEL);
    expect(cell(kel, "vulnerability", tps[0], "indicator.hard_access")).toBe(1);
    expect(dataset(kel, "vulnerability").asOf).not.toBeNull();

    // Again with other indicators: the TPS's list is replaced, not added to.
    expect((await upload(`tps_code,indicators\n${tps[0]},violence_history\n${tps[1]},\n`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 2100)); // the public reading is kept for 2 s
    kec = await index(KEC);
    expect(cell(kec, "vulnerability", KEL, "vulnerable")).toBe(1);
    expect(cell(kec, "vulnerability", KEL, "indicator.no_signal")).toBe(0);
    expect(cell(kec, "vulnerability", KEL, "indicator.violence_history")).toBe(1);
  });
});

describe("results progress", () => {
  it("shows the share of TPS reported per contest, from the running totals", async () => {
    expect(await submitAsOfficer(server, tps[2], "walikota")).toBe(201);
    await new Promise((r) => setTimeout(r, 2100));
    const kel = await index(KEL);
    expect(cell(kel, "results", tps[2], "walikota.reporting")).toBe(1);
    expect(cell(kel, "results", tps[3], "walikota.reporting")).toBe(0);
    const kec = await index(KEC);
    expect(cell(kec, "results", KEL, "walikota.tps")).toBe(tps.length);
    expect(cell(kec, "results", KEL, "walikota.reporting")).toBe(1);
    expect(cell(kec, "results", KEL, "walikota.share")).toBeCloseTo(1 / tps.length);
    const summary = (await (await http.get(`/api/v1/public/regions/${KEC}/summary`)).json()) as {
      area: { contests: { key: string; reporting: number }[] };
    };
    expect(total(kec, "results", "walikota.reporting")).toBe(
      summary.area.contests.find((c) => c.key === "walikota")!.reporting,
    );
  });
});

describe("violations and disputes through the seam", () => {
  it("counts the cases and disputes modules' rows per child area, kind, registration, state and outcome", async () => {
    const sources = {
      violationCounts: async () => ({
        asOf: "2026-12-01T03:00:00.000Z",
        rows: [
          { regionCode: KEL, kind: "laporan" as const, registered: true, outcome: "administrative", count: 3 },
          { regionCode: KEC, kind: "temuan" as const, registered: false, outcome: null, count: 2 },
          { regionCode: "16.73.01.1001", kind: "laporan" as const, registered: true, outcome: "criminal", count: 1 },
        ],
      }),
      disputeCounts: async () => ({
        asOf: "2026-12-01T03:00:00.000Z",
        rows: [
          { regionCode: "16.73.06", state: "decided", outcome: "granted", count: 2 },
          { regionCode: "16.73.01", state: "mediation", outcome: null, count: 1 },
        ],
      }),
    };
    const city = (await getDataCentre(server.services.sql, { code: "16.73", sources }))!;
    const violations = city.datasets.find((d) => d.key === "violations")!;
    const row = (code: string) => violations.rows.find((r) => r.code === code)!.values;
    const col = (key: string) => violations.columns.findIndex((c) => c.key === key);
    expect(violations.asOf).toBe("2026-12-01T03:00:00.000Z");
    expect(row(KEC)[col("total")]).toBe(5);
    expect(row(KEC)[col("laporan")]).toBe(3);
    expect(row(KEC)[col("temuan")]).toBe(2);
    expect(row(KEC)[col("not_registered")]).toBe(2);
    expect(row(KEC)[col("outcome.administrative")]).toBe(3);
    expect(row(KEC)[col("outcome.pending")]).toBe(2);
    expect(row("16.73.01")[col("outcome.criminal")]).toBe(1);
    expect(violations.total[col("total")]).toBe(6);
    const disputes = city.datasets.find((d) => d.key === "disputes")!;
    const dcol = (key: string) => disputes.columns.findIndex((c) => c.key === key);
    expect(disputes.rows.find((r) => r.code === KEC)!.values[dcol("outcome.granted")]).toBe(2);
    expect(disputes.total[dcol("state.mediation")]).toBe(1);

    // One level down, a case of the whole kecamatan is counted at the kecamatan's own level.
    const kec = (await getDataCentre(server.services.sql, { code: KEC, sources }))!;
    const v = kec.datasets.find((d) => d.key === "violations")!;
    expect(v.rows.find((r) => r.code === KEL)!.values[0]).toBe(3);
    expect(v.rows.find((r) => r.self)!.values[0]).toBe(2);
    expect(v.total[0]).toBe(5);
  });
});

describe("violations and disputes from their own modules", () => {
  it("counts a citizen's report and a petition where they were placed", async () => {
    const report = await http.post("/api/v1/public/reports", {
      category: "vote_buying",
      tpsCode: tps[0],
      description: "Pembagian uang di dekat TPS pagi ini.",
    });
    expect(report.status).toBe(201);
    const yesterday = new Date(Date.now() - 24 * 3600_000).toISOString().slice(0, 10);
    const petition = await http.post(
      "/api/v1/disputes",
      {
        regionCode: KEC,
        respondent: "PPK Lubuklinggau Timur II",
        decisionNumber: "KPT-DC-1",
        decisionDate: yesterday,
        decisionSubject: "Penetapan lokasi TPS",
        applicantName: "Partai Contoh",
        applicantKind: "party",
        repName: "Budi Kuasa",
        points: "Keputusan tidak sesuai peraturan.",
      },
      bawaslu,
    );
    expect(petition.status).toBe(201);
    const city = (await getDataCentre(server.services.sql, { code: "16.73" }))!;
    const at = (key: string, column: string) => {
      const dataset = city.datasets.find((d) => d.key === key)!;
      return dataset.rows.find((r) => r.code === KEC)!.values[dataset.columns.findIndex((c) => c.key === column)];
    };
    expect(at("violations", "laporan")).toBeGreaterThanOrEqual(1);
    expect(at("violations", "outcome.pending")).toBeGreaterThanOrEqual(1);
    expect(at("disputes", "state.filed")).toBe(1);
  });
});

describe("privacy", () => {
  it("never names an officer, an activity's recorder or their phones in any public answer", async () => {
    const answers: string[] = [];
    for (const area of ["ID", "16.73", KEC, KEL]) {
      const res = await http.get(`/api/v1/public/data-centre?wilayah=${area}`);
      const text = await res.text();
      answers.push(text);
      for (const d of (JSON.parse(text) as Index).datasets) answers.push(await (await http.get(d.csv)).text());
      answers.push(await (await http.get(`/publik/data?wilayah=${area}`)).text());
    }
    const all = answers.join("\n");
    expect(all).toContain("activities");
    for (const secret of [RECORDER, OFFICER_NAME, OFFICER_PHONE, "812 9988", "Pengawasan rapat umum", "recorded_by"])
      expect(all, secret).not.toContain(secret);
  });
});
