// Public report form (no login): a laporan with the formal and material requirements the regulation asks for
// (reporter, reported party, witnesses, place, dates, account, evidence). The place is chosen first, region by
// region down to the kelurahan/desa (a GET form, so it works without JavaScript; levels with one choice are
// skipped), then the TPS by its number there; nobody is asked a TPS code. On success the reporter gets a
// tracking code; a report past the window of days from becoming known is warned about before and after.
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { caseDeadlines, MAX_EVIDENCE_FILES_PUBLIC } from "~/lib/cases";
import { DOCUMENT_ACCEPT, MAX_DOCUMENT_BYTES } from "~/lib/documents";
import { formatDate } from "~/lib/format";
import { casesMessages } from "~/lib/messages/cases";
import { limitsMessages } from "~/lib/messages/limits";
import { publicMessages } from "~/lib/messages/public";
import { regionLabel } from "~/lib/regions";
import { REPORTER_TYPES } from "~/lib/schemas/cases";
import { useLang, useT } from "~/lib/use-t";
import { reportPlaceChoices } from "~/models/cases.server";
import { getSetting } from "~/models/settings.server";
import { TopBar } from "~/root";
import { pageRefusal } from "~/utils/page-action.server";
import { areaParam } from "~/utils/params.server";
import type { FieldError } from "~/utils/problem-answer.server";
import { requestLang } from "~/utils/lang.server";
import { filePublicReport } from "~/utils/public-report.server";

