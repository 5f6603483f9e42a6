// GET /api/v1/broadcasts: the posko's broadcasts with delivered/read/SMS counts (a supervisor's area only),
// or, for an officer, the broadcasts to their TPS, unread first (fetching them marks them delivered).
// POST /api/v1/broadcasts {id, target: all|area|silent, area?, silentMinutes?, body}: sends one (201; the same
// id and body again 200, another body 409; an area outside a supervisor's own 403).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { problem } from "~/lib/problems";
import { BroadcastBody } from "~/lib/schemas/broadcast";
import { listBroadcasts, listForTps, markDelivered, sendBroadcast } from "~/models/broadcasts.server";
import { handleApi, json, readJson } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { parseBody } from "~/utils/parse-body.server";
import { can, denied, requireUser, requireUserWithPermission } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  return handleApi(apiLang(request), async () => {
    const user = await requireUser(request, context.sql);
    if (user.role === "officer" && user.tpsCode) {
      const tpsCode = user.tpsCode;
      const broadcasts = await listForTps(context.sql, { tpsCode });
      if (broadcasts.some((b) => !b.delivered)) await context.writer.write((ctx) => markDelivered(ctx, { tpsCode }));
      return json({ broadcasts });
    }
    if (!can(user, "broadcast:send")) throw denied(user);
    return json({ broadcasts: await listBroadcasts(context.sql, { user }) });
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  return handleApi(apiLang(request), async () => {
    if (request.method !== "POST") throw problem.methodNotAllowed();
    const user = await requireUserWithPermission(request, context.sql, "broadcast:send");
    const body = parseBody(BroadcastBody, await readJson(request));
    const answer = await context.writer.write((ctx) => sendBroadcast(ctx, { user, body }));
    return json(answer.body, answer.httpStatus);
  });
}
