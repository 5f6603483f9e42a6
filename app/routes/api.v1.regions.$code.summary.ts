// GET /api/v1/regions/:code/summary: a region's running totals and its children's, for the command post's
// drill-down (app/lib/region-summary.ts). Staff who use the command post, only regions inside their area:
// any other region is 404, as if it did not exist. `:code` is a region code or ID (the whole election).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { problem } from "~/lib/problems";
import { regionSummary } from "~/models/region-summary.server";
import { handleApi, json, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { regionCodeParam } from "~/utils/params.server";
import { denied, requireUserWithPermission, viewOf } from "~/utils/permissions.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return handleApi(apiLang(request), async () => {
    const user = await requireUserWithPermission(request, context.sql, "posko:view");
    const view = viewOf(user);
    if (!view) throw denied(user);
    const code = regionCodeParam(params.code);
    const summary = await regionSummary(context.sql, { code, view, audience: "staff" });
    if (!summary) throw problem.notFound();
    return json(summary);
  });
}

export { readOnlyAction as action };
