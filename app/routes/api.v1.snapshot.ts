// GET /api/v1/snapshot: the caller's view with the current seq (apply events after it).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getSnapshot } from "~/models/snapshot.server";
import { handleApi, json, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { requireResultsView } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    const { view } = await requireResultsView(request, context.sql);
    return json(await getSnapshot(context.sql, view));
  });
}

export { readOnlyAction as action };
