// GET /api/v1/exports/audit.csv[?sep=comma]: the whole audit log with its hash chain (admin only).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvSeparatorParam } from "~/lib/csv";
import { auditCsv, csvResponse } from "~/models/exports.server";
import { requireUserWithPermission } from "~/utils/permissions.server";
import { handleApi, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    await requireUserWithPermission(request, context.sql, "audit:export");
    const separator = csvSeparatorParam(new URL(request.url).searchParams.get("sep"));
    return csvResponse(await auditCsv(context.sql, { separator }), "pantau-audit.csv");
  });
}

export { readOnlyAction as action };
