// /kasus: the violation cases of the case officer's region (admins: all), overdue and due-soon first and
// marked; filters (kind, state, deadline, kecamatan, period, text) in the URL, the same as its CSV twin
// (/api/v1/cases.csv). A new temuan from an observation is raised here. Reloads when a case changes.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, redirect, useActionData, useLoaderData, useRevalidator, useSearchParams } from "@remix-run/react";
import { PoskoNav } from "~/components/posko-nav";
import { RegionFilter } from "~/components/region-filter";
import { useLive } from "~/components/use-live";
import { CASE_KINDS, CASE_STATES } from "~/lib/cases";
import { lastDay } from "~/lib/deadlines";
import { formatDateTime } from "~/lib/format";
import { casesMessages } from "~/lib/messages/cases";
import { commandPostMessages } from "~/lib/messages/command-post";
import { regionLabel } from "~/lib/regions";
import { useLang, useT } from "~/lib/use-t";
import { caseRegions, listCases } from "~/models/cases.server";
import { headSeq } from "~/models/events.server";
import { TopBar } from "~/root";
import { caseFilters, createTemuan } from "~/utils/case-actions.server";
import { requestLang } from "~/utils/lang.server";
import { pageRefusal } from "~/utils/page-action.server";
import { requirePageUser } from "~/utils/permissions.server";
import type { FieldError } from "~/utils/problem-answer.server";

export const meta: MetaFunction = () => [{ title: "Pantau — Kasus pelanggaran" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "case:handle");
  const url = new URL(request.url);
  let filters;
  try {
    filters = caseFilters(url);
  } catch {
    filters = {};
  }
  const [cases, seq, kecamatan, kelurahan] = await Promise.all([
    listCases(context.sql, { user, filters }),
    headSeq(context.sql),
    caseRegions(context.sql, { user, level: "kecamatan", limit: 500 }),
    // The temuan form's place: the kelurahan/desa of the region.
    caseRegions(context.sql, { user, level: "kelurahan", limit: 2000 }),
  ]);
  return { role: user.role, cases, seq, kecamatan, kelurahan, query: url.search };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "case:handle");
  const lang = requestLang(request);
  let id = "";
  const refused = await pageRefusal(lang, {}, async () => {
    ({ id } = await createTemuan(request, context, user));
  });
  return refused ?? redirect(`/kasus/${id}`);
}

