// POST /api/v1/incidents/:id/share: share a citizen's report about a TPS with that TPS's officer (staff who
// may act on the incident). 200 with the incident (again: unchanged), 404 unknown, 403 outside the caller's
// area or role, 422 not a citizen's report about a TPS. No body.
import { problem } from "~/lib/problems";
import type { ActionFunctionArgs } from "@remix-run/node";
import { UUID } from "~/lib/schemas";
import { shareWithOfficer } from "~/models/incidents.server";
import { requireUserWithPermission } from "~/utils/permissions.server";
import { handleApi, json } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    if (request.method !== "POST") throw problem.methodNotAllowed();
    const user = await requireUserWithPermission(request, context.sql, "incident:share");
    const id = params.id ?? "";
    if (!UUID.test(id)) throw problem.notFound();
    const incident = await context.writer.write((ctx) => shareWithOfficer(ctx, { user, id }));
    return json({ incident });
  });
}

export const loader = () => json({ message: "Use POST.", code: "method_not_allowed" }, 405);
