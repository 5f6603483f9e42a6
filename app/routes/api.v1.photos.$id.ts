// GET /api/v1/photos/:id: the image, for the officer of its TPS, supervisors of its area and the command post;
// a C.Hasil photo of a verified result for anyone (the public TPS page links it).
import { problem } from "~/lib/problems";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { uuid } from "~/lib/schemas/atoms";
import { isDispatchedTo } from "~/models/incidents.server";
import { getPhoto } from "~/models/photos.server";
import { handleApi, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { canSeePhoto, denied, findUser } from "~/utils/permissions.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    const user = await findUser(request, context.sql);
    const id = uuid.safeParse(params.id);
    const photo = id.success ? await getPhoto(context.sql, { id: id.data }) : undefined;
    // Without a session, a photo that is not public is a 401 whether it exists or not.
    if (!user && !photo?.ofVerifiedResult) throw problem.unauthenticated();
    if (!photo) throw problem.notFound();
    // Responders see the photos of incidents dispatched to them.
    const dispatched =
      user?.role === "responder" && photo.incidentId
        ? await isDispatchedTo(context.sql, { incidentId: photo.incidentId, responderId: user.id })
        : false;
    const uploaderId = Number(photo.uploaderId);
    const allowed = canSeePhoto(user, { ...photo, uploaderId }, { dispatchedToUser: dispatched });
    if (!allowed) throw user ? denied(user) : problem.unauthenticated();
    return new Response(new Uint8Array(photo.bytes), {
      headers: {
        "Content-Type": photo.mime,
        // A public photo may stop being public (its result reopened): no shared cache keeps it.
        "Cache-Control": "private, max-age=86400",
        "Content-Length": String(photo.bytes.length),
      },
    });
  });
}

export { readOnlyAction as action };
