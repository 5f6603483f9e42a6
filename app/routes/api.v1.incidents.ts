// POST /api/v1/incidents (SPEC section 7): 201 new, 200 identical retry, 409 changed retry, 422 per field,
// 403 another TPS or area. GET lists the incidents the caller may see, most urgent first.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { translate } from "~/lib/i18n";
import { fieldErrors, IncidentBody } from "~/lib/schemas";
import { createIncident, incidentLockKey, listIncidents } from "~/models/incidents.server";
import {
  incidentViewOf,
  mayNameTps,
  requireAccess,
  requireUser,
  requireUserWithPermission,
} from "~/utils/permissions.server";
import { ApiError, apiError, handleApi, json, readJson } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    if (request.method !== "POST") throw apiError(lang, 405, "method_not_allowed", "api.methodNotAllowed");
    const user = await requireUserWithPermission(request, context.sql, lang, "incident:report");
    const parsed = IncidentBody.safeParse(await readJson(request, lang));
    if (!parsed.success)
      throw new ApiError(422, "invalid", translate(lang, "api.invalidField"), fieldErrors(parsed.error, lang));
    requireAccess(lang, user, mayNameTps(user, parsed.data.tpsCode ?? user.tpsCode), "other_tps");
    // Officers report from the app; command-post staff may say it came by phone, paper or SMS.
    const body = user.role === "officer" ? { ...parsed.data, source: undefined } : parsed.data;
    // A report takes its own lock and refuses only before it writes: it may run side by side in a batch.
    const answer = await context.writer.write((ctx) => createIncident(ctx, { user, body, lang }), {
      key: incidentLockKey(body.id),
    });
    return json(answer.body, answer.httpStatus);
  });
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    const user = await requireUser(request, context.sql, lang);
    const open = new URL(request.url).searchParams.get("open") === "1";
    const incidents = await listIncidents(context.sql, { ...incidentViewOf(user), open });
    return json({ incidents });
  });
}
