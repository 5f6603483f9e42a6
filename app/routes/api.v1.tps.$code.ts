// GET /api/v1/tps/:code: one TPS for the command post's detail panel (officer, last seen, results per
// contest, incidents, photos). Supervisors only inside their area.
import { problem } from "~/lib/problems";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { TPS_CODE } from "~/lib/schemas";
import { getTpsDetail } from "~/models/command-post.server";
import { canReportFor, placeDenial, requireAccess, requireUserWithPermission } from "~/utils/permissions.server";
import { handleApi, json, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    const user = await requireUserWithPermission(request, context.sql, "result:report");
    const code = params.code ?? "";
    const detail = TPS_CODE.test(code) ? await getTpsDetail(context.sql, { code }) : undefined;
    if (!detail) throw problem.notFound();
    requireAccess(user, canReportFor(user, detail.tps), placeDenial(user));
    return json(detail);
  });
}

export { readOnlyAction as action };
