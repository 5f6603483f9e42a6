// /pengawasan: supervisory staff (case officers of their region, admins) record campaign supervision,
// prevention and socialisation activities, one by the form or many from a CSV (all or nothing), and list them
// with filters and a CSV twin (/api/v1/supervision-activities.csv). The public data centre counts them
// (/publik/data), never naming who recorded them.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { ImportErrorsTable } from "~/components/import-errors";
import { PoskoNav } from "~/components/posko-nav";
import { ACTIVITY_KINDS } from "~/lib/data-centre";
import { formatDate, formatNumber } from "~/lib/format";
import { commandPostMessages } from "~/lib/messages/command-post";
import { dataCentreMessages } from "~/lib/messages/data-centre";
import { problem } from "~/lib/problems";
import { regionLabel } from "~/lib/regions";
import { ACTIVITY_TITLE_MAX, MAX_ACTIVITY_IMPORT_BYTES } from "~/lib/supervision";
import { useLang, useT } from "~/lib/use-t";
import { invalidateDataCentre } from "~/models/data-centre.server";
import { activityRegions, importActivities, listActivities, recordActivity } from "~/models/supervision.server";
import { TopBar } from "~/root";
import { formFileText, readForm } from "~/utils/admin.server";
import { activityFilters } from "~/utils/data-centre.server";
import { requestLang } from "~/utils/lang.server";
import { pageAction } from "~/utils/page-action.server";
import { requirePageUser } from "~/utils/permissions.server";
import { fieldErrors } from "~/utils/problem-answer.server";

export const meta: MetaFunction = () => [{ title: "Pantau — Pengawasan" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "supervision:record");
  const url = new URL(request.url);
  const filters = activityFilters(url);
  const [rows, regions] = await Promise.all([
    listActivities(context.sql, { user, filters }),
    activityRegions(context.sql, { user }),
  ]);
  return { role: user.role, rows, regions, filters, query: url.search };
}

type Outcome =
  | { intent: "record"; id: string }
  | { intent: "import"; created: number; errors: { line: number; field: string; message: string }[] };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "supervision:record");
  const lang = requestLang(request);
  const form = await readForm(request);
  const field = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : undefined;
  };
  const answer = await pageAction<Outcome>(lang, async () => {
    if (field("intent") === "import") {
      const text = await formFileText(form.get("file"), MAX_ACTIVITY_IMPORT_BYTES);
      if (!text) throw problem.badForm({ key: "act.err.empty" });
      const result = await context.writer.write((ctx) => importActivities(ctx, { user, text }));
      if (result.created) invalidateDataCentre(context.sql);
      const errors = result.problems.map((p) => ({ line: p.line, ...fieldErrors(lang, [p])[0] }));
      return { intent: "import", created: result.created, errors };
    }
    const fields = Object.fromEntries(
      ["kind", "held_on", "region_code", "title", "events", "people", "findings"].map((k) => [k, field(k)]),
    );
    const saved = await context.writer.write((ctx) => recordActivity(ctx, { user, fields }));
    invalidateDataCentre(context.sql);
    return { intent: "record", id: saved.id };
  });
  // An import with wrong lines wrote nothing: a 422, as the admin imports answer.
  const value = answer.data;
  if (value.ok && value.value.intent === "import" && value.value.errors.length) return data(value, { status: 422 });
  return answer;
}

