// POST /api/v1/disputes/:id/transitions {action, missing?, agreement?, outcome?, decision?, reason?, note?,
// at?}: one step of the petition (app/lib/disputes.ts TRANSITIONS). 200 with the petition, 404 unknown, 403
// outside the caller's area, 409 a step its state does not allow (or registering a late petition), 422 per
// field. `at` records a step taken earlier (a paper file entered afterwards): not in the future, not before the
// previous step; deadlines count from it.
import type { ActionFunctionArgs } from "@remix-run/node";
import { problem } from "~/lib/problems";
import { allowedActions } from "~/lib/disputes";
import { readStep } from "~/lib/schemas/disputes";
import { disputeRule, presentDispute, stepAs } from "~/utils/disputes.server";
import { handleApi, json, readJson } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { requireUserWithPermission } from "~/utils/permissions.server";

export async function action({ request, params, context }: ActionFunctionArgs) {
  return handleApi(apiLang(request), async () => {
    if (request.method !== "POST") throw problem.methodNotAllowed();
    const user = await requireUserWithPermission(request, context.sql, "dispute:handle");
    const step = readStep(await readJson(request));
    const row = await stepAs(context, user, params.id ?? "", step);
    const rule = await disputeRule(context.sql);
    return json({ dispute: { ...presentDispute(row, rule, new Date()), actions: allowedActions(row) } });
  });
}

export const loader = () => json({ message: "Use POST.", code: "method_not_allowed" }, 405);
