// POST /api/v1/incidents/:id/claim {action: "claim" | "release" | "take_over", note?}: an operator claims an
// incident ("ditangani oleh"), gives up their claim or takes another's over (docs/decisions/036). 200 with the
// incident (unchanged when it already is so), 404 unknown, 403 outside the caller's area or role, 409 claimed
// by someone else (`claim`), not one's own (`release`) or closed, 422 per field.
import { problem } from "~/lib/problems";
import type { ActionFunctionArgs } from "@remix-run/node";
import { ClaimBody, UUID } from "~/lib/schemas";
import { claimIncident } from "~/models/incidents.server";
import { requireUserWithPermission } from "~/utils/permissions.server";
import { handleApi, json, readJson } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { parseBody } from "~/utils/parse-body.server";

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    if (request.method !== "POST") throw problem.methodNotAllowed();
    const user = await requireUserWithPermission(request, context.sql, "incident:claim");
    const id = params.id ?? "";
    if (!UUID.test(id)) throw problem.notFound();
    const body = parseBody(ClaimBody, await readJson(request));
    const incident = await context.writer.write((ctx) => claimIncident(ctx, { user, id, body }));
    return json({ incident });
  });
}

export const loader = () => json({ message: "Use POST.", code: "method_not_allowed" }, 405);
