// POST /api/v1/supervision-reports/:tps/accept: the command post accepts the TPS's current report; its officer
// can no longer replace it. Supervisors (their area), operators, admins; 404 without a report, 409 when
// already accepted.
import type { ActionFunctionArgs } from "@remix-run/node";
import { problem } from "~/lib/problems";
import { TPS_CODE } from "~/lib/schemas";
import { getTps } from "~/models/election.server";
import { acceptReport } from "~/models/supervision-reports.server";
import { handleApi, json } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { canAcceptReport, placeDenial, requireAccess, requireUserWithPermission } from "~/utils/permissions.server";

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    if (request.method !== "POST") throw problem.methodNotAllowed();
    const user = await requireUserWithPermission(request, context.sql, "report:accept");
    const tpsCode = params.tps ?? "";
    const tps = TPS_CODE.test(tpsCode) ? await getTps(context.sql, { code: tpsCode }) : undefined;
    if (!tps) throw problem.notFound();
    requireAccess(user, canAcceptReport(user, tps), placeDenial(user));
    return json(await context.writer.write((ctx) => acceptReport(ctx, { user, tpsCode: tps.code })));
  });
}

export const loader = () => json({ message: "Use POST.", code: "method_not_allowed" }, 405);
