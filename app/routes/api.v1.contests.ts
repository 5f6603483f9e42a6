// GET /api/v1/contests: the contests with type, area, dapil and candidates or parties. A signed-in caller gets
// the contests of their view (as in their snapshot); the public every contest (a ballot is public).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { contestsInView } from "~/models/contest-scope.server";
import { handleApi, json, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { requireContestView } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  return handleApi(apiLang(request), async () => {
    const view = await requireContestView(request, context.sql);
    return json({ contests: await contestsInView(context.sql, view) });
  });
}

export { readOnlyAction as action };
