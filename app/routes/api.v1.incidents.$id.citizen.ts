// GET /api/v1/incidents/:id/citizen: what only the command post sees of a public report: place, contact,
// tracking code and the photo (`?photo=1` returns the image itself). Staff who may see the incident only.
import { problem } from "~/lib/problems";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getIncident } from "~/models/incidents.server";
import { getReportPrivate } from "~/models/reports.server";
import { canSeeIncident, requireUserWithPermission } from "~/utils/permissions.server";
import { handleApi, json, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    const user = await requireUserWithPermission(request, context.sql, "incident:citizen");
    const id = params.id ?? "";
    const incident = /^[0-9a-f-]{36}$/i.test(id) ? await getIncident(context.sql, { id }) : undefined;
    if (!incident || !canSeeIncident(user, incident)) throw problem.notFound();
    const report = await getReportPrivate(context.sql, { incidentId: id });
    if (!report) throw problem.notFound();
    if (new URL(request.url).searchParams.get("photo")) {
      if (!report.photo) throw problem.notFound();
      return new Response(new Uint8Array(report.photo), {
        headers: {
          "Content-Type": report.photoType!,
          "Cache-Control": "private, no-store",
          "Content-Disposition": "inline",
        },
      });
    }
    return json({
      trackingCode: report.trackingCode,
      place: report.place,
      contact: report.contact,
      hasPhoto: report.hasPhoto,
    });
  });
}

export { readOnlyAction as action };
