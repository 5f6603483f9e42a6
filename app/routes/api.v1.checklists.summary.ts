// GET /api/v1/checklists/summary?wilayah=<code>: the checklists per phase of an area for the command post:
// per phase how many of its TPS answered, and per problem item how many answered "no" ("12 TPS buka
// terlambat"). Staff who use the command post; a supervisor's answer is kept inside their own area.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { areaWithin } from "~/lib/access";
import { checklistSummary } from "~/models/checklists.server";
import { handleApi, json, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { areaParam } from "~/utils/params.server";
import { requireUserWithPermission } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  return handleApi(apiLang(request), async () => {
    const user = await requireUserWithPermission(request, context.sql, "posko:view");
    const area = areaWithin(user, areaParam(new URL(request.url)));
    return json(await checklistSummary(context.sql, { area }));
  });
}

export { readOnlyAction as action };
