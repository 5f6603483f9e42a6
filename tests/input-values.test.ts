// Every value is checked before it is used: text without control characters in every field of every schema
// (walked, so a new field is covered without new test code), every API route's query and path parameters,
// numbers and times within range before SQL, the socket `resume` cursor, CSV import cells, and corrections
// idempotent on their id. Each refusal is a 4xx naming the field and writes nothing.
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import * as admin from "~/lib/schemas/admin";
import * as broadcast from "~/lib/schemas/broadcast";
import * as field from "~/lib/schemas/field";
import * as forma from "~/lib/schemas/forma";
import * as shared from "~/lib/schemas";
import * as officer from "~/lib/schemas/officer";
import * as publicReport from "~/lib/schemas/public-report";
import { CONTROL_CHARACTER, text, timestamp, wholeNumber } from "~/lib/schemas/atoms";
import { SETTINGS } from "~/lib/settings";
import { api, C1_PHOTO } from "./support/api";
import { overlay, stringSlots } from "./support/schema-walk";
import { startTestServer, type TestServer } from "./support/server";
import { liveClients, resume } from "./support/sockets";

const SMS_SECRET = "values-test-secret-0123456789";
let server: TestServer;
const http = api(() => server);
const live = liveClients();
let tokens: Record<"officer" | "operator" | "admin" | "responder", string>;
const TPS = "1673081004-001";

beforeAll(async () => {
  server = await startTestServer({ SMS_WEBHOOK_SECRET: SMS_SECRET });
  tokens = {
    officer: await http.login(TPS),
    operator: await http.login("posko"),
    admin: await http.login("admin"),
    responder: await http.login("tim-1"),
  };
});
afterAll(() => {
  live.closeAll();
  return server?.stop();
});

/** A NUL, an escape, a bell, DEL and a C1 control: one of each kind that must be refused. */
const HOSTILE = ["\u0000", "\u001b[2J", "\u0007", "\u007f", "\u009b"];

/** Every zod schema the modules of app/lib/schemas export, and the admin settings' schemas. */
const SCHEMAS = [
  ...(Object.entries({ ...shared, ...admin, ...field, ...officer, ...publicReport, ...broadcast, ...forma }) as [
    string,
    unknown,
  ][]),
  ...Object.entries(SETTINGS).map(([k, v]): [string, unknown] => [`settings ${k}`, v]),
].filter((entry): entry is [string, z.ZodTypeAny] => entry[1] instanceof z.ZodType);

/** Row counts of every table a request could write, and the event head (sessions aside: logins write them). */
async function footprint() {
  const sql = server.services.sql;
  const tables = (
    await sql`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE'
      and table_name not in ('sessions', 'schema_migrations', 'socket_io_attachments', 'login_attempts')`
  ).map((r) => r.tableName as string);
  const counts: Record<string, number> = {};
  for (const t of tables) counts[t] = (await sql`select count(*)::int as n from ${sql(t)}`)[0].n;
  const [head] = await sql`select seq from event_head`;
  return { ...counts, seq: head.seq as number };
}

