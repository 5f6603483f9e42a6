// POST /api/v1/responders/location {lat, lng, accuracy?}: a responder shares where they are (optional);
// the command post shows it on the map (event responder:located).
import { problem } from "~/lib/problems";
import type { ActionFunctionArgs } from "@remix-run/node";
import { LocationBody } from "~/lib/schemas/field";
import { shareLocation } from "~/models/incidents.server";
import { requireUserWithPermission } from "~/utils/permissions.server";
import { handleApi, json, readJson } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { parseBody } from "~/utils/parse-body.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    if (request.method !== "POST") throw problem.methodNotAllowed();
    const user = await requireUserWithPermission(request, context.sql, "responder:locate");
    const body = parseBody(LocationBody, await readJson(request));
    await context.writer.write((ctx) =>
      shareLocation(ctx, { user, lat: body.lat, lng: body.lng, accuracy: body.accuracy ?? null }),
    );
    return json({ ok: true });
  });
}

export const loader = () => json({ message: "Use POST.", code: "method_not_allowed" }, 405);
