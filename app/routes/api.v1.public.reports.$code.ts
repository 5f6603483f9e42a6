// GET /api/v1/public/reports/:code: the status of a public report by its tracking code (status and
// times only; no contact, description or names), and beside it since cases (`case`): the laporan's
// registration number, state, dates, outcome and destination, and what is missing while it is incomplete.
import { problem } from "~/lib/problems";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCasePublic } from "~/models/cases.server";
import { getReportStatus, TRACKING_CODE } from "~/models/reports.server";
import { handleApi, json, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    const code = (params.code ?? "").trim().toUpperCase();
    const status = TRACKING_CODE.test(code) ? await getReportStatus(context.sql, { trackingCode: code }) : null;
    if (!status) throw problem.notFound({ key: "report.notFound" });
    const laporan = await getCasePublic(context.sql, { trackingCode: code });
    return json({ ...status, case: laporan?.public ?? null });
  });
}

export { readOnlyAction as action };
