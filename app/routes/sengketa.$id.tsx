// One petition (`/sengketa/:id`): the KPU decision contested, the parties (the representative's contact for
// staff), the points, the running deadline, the timeline of steps, documents, hearings, and the steps its state
// allows (app/lib/disputes.ts). Every step goes through the writer, audited; one out of order is refused with
// its message. Kept current by `dispute:changed`.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useCallback } from "react";
import { DeadlineBadge } from "~/components/disputes/register-table";
import { PoskoNav } from "~/components/posko-nav";
import { useLive } from "~/components/use-live";
import { DOCUMENT_ACCEPT } from "~/lib/documents";
import {
  allowedActions,
  DOCUMENT_KINDS,
  HEARING_KINDS,
  NOT_ACCEPTED_REASONS,
  OUTCOMES,
  refuseStep,
  type DisputeAction,
  type DisputeState,
} from "~/lib/disputes";
import { lastDay } from "~/lib/deadlines";
import { decisionDay, outcomeText } from "~/lib/disputes-sheet";
import type { LiveEvent } from "~/lib/events";
import { formatDate, formatDateTime, formatSize } from "~/lib/format";
import { caseworkNavMessages } from "~/lib/messages/casework-nav";
import { disputeMessages } from "~/lib/messages/disputes";
import { problem } from "~/lib/problems";
import { regionLabel } from "~/lib/regions";
import { readDocumentKind, readHearing, readStep } from "~/lib/schemas/disputes";
import { useLang, useT } from "~/lib/use-t";
import { headSeq } from "~/models/events.server";
import { getDispute } from "~/models/disputes.server";
import { TopBar } from "~/root";
import { readForm } from "~/utils/admin.server";
import {
  disputeRule,
  documentAs,
  formFields,
  formFile,
  hearingAs,
  presentDispute,
  requireDisputeAccess,
  stepAs,
} from "~/utils/disputes.server";
import { requestLang } from "~/utils/lang.server";
import { pageAction } from "~/utils/page-action.server";
import { isProblem } from "~/lib/problems";
import { requirePageUser } from "~/utils/permissions.server";
import disputeStyles from "~/disputes.css?url";

export const meta: MetaFunction = () => [{ title: "Pantau — Sengketa proses" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: disputeStyles }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "dispute:handle");
  let id: string;
  try {
    id = await requireDisputeAccess(context.sql, user, params.id);
  } catch (error) {
    if (isProblem(error))
      throw new Response(error.code === "not_found" ? "Not Found" : "Forbidden", {
        status: error.code === "not_found" ? 404 : 403,
      });
    throw error;
  }
  const [found, rule, seq] = await Promise.all([
    getDispute(context.sql, { id }),
    disputeRule(context.sql),
    headSeq(context.sql),
  ]);
  if (!found) throw new Response("Not Found", { status: 404 });
  const now = new Date();
  return {
    seq,
    role: user.role,
    ...found,
    dispute: presentDispute(found.dispute, rule, now),
    actions: allowedActions(found.dispute),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "dispute:handle");
  const form = await readForm(request);
  const fields = formFields(form);
  const id = params.id ?? "";
  return pageAction(requestLang(request), async () => {
    if (fields.intent === "hearing") {
      await hearingAs(
        context,
        user,
        id,
        readHearing({ ...fields, confirmAfterDeadline: fields.confirmAfterDeadline === "on" }),
      );
      return { intent: "hearing" };
    }
    if (fields.intent === "document") {
      const kind = readDocumentKind(fields.kind);
      const file = await formFile(form.get("file"));
      if (!file) throw problem.invalidField("file", "required", undefined, "document.required");
      await documentAs(context, user, id, { ...file, kind });
      return { intent: "document" };
    }
    const { intent: _intent, ...rest } = fields;
    const step = readStep(Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== "")));
    const file = await formFile(form.get("file"));
    await stepAs(
      context,
      user,
      id,
      step,
      file ? { ...file, kind: step.action === "decide" ? "decision" : "other" } : null,
    );
    return { intent: step.action };
  });
}

