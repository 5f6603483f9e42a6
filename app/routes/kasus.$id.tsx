// /kasus/:id: one violation case for the case officers of its region: what was reported (the reporter's
// identity and witnesses are shown here only), its deadlines, the whole timeline, the documents, and a form
// for each step its state allows (app/lib/cases.ts allowedSteps; the server refuses the others with 409).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { PoskoNav } from "~/components/posko-nav";
import { useLive } from "~/components/use-live";
import { allowedSteps, CASE_OUTCOMES, MISSING_ITEMS, REFERRAL_LEVELS, type CaseStep } from "~/lib/cases";
import { DOCUMENT_ACCEPT } from "~/lib/documents";
import { lastDay } from "~/lib/deadlines";
import { formatDate, formatDateTime } from "~/lib/format";
import { casesMessages } from "~/lib/messages/cases";
import { commandPostMessages } from "~/lib/messages/command-post";
import { useLang, useT } from "~/lib/use-t";
import { attachCaseDocument, getCase } from "~/models/cases.server";
import { headSeq } from "~/models/events.server";
import { TopBar } from "~/root";
import { caseId, caseStep, createTemuan, evidenceOf } from "~/utils/case-actions.server";
import { requestLang } from "~/utils/lang.server";
import { pageRefusal } from "~/utils/page-action.server";
import { requirePageAccess, requirePageUser } from "~/utils/permissions.server";
import type { FieldError } from "~/utils/problem-answer.server";
import { redirect } from "@remix-run/node";
import { problem } from "~/lib/problems";

export const meta: MetaFunction = () => [{ title: "Pantau — Kasus" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "case:handle");
  let id: string;
  try {
    id = caseId(params.id);
  } catch {
    throw new Response("Not found", { status: 404 });
  }
  const found = await getCase(context.sql, { id, user });
  requirePageAccess(!!found);
  return { role: user.role, c: found!, seq: await headSeq(context.sql) };
}

type Result = { ok?: boolean; message?: string; errors?: FieldError[] };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "case:handle");
  const lang = requestLang(request);
  const id = caseId(params.id);
  const intent = new URL(request.url).searchParams.get("do");
  let raised = "";
  const refused = await pageRefusal(lang, {}, async () => {
    if (intent === "temuan") ({ id: raised } = await createTemuan(request, context, user));
    else if (intent === "document") {
      const form = await request.formData();
      const [file] = await evidenceOf(form, "document", 1);
      if (!file) throw problem.invalid([{ field: "document", code: "required", key: "document.required" }]);
      const label = String(form.get("label") ?? "").slice(0, 200) || file.fileName;
      await context.writer.write((ctx) => attachCaseDocument(ctx, { user, id, label, file }));
    } else await caseStep(request, context, { user, id });
  });
  if (refused) return refused;
  if (raised) return redirect(`/kasus/${raised}`);
  return { ok: true } satisfies Result;
}

