// GET /api/v1/cases?kind=&state=&deadline=&area=&from=&to=&q=: violation cases of the caller's region
// (case officers; admins all), due-soon and overdue first. POST /api/v1/cases: raise a temuan from an incident
// (`incidentId`), a laporan (`caseId`) or an observation (`kelurahanCode`, `tpsNumber` or `place`) with its
// `account` -> 201 {id}. 403 for other roles, 422 per field.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { problem } from "~/lib/problems";
import { listCases } from "~/models/cases.server";
import { caseFilters, createTemuan } from "~/utils/case-actions.server";
import { handleApi, json } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { requireUserWithPermission } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  return handleApi(apiLang(request), async () => {
    const user = await requireUserWithPermission(request, context.sql, "case:handle");
    const filters = caseFilters(new URL(request.url));
    return json({ cases: await listCases(context.sql, { user, filters }) });
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  return handleApi(apiLang(request), async () => {
    if (request.method !== "POST") throw problem.methodNotAllowed();
    const user = await requireUserWithPermission(request, context.sql, "case:handle");
    return json(await createTemuan(request, context, user), 201);
  });
}