export default function Supervision() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const t = useT(dataCentreMessages, commandPostMessages);
  const lang = useLang();
  const errorOf = (name: string) => (result && !result.ok ? result.errors.find((e) => e.field === name) : undefined);
  const regionName = (r: { kind: string | null; name: string; level?: string }) =>
    regionLabel(r.kind ?? r.level, r.name);
  const recorded = result?.ok && result.value.intent === "record" ? result.value : null;
  const imported = result?.ok && result.value.intent === "import" ? result.value : null;
  // A saved activity empties the form for the next one; a refused one keeps what was typed.
  const formRef = useRef<HTMLFormElement>(null);
  const savedId = recorded?.id;
  useEffect(() => {
    if (savedId) formRef.current?.reset();
  }, [savedId]);
  // Each control has its label by id (a label wrapping a select would take the option's text into its name)
  // and its field's message under it.
  const field = (name: string, label: string, control: (id: string, invalid: boolean) => ReactNode) => (
    <div className="field">
      <label htmlFor={`act-${name}`}>{label}</label>
      {control(`act-${name}`, !!errorOf(name))}
      {errorOf(name) ? <span className="field-error">{errorOf(name)!.message}</span> : null}
    </div>
  );
  const numberField = (name: "events" | "people" | "findings", max: number, initial: number) =>
    field(name, t(`act.${name}`), (id, invalid) => (
      <input
        id={id}
        type="number"
        name={name}
        min={0}
        max={max}
        defaultValue={initial}
        inputMode="numeric"
        aria-invalid={invalid}
      />
    ));
  return (
    <>
      <TopBar title={t("act.title")} />
      <PoskoNav role={loaded.role} />
      <main className="page wide supervision-page">
        <h1>{t("act.title")}</h1>
        <p className="muted">{t("act.intro")}</p>
        <div className="broadcast-columns">
          <section className="card" aria-labelledby="new-activity">
            <h2 id="new-activity">{t("act.new")}</h2>
            <Form method="post" className="stack" ref={formRef}>
              <input type="hidden" name="intent" value="record" />
              {field("kind", t("act.kind"), (id, invalid) => (
                <select id={id} name="kind" defaultValue="campaign" aria-invalid={invalid}>
                  {ACTIVITY_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`act.kind.${k}`)}
                    </option>
                  ))}
                </select>
              ))}
              {field("held_on", t("act.heldOn"), (id, invalid) => (
                <input id={id} type="date" name="held_on" required aria-invalid={invalid} />
              ))}
              {field("region_code", t("act.region"), (id, invalid) => (
                <select id={id} name="region_code" required defaultValue="" aria-invalid={invalid}>
                  <option value="">—</option>
                  {loaded.regions.map((r) => (
                    <option key={r.code} value={r.code}>
                      {r.level === "kelurahan"
                        ? "\u00a0\u00a0\u00a0\u00a0"
                        : r.level === "kecamatan"
                          ? "\u00a0\u00a0"
                          : ""}
                      {regionName(r)}
                    </option>
                  ))}
                </select>
              ))}
              {field("title", t("act.title_"), (id, invalid) => (
                <input
                  id={id}
                  type="text"
                  name="title"
                  required
                  maxLength={ACTIVITY_TITLE_MAX}
                  aria-invalid={invalid}
                />
              ))}
              <div className="row">
                {numberField("events", 9999, 1)}
                {numberField("people", 999999, 0)}
                {numberField("findings", 9999, 0)}
              </div>
              {result && !result.ok ? (
                <p className="notice bad" role="alert">
                  {result.message}
                </p>
              ) : null}
              {recorded ? (
                <p className="notice good" role="status">
                  {t("act.saved")}
                </p>
              ) : null}
              <button type="submit" className="button primary" disabled={busy}>
                {t("act.save")}
              </button>
            </Form>
            <details className="stack">
              <summary>{t("act.import")}</summary>
              <p className="muted small">{t("act.importHelp")}</p>
              <Form method="post" encType="multipart/form-data" className="stack">
                <input type="hidden" name="intent" value="import" />
                <label>
                  {t("act.importFile")}
                  <input type="file" name="file" accept=".csv,text/csv" required />
                </label>
                <button type="submit" className="button" disabled={busy}>
                  {t("act.importRun")}
                </button>
              </Form>
            </details>
            {imported && !imported.errors.length ? (
              <p className="notice good" role="status">
                {t("act.imported", { count: imported.created })}
              </p>
            ) : null}
            {imported?.errors.length ? (
              <div role="alert" data-testid="activity-import-errors">
                <p className="notice bad">{t("act.importErrors", { count: imported.errors.length })}</p>
                <ImportErrorsTable errors={imported.errors} />
              </div>
            ) : null}
          </section>
          <section className="card" aria-labelledby="activity-list">
            <h2 id="activity-list">{t("act.list")}</h2>
            <Form method="get" className="row filters">
              <label>
                {t("act.kind")}
                <select name="jenis" defaultValue={loaded.filters.kind ?? ""}>
                  <option value="">{t("act.all")}</option>
                  {ACTIVITY_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`act.kind.${k}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t("act.region")}
                <select name="wilayah" defaultValue={loaded.filters.area ?? ""}>
                  <option value="">{t("act.all")}</option>
                  {loaded.regions
                    .filter((r) => r.level !== "kelurahan")
                    .map((r) => (
                      <option key={r.code} value={r.code}>
                        {regionName(r)}
                      </option>
                    ))}
                </select>
              </label>
              <label>
                {t("act.from")}
                <input type="date" name="dari" defaultValue={loaded.filters.from ?? ""} />
              </label>
              <label>
                {t("act.to")}
                <input type="date" name="sampai" defaultValue={loaded.filters.to ?? ""} />
              </label>
              <button type="submit" className="button">
                {t("act.filter")}
              </button>
              <a className="button" href={`/api/v1/supervision-activities.csv${loaded.query}`} download>
                {t("act.csv")}
              </a>
            </Form>
            {loaded.rows.length === 0 ? <p className="muted">{t("act.none")}</p> : null}
            {loaded.rows.length ? (
              <div className="table-scroll">
                <table className="results-table" data-testid="activity-list">
                  <thead>
                    <tr>
                      <th>{t("act.heldOn")}</th>
                      <th>{t("act.kind")}</th>
                      <th>{t("act.region")}</th>
                      <th>{t("act.title_")}</th>
                      <th className="num">{t("act.events")}</th>
                      <th className="num">{t("act.people")}</th>
                      <th className="num">{t("act.findings")}</th>
                      <th>{t("act.recordedBy")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {loaded.rows.map((r) => (
                      <tr key={r.id} data-testid="activity-row">
                        <td>{formatDate(`${r.heldOn}T12:00:00Z`, lang)}</td>
                        <td>{t(`act.kind.${r.kind}`)}</td>
                        <td>{regionLabel(r.regionKind, r.regionName)}</td>
                        <td>{r.title}</td>
                        <td className="num">{formatNumber(r.events, lang)}</td>
                        <td className="num">{formatNumber(r.people, lang)}</td>
                        <td className="num">{formatNumber(r.findings, lang)}</td>
                        <td>{r.recordedBy}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
          </section>
        </div>
      </main>
    </>
  );
}