export default function Cases() {
  const { role, cases, seq, kecamatan, kelurahan, query } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as { message?: string; errors?: FieldError[] } | undefined;
  const t = useT(casesMessages, commandPostMessages);
  const lang = useLang();
  const [params] = useSearchParams();
  const revalidator = useRevalidator();
  useLive({
    seq,
    onEvents: (events) => {
      if (events.some((e) => e.type === "case:changed")) revalidator.revalidate();
    },
  });
  const select = (name: string, values: readonly string[], label: (v: string) => string) => (
    <select name={name} defaultValue={params.get(name) ?? ""}>
      <option value="">{t("cases.filter.all")}</option>
      {values.map((v) => (
        <option key={v} value={v}>
          {label(v)}
        </option>
      ))}
    </select>
  );
  return (
    <>
      <TopBar title={t("posko.title")} />
      <PoskoNav role={role} />
      <main className="page wide cases-page">
        <h1>{t("cases.title")}</h1>
        <Form method="get" className="recap-filter cases-filter no-print">
          <label>
            {t("cases.filter.kind")}
            {select("kind", CASE_KINDS, (v) => t(`cases.kind.${v as "laporan"}`))}
          </label>
          <label>
            {t("cases.filter.state")}
            {select("state", CASE_STATES, (v) => t(`cases.state.${v as "received"}`))}
          </label>
          <label>
            {t("cases.filter.deadline")}
            {select("deadline", ["overdue", "due_soon", "on_time"], (v) => t(`cases.deadline.${v as "overdue"}`))}
          </label>
          <RegionFilter
            name="area"
            label={t("cases.filter.area")}
            allLabel={t("cases.filter.all")}
            regions={kecamatan}
            value={params.get("area")}
          />
          <label>
            {t("cases.filter.from")}
            <input type="date" name="from" defaultValue={params.get("from") ?? ""} />
          </label>
          <label>
            {t("cases.filter.to")}
            <input type="date" name="to" defaultValue={params.get("to") ?? ""} />
          </label>
          <label>
            {t("cases.filter.q")}
            <input name="q" maxLength={100} defaultValue={params.get("q") ?? ""} />
          </label>
          <button type="submit" className="primary">
            {t("cases.filter.apply")}
          </button>
          <a className="button" href={`/api/v1/cases.csv${query}`} download>
            {t("cases.csv")}
          </a>
          <Link className="button" to="/kasus/rekap">
            {t("cases.recapNav")}
          </Link>
        </Form>
        {cases.length === 0 ? (
          <p className="muted">{t("cases.none")}</p>
        ) : (
          <div className="table-scroll">
            <table className="recap-table cases-table" data-testid="cases-table">
              <thead>
                <tr>
                  <th>{t("cases.col.number")}</th>
                  <th>{t("cases.col.kind")}</th>
                  <th>{t("cases.col.state")}</th>
                  <th>{t("cases.col.place")}</th>
                  <th>{t("cases.col.received")}</th>
                  <th>{t("cases.col.due")}</th>
                  <th>{t("cases.col.summary")}</th>
                </tr>
              </thead>
              <tbody>
                {cases.map((c) => (
                  <tr key={c.id} className={c.deadline ? `deadline-${c.deadline}` : undefined} data-testid="case-row">
                    <td>
                      <Link to={`/kasus/${c.id}`}>
                        {c.registrationNumber ?? c.trackingCode ?? t("cases.unregistered")}
                      </Link>
                    </td>
                    <td>{t(`cases.kind.${c.kind}`)}</td>
                    <td>{t(`cases.state.${c.state}`)}</td>
                    <td>
                      {c.regionName ?? "-"}
                      {c.tpsCode ? ` · TPS ${Number(c.tpsCode.slice(-3))}` : ""}
                    </td>
                    <td>{formatDateTime(c.receivedAt, lang)}</td>
                    <td>
                      {c.dueAt ? lastDay(c.dueAt, lang) : "-"}
                      {c.deadline && c.deadline !== "on_time" ? (
                        <strong className={`deadline-badge ${c.deadline}`} data-testid="deadline-badge">
                          {" "}
                          {t(`cases.deadline.${c.deadline}`)}
                        </strong>
                      ) : null}
                      {c.extended ? <span className="muted"> ({t("cases.extended")})</span> : null}
                    </td>
                    <td className="small">{c.summary}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <details className="card no-print">
          <summary>{t("cases.newTemuan")}</summary>
          <Form method="post" className="stack">
            <p className="muted">{t("cases.temuanFromObservation")}</p>
            {result?.message ? (
              <p role="alert" className="error">
                {result.message}
              </p>
            ) : null}
            <label>
              {t("cases.kelurahan")}
              <select name="kelurahanCode" required defaultValue="">
                <option value="" disabled>
                  —
                </option>
                {kelurahan.map((k) => (
                  <option key={k.code} value={k.code}>
                    {regionLabel(k.kind, k.name)} ({k.code})
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("cases.tpsNumber")}
              <input name="tpsNumber" inputMode="numeric" maxLength={3} />
            </label>
            <label>
              {t("cases.placeText")}
              <input name="place" maxLength={200} />
            </label>
            <label>
              {t("cases.reportedParty")}
              <input name="reportedParty" maxLength={300} />
            </label>
            <label>
              {t("cases.account")}
              <textarea name="account" rows={4} maxLength={4000} required />
            </label>
            <button type="submit" className="primary">
              {t("cases.newTemuan")}
            </button>
          </Form>
        </details>
      </main>
    </>
  );
}
