// GET /api/v1/voter-status/:code: whether the phone may keep the voter list of this TPS
// ({ keep, reason: "reported" | "other_tps" | null, reportedAt }). The phone asks on each contact with the
// server and wipes the list when told no; without a session (logged out, replaced, moved) the 401 says the
// same (docs/decisions/047-voter-list-check.md).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { problem } from "~/lib/problems";
import { TPS_CODE } from "~/lib/schemas";
import { voterListStatus } from "~/models/voters.server";
import { handleApi, json, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { requireUserWithPermission } from "~/utils/permissions.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    const user = await requireUserWithPermission(request, context.sql, "voters:check");
    const code = params.code ?? "";
    if (!TPS_CODE.test(code)) throw problem.notFound();
    const status = await voterListStatus(context.sql, { tpsCode: code, userTps: user.tpsCode });
    return json(status, { headers: { "Cache-Control": "no-store" } });
  });
}

export { readOnlyAction as action };
