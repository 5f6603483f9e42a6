// POST /api/v1/incidents (SPEC section 7): 201 new, 200 identical retry, 409 changed retry, 422 per field,
// 403 another TPS or area. GET lists the incidents the caller may see, most urgent first.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { translate } from "~/lib/i18n";
import { fieldErrors, IncidentBody } from "~/lib/schemas";
import { createIncident, incidentLockKey, listIncidents } from "~/models/incidents.server";
import { requireApiUser } from "~/utils/auth.server";
import { ApiError, apiError, handleApi, json, readJson } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    if (request.method !== "POST") throw apiError(lang, 405, "method_not_allowed", "api.methodNotAllowed");
    const user = await requireApiUser(request, context.sql, lang, ["officer", "supervisor", "operator", "admin"]);
    const parsed = IncidentBody.safeParse(await readJson(request, lang));
    if (!parsed.success)
      throw new ApiError(422, "invalid", translate(lang, "api.invalidField"), fieldErrors(parsed.error, lang));
    if (user.role === "officer" && parsed.data.tpsCode && parsed.data.tpsCode !== user.tpsCode) {
      throw apiError(lang, 403, "other_tps", "api.otherTps", { tps: user.tpsCode ?? "-" });
    }
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
    const user = await requireApiUser(request, context.sql, lang);
    const open = new URL(request.url).searchParams.get("open") === "1";
    const incidents = await listIncidents(context.sql, {
      scope:
        user.role === "operator" || user.role === "admin"
          ? null
          : user.role === "supervisor"
            ? (user.regionCode ?? "-")
            : null,
      tpsCode: user.role === "officer" ? (user.tpsCode ?? "-") : null,
      responderId: user.role === "responder" ? user.id : undefined,
      open,
    });
    return json({ incidents });
  });
}