describe("text refuses control characters in every schema", () => {
  it("finds every string field of every schema and refuses each control character there, naming the field", () => {
    let slots = 0;
    const wrong: string[] = [];
    for (const [name, schema] of SCHEMAS) {
      for (const bad of HOSTILE) {
        for (const slot of stringSlots(schema, `ok${bad}ok`)) {
          slots++;
          const parsed = schema.safeParse(slot.input);
          const named =
            !parsed.success &&
            shared.fieldProblems(parsed.error).some((p) => p.field === slot.field && p.code === "control_character");
          if (!named) wrong.push(`${name}.${slot.field} with ${JSON.stringify(bad)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    // The walk reaches nested, optional and record fields (C.Hasil boxes, checklist notes, candidates' names).
    expect(SCHEMAS.length).toBeGreaterThanOrEqual(15);
    expect(slots).toBeGreaterThan(300);
  });

  it("refuses exactly C0 (but tab, LF, CR), DEL and C1, and lets every other character through", () => {
    const refused = Array.from({ length: 0x100 }, (_, c) => c).filter((c) =>
      CONTROL_CHARACTER.test(String.fromCharCode(c)),
    );
    const expected = Array.from({ length: 0x100 }, (_, c) => c).filter(
      (c) => (c < 0x20 && ![0x09, 0x0a, 0x0d].includes(c)) || (c >= 0x7f && c <= 0x9f),
    );
    expect(refused).toEqual(expected);
    expect(text(2000).safeParse("Baris satu\r\n\tbaris dua: Rp 50.000 — “amplop” 🙏").success).toBe(true);
  });
});

describe("numbers and times within range", () => {
  it("reads whole numbers as digits only and timestamps PostgreSQL can store", () => {
    const count = wholeNumber(0, 99);
    for (const ok of [0, 16, "16", " 16 "]) expect(count.safeParse(ok).success, String(ok)).toBe(true);
    for (const bad of ["0x10", "+5", "1e1", "1.5", 1.5, "Infinity", Infinity, "", "-1", "١٦"])
      expect(count.safeParse(bad).success, String(bad)).toBe(false);
    for (const ok of ["2029-02-14T07:00:00+07:00", "2029-02-14T07:00:00.123Z", "2029-02-14T07:00:00+14:00"])
      expect(timestamp.safeParse(ok).success, ok).toBe(true);
    for (const bad of [
      "0000-02-14T07:00:00Z",
      "2029-02-14T07:00:00+15:00",
      "2029-02-14T07:00:00-14:30",
      "2029-02-14T07:00:00+99:99",
      `2029-02-14T07:00:00.${"1".repeat(200)}Z`,
    ])
      expect(timestamp.safeParse(bad).success, bad).toBe(false);
  });
});

/** A valid body for each JSON route, sent by whom; the walk puts a control character in each of its strings. */
function jsonRoutes(): { path: string; token: keyof typeof tokens | null; valid: unknown; schema: z.ZodTypeAny }[] {
  const now = new Date().toISOString();
  const result = { tpsCode: TPS, contest: "walikota", votes: { "1": 40, "2": 45, "3": 40 }, invalid: 3 };
  return [
    { path: "/api/v1/session", token: null, valid: { login: "posko", secret: "x" }, schema: shared.LoginBody },
    {
      path: "/api/v1/supervision-reports",
      token: "officer",
      valid: { id: randomUUID(), tpsCode: TPS, capturedAt: now, notes: { found: "Aman", done: "Tidak ada" } },
      schema: forma.SupervisionReportBody,
    },
    {
      path: "/api/v1/quick-counts",
      token: "officer",
      valid: { id: randomUUID(), ...result, capturedAt: now },
      schema: shared.QuickCountBody,
    },
    {
      path: "/api/v1/paper-entries",
      token: "operator",
      valid: { id: randomUUID(), ...result, capturedAt: now },
      schema: shared.PaperEntryBody,
    },
    {
      path: "/api/v1/reviews",
      token: "operator",
      valid: { action: "correct", id: randomUUID(), ...result, capturedAt: now, reason: "dibaca ulang" },
      schema: shared.ReviewBody,
    },
    {
      path: "/api/v1/incidents",
      token: "officer",
      valid: { id: randomUUID(), tpsCode: TPS, category: "other", severity: "low", description: "x", occurredAt: now },
      schema: shared.IncidentBody,
    },
    {
      path: `/api/v1/incidents/${randomUUID()}/transitions`,
      token: "operator",
      valid: { action: "acknowledge", note: "ok" },
      schema: shared.TransitionBody,
    },
    {
      path: "/api/v1/checkins",
      token: "officer",
      valid: { id: randomUUID(), tpsCode: TPS, capturedAt: now },
      schema: officer.CheckinBody,
    },
    {
      path: "/api/v1/checklists",
      token: "officer",
      valid: { id: randomUUID(), tpsCode: TPS, answers: [{ item: "kotak", ok: true }], capturedAt: now },
      schema: officer.ChecklistBody,
    },
    {
      path: "/api/v1/tps-status",
      token: "officer",
      valid: { id: randomUUID(), tpsCode: TPS, status: "open", capturedAt: now },
      schema: officer.DayStatusBody,
    },
    {
      path: "/api/v1/outbox-held",
      token: "officer",
      valid: { device: randomUUID(), held: [{ tpsCode: TPS, count: 1, oldestAt: now }] },
      schema: officer.OutboxHeldBody,
    },
    {
      path: "/api/v1/public/reports",
      token: null,
      valid: { category: "other", tpsCode: TPS, description: "Ada pembagian uang di dekat TPS." },
      schema: publicReport.ReportBody,
    },
    {
      path: "/api/v1/broadcasts",
      token: "operator",
      valid: { id: randomUUID(), target: "area", area: "16.73.08", silentMinutes: 30, body: "Rapat pukul 10.00" },
      schema: broadcast.BroadcastBody,
    },
    {
      path: `/api/v1/broadcasts/${randomUUID()}/read`,
      token: "officer",
      valid: { id: randomUUID(), tpsCode: TPS },
      schema: broadcast.BroadcastReadBody,
    },
    {
      path: "/api/v1/sms",
      token: null,
      valid: { from: "+6281234567890", text: "QC 1673081004-001 1234", id: "gw-1" },
      schema: field.SmsBody,
    },
  ];
}

async function postJson(path: string, body: unknown, token: string | null) {
  const headers: Record<string, string> = { "Content-Type": "application/json", "X-Pantau-Secret": SMS_SECRET };
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(`${server.url}${path}`, { method: "POST", headers, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json().catch(() => null)) as ErrorBody | null };
}
type ErrorBody = { message?: string; code?: string; errors?: { field: string; code: string; message: string }[] };

const names = (body: ErrorBody | null, field: string, code = "control_character") =>
  !!body?.errors?.some((e) => e.field === field && e.code === code && e.message.length > 10);

describe("the real server refuses control characters in bodies, forms, multipart fields and parameters", () => {
  it("answers a control character in any string of any JSON route's body with a 422 naming it, writing nothing", async () => {
    const before = await footprint();
    const wrong: string[] = [];
    let sent = 0;
    for (const route of jsonRoutes()) {
      for (const bad of ["\u0000", "\u001b"]) {
        for (const slot of stringSlots(route.schema, `ok${bad}`)) {
          const body = overlay(route.valid, slot.input);
          const answer = await postJson(route.path, body, route.token ? tokens[route.token] : null);
          sent++;
          if (answer.status !== 422 || !names(answer.body, slot.field))
            wrong.push(
              `${route.path} ${slot.field} ${JSON.stringify(bad)} -> ${answer.status} ${JSON.stringify(answer.body)}`,
            );
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(sent).toBeGreaterThan(100);
    expect(await footprint()).toEqual(before);
  }, 120_000);

  it("refuses them in multipart text fields, page forms and the SMS webhook's form body", async () => {
    const before = await footprint();
    // A photo's text fields, each in turn.
    for (const slot of stringSlots(field.PhotoFields, "ok\u0000")) {
      const fields = overlay({ id: randomUUID(), purpose: "c1", tpsCode: TPS, contest: "walikota" }, slot.input);
      const form = new FormData();
      for (const [k, v] of Object.entries(fields as Record<string, string>)) form.set(k, v);
      form.set("photo", new Blob([new Uint8Array(C1_PHOTO)], { type: "image/png" }), "c1.png");
      const res = await http.multipart("/api/v1/photos", form, tokens.officer);
      expect(res.status, slot.field).toBe(422);
      expect(names(await res.json(), slot.field), slot.field).toBe(true);
    }
    // The public report form as a browser without JavaScript posts it.
    const reportForm = new FormData();
    for (const [k, v] of Object.entries({ category: "other", tpsCode: TPS, description: "Ada uang\u0000 di TPS." }))
      reportForm.set(k, v);
    const report = await http.multipart("/publik/lapor", reportForm);
    expect(report.status).toBe(422);
    expect(await report.text()).toContain("karakter kendali");
    // The login form.
    const login = await http.form("/login", { login: "posko\u0000", secret: "pantau-demo" });
    expect(login.status).toBe(422);
    expect(await login.text()).toContain("karakter kendali");
    // Admin forms: a setting's text and a contest's name, each named on its field.
    const setting = await http.form("/admin/pengaturan", { section: "public", title: "Pantau\u001b" }, tokens.admin);
    expect(setting.status).toBe(422);
    expect(await setting.text()).toContain("karakter kendali");
    const contest = await http.form(
      "/admin/pemilihan",
      { code: "uji", name: "Pemilihan\u0000 uji", type: "walikota", candidates: "1;Calon Satu" },
      tokens.admin,
    );
    expect(contest.status).toBe(422);
    expect(await contest.text()).toContain("karakter kendali");
    // The SMS gateway posting a form: text and sender.
    for (const [name, value] of [
      ["text", "QC 1673081004-001\u0000"],
      ["from", "+62812\u0000"],
    ]) {
      const res = await fetch(`${server.url}/api/v1/sms`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Pantau-Secret": SMS_SECRET },
        body: new URLSearchParams({ from: "+6281234567890", text: "QC 1", [name]: value }),
      });
      expect(res.status, name).toBe(422);
      expect(names(await res.json(), name), name).toBe(true);
    }
    expect(await footprint()).toEqual(before);
  });

  it("answers every API route's query and path parameters, hostile or out of range, with a 4xx, never a 5xx", async () => {
    const routes = readdirSync("app/routes").filter((f) => f.startsWith("api.v1."));
    expect(routes.length).toBeGreaterThan(25);
    const values = [
      "%00",
      "%1B",
      "99999999999999999999999",
      "9007199254740993",
      "1.5",
      "0x10",
      "Infinity",
      "+5",
      "1e3",
      "-1",
    ];
    const wrong: string[] = [];
    let sent = 0;
    for (const file of routes) {
      const source = readFileSync(`app/routes/${file}`, "utf8");
      // The parameters a route reads, found in its source; `q` for any route that reads none.
      const params = new Set(["q", ...[...source.matchAll(/(?:get|Param\(\w+,)\s*\(?"(\w+)"/g)].map((m) => m[1])]);
      const segments = file
        .replace(/\.tsx?$/, "")
        .replace(/\[\.\]/g, "~dot~")
        .split(".");
      const pathOf = (param: string) =>
        "/" +
        segments
          .map((s) => (s.startsWith("$") ? param : s))
          .join("/")
          .replace(/~dot~/g, ".");
      const methods = /export (async )?function loader/.test(source) ? ["GET"] : ["POST"];
      for (const method of methods)
        for (const token of [tokens.operator, tokens.admin]) {
          const tries: [string, string | null][] = [];
          for (const value of values) {
            for (const p of params) tries.push([`${pathOf(TPS)}?${p}=${value}`, value.startsWith("%") ? p : null]);
            if (segments.some((s) => s.startsWith("$")))
              tries.push([pathOf(value), value.startsWith("%") ? "path" : null]);
          }
          for (const [target, controlled] of tries) {
            const res = await fetch(`${server.url}${target}`, {
              method,
              headers: {
                Authorization: `Bearer ${token}`,
                "Content-Type": "application/json",
                "X-Pantau-Secret": SMS_SECRET,
              },
              body: method === "POST" ? "{}" : undefined,
            });
            sent++;
            const text = await res.text();
            const ok = res.status >= 400 && res.status < 500 ? true : res.status < 400 && !controlled;
            const named = !controlled || (res.status === 400 && names(JSON.parse(text), controlled));
            if (!ok || !named) wrong.push(`${method} ${target} -> ${res.status} ${text.slice(0, 100)}`);
          }
        }
    }
    expect(wrong).toEqual([]);
    expect(sent).toBeGreaterThan(500);
  }, 180_000);

  it("answers a control character in a page's address with a readable page in the visitor's language", async () => {
    const res = await fetch(`${server.url}/publik/tps/1673011001-001%00?from=x`, {
      headers: { "Accept-Language": "id-ID" },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const page = await res.text();
    expect(page).toContain("<h1>");
    expect(page).not.toContain("\u0000");
  });
});

describe("ranges are checked before SQL", () => {
  it("refuses timestamps, ids and counts PostgreSQL would refuse with a 422 naming the field", async () => {
    const before = await footprint();
    const now = new Date().toISOString();
    const quick = { tpsCode: TPS, contest: "walikota", votes: { "1": 40, "2": 45, "3": 40 }, invalid: 3 };
    for (const capturedAt of [
      "0000-02-14T07:00:00Z",
      "2029-02-14T07:00:00+15:00",
      "2029-02-14T07:00:00+99:99",
      `2029-02-14T07:00:00.${"9".repeat(200)}Z`,
    ]) {
      const res = await postJson("/api/v1/quick-counts", { ...quick, id: randomUUID(), capturedAt }, tokens.officer);
      expect(res.status, capturedAt).toBe(422);
      expect(names(res.body, "capturedAt", "invalid"), capturedAt).toBe(true);
    }
    const transition = await postJson(
      `/api/v1/incidents/${randomUUID()}/transitions`,
      { action: "dispatch", responderIds: [1e20] },
      tokens.operator,
    );
    expect(transition.status).toBe(422);
    expect(names(transition.body, "responderIds.0", "invalid")).toBe(true);
    for (const count of ["0x10", "1e1", "+5", "Infinity", "1.5"]) {
      const res = await postJson(
        "/api/v1/quick-counts",
        { ...quick, id: randomUUID(), votes: { ...quick.votes, "1": count }, capturedAt: now },
        tokens.officer,
      );
      expect(res.status, count).toBe(422);
    }
    expect(await footprint()).toEqual(before);
  });

  it("answers a cursor out of range with 400 on GET /api/v1/events and `invalid` on the socket's resume", async () => {
    for (const after of ["-1", "1.5", "0x10", "+5", "1e3", "Infinity", "99999999999999999999", "9007199254740993"]) {
      const res = await http.get(`/api/v1/events?after=${encodeURIComponent(after)}`, tokens.operator);
      expect(res.status, after).toBe(400);
      expect(names(await res.json(), "after", "invalid"), after).toBe(true);
    }
    expect((await http.get(`/api/v1/events?after=9007199254740991`, tokens.operator)).status).toBe(200);
    const { socket } = await live.connect(server.url, { token: tokens.operator });
    for (const after of [1e20, 2 ** 63, 2 ** 53, -1, 1.5, "5", null]) {
      const answer = await resume(socket, after);
      expect(answer, String(after)).toMatchObject({ ok: false, error: { code: "invalid" } });
    }
    expect(await resume(socket, Number.MAX_SAFE_INTEGER)).toMatchObject({ ok: true, data: { events: [] } });
  });
});

describe("CSV import cells", () => {
  it("refuses a control character in any cell, the dry run exactly as the real import, and writes nothing", async () => {
    const before = await footprint();
    const csv = "number,name,abbrev\n77,Partai Uji\u0000,PU\n78,Partai Dua,P\u001bD\n";
    const send = (dryRun: boolean) =>
      fetch(`${server.url}/api/v1/admin/imports/parties${dryRun ? "?dryRun=1" : ""}`, {
        method: "POST",
        headers: { Authorization: `Bearer ${tokens.admin}`, "Content-Type": "text/csv" },
        body: csv,
      });
    const dry = await send(true);
    const real = await send(false);
    expect(dry.status).toBe(200);
    expect(real.status).toBe(422);
    const dryErrors = ((await dry.json()) as { errors: unknown[] }).errors;
    const realErrors = ((await real.json()) as { errors: unknown[] }).errors;
    expect(dryErrors).toEqual(realErrors);
    expect(realErrors).toMatchObject([
      { line: 2, field: "name" },
      { line: 3, field: "abbrev" },
    ]);
    expect(await footprint()).toEqual(before);
  });
});

describe("corrections are idempotent", () => {
  it("gives a retried correction its first answer and refuses the same id with other numbers with a 409", async () => {
    const tps = "1673081005-002";
    const officerToken = await http.login(tps);
    const quick = {
      id: randomUUID(),
      tpsCode: tps,
      contest: "walikota",
      votes: { "1": 60, "2": 45, "3": 20 },
      invalid: 2,
      capturedAt: new Date().toISOString(),
    };
    expect((await postJson("/api/v1/quick-counts", quick, officerToken)).status).toBe(201);
    await http.uploadC1Photo(officerToken, { tpsCode: tps, contest: "walikota" });
    const correction = {
      ...quick,
      action: "correct",
      id: randomUUID(),
      reason: "Salah baca C1 plano",
      source: "paper",
    };
    correction.votes = { "1": 61, "2": 45, "3": 20 };
    const first = await postJson("/api/v1/reviews", correction, tokens.operator);
    expect(first.status).toBe(200);
    const again = await postJson("/api/v1/reviews", correction, tokens.operator);
    expect(again).toEqual(first);
    const before = await footprint();
    for (const changed of [
      { votes: { "1": 70, "2": 45, "3": 20 } },
      { invalid: 3 },
      { reason: "Alasan yang lain sama sekali" },
    ]) {
      const clash = await postJson("/api/v1/reviews", { ...correction, ...changed }, tokens.operator);
      expect(clash.status, JSON.stringify(changed)).toBe(409);
      expect(clash.body?.code).toBe("id_conflict");
    }
    expect(await footprint()).toEqual(before);
    const [current] = await server.services.sql`select votes from results where tps_code = ${tps}`;
    expect(current.votes).toEqual({ "1": 61, "2": 45, "3": 20 });
  });
});
