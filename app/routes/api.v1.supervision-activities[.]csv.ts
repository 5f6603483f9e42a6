// GET /api/v1/supervision-activities.csv?jenis=&wilayah=&dari=&sampai=: the activity log of /pengawasan with
// the same filters, for staff of the region (case officers, admins). Staff-only: it names who recorded each.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvSeparatorParam, toCsv } from "~/lib/csv";
import { csvResponse } from "~/models/exports.server";
import { listActivities } from "~/models/supervision.server";
import { activityFilters } from "~/utils/data-centre.server";
import { handleApi, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { requireUserWithPermission } from "~/utils/permissions.server";

const CSV_MAX = 50_000;

export async function loader({ request, context }: LoaderFunctionArgs) {
  return handleApi(apiLang(request), async () => {
    const user = await requireUserWithPermission(request, context.sql, "supervision:record");
    const url = new URL(request.url);
    const rows = await listActivities(context.sql, { user, filters: activityFilters(url), limit: CSV_MAX });
    const header = ["held_on", "kind", "region_code", "region", "title", "events", "people", "findings", "recorded_by"];
    const lines = rows.map((r) => [
      r.heldOn,
      r.kind,
      r.regionCode,
      r.regionName,
      r.title,
      r.events,
      r.people,
      r.findings,
      r.recordedBy,
    ]);
    return csvResponse(
      toCsv([header, ...lines], csvSeparatorParam(url.searchParams.get("sep"))),
      "pantau-pengawasan.csv",
    );
  });
}

export { readOnlyAction as action };