export default function DisputePage() {
  const { seq, role, dispute: d, contact, steps, hearings, documents, actions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT(disputeMessages, caseworkNavMessages);
  const lang = useLang();
  const revalidator = useRevalidator();
  const onEvents = useCallback(
    (events: LiveEvent[]) => {
      if (events.some((e) => e.type === "dispute:changed" && e.data.id === d.id)) revalidator.revalidate();
    },
    [revalidator, d.id],
  );
  const status = useLive({ seq, onEvents });
  const errors = result && !result.ok ? result.errors : [];
  const err = (field: string) => {
    const e = errors.find((f) => f.field === field);
    return e ? <span className="field-error">{e.message}</span> : null;
  };
  const outcome = outcomeText(d, lang);
  return (
    <>
      <TopBar title={t("dispute.nav")} />
      <PoskoNav role={role} />
      <main className="page wide dispute-page">
        <p className="small">
          <Link to="/sengketa">← {t("dispute.back")}</Link>
        </p>
        <h1 data-testid="dispute-number">{d.registerNumber ?? t("dispute.notRegistered")}</h1>
        <p className="row">
          <span className={`badge dispute-state-${d.state}`} data-testid="dispute-state">
            {t(`dispute.state.${d.state}`)}
          </span>
          <DeadlineBadge deadline={d.deadline} />
          {d.late ? <span className="badge deadline-overdue">{t("dispute.late")}</span> : null}
          <span className={`live-status ${status} small`} role="status">
            {status === "live" ? `● ${t("dispute.live")}` : t("dispute.reconnecting")}
          </span>
        </p>
        {d.late ? <p className="notice small">{t("dispute.lateHint", { due: lastDay(d.filingDue, lang) })}</p> : null}
        {result ? (
          result.ok ? (
            <p role="status" className="notice" data-testid="dispute-saved">
              {t("dispute.saved")}
            </p>
          ) : (
            <p role="alert" className="error" data-testid="dispute-error">
              {result.message}
            </p>
          )
        ) : null}
        <div className="dispute-grid">
          <div>
            <section className="dispute-card">
              <h2>{t("dispute.section.decision")}</h2>
              <dl>
                <dt>{t("dispute.field.respondent")}</dt>
                <dd>
                  {d.respondent} ({regionLabel(d.regionKind, d.regionName)})
                </dd>
                <dt>{t("dispute.field.decisionNumber")}</dt>
                <dd>{d.decisionNumber}</dd>
                <dt>{t("dispute.field.decisionDate")}</dt>
                <dd>{decisionDay(d.decisionDate, lang)}</dd>
                <dt>{t("dispute.field.decisionSubject")}</dt>
                <dd>{d.decisionSubject}</dd>
                <dt>{t("dispute.col.filed")}</dt>
                <dd>{formatDateTime(d.filedAt, lang)}</dd>
                <dt>{t("dispute.filingDue")}</dt>
                <dd>{lastDay(d.filingDue, lang)}</dd>
              </dl>
            </section>
            <section className="dispute-card">
              <h2>{t("dispute.section.parties")}</h2>
              <dl>
                <dt>{t("dispute.field.applicantName")}</dt>
                <dd>
                  {d.applicantName} ({t(`dispute.kind.${d.applicantKind}` as "dispute.kind.party")})
                </dd>
                <dt>{t("dispute.field.repName")}</dt>
                <dd>
                  {d.repName}
                  {contact.repPhone || contact.repAddress ? (
                    <div className="small muted">
                      {[contact.repAddress, contact.repPhone].filter(Boolean).join(" · ")} ({t("dispute.staffOnly")})
                    </div>
                  ) : null}
                </dd>
                <dt>{t("dispute.col.respondent")}</dt>
                <dd>{d.respondent}</dd>
                <dt>{t("dispute.col.related")}</dt>
                <dd>{d.relatedParties.join(", ") || "—"}</dd>
              </dl>
            </section>
            <section className="dispute-card">
              <h2>{t("dispute.section.points")}</h2>
              <p className="pre-line">{d.points}</p>
              {d.missing ? <p className="notice small">{t("dispute.missingList", { missing: d.missing })}</p> : null}
            </section>
            {outcome || d.agreement ? (
              <section className="dispute-card" data-testid="dispute-outcome">
                <h2>{t("dispute.section.outcome")}</h2>
                {outcome ? (
                  <p>
                    <strong>{outcome}</strong>
                  </p>
                ) : null}
                {d.decisionText ? <p className="pre-line">{d.decisionText}</p> : null}
                {d.agreement ? <p className="pre-line">{d.agreement}</p> : null}
                {d.closingNote ? <p className="pre-line">{d.closingNote}</p> : null}
              </section>
            ) : null}
            <section className="dispute-card">
              <h2>{t("dispute.section.timeline")}</h2>
              <ol className="dispute-timeline" data-testid="dispute-timeline">
                {steps.map((s, i) => (
                  <li key={i}>
                    <strong>{t(`dispute.action.${s.action}` as "dispute.action.file")}</strong>{" "}
                    <span className="small muted">
                      {formatDateTime(s.at, lang)}
                      {s.actor ? ` · ${t("dispute.by", { name: s.actor })}` : ""}
                    </span>
                    {s.note ? <div className="small pre-line">{s.note}</div> : null}
                  </li>
                ))}
              </ol>
            </section>
          </div>
          <div>
            <section className="dispute-card dispute-actions" data-testid="dispute-actions">
              <h2>{t("dispute.section.actions")}</h2>
              {actions.length === 0 ? <p className="muted">{t("dispute.noActions")}</p> : null}
              {actions.map((a) => (
                <StepForm key={a} action={a} err={err} reasons={reasonsFor(d)} />
              ))}
            </section>
            <section className="dispute-card" data-testid="dispute-hearings">
              <h2>{t("dispute.section.hearings")}</h2>
              {hearings.length === 0 ? <p className="muted small">{t("dispute.noHearings")}</p> : null}
              <ul>
                {hearings.map((h) => (
                  <li key={h.id}>
                    <strong>{t(`dispute.hearing.${h.kind}`)}</strong> {formatDateTime(h.startsAt, lang)} · {h.place}
                    <div className="small">{h.agenda}</div>
                    {h.afterDeadline ? (
                      <span className="badge deadline-overdue">{t("dispute.hearing.afterDeadline")}</span>
                    ) : null}
                  </li>
                ))}
              </ul>
              {["registered", "mediation", "adjudication"].includes(d.state) ? (
                <Form method="post" className="stack dispute-actions" data-testid="hearing-form">
                  <input type="hidden" name="intent" value="hearing" />
                  <label>
                    {t("dispute.field.kind")}
                    <select name="kind" defaultValue={d.state === "adjudication" ? "adjudication" : "mediation"}>
                      {HEARING_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {t(`dispute.hearing.${k}`)}
                        </option>
                      ))}
                    </select>
                  </label>
                  <div className="row">
                    <label>
                      {t("dispute.field.date")}
                      <input type="date" name="date" required />
                      {err("date")}
                    </label>
                    <label>
                      {t("dispute.field.time")}
                      <input type="time" name="time" required />
                      {err("time")}
                    </label>
                  </div>
                  <label>
                    {t("dispute.field.place")}
                    <input name="place" required maxLength={200} />
                    {err("place")}
                  </label>
                  <label>
                    {t("dispute.field.agenda")}
                    <input name="agenda" required maxLength={1000} />
                    {err("agenda")}
                  </label>
                  <label className="check">
                    <input type="checkbox" name="confirmAfterDeadline" /> {t("dispute.field.confirmAfterDeadline")}
                  </label>
                  {d.decisionDue ? (
                    <p className="small muted">
                      {t("dispute.deadline.decision")}: {lastDay(d.decisionDue, lang)}
                    </p>
                  ) : null}
                  <button type="submit">{t("dispute.addHearing")}</button>
                </Form>
              ) : null}
            </section>
            <section className="dispute-card" data-testid="dispute-documents">
              <h2>{t("dispute.section.documents")}</h2>
              {documents.length === 0 ? <p className="muted small">{t("dispute.noDocuments")}</p> : null}
              <ul>
                {documents.map((doc) => (
                  <li key={doc.id}>
                    <a href={`/api/v1/disputes/${d.id}/documents/${doc.id}`} download>
                      {doc.fileName}
                    </a>{" "}
                    <span className="small muted">
                      {t(`dispute.doc.${doc.label}` as "dispute.doc.other")} · {formatSize(doc.sizeBytes, lang)} ·{" "}
                      {formatDate(doc.createdAt, lang)}
                    </span>
                  </li>
                ))}
              </ul>
              <Form method="post" encType="multipart/form-data" className="stack dispute-actions">
                <input type="hidden" name="intent" value="document" />
                <label>
                  {t("dispute.field.documentKind")}
                  <select name="kind" defaultValue="evidence">
                    {DOCUMENT_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t(`dispute.doc.${k}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <input type="file" name="file" accept={DOCUMENT_ACCEPT} aria-label={t("dispute.addDocument")} />
                {err("file")}
                <button type="submit">{t("dispute.upload")}</button>
              </Form>
            </section>
          </div>
        </div>
      </main>
    </>
  );
}

/** The reasons a petition may be declared not accepted for (the server checks the same: refuseStep). */
const reasonsFor = (d: { late: boolean; state: string }) =>
  NOT_ACCEPTED_REASONS.filter(
    (r) => refuseStep({ late: d.late, state: d.state as DisputeState }, { action: "not_accept", reason: r }) === null,
  );

/** One step's form: the fields the step needs (what is missing, the agreement, the decision, the reason). */
function StepForm({
  action,
  err,
  reasons,
}: {
  action: DisputeAction;
  err: (field: string) => React.ReactNode;
  reasons: readonly (typeof NOT_ACCEPTED_REASONS)[number][];
}) {
  const t = useT(disputeMessages, caseworkNavMessages);
  const busy = useNavigation().state !== "idle";
  return (
    <Form
      method="post"
      encType={action === "decide" ? "multipart/form-data" : undefined}
      className="stack"
      data-testid={`step-${action}`}
    >
      <input type="hidden" name="intent" value="step" />
      <input type="hidden" name="action" value={action} />
      {action === "mark_incomplete" ? (
        <label>
          {t("dispute.field.missing")}
          <textarea name="missing" required maxLength={2000} rows={2} />
          {err("missing")}
        </label>
      ) : null}
      {action === "agree" ? (
        <label>
          {t("dispute.field.agreement")}
          <textarea name="agreement" required maxLength={5000} rows={3} />
          {err("agreement")}
        </label>
      ) : null}
      {action === "decide" ? (
        <>
          <label>
            {t("dispute.field.outcome")}
            <select name="outcome" required defaultValue="">
              <option value="" disabled>
                —
              </option>
              {OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {t(`dispute.outcome.${o}`)}
                </option>
              ))}
            </select>
            {err("outcome")}
          </label>
          <label>
            {t("dispute.field.decision")}
            <textarea name="decision" required maxLength={5000} rows={3} />
            {err("decision")}
          </label>
          <label>
            {t("dispute.field.decisionFile")}
            <input type="file" name="file" accept={DOCUMENT_ACCEPT} />
            {err("file")}
          </label>
        </>
      ) : null}
      {action === "not_accept" ? (
        <>
          <label>
            {t("dispute.field.reason")}
            <select name="reason" required defaultValue="">
              <option value="" disabled>
                —
              </option>
              {reasons.map((r) => (
                <option key={r} value={r}>
                  {t(`dispute.reason.${r}`)}
                </option>
              ))}
            </select>
            {err("reason")}
          </label>
          <label>
            {t("dispute.field.note")}
            <input name="note" maxLength={2000} />
          </label>
        </>
      ) : null}
      <button type="submit" className={action === "not_accept" ? undefined : "primary"} disabled={busy}>
        {t(`dispute.action.${action}`)}
      </button>
    </Form>
  );
}
