// A TPS's supervision report (Form A) for the command post: the submitted version (or, before one, the day
// as it stands), printable on A4 with one page per section, page numbers and the places to sign; accepting
// it (after which its officer cannot replace it) and uploading the signed scan into the documents store.
// Staff who may read reports, each within their area; every view is audited (decision 048).
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { PrintedNote, ReportSections } from "~/components/forma/report-sections";
import { PrintPage, SignatureBlock } from "~/components/paper";
import { PoskoNav } from "~/components/posko-nav";
import { DOCUMENT_ACCEPT } from "~/lib/documents";
import { formatDateTime, formatSize } from "~/lib/format";
import { commonMessages } from "~/lib/messages/common";
import { formaMessages } from "~/lib/messages/forma";
import { papersMessages } from "~/lib/messages/papers";
import { isProblem } from "~/lib/problems";
import { TPS_CODE } from "~/lib/schemas";
import { useLang, useT } from "~/lib/use-t";
import { listDocuments } from "~/models/documents.server";
import { getSetting } from "~/models/settings.server";
import { acceptReport, REPORT_DOCUMENT_KIND } from "~/models/supervision-reports.server";
import { TopBar } from "~/root";
import { auditView, reportForReader, saveScan } from "~/utils/forma.server";
import { requestLang } from "~/utils/lang.server";
import { canAcceptReport, requirePageAccess, requirePageUser } from "~/utils/permissions.server";

export const meta: MetaFunction = () => [{ title: "Pantau — Laporan pengawasan TPS" }];

/** A refusal of the rules as the page's answer: 404 for no such TPS, 403 for another area, 409 and 422 as such. */
async function asPage<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!isProblem(error)) throw error;
    const status =
      error.code === "not_found" ? 404 : error.code === "invalid" ? 422 : error.code === "report_accepted" ? 409 : 403;
    throw new Response(error.code, { status });
  }
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "report:read");
  const tpsCode = params.tps ?? "";
  if (!TPS_CODE.test(tpsCode)) throw new Response("Not found", { status: 404 });
  const found = await asPage(() => reportForReader(context, { user, tpsCode }));
  const [scans, papers] = await Promise.all([
    listDocuments(context.sql, REPORT_DOCUMENT_KIND, tpsCode),
    getSetting(context.sql, "papers"),
  ]);
  await auditView(context, user, {
    action: "supervision_report.view",
    entity: `tps:${tpsCode}`,
    after: { version: found.report?.version ?? null },
  });
  return {
    role: user.role,
    tpsCode,
    mayAccept: canAcceptReport(user, found.tps),
    report: found.report,
    content: found.content,
    notes: found.notes,
    scans: scans.map((d) => ({
      id: d.id,
      label: d.label,
      fileName: d.fileName,
      sizeBytes: d.sizeBytes,
      createdAt: new Date(d.createdAt).toISOString(),
    })),
    papers,
    now: new Date().toISOString(),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "report:read");
  const tpsCode = params.tps ?? "";
  if (!TPS_CODE.test(tpsCode)) throw new Response("Not found", { status: 404 });
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new Response("The form could not be read.", { status: 400 });
  }
  const intent = form.get("intent");
  if (intent === "accept") {
    const { tps } = await asPage(() => reportForReader(context, { user, tpsCode }));
    requirePageAccess(canAcceptReport(user, tps));
    await asPage(() => context.writer.write((ctx) => acceptReport(ctx, { user, tpsCode })));
    return redirect(`/laporan/${tpsCode}?ok=accepted`);
  }
  if (intent === "scan") {
    await asPage(() => saveScan(context, { user, tpsCode, file: form.get("file"), lang: requestLang(request) }));
    return redirect(`/laporan/${tpsCode}?ok=scan`);
  }
  throw new Response("Unknown intent", { status: 400 });
}

export default function SupervisionReportPaper() {
  const { role, tpsCode, mayAccept, report, content, notes, scans, papers, now } = useLoaderData<typeof loader>();
  const t = useT(formaMessages, papersMessages, commonMessages);
  const lang = useLang();
  const busy = useNavigation().state !== "idle";
  const ok = useSearchParams()[0].get("ok");
  return (
    <>
      <div className="no-print">
        <TopBar title={t("forma.title")} />
        <PoskoNav role={role} />
      </div>
      <main className="page forma-paper" data-testid="forma-paper">
        <div className="no-print card forma-actions">
          <p role="status" data-testid="forma-paper-state">
            {report
              ? report.acceptedAt
                ? t("forma.accepted", { time: formatDateTime(report.acceptedAt, lang), name: report.acceptedBy ?? "" })
                : t("forma.version", {
                    version: report.version,
                    time: formatDateTime(report.submittedAt, lang),
                    name: report.submittedBy,
                  })
              : t("forma.noReport")}
          </p>
          {ok === "accepted" ? <p role="status">{t("forma.acceptedOk")}</p> : null}
          {ok === "scan" ? <p role="status">{t("forma.scanSaved")}</p> : null}
          <div className="row">
            <button type="button" className="primary" onClick={() => window.print()}>
              {t("forma.print")}
            </button>
            {report && !report.acceptedAt && mayAccept ? (
              <Form method="post">
                <input type="hidden" name="intent" value="accept" />
                <button type="submit" disabled={busy} data-testid="forma-accept">
                  {t("forma.accept")}
                </button>
              </Form>
            ) : null}
          </div>
          <h2>{t("forma.scan")}</h2>
          {scans.length ? (
            <ul data-testid="forma-scans">
              {scans.map((s) => (
                <li key={s.id}>
                  <a href={`/api/v1/archive/documents/${s.id}`}>{s.fileName}</a> · {formatSize(s.sizeBytes, lang)} ·{" "}
                  {formatDateTime(s.createdAt, lang)}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t("forma.noScans")}</p>
          )}
          <Form method="post" encType="multipart/form-data" className="row">
            <input type="hidden" name="intent" value="scan" />
            <label>
              {t("forma.scanUpload")} <input type="file" name="file" accept={DOCUMENT_ACCEPT} required />
            </label>
            <button type="submit" disabled={busy}>
              {t("forma.scanUpload")}
            </button>
          </Form>
        </div>
        <ReportSections
          report={content}
          note={(section) => <PrintedNote text={notes[section]} />}
          footer={
            <SignatureBlock
              place={papers.place}
              at={report?.submittedAt ?? now}
              signers={[
                { role: t("forma.signOfficer"), name: content.identity.officer?.name ?? "" },
                { role: t("forma.signReceiver"), name: "" },
              ]}
            />
          }
        />
        <PrintPage
          name="forma"
          size="A4"
          footer={`${papers.letterhead} · ${t("forma.title")} · TPS ${tpsCode}${
            report
              ? ` · ${t("forma.version", { version: report.version, time: formatDateTime(report.submittedAt, lang), name: report.submittedBy })}`
              : ""
          }`}
        />
      </main>
    </>
  );
}
