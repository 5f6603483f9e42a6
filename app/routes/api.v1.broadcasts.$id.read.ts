// POST /api/v1/broadcasts/:id/read {id, tpsCode}: the officer opened a broadcast to their TPS (a read receipt,
// sent through the phone's outbox; a retry answers the first reading). 404 for a broadcast their TPS did not get.
import type { ActionFunctionArgs } from "@remix-run/node";
import { problem } from "~/lib/problems";
import { UUID } from "~/lib/schemas/atoms";
import { BroadcastReadBody } from "~/lib/schemas/broadcast";
import { markRead } from "~/models/broadcasts.server";
import { handleApi, json, readJson } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { parseBody } from "~/utils/parse-body.server";
import { postOnly } from "~/utils/officer-api.server";
import { requireUserWithPermission } from "~/utils/permissions.server";

export async function action({ request, params, context }: ActionFunctionArgs) {
  return handleApi(apiLang(request), async () => {
    if (request.method !== "POST") throw problem.methodNotAllowed();
    const user = await requireUserWithPermission(request, context.sql, "officer:app");
    const broadcastId = params.id ?? "";
    if (!UUID.test(broadcastId)) throw problem.notFound();
    const body = parseBody(BroadcastReadBody, await readJson(request));
    if (body.tpsCode !== user.tpsCode) throw problem.otherTps(user.tpsCode);
    const answer = await context.writer.write((ctx) => markRead(ctx, { broadcastId, tpsCode: body.tpsCode }));
    return json(answer.body, answer.httpStatus);
  });
}

export const loader = postOnly;
