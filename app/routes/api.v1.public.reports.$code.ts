// GET /api/v1/public/reports/:code: the status of a public report by its tracking code (status and
// times only; no contact, description or names).
import { problem } from "~/lib/problems";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getReportStatus, TRACKING_CODE } from "~/models/reports.server";
import { handleApi, json, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    const code = (params.code ?? "").trim().toUpperCase();
    const status = TRACKING_CODE.test(code) ? await getReportStatus(context.sql, { trackingCode: code }) : null;
    if (!status) throw problem.notFound({ key: "report.notFound" });
    return json(status);
  });
}

export { readOnlyAction as action };
