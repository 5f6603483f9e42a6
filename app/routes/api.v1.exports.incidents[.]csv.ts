// GET /api/v1/exports/incidents.csv: every incident with its workflow and response times (staff, within their area).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse, incidentsCsv } from "~/models/exports.server";
import { areaOf, requireUserWithPermission } from "~/utils/permissions.server";
import { handleApi, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    const user = await requireUserWithPermission(request, context.sql, "posko:view");
    return csvResponse(await incidentsCsv(context.sql, { scope: areaOf(user) }), "pantau-kejadian.csv");
  });
}

export { readOnlyAction as action };
