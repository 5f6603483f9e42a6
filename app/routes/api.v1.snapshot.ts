// GET /api/v1/snapshot: the caller's view with the current seq (apply events after it).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getSnapshot } from "~/models/snapshot.server";
import { requireApiUser, viewOf } from "~/utils/auth.server";
import { apiError, handleApi, json } from "~/utils/http.server";
import { requestLang } from "~/utils/lang.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lang = requestLang(request);
  return handleApi(lang, async () => {
    const user = await requireApiUser(request, context.sql, lang);
    const view = viewOf(user);
    if (!view) throw apiError(lang, 403, "forbidden", "api.forbidden");
    return json(await getSnapshot(context.sql, view));
  });
}
