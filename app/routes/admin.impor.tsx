// Admin: CSV imports of regions, TPS and officers, with a dry run first (docs/import.md).
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  IMPORT_ERRORS_SHOWN,
  IMPORT_KINDS,
  importBytesOf,
  importErrorsCsv,
  wordImportReport,
  type ImportKind,
  type ImportReport,
} from "~/lib/imports";
import { ImportErrorsTable } from "~/components/import-errors";
import { importMessages } from "~/lib/messages/imports";
import { useT } from "~/lib/use-t";
import { invalidateDataCentre } from "~/models/data-centre.server";
import { checkImport, IMPORT_COLUMNS, runImport } from "~/models/imports.server";
import { importVoters } from "~/models/voters.server";
import { formFileText, requireAdminPage } from "~/utils/admin.server";

import { requestLang } from "~/utils/lang.server";
import { pageRefusal } from "~/utils/page-action.server";
import { problem } from "~/lib/problems";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAdminPage(request, context.sql);
  return { columns: IMPORT_COLUMNS };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireAdminPage(request, context.sql);
  const lang = requestLang(request);
  let outcome = null as { report: ImportReport; imported: boolean } | null;
  const refused = await pageRefusal(lang, { report: null }, async () => {
    const form = await request.formData().catch(() => null);
    if (!form) throw problem.badForm({ key: "import.err.unreadable" });
    const kind = String(form.get("kind")) as ImportKind;
    if (!IMPORT_KINDS.includes(kind)) throw problem.badForm();
    const text = await formFileText(form.get("file"), importBytesOf(kind));
    if (!text) throw problem.badForm({ key: "import.err.noFile" });
    const imported = form.get("intent") === "import";
    const report = wordImportReport(
      lang,
      !imported
        ? await checkImport(context.sql, { kind, text })
        : kind === "voters"
          ? await importVoters(context, { text, actorId: user.id, hashNik: context.voterKey.hashNik })
          : await context.writer.write((ctx) => runImport(ctx, { kind, text, actorId: user.id })),
    );
    // The data centre counts TPS and their vulnerability: its kept reading is dropped at once.
    if (report.applied) invalidateDataCentre(context.sql);
    outcome = { report, imported };
  });
  if (refused || !outcome) return refused;
  const { report, imported } = outcome;
  return data({ report, message: null }, report.errors.length && imported ? 422 : 200);
}

export default function AdminImport() {
  const { columns } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT(importMessages);
  const busy = useNavigation().state !== "idle";
  const report = result?.report;
  return (
    <>
      <h1>{t("admin.import.title")}</h1>
      <p className="muted">{t("admin.import.intro")}</p>
      <p className="muted small">{t("admin.import.votersNote")}</p>
      <Form method="post" encType="multipart/form-data" className="stack card">
        <label>
          {t("admin.import.kind")}
          <select name="kind" defaultValue={report?.kind ?? "regions"}>
            {IMPORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`admin.import.kind.${k}`)} — {columns[k].required.join(", ")}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("admin.import.file")}
          <input type="file" name="file" accept=".csv,text/csv" required />
        </label>
        <div className="row">
          <button type="submit" name="intent" value="check" disabled={busy}>
            {t("admin.import.check")}
          </button>
          <button type="submit" name="intent" value="import" className="primary" disabled={busy}>
            {t("admin.import.run")}
          </button>
        </div>
        <p className="small">
          {t("admin.import.samples")}{" "}
          {IMPORT_KINDS.map((k) => (
            <a key={k} href={`/samples/${k}.csv`} download>
              {k}.csv{" "}
            </a>
          ))}
        </p>
      </Form>
      {result?.message ? (
        <p role="alert" className="error">
          {result.message}
        </p>
      ) : null}
      {report ? (
        <section className="card" data-testid="import-report">
          <p role="status">
            {report.applied
              ? t("admin.import.applied", { created: report.created, updated: report.updated })
              : report.errors.length
                ? t("admin.import.hasErrors", { count: report.errors.length })
                : t("admin.import.ok", { created: report.created, updated: report.updated })}
          </p>
          {report.errors.length > IMPORT_ERRORS_SHOWN ? (
            <p>
              {t("admin.import.moreErrors", { shown: IMPORT_ERRORS_SHOWN, count: report.errors.length })}{" "}
              <a
                className="button"
                download={`pantau-impor-${report.kind}-kesalahan.csv`}
                href={`data:text/csv;charset=utf-8,${encodeURIComponent(importErrorsCsv(report.errors))}`}
                data-testid="import-errors-csv"
              >
                {t("admin.import.errorsCsv")}
              </a>
            </p>
          ) : null}
          {report.errors.length ? <ImportErrorsTable errors={report.errors} /> : null}
        </section>
      ) : null}
    </>
  );
}
