// GET /api/v1/checklists/flagged?wilayah=<code>&phase=<phase>&item=<code>: the TPS of an area that answered
// "no" to a checklist item (the command post opens a count of its summary): the first FLAGGED_SHOWN by code
// with the officer's note and time, and how many in all. Scoped as the summary.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { areaWithin } from "~/lib/access";
import { CHECKLIST_PHASES, FLAGGED_SHOWN } from "~/lib/checklists";
import { SLUG } from "~/lib/schemas/atoms";
import { flaggedTps } from "~/models/checklists.server";
import { handleApi, json, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { areaParam, choiceParam } from "~/utils/params.server";
import { requireUserWithPermission } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  return handleApi(apiLang(request), async () => {
    const user = await requireUserWithPermission(request, context.sql, "posko:view");
    const url = new URL(request.url);
    const area = areaWithin(user, areaParam(url));
    const phase = choiceParam(url, "phase", CHECKLIST_PHASES);
    const item = choiceParam(url, "item", SLUG);
    return json({ area, phase, item, ...(await flaggedTps(context.sql, { area, phase, item, limit: FLAGGED_SHOWN })) });
  });
}

export { readOnlyAction as action };
