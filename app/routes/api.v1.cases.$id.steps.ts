// POST /api/v1/cases/:id/steps {step, ...}: one step of the workflow (app/lib/cases.ts CASE_STEPS) ->
// 200 {id, state, registrationNumber, dueAt}. 409 with a message for a step its state does not allow, 422 per
// field, 403 outside the caller's region or role.
import type { ActionFunctionArgs } from "@remix-run/node";
import { problem } from "~/lib/problems";
import { caseId, caseStep } from "~/utils/case-actions.server";
import { handleApi, json } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { requireUserWithPermission } from "~/utils/permissions.server";

export async function action({ request, params, context }: ActionFunctionArgs) {
  return handleApi(apiLang(request), async () => {
    if (request.method !== "POST") throw problem.methodNotAllowed();
    const user = await requireUserWithPermission(request, context.sql, "case:handle");
    return json(await caseStep(request, context, { user, id: caseId(params.id) }));
  });
}
