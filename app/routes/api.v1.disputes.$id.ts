// GET /api/v1/disputes/:id: one petition with its parties (the representative's address and phone: staff who
// handle it only), running deadline, timeline, hearings, documents and the steps its state allows. 404 unknown,
// 403 outside the caller's area.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { problem } from "~/lib/problems";
import { allowedActions } from "~/lib/disputes";
import { getDispute } from "~/models/disputes.server";
import { disputeRule, presentDispute, requireDisputeAccess } from "~/utils/disputes.server";
import { handleApi, json, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { requireUserWithPermission } from "~/utils/permissions.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return handleApi(apiLang(request), async () => {
    const user = await requireUserWithPermission(request, context.sql, "dispute:handle");
    const id = await requireDisputeAccess(context.sql, user, params.id);
    const [found, rule] = await Promise.all([getDispute(context.sql, { id }), disputeRule(context.sql)]);
    if (!found) throw problem.notFound();
    const now = new Date();
    return json(
      {
        dispute: {
          ...presentDispute(found.dispute, rule, now),
          ...found.contact,
          actions: allowedActions(found.dispute),
        },
        steps: found.steps,
        hearings: found.hearings,
        documents: found.documents.map((d) => ({ ...d, url: `/api/v1/disputes/${id}/documents/${d.id}` })),
      },
      { headers: { "Cache-Control": "no-store" } },
    );
  });
}

export { readOnlyAction as action };
