// GET /api/v1/photos/:id: the image, for the officer of its TPS, supervisors of its area and the command post.
import { problem } from "~/lib/problems";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { uuid } from "~/lib/schemas/atoms";
import { getPhoto } from "~/models/photos.server";
import { canReportFor } from "~/models/results.server";
import { requireApiUser } from "~/utils/auth.server";
import { handleApi } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    const user = await requireApiUser(request, context.sql, lang);
    const id = uuid.safeParse(params.id);
    const photo = id.success ? await getPhoto(context.sql, { id: id.data }) : undefined;
    if (!photo) throw problem.notFound();
    // Responders see the photos of incidents dispatched to them.
    const dispatched =
      user.role === "responder" && photo.incidentId
        ? (
            await context.sql`select 1 from incident_assignments where incident_id = ${photo.incidentId} and responder_id = ${user.id}`
          ).length > 0
        : false;
    const allowed =
      dispatched ||
      Number(photo.uploaderId) === user.id ||
      (photo.tpsCode && photo.kelurahanCode
        ? canReportFor(user, { code: photo.tpsCode, kelurahanCode: photo.kelurahanCode })
        : user.role === "operator" || user.role === "admin");
    if (!allowed) throw problem.forbidden();
    return new Response(new Uint8Array(photo.bytes), {
      headers: {
        "Content-Type": photo.mime,
        "Cache-Control": "private, max-age=86400",
        "Content-Length": String(photo.bytes.length),
      },
    });
  });
}
