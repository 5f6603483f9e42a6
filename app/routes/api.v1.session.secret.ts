// POST /api/v1/session/secret {current, secret, confirm}: replaces the caller's own secret (204). The one way
// out of a one-time secret for API clients, whose every other request answers 403 `secret_change_required`.
import type { ActionFunctionArgs } from "@remix-run/node";
import { problem } from "~/lib/problems";
import { getRequestUser } from "~/utils/auth.server";
import { handleApi, readJson } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { changeOwnSecret } from "~/utils/secret-change.server";

export async function action({ request, context }: ActionFunctionArgs) {
  return handleApi(apiLang(request), async () => {
    if (request.method !== "POST") throw problem.methodNotAllowed();
    const user = await getRequestUser(request, context.sql);
    if (!user) throw problem.unauthenticated();
    await changeOwnSecret(context, user, await readJson(request));
    return new Response(null, { status: 204 });
  });
}

export { postOnly as loader } from "~/utils/officer-api.server";
