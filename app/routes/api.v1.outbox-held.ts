// POST /api/v1/outbox-held {device, held: [{tpsCode, count, oldestAt}]}: an officer's phone says what it
// still holds unsent per TPS (every account's items on it), for the command post's TPS panel. 200 {ok}.
import type { ActionFunctionArgs } from "@remix-run/node";
import { problem } from "~/lib/problems";
import { OutboxHeldBody } from "~/lib/schemas/officer";
import { replaceHeld } from "~/models/outbox-held.server";
import { handleApi, json, readJson } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { postOnly } from "~/utils/officer-api.server";
import { parseBody } from "~/utils/parse-body.server";
import { requireUserWithPermission } from "~/utils/permissions.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    if (request.method !== "POST") throw problem.methodNotAllowed();
    const user = await requireUserWithPermission(request, context.sql, "officer:app");
    const body = parseBody(OutboxHeldBody, await readJson(request));
    await context.writer.write(({ tx }) => replaceHeld(tx, { ...body, userId: user.id }));
    return json({ ok: true, tps: body.held.length });
  });
}

export const loader = postOnly;