export const meta: MetaFunction = () => [{ title: "Pantau — Laporkan pelanggaran" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const [categories, options, deadlines, place] = await Promise.all([
    getSetting(context.sql, "incident.categories"),
    getSetting(context.sql, "public"),
    getSetting(context.sql, "deadlines"),
    reportPlaceChoices(context.sql, { at: areaParam(url) }),
  ]);
  return {
    categories: categories.filter((c) => c.active),
    enabled: options.reportsEnabled,
    days: { ...deadlines.cases, completionDays: deadlines.cases.completionDays ?? 3 },
    holidays: deadlines.holidays,
    place,
    today: new Date().toISOString(),
  };
}

type Result = {
  trackingCode?: string;
  queued?: boolean;
  late?: boolean;
  message?: string;
  errors?: FieldError[];
};

export async function action({ request, context }: ActionFunctionArgs) {
  const lang = requestLang(request);
  let answer: Result = {};
  const refused = await pageRefusal(lang, {}, async () => {
    const { trackingCode, queued, late } = await filePublicReport(request, context);
    answer = { trackingCode, queued, late };
  });
  return refused ?? answer;
}

export default function Report() {
  const { categories, enabled, days, holidays, place, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as Result | undefined;
  const t = useT(publicMessages, limitsMessages, casesMessages);
  const lang = useLang();
  const busy = useNavigation().state !== "idle";
  const [knownOn, setKnownOn] = useState("");
  const late = knownOn !== "" && caseDeadlines(days, holidays).late(knownOn, today);
  const err = (field: string) =>
    result?.errors?.find((e) => e.field === field || e.field.startsWith(field + "."))?.message;
  const fieldError = (field: string) =>
    err(field) ? (
      <span className="error" id={`${field}-error`}>
        {err(field)}
      </span>
    ) : null;
  const kelurahan = place.chosen?.level === "kelurahan" ? place.chosen : null;
  return (
    <>
      <TopBar title={t("report.title")} />
      <main className="page phone">
        <h1>{t("report.title")}</h1>
        {result?.trackingCode ? (
          <section className="card" role="status">
            {/* Under a flood the report is kept but read later: the reporter is told so. */}
            {result.queued ? <p data-testid="report-queued">{t("limits.reportQueued")}</p> : null}
            {result.late ? (
              <p className="warning" data-testid="report-late">
                {t("cases.form.lateAnswer", { days: days.reportWithinDays })}
              </p>
            ) : null}
            <p>{t("report.sent")}</p>
            <p className="tracking-code" data-testid="tracking-code">
              {result.trackingCode}
            </p>
            <Link className="button primary" to={`/publik/lacak?kode=${result.trackingCode}`}>
              {t("report.trackIt")}
            </Link>
          </section>
        ) : !enabled ? (
          <p role="alert">{t("report.disabled")}</p>
        ) : (
          <>
            <p className="muted">{t("report.intro")}</p>
            <section className="card stack" aria-labelledby="where">
              <h2 id="where">{t("cases.form.whereTitle")}</h2>
              {place.path.length ? (
                <p data-testid="report-place">
                  {place.path.map((r) => regionLabel(r.kind, r.name)).join(", ")}{" "}
                  <Link to={`?wilayah=${place.path.length > 1 ? place.path[place.path.length - 2].code : ""}`}>
                    {t("cases.form.change")}
                  </Link>
                </p>
              ) : null}
              {!kelurahan ? (
                <Form method="get" className="stack">
                  <label>
                    {t("cases.form.chooseRegion")}
                    <select
                      name="wilayah"
                      required
                      defaultValue=""
                      // With JavaScript the next level opens at once; without it, the button below does it.
                      onChange={(e) => e.currentTarget.form?.requestSubmit()}
                    >
                      <option value="" disabled>
                        —
                      </option>
                      {place.children.map((r) => (
                        <option key={r.code} value={r.code}>
                          {regionLabel(r.kind, r.name)}
                        </option>
                      ))}
                    </select>
                  </label>
                  <button type="submit">{t("cases.form.next")}</button>
                </Form>
              ) : null}
            </section>
            {kelurahan ? (
              <Form method="post" encType="multipart/form-data" className="stack card" data-testid="report-form">
                {result?.message ? (
                  <p role="alert" className="error">
                    {result.message}
                  </p>
                ) : null}
                <input type="hidden" name="kelurahanCode" value={kelurahan.code} />
                <label>
                  {t("cases.form.tps")}
                  <select name="tpsNumber" defaultValue="">
                    <option value="">{t("cases.form.notAtTps")}</option>
                    {place.tpsNumbers.map((n) => (
                      <option key={n} value={n}>
                        TPS {n}
                      </option>
                    ))}
                  </select>
                  {fieldError("location.tpsNumber")}
                </label>
                <label>
                  {t("cases.placeText")}
                  <input name="locationPlace" maxLength={200} />
                  {fieldError("location")}
                </label>

                <h2>{t("cases.form.whatTitle")}</h2>
                <label>
                  {t("report.category")}
                  <select name="category" required>
                    {categories.map((c) => (
                      <option key={c.code} value={c.code}>
                        {c[lang]}
                      </option>
                    ))}
                  </select>
                  {fieldError("category")}
                </label>
                <label>
                  {t("cases.occurredOn")}
                  <input type="date" name="occurredOn" required />
                  {fieldError("occurredOn")}
                </label>
                <label>
                  {t("cases.knownOn")}
                  <input type="date" name="knownOn" required onChange={(e) => setKnownOn(e.currentTarget.value)} />
                  {fieldError("knownOn")}
                </label>
                {late ? (
                  <p className="warning" role="alert" data-testid="late-warning">
                    {t("cases.form.lateWarning", { days: days.reportWithinDays })}
                  </p>
                ) : null}
                <label>
                  {t("cases.reportedParty")}
                  <input name="reportedParty" maxLength={300} required />
                  {fieldError("reportedParty")}
                </label>
                <label>
                  {t("cases.account")}
                  <textarea name="description" rows={5} minLength={10} maxLength={2000} required />
                  {fieldError("description")}
                </label>
                <label>
                  {t("cases.form.evidence", { n: MAX_EVIDENCE_FILES_PUBLIC })}
                  <input
                    type="file"
                    name="evidence"
                    multiple
                    accept={DOCUMENT_ACCEPT}
                    // Said here, before sending: the server refuses a larger body unread, with a page of its own.
                    onChange={(e) => {
                      const files = [...(e.currentTarget.files ?? [])];
                      const bad =
                        files.length > MAX_EVIDENCE_FILES_PUBLIC || files.some((f) => f.size > MAX_DOCUMENT_BYTES);
                      e.currentTarget.setCustomValidity(
                        bad
                          ? t("cases.form.evidenceTooLarge", {
                              mb: MAX_DOCUMENT_BYTES / 1024 / 1024,
                              n: MAX_EVIDENCE_FILES_PUBLIC,
                            })
                          : "",
                      );
                      e.currentTarget.reportValidity();
                    }}
                  />
                  {fieldError("evidence")}
                </label>

                <h2>{t("cases.form.witnessTitle")}</h2>
                {[1, 2].map((n) => (
                  <div className="row" key={n}>
                    <label>
                      {t("cases.form.witnessName", { n })}
                      <input name={`witness${n}Name`} maxLength={120} />
                    </label>
                    <label>
                      {t("cases.form.witnessContact", { n })}
                      <input name={`witness${n}Contact`} maxLength={120} />
                    </label>
                  </div>
                ))}
                {fieldError("witnesses")}

                <h2>{t("cases.form.reporterTitle")}</h2>
                <p className="muted" data-testid="confidential">
                  {t("cases.form.confidential")}
                </p>
                <label>
                  {t("cases.form.name")}
                  <input name="reporterName" maxLength={120} required autoComplete="name" />
                  {fieldError("reporter.name")}
                </label>
                <label>
                  {t("cases.form.address")}
                  <input name="reporterAddress" maxLength={300} required autoComplete="street-address" />
                  {fieldError("reporter.address")}
                </label>
                <label>
                  {t("cases.form.nik")}
                  <input name="reporterNik" inputMode="numeric" pattern="\d{16}" maxLength={16} required />
                  {fieldError("reporter.nik")}
                </label>
                <label>
                  {t("cases.form.phone")}
                  <input name="reporterPhone" type="tel" maxLength={20} required autoComplete="tel" />
                  {fieldError("reporter.phone")}
                </label>
                <label>
                  {t("cases.form.type")}
                  <select name="reporterType" required>
                    {REPORTER_TYPES.map((type) => (
                      <option key={type} value={type}>
                        {t(`cases.reporterType.${type}`)}
                      </option>
                    ))}
                  </select>
                  {fieldError("reporter.type")}
                </label>
                <label className="check">
                  <input type="checkbox" name="consent" required /> {t("cases.form.consent")}
                  {fieldError("consent")}
                </label>
                <button type="submit" className="primary big" disabled={busy}>
                  {t("report.send")}
                </button>
                <p className="muted small">
                  {t("cases.form.window", { days: days.reportWithinDays, today: formatDate(today, lang) })}
                </p>
              </Form>
            ) : null}
          </>
        )}
        <p>
          <Link to="/publik">{t("report.back")}</Link>
        </p>
      </main>
    </>
  );
}
