// GET /api/v1/exports/incidents.csv[?area=16.73.04][&sep=comma]: every incident with its workflow and response
// times (staff, within their area; `area` narrows it as the recap's area filter does).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse, incidentsCsv } from "~/models/exports.server";
import { csvSeparatorParam } from "~/lib/csv";
import { recapScope } from "~/models/recap.server";
import { requireUserWithPermission } from "~/utils/permissions.server";
import { handleApi, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    const user = await requireUserWithPermission(request, context.sql, "posko:view");
    const url = new URL(request.url);
    const scope = recapScope(user, url.searchParams.get("area"));
    const separator = csvSeparatorParam(url.searchParams.get("sep"));
    return csvResponse(await incidentsCsv(context.sql, { scope, separator }), "pantau-kejadian.csv");
  });
}

export { readOnlyAction as action };
