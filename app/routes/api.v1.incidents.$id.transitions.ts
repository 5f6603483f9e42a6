// POST /api/v1/incidents/:id/transitions {action, responderIds?, note?}: one step of the incident workflow
// (SPEC section 2). 200 with the incident, 404 unknown, 403 outside the caller's area or role, 409 a step
// the current status does not allow, 422 per field.
import type { ActionFunctionArgs } from "@remix-run/node";
import { translate } from "~/lib/i18n";
import { fieldErrors, TransitionBody, UUID } from "~/lib/schemas";
import { transitionIncident } from "~/models/incidents.server";
import { requireUserWithPermission } from "~/utils/permissions.server";
import { ApiError, apiError, handleApi, json, readJson } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    if (request.method !== "POST") throw apiError(lang, 405, "method_not_allowed", "api.methodNotAllowed");
    const user = await requireUserWithPermission(request, context.sql, lang, "incident:transition");
    const id = params.id ?? "";
    if (!UUID.test(id)) throw apiError(lang, 404, "not_found", "api.notFound");
    const parsed = TransitionBody.safeParse(await readJson(request, lang));
    if (!parsed.success)
      throw new ApiError(422, "invalid", translate(lang, "api.invalidField"), fieldErrors(parsed.error, lang));
    const incident = await context.writer.write((ctx) =>
      transitionIncident(ctx, { user, id, body: parsed.data, lang }),
    );
    return json({ incident });
  });
}

export const loader = () => json({ message: "Use POST.", code: "method_not_allowed" }, 405);
