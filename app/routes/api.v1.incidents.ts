// POST /api/v1/incidents (SPEC section 7): 201 new, 200 identical retry, 409 changed retry, 422 per field,
// 403 another TPS or area. GET lists the incidents the caller may see, most urgent first.
import { problem } from "~/lib/problems";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { IncidentBody } from "~/lib/schemas";
import { createIncident, incidentLockKey, listIncidents } from "~/models/incidents.server";
import { requireApiUser } from "~/utils/auth.server";
import { handleApi, json, readJson } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { parseBody } from "~/utils/parse-body.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    if (request.method !== "POST") throw problem.methodNotAllowed();
    const user = await requireApiUser(request, context.sql, lang, ["officer", "supervisor", "operator", "admin"]);
    const parsed = parseBody(IncidentBody, await readJson(request));
    if (user.role === "officer" && parsed.tpsCode && parsed.tpsCode !== user.tpsCode) {
      throw problem.otherTps(user.tpsCode);
    }
    // Officers report from the app; command-post staff may say it came by phone, paper or SMS.
    const body = user.role === "officer" ? { ...parsed, source: undefined } : parsed;
    // A report takes its own lock and refuses only before it writes: it may run side by side in a batch.
    const answer = await context.writer.write((ctx) => createIncident(ctx, { user, body }), {
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