export default function CasePage() {
  const { role, c, seq } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as Result | undefined;
  const t = useT(casesMessages, commandPostMessages);
  const lang = useLang();
  const busy = useNavigation().state !== "idle";
  const revalidator = useRevalidator();
  useLive({
    seq,
    onEvents: (events) => {
      if (events.some((e) => e.type === "case:changed" && e.data.id === c.id)) revalidator.revalidate();
    },
  });
  const steps = allowedSteps(c);
  const when = (iso: string | null) => (iso ? formatDateTime(iso, lang) : "-");
  const deadline = (iso: string | null) => (iso ? lastDay(iso, lang) : "-");
  const err = (field: string) => result?.errors?.find((e) => e.field.startsWith(field))?.message;
  const stepForm = (step: CaseStep) => {
    const fields = (() => {
      switch (step) {
        case "mark_incomplete":
          return (
            <fieldset>
              <legend>{t("cases.missing")}</legend>
              {MISSING_ITEMS.map((m) => (
                <label key={m} className="check">
                  <input type="checkbox" name="missing" value={m} /> {t(`cases.missing.${m}`)}
                </label>
              ))}
            </fieldset>
          );
        case "not_register":
        case "extend":
          return (
            <label>
              {t("cases.reason")}
              <textarea name="reason" rows={2} maxLength={2000} required />
            </label>
          );
        case "refer":
          return (
            <label>
              {t("cases.level")}
              <select name="level">
                {REFERRAL_LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {t(`cases.level.${l}`)}
                  </option>
                ))}
              </select>
            </label>
          );
        case "invite":
          return (
            <>
              <label>
                {t("cases.invitationWho")}
                <input name="who" maxLength={200} required />
              </label>
              <label>
                {t("cases.invitationWhen")}
                <input name="when" type="datetime-local" required />
              </label>
              <label>
                {t("cases.invitationWhere")}
                <input name="where" maxLength={200} required />
              </label>
            </>
          );
        case "minutes":
          return (
            <>
              <label>
                {t("cases.minutesText")}
                <textarea name="note" rows={3} maxLength={4000} required />
              </label>
              <label>
                {t("cases.addDocument")}
                <input type="file" name="document" accept={DOCUMENT_ACCEPT} />
              </label>
            </>
          );
        case "assess":
          return (
            <label>
              {t("cases.assessmentText")}
              <textarea name="assessment" rows={3} maxLength={4000} required />
            </label>
          );
        case "decide":
          return (
            <>
              <label>
                {t("cases.outcome")}
                <select name="outcome">
                  {CASE_OUTCOMES.map((o) => (
                    <option key={o} value={o}>
                      {t(`cases.outcome.${o}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t("cases.agency")}
                <input name="agency" maxLength={200} />
              </label>
            </>
          );
        case "follow_up":
        case "note":
          return (
            <label>
              {step === "follow_up" ? t("cases.followUpText") : t("cases.note")}
              <textarea name="note" rows={2} maxLength={2000} required />
            </label>
          );
        default:
          return (
            <label>
              {t("cases.note")}
              <input name="note" maxLength={2000} />
            </label>
          );
      }
    })();
    return (
      <details key={step} className="case-step" open={step !== "note" && steps.length <= 2}>
        <summary>{t(`cases.step.${step}`)}</summary>
        <Form method="post" encType="multipart/form-data" className="stack" data-testid={`step-${step}`}>
          <input type="hidden" name="step" value={step} />
          {fields}
          <button type="submit" className="primary" disabled={busy}>
            {t(`cases.step.${step}`)}
          </button>
        </Form>
      </details>
    );
  };
  return (
    <>
      <TopBar title={t("posko.title")} />
      <PoskoNav role={role} />
      <main className="page wide case-page">
        <p>
          <Link to="/kasus">← {t("cases.title")}</Link>
        </p>
        <h1 data-testid="case-title">
          {t(`cases.kind.${c.kind}`)} {c.registrationNumber ?? c.trackingCode ?? t("cases.unregistered")}
        </h1>
        <p>
          <strong data-testid="case-state">{t(`cases.state.${c.state}`)}</strong>
          {c.dueAt ? (
            <>
              {" · "}
              {t("cases.dueAt")} {deadline(c.dueAt)}
              {c.deadline && c.deadline !== "on_time" ? (
                <strong className={`deadline-badge ${c.deadline}`} data-testid="deadline-badge">
                  {" "}
                  {t(`cases.deadline.${c.deadline}`)}
                </strong>
              ) : null}
            </>
          ) : null}
          {c.late ? <span className="warning"> · {t("cases.late")}</span> : null}
        </p>
        {result?.message ? (
          <p role="alert" className="error" data-testid="step-error">
            {result.message}
            {result.errors?.length ? ` (${result.errors.map((e) => e.message).join("; ")})` : ""}
          </p>
        ) : null}
        <div className="case-columns">
          <section className="card">
            <dl className="case-facts">
              <dt>{t("cases.col.place")}</dt>
              <dd>
                {c.regionName ?? "-"}
                {c.kecamatanName ? `, ${c.kecamatanName}` : ""}
                {c.tpsCode ? ` · TPS ${c.tpsCode}` : ""}
                {c.place ? ` · ${c.place}` : ""}
              </dd>
              <dt>{t("cases.occurredOn")}</dt>
              <dd>{c.occurredOn ? formatDate(`${c.occurredOn}T12:00:00+07:00`, lang) : "-"}</dd>
              <dt>{t("cases.knownOn")}</dt>
              <dd>{c.knownOn ? formatDate(`${c.knownOn}T12:00:00+07:00`, lang) : "-"}</dd>
              <dt>{t("cases.reportedParty")}</dt>
              <dd>{c.reportedParty ?? "-"}</dd>
              <dt>{t("cases.account")}</dt>
              <dd className="pre">{c.account}</dd>
              {c.reporter ? (
                <>
                  <dt>{t("cases.reporter")}</dt>
                  <dd data-testid="reporter">
                    {c.reporter.name} · {t(`cases.reporterType.${c.reporter.type}`)} · NIK {c.reporter.nik} ·{" "}
                    {c.reporter.phone} · {c.reporter.address}
                  </dd>
                </>
              ) : null}
              {c.witnesses.length ? (
                <>
                  <dt>{t("cases.witnesses")}</dt>
                  <dd>{c.witnesses.map((w) => `${w.name}${w.contact ? ` (${w.contact})` : ""}`).join("; ")}</dd>
                </>
              ) : null}
              {c.missing.length ? (
                <>
                  <dt>{t("cases.missing")}</dt>
                  <dd>{c.missing.map((m) => t(`cases.missing.${m}`)).join(", ")}</dd>
                </>
              ) : null}
              {c.outcome ? (
                <>
                  <dt>{t("cases.outcome")}</dt>
                  <dd data-testid="case-outcome">
                    {t(`cases.outcome.${c.outcome}`)}
                    {c.outcomeAgency ? ` — ${c.outcomeAgency}` : ""}
                  </dd>
                </>
              ) : null}
              <dt>{t("cases.reviewDue")}</dt>
              <dd>{deadline(c.reviewDueAt)}</dd>
              {c.completeDueAt ? (
                <>
                  <dt>{t("cases.completeDue")}</dt>
                  <dd>{deadline(c.completeDueAt)}</dd>
                </>
              ) : null}
              {c.handlingDueAt ? (
                <>
                  <dt>{t("cases.handlingDue")}</dt>
                  <dd>
                    {deadline(c.handlingDueAt)}
                    {c.extendedAt ? ` (${t("cases.extended")}: ${c.extensionReason ?? ""})` : ""}
                  </dd>
                </>
              ) : null}
              {c.incidentId ? (
                <>
                  <dt>{t("cases.raisedFrom")}</dt>
                  <dd>
                    {t("cases.incident")} {c.incidentId.slice(0, 8)}
                  </dd>
                </>
              ) : null}
              {c.sourceCaseId ? (
                <>
                  <dt>{t("cases.raisedFrom")}</dt>
                  <dd>
                    <Link to={`/kasus/${c.sourceCaseId}`}>{t("cases.kind.laporan")}</Link>
                  </dd>
                </>
              ) : null}
              {c.raisedAs.length ? (
                <>
                  <dt>{t("cases.raisedAs")}</dt>
                  <dd>
                    {c.raisedAs.map((r) => (
                      <Link key={r.id} to={`/kasus/${r.id}`}>
                        {r.registrationNumber ?? t("cases.kind.temuan")}
                      </Link>
                    ))}
                  </dd>
                </>
              ) : null}
            </dl>
            <h2>{t("cases.documents")}</h2>
            {c.documents.length ? (
              <ul data-testid="case-documents">
                {c.documents.map((d) => (
                  <li key={d.id}>
                    <a href={`/api/v1/cases/${c.id}/documents/${d.id}`} download>
                      {d.label}: {d.fileName}
                    </a>{" "}
                    <span className="muted small">{when(d.createdAt)}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t("cases.noDocuments")}</p>
            )}
            <Form method="post" action="?do=document" encType="multipart/form-data" className="row">
              <label>
                {t("cases.documentLabel")}
                <input name="label" maxLength={200} />
              </label>
              <input type="file" name="document" accept={DOCUMENT_ACCEPT} required />
              <button type="submit">{t("cases.addDocument")}</button>
              {err("document") ? <span className="error">{err("document")}</span> : null}
            </Form>
          </section>
          <section className="card">
            <h2>{t("cases.actions")}</h2>
            {steps.length ? steps.map(stepForm) : <p className="muted">{t("cases.noActions")}</p>}
            {c.kind === "laporan" && !c.raisedAs.length ? (
              <Form method="post" action="?do=temuan" className="stack">
                <input type="hidden" name="caseId" value={c.id} />
                <input type="hidden" name="account" value={c.account.slice(0, 4000)} />
                <button type="submit">{t("cases.temuanFromCase")}</button>
              </Form>
            ) : null}
            <h2>{t("cases.timeline")}</h2>
            <ol className="case-timeline" data-testid="case-timeline">
              {c.steps.map((s, i) => (
                <li key={i}>
                  <strong>{t(`cases.step.${s.action as CaseStep}`)}</strong> →{" "}
                  {t(`cases.state.${s.toState as "received"}`)}
                  {" · "}
                  {when(s.at)}
                  {s.actor ? ` · ${s.actor}` : ""}
                  {s.note ? <div className="small pre">{s.note}</div> : null}
                  {typeof s.details.registrationNumber === "string" ? (
                    <div className="small">{s.details.registrationNumber}</div>
                  ) : null}
                  {s.details.invitation ? (
                    <div className="small">
                      {Object.values(s.details.invitation as Record<string, string>).join(" · ")}
                    </div>
                  ) : null}
                </li>
              ))}
            </ol>
          </section>
        </div>
      </main>
    </>
  );
}
