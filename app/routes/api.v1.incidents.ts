// POST /api/v1/incidents: 201 new, 200 identical retry, 409 changed retry, 422 per field,
// 403 another TPS or area. GET lists the incidents the caller may see, most urgent first.
import { problem } from "~/lib/problems";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { IncidentBody } from "~/lib/schemas";
import { createIncident, incidentLockKey, listIncidents } from "~/models/incidents.server";
import {
  incidentViewOf,
  mayNameTps,
  requireAccess,
  requireUser,
  requireUserWithPermission,
} from "~/utils/permissions.server";
import { handleApi, json, readJson } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { parseBody } from "~/utils/parse-body.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    if (request.method !== "POST") throw problem.methodNotAllowed();
    const user = await requireUserWithPermission(request, context.sql, "incident:report");
    const parsed = parseBody(IncidentBody, await readJson(request));
    requireAccess(user, mayNameTps(user, parsed.tpsCode ?? user.tpsCode), "other_tps");
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
    const user = await requireUser(request, context.sql);
    const open = new URL(request.url).searchParams.get("open") === "1";
    const incidents = await listIncidents(context.sql, { ...incidentViewOf(user), open });
    return json({ incidents });
  });
}
