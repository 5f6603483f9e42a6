// GET /api/v1/disputes/:id/hearings: the petition's mediation sessions and adjudication hearings in time order.
// POST {kind, date, time, place, agenda, confirmAfterDeadline?}: schedules one (date and time on the election's
// clock); 409 when its state takes no hearing of that kind, or when it falls after the decision deadline
// without `confirmAfterDeadline: true`; 422 per field.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { problem } from "~/lib/problems";
import { readHearing } from "~/lib/schemas/disputes";
import { getDispute } from "~/models/disputes.server";
import { hearingAs, requireDisputeAccess } from "~/utils/disputes.server";
import { handleApi, json, readJson } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { requireUserWithPermission } from "~/utils/permissions.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return handleApi(apiLang(request), async () => {
    const user = await requireUserWithPermission(request, context.sql, "dispute:handle");
    const id = await requireDisputeAccess(context.sql, user, params.id);
    const found = await getDispute(context.sql, { id });
    return json({ hearings: found?.hearings ?? [] }, { headers: { "Cache-Control": "no-store" } });
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  return handleApi(apiLang(request), async () => {
    if (request.method !== "POST") throw problem.methodNotAllowed();
    const user = await requireUserWithPermission(request, context.sql, "dispute:handle");
    const hearing = readHearing(await readJson(request));
    const row = await hearingAs(context, user, params.id ?? "", hearing);
    return json({ hearing: row }, { status: 201 });
  });
}
