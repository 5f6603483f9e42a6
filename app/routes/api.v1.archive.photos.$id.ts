// GET /api/v1/archive/photos/:id: a C.Hasil photo downloaded from the archive by staff whose area holds its
// TPS (case officers included, who do not open photos elsewhere). An attachment; every download is audited.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { problem } from "~/lib/problems";
import { uuid } from "~/lib/schemas/atoms";
import { getPhoto } from "~/models/photos.server";
import { auditView } from "~/utils/forma.server";
import { handleApi, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { canSeeInArchive, placeDenial, requireAccess, requireUserWithPermission } from "~/utils/permissions.server";

const EXTENSION: Record<string, string> = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    const user = await requireUserWithPermission(request, context.sql, "archive:read");
    const id = uuid.safeParse(params.id);
    const photo = id.success ? await getPhoto(context.sql, { id: id.data }) : undefined;
    if (!photo || !photo.tpsCode) throw problem.notFound();
    requireAccess(user, canSeeInArchive(user, photo.kelurahanCode), placeDenial(user));
    await auditView(context, user, {
      action: "archive.download",
      entity: `photo:${photo.id}`,
      after: { tps: photo.tpsCode },
    });
    return new Response(new Uint8Array(photo.bytes), {
      headers: {
        "Content-Type": photo.mime,
        "Content-Disposition": `attachment; filename="c-hasil-${photo.tpsCode}-${photo.id.slice(0, 8)}.${EXTENSION[photo.mime] ?? "bin"}"`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
        "Content-Length": String(photo.bytes.length),
      },
    });
  });
}

export { readOnlyAction as action };
