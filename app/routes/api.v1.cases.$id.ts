// GET /api/v1/cases/:id: one case with its timeline and documents (case officers of its region, admins).
// The reporter's identity and the witnesses are in it: personal data, for these readers only.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { problem } from "~/lib/problems";
import { getCase } from "~/models/cases.server";
import { caseId } from "~/utils/case-actions.server";
import { handleApi, json, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { requireUserWithPermission } from "~/utils/permissions.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return handleApi(apiLang(request), async () => {
    const user = await requireUserWithPermission(request, context.sql, "case:handle");
    const found = await getCase(context.sql, { id: caseId(params.id), user });
    if (!found) throw problem.notFound();
    return json(found);
  });
}

export { readOnlyAction as action };
