// The request side of violation cases, shared by the API routes and their pages (one function per action,
// decision 017): the reporter's completion, a staff step, a temuan, a document; the list's filters and CSV.
import type { AppLoadContext } from "@remix-run/node";
import { areaWithin, type AccessUser } from "~/lib/access";
import { CASE_OUTCOMES, CASE_STEP_NAMES, RECAP_COLUMNS, type CaseStep } from "~/lib/cases";
import { csvSeparatorParam, toCsv } from "~/lib/csv";
import { formatDateTime } from "~/lib/format";
import { combineMessages, translate, type Lang, type MessageKey } from "~/lib/i18n";
import { casesMessages } from "~/lib/messages/cases";
import { problem } from "~/lib/problems";
import { fieldProblems } from "~/lib/schemas";
import { UUID } from "~/lib/schemas/atoms";
import { CaseFilters, CompletionBody, StepBody, TemuanBody } from "~/lib/schemas/cases";
import {
  caseRecap,
  completeByReporter,
  getCasePublic,
  MAX_EVIDENCE_FILES,
  raiseTemuan,
  takeStep,
  type CaseSummary,
  type EvidenceFile,
} from "~/models/cases.server";
import { checkDocument } from "~/models/documents.server";
import { TRACKING_CODE } from "~/models/reports.server";
import type { Db } from "./db.server";
import { readJson } from "./http.server";
import { parameterProblems } from "./params.server";
import { parseBody } from "./parse-body.server";

/** Evidence files of a form, checked by content before anything is written (422 naming `field`). */
export async function evidenceOf(
  form: FormData,
  field = "evidence",
  max = MAX_EVIDENCE_FILES,
): Promise<EvidenceFile[]> {
  const files = form.getAll(field).filter((f): f is File => typeof f !== "string" && f.size > 0);
  if (files.length > max) throw problem.invalid([{ field, code: "too_many", params: { max } }]);
  const out: EvidenceFile[] = [];
  for (const file of files) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    checkDocument(bytes, field);
    out.push({ fileName: file.name || "bukti", bytes });
  }
  return out;
}

const isMultipart = (request: Request) => (request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data");

async function formOf(request: Request) {
  try {
    return await request.formData();
  } catch {
    throw problem.badForm();
  }
}

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : undefined;
};

export const caseId = (raw: string | undefined) => {
  if (!raw || !UUID.test(raw)) throw problem.notFound();
  return raw.toLowerCase();
};

/** The reporter's completion through the tracking code (API and tracking page). */
export async function completeReport(request: Request, context: AppLoadContext, rawCode: string) {
  const code = rawCode.trim().toUpperCase();
  if (!TRACKING_CODE.test(code)) throw problem.notFound({ key: "report.notFound" });
  let raw: unknown;
  let evidence: EvidenceFile[] = [];
  if (isMultipart(request) || (request.headers.get("Content-Type") ?? "").startsWith("application/x-www-form")) {
    const form = await formOf(request);
    raw = { note: text(form, "note") };
    if (isMultipart(request)) evidence = await evidenceOf(form);
  } else raw = await readJson(request);
  const body = parseBody(CompletionBody, raw);
  await context.writer.write((ctx) => completeByReporter(ctx, { trackingCode: code, note: body.note, evidence }));
  return (await getCasePublic(context.sql, { trackingCode: code }))!.public;
}

/** A staff step from the case page's flat form fields, in the shape of `StepBody`. */
export function stepFromForm(form: FormData): unknown {
  const step = text(form, "step") as CaseStep | undefined;
  if (!step || !CASE_STEP_NAMES.includes(step)) return { step };
  const note = text(form, "note");
  switch (step) {
    case "mark_incomplete":
      return { step, missing: form.getAll("missing").filter((v) => typeof v === "string"), note };
    case "not_register":
    case "extend":
      return { step, reason: text(form, "reason") };
    case "refer":
      return { step, level: text(form, "level"), note };
    case "invite":
      return {
        step,
        invitation: { who: text(form, "who"), when: text(form, "when"), where: text(form, "where") },
      };
    case "assess":
      return { step, assessment: text(form, "assessment") };
    case "decide":
      return { step, outcome: text(form, "outcome"), agency: text(form, "agency"), note };
    default:
      return { step, note };
  }
}

