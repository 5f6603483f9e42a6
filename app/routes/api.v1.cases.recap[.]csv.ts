// GET /api/v1/cases/recap.csv?area=&from=&to=: the case recap of /kasus/rekap as CSV, same filters.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse } from "~/models/exports.server";
import { caseRecapCsv } from "~/utils/case-actions.server";
import { handleApi, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { requireUserWithPermission } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    const user = await requireUserWithPermission(request, context.sql, "case:handle");
    const text = await caseRecapCsv(context.sql, { user, url: new URL(request.url), lang });
    return csvResponse(text, "pantau-rekap-kasus.csv");
  });
}

export { readOnlyAction as action };
