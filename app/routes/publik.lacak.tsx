// Follow a public report by its tracking code (no login): the laporan's registration number, state, dates,
// outcome and destination, and in plain words what happens next and by when; never personal data. While the
// laporan is incomplete the reporter completes it here (a note and evidence files; works without
// JavaScript). A report from before cases shows its incident status as before.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { MAX_EVIDENCE_FILES_PUBLIC } from "~/lib/cases";
import { DOCUMENT_ACCEPT } from "~/lib/documents";
import { lastDay } from "~/lib/deadlines";
import { formatDateTime } from "~/lib/format";
import { casesMessages } from "~/lib/messages/cases";
import { limitsMessages } from "~/lib/messages/limits";
import { publicMessages } from "~/lib/messages/public";
import { useLang, useT } from "~/lib/use-t";
import { getCasePublic } from "~/models/cases.server";
import { getReportStatus, TRACKING_CODE } from "~/models/reports.server";
import { getSetting } from "~/models/settings.server";
import { TopBar } from "~/root";
import { completeReport } from "~/utils/case-actions.server";
import { requestLang } from "~/utils/lang.server";
import { pageRefusal } from "~/utils/page-action.server";
import type { FieldError } from "~/utils/problem-answer.server";

export const meta: MetaFunction = () => [{ title: "Pantau — Lacak laporan" }];

const codeOf = (request: Request) =>
  (new URL(request.url).searchParams.get("kode") ?? "").trim().toUpperCase().slice(0, 20);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const code = codeOf(request);
  const report = TRACKING_CODE.test(code) ? await getReportStatus(context.sql, { trackingCode: code }) : null;
  const laporan = report ? ((await getCasePublic(context.sql, { trackingCode: code }))?.public ?? null) : null;
  const categories = await getSetting(context.sql, "incident.categories");
  const category = report ? categories.find((c) => c.code === report.category) : undefined;
  return { code, report, laporan, category: category ? { id: category.id, en: category.en } : null };
}

type Result = { ok?: boolean; message?: string; errors?: FieldError[] };

export async function action({ request, context }: ActionFunctionArgs) {
  const lang = requestLang(request);
  const refused = await pageRefusal(lang, {}, () => completeReport(request, context, codeOf(request)));
  return refused ?? ({ ok: true } satisfies Result);
}

export default function Track() {
  const { code, report, laporan, category } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as Result | undefined;
  const t = useT(publicMessages, casesMessages, limitsMessages);
  const lang = useLang();
  const busy = useNavigation().state !== "idle";
  const when = (iso: string) => formatDateTime(iso, lang);
  const err = (field: string) => result?.errors?.find((e) => e.field === field)?.message;
  return (
    <>
      <TopBar title={t("report.trackTitle")} />
      <main className="page phone">
        <h1>{t("report.trackTitle")}</h1>
        <Form method="get" className="row">
          <label>
            {t("report.code")}
            <input
              name="kode"
              defaultValue={code}
              placeholder="LP-XXXX-XXXX"
              maxLength={20}
              required
              autoCapitalize="characters"
            />
          </label>
          <button type="submit" className="primary">
            {t("report.find")}
          </button>
        </Form>
        {code && !report ? (
          <p role="alert" className="error">
            {t("report.notFound")}
          </p>
        ) : null}
        {report && laporan ? (
          <section className="card" data-testid="case-status">
            <p className="tracking-code">{report.trackingCode}</p>
            {laporan.registrationNumber ? (
              <p>
                <strong>{t("cases.track.registration")}:</strong>{" "}
                <span data-testid="case-number">{laporan.registrationNumber}</span>
              </p>
            ) : null}
            <p>
              <strong>{t("cases.track.state")}:</strong>{" "}
              <span data-testid="case-state">{t(`cases.state.${laporan.state}`)}</span>
            </p>
            <p data-testid="case-next">
              <strong>{t("cases.track.next")}:</strong>{" "}
              {t(`cases.next.${laporan.state}`, {
                due: laporan.dueAt ? lastDay(laporan.dueAt, lang) : "-",
                level: laporan.referredTo ? t(`cases.level.${laporan.referredTo as "ri"}`) : "-",
              })}
            </p>
            {laporan.missing.length ? (
              <ul data-testid="case-missing">
                {laporan.missing.map((m) => (
                  <li key={m}>{t(`cases.missing.${m}`)}</li>
                ))}
              </ul>
            ) : null}
            {laporan.outcome ? (
              <p data-testid="case-outcome">
                <strong>{t("cases.track.outcome")}:</strong> {t(`cases.outcome.${laporan.outcome}`)}
                {/* The outcome's words name KPU, DKPP or Gakkumdu; another agency is named by the decision. */}
                {laporan.outcome === "other_law" && laporan.destination
                  ? ` — ${t("cases.track.destination")} ${laporan.destination}`
                  : ""}
              </p>
            ) : null}
            {laporan.late ? <p className="muted">{t("cases.late")}</p> : null}
            <p className="muted">
              {category ? category[lang] : report.category}
              {report.tpsCode ? ` · TPS ${report.tpsCode}` : ""}
            </p>
            <h2>{t("report.history")}</h2>
            <ol>
              {laporan.history.map((h, i) => (
                <li key={i}>
                  {t(`cases.state.${h.state}`)} — {when(h.at)}
                </li>
              ))}
            </ol>
          </section>
        ) : report ? (
          <section className="card" data-testid="report-status">
            <p className="tracking-code">{report.trackingCode}</p>
            <p>
              <strong>{t("report.statusLabel")}:</strong>{" "}
              <span data-testid="report-status-text">{t(`report.status.${report.status}`)}</span>
            </p>
            <h2>{t("report.history")}</h2>
            <ol>
              {report.history.map((h, i) => (
                <li key={i}>
                  {t(`report.status.${h.status}`)} — {when(h.at)}
                </li>
              ))}
            </ol>
          </section>
        ) : null}
        {result?.ok ? (
          <p role="status" className="card" data-testid="completed">
            {t("cases.track.completed")}
          </p>
        ) : null}
        {laporan?.state === "incomplete" ? (
          <Form method="post" encType="multipart/form-data" className="stack card" data-testid="complete-form">
            <h2>{t("cases.track.completeTitle")}</h2>
            {result?.message ? (
              <p role="alert" className="error">
                {result.message}
              </p>
            ) : null}
            <label>
              {t("cases.track.completeNote")}
              <textarea name="note" rows={4} maxLength={2000} required />
              {err("note") ? <span className="error">{err("note")}</span> : null}
            </label>
            <label>
              {t("cases.form.evidence", { n: MAX_EVIDENCE_FILES_PUBLIC })}
              <input type="file" name="evidence" multiple accept={DOCUMENT_ACCEPT} />
              {err("evidence") ? <span className="error">{err("evidence")}</span> : null}
            </label>
            <button type="submit" className="primary big" disabled={busy}>
              {t("cases.track.completeSend")}
            </button>
          </Form>
        ) : null}
        <p>
          <Link to="/publik">{t("report.back")}</Link>
        </p>
      </main>
    </>
  );
}
