// GET /api/v1/incidents/:id: one incident with its timeline, for whoever may see it.
import { problem } from "~/lib/problems";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { responseTimes } from "~/lib/incidents";
import { UUID } from "~/lib/schemas";
import { getIncident, incidentTimeline } from "~/models/incidents.server";
import { handleApi, json, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { canSeeIncident, placeDenial, requireAccess, requireUser } from "~/utils/permissions.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    const user = await requireUser(request, context.sql);
    const id = params.id ?? "";
    const incident = UUID.test(id) ? await getIncident(context.sql, { id }) : undefined;
    if (!incident) throw problem.notFound();
    requireAccess(user, canSeeIncident(user, incident), placeDenial(user));
    return json({
      incident,
      timeline: await incidentTimeline(context.sql, { id }),
      responseTimes: responseTimes(incident),
    });
  });
}

export { readOnlyAction as action };
