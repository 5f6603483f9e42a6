// GET /api/v1/cases.csv: the case list as CSV with the list's filters (`;` and a BOM; `?sep=comma`).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { listCases } from "~/models/cases.server";
import { csvResponse } from "~/models/exports.server";
import { caseFilters, casesCsv } from "~/utils/case-actions.server";
import { handleApi, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { requireUserWithPermission } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    const user = await requireUserWithPermission(request, context.sql, "case:handle");
    const url = new URL(request.url);
    const cases = await listCases(context.sql, { user, filters: caseFilters(url), limit: 5000 });
    return csvResponse(casesCsv(cases, lang, url), "pantau-kasus.csv");
  });
}

export { readOnlyAction as action };
