// POST /api/v1/admin/imports/:kind (regions | tps | officers | parties | contests | candidates | voters), body text/csv;
// `?dryRun=1` only checks; `?errors=csv` answers the list of errors as CSV (line;field;problem) instead of JSON,
// for a file with more errors than a screen shows (docs/import.md).
// 200 {kind, rows, created, updated, errors, applied}; a real run with any bad row is a 422 that writes nothing.
import { problem } from "~/lib/problems";
import type { ActionFunctionArgs } from "@remix-run/node";
import { csvSeparatorParam } from "~/lib/csv";
import { importErrorsCsv, wordImportReport } from "~/lib/imports";
import { invalidateDataCentre } from "~/models/data-centre.server";
import { checkImport, IMPORT_KINDS, runImport, type ImportKind } from "~/models/imports.server";
import { importVoters } from "~/models/voters.server";
import { readText, requireAdminApi } from "~/utils/admin.server";
import { handleApi, json } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    const user = await requireAdminApi(request, context.sql);
    if (request.method !== "POST") throw problem.methodNotAllowed();
    const kind = params.kind as ImportKind;
    if (!IMPORT_KINDS.includes(kind)) throw problem.notFound();
    const text = await readText(request);
    const url = new URL(request.url);
    const dryRun = ["1", "true"].includes(url.searchParams.get("dryRun") ?? "");
    const report = wordImportReport(
      lang,
      dryRun
        ? await checkImport(context.sql, { kind, text })
        : kind === "voters"
          ? await importVoters(context, { text, actorId: user.id, hashNik: context.voterKey.hashNik })
          : await context.writer.write((ctx) => runImport(ctx, { kind, text, actorId: user.id })),
    );
    // The data centre counts TPS and their vulnerability: its kept reading is dropped at once.
    if (report.applied) invalidateDataCentre(context.sql);
    const status = report.errors.length && !dryRun ? 422 : 200;
    if (url.searchParams.get("errors") === "csv")
      return new Response(importErrorsCsv(report.errors, csvSeparatorParam(url.searchParams.get("sep"))), {
        status,
        headers: {
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename="pantau-impor-${kind}-kesalahan.csv"`,
          "Cache-Control": "no-store",
        },
      });
    return json(report, status);
  });
}
