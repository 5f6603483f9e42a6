// POST /api/v1/incidents/:id/transitions {action, responderIds?, note?}: one step of the incident workflow
// (app/lib/incidents.ts). 200 with the incident, 404 unknown, 403 outside the caller's area or role, 409 a step
// the current status does not allow, 422 per field.
import { problem } from "~/lib/problems";
import type { ActionFunctionArgs } from "@remix-run/node";
import { TransitionBody, UUID } from "~/lib/schemas";
import { transitionIncident } from "~/models/incidents.server";
import { requireUserWithPermission } from "~/utils/permissions.server";
import { handleApi, json, readJson } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { parseBody } from "~/utils/parse-body.server";

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    if (request.method !== "POST") throw problem.methodNotAllowed();
    const user = await requireUserWithPermission(request, context.sql, "incident:transition");
    const id = params.id ?? "";
    if (!UUID.test(id)) throw problem.notFound();
    const body = parseBody(TransitionBody, await readJson(request));
    const incident = await context.writer.write((ctx) => transitionIncident(ctx, { user, id, body }));
    return json({ incident });
  });
}

export const loader = () => json({ message: "Use POST.", code: "method_not_allowed" }, 405);
