// GET /api/v1/supervision-reports/:tps: one TPS's supervision report (Form A): the submitted version with the
// officer's notes, or, before one was submitted, the day as it stands (`report: null`). Its officer reads
// their own; staff who may read reports, inside their area (audited); 403 otherwise, 404 for no such TPS.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { problem } from "~/lib/problems";
import { TPS_CODE } from "~/lib/schemas";
import { auditView, reportForReader } from "~/utils/forma.server";
import { handleApi, json, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { requireUser } from "~/utils/permissions.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    const user = await requireUser(request, context.sql);
    const tpsCode = params.tps ?? "";
    if (!TPS_CODE.test(tpsCode)) throw problem.notFound();
    const { tps, report, content, notes } = await reportForReader(context, { user, tpsCode });
    await auditView(context, user, {
      action: "supervision_report.view",
      entity: `tps:${tps.code}`,
      after: { version: report?.version ?? null },
    });
    return json({ tpsCode: tps.code, report, content, notes });
  });
}

export { readOnlyAction as action };