/** A staff step (API: JSON; page: a form, with an optional document for the minutes). */
export async function caseStep(
  request: Request,
  context: AppLoadContext,
  { user, id }: { user: AccessUser; id: string },
) {
  let raw: unknown;
  let evidence: EvidenceFile[] = [];
  if (isMultipart(request) || (request.headers.get("Content-Type") ?? "").startsWith("application/x-www-form")) {
    const form = await formOf(request);
    raw = stepFromForm(form);
    if (isMultipart(request)) evidence = await evidenceOf(form, "document", 1);
  } else raw = await readJson(request);
  const body = parseBody(StepBody, raw);
  if (body.step === "complete") throw problem.forbidden();
  return context.writer.write((ctx) => takeStep(ctx, { user, id, body, evidence }));
}

export async function createTemuan(request: Request, context: AppLoadContext, user: AccessUser) {
  let raw: unknown;
  if ((request.headers.get("Content-Type") ?? "").startsWith("application/json")) raw = await readJson(request);
  else {
    const form = await formOf(request);
    raw = Object.fromEntries(
      [
        "incidentId",
        "caseId",
        "kelurahanCode",
        "tpsNumber",
        "place",
        "occurredOn",
        "knownOn",
        "reportedParty",
        "account",
      ].map((k) => [k, text(form, k) || undefined]),
    );
  }
  const body = parseBody(TemuanBody, raw);
  return context.writer.write((ctx) => raiseTemuan(ctx, { user, body }));
}

/** The list's filters from the query (the same names on the page, the API and the CSV). */
export function caseFilters(url: URL): CaseFilters {
  const bad = parameterProblems(url);
  if (bad.length) throw problem.badParameters(bad);
  const q = url.searchParams;
  const raw = Object.fromEntries(
    ["kind", "state", "deadline", "area", "from", "to", "q"]
      .map((k) => [k, q.get(k) ?? ""])
      .filter(([, v]) => v !== ""),
  );
  const parsed = CaseFilters.safeParse(raw);
  if (!parsed.success) throw problem.badParameters(fieldProblems(parsed.error));
  return parsed.data;
}

const messages = combineMessages(casesMessages);

/** The case list as CSV (staff only: it holds the account's first words, no reporter identity). */
export function casesCsv(cases: CaseSummary[], lang: Lang, url: URL) {
  const t = (key: MessageKey<typeof messages>) => translate(lang, messages, key);
  const rows = [
    [
      t("cases.col.number"),
      t("cases.col.kind"),
      t("cases.col.state"),
      t("cases.filter.area"),
      t("cases.kelurahan"),
      "TPS",
      t("cases.col.received"),
      t("cases.col.due"),
      t("cases.filter.deadline"),
      t("cases.col.outcome"),
      t("cases.col.summary"),
    ],
    ...cases.map((c) => [
      c.registrationNumber ?? c.trackingCode ?? "",
      t(`cases.kind.${c.kind}`),
      t(`cases.state.${c.state}`),
      c.kecamatanName ?? "",
      c.regionName ?? "",
      c.tpsCode ?? "",
      formatDateTime(c.receivedAt, lang),
      formatDateTime(c.dueAt, lang),
      c.deadline ? t(`cases.deadline.${c.deadline}`) : "",
      c.outcome ? t(`cases.outcome.${c.outcome}`) : "",
      c.summary,
    ]),
  ];
  return toCsv(rows, csvSeparatorParam(url.searchParams.get("sep")));
}

/** The recap's area: the one asked when inside the user's own, else their own (an admin: the first city). */
export async function recapArea(sql: Db, user: AccessUser, asked: string | undefined): Promise<string> {
  const area = areaWithin(user, asked ?? null);
  if (area !== null && area !== "-") return area;
  const [first] = await sql<[{ code: string }?]>`select code from regions where level = 'city' order by code limit 1`;
  return first?.code ?? "-";
}

/** The recap as CSV, with the page's filters. */
export async function caseRecapCsv(sql: Db, { user, url, lang }: { user: AccessUser; url: URL; lang: Lang }) {
  const filters = caseFilters(url);
  const area = await recapArea(sql, user, filters.area);
  const rows = await caseRecap(sql, { area, from: filters.from ?? null, to: filters.to ?? null });
  const t = (k: MessageKey<typeof messages>) => translate(lang, messages, k);
  const header = [
    t("cases.recap.region"),
    t("cases.recap.code"),
    ...RECAP_COLUMNS.map((c) => t(`cases.recap.${c}`)),
    ...CASE_OUTCOMES.map((o) => t(`cases.recap.${o}`)),
  ];
  const body = rows.map((r) => [
    r.regionName,
    r.regionCode,
    ...RECAP_COLUMNS.map((c) => r[c]),
    ...CASE_OUTCOMES.map((o) => r.outcomes[o]),
  ]);
  return toCsv([header, ...body], csvSeparatorParam(url.searchParams.get("sep")));
}
