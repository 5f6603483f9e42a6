// GET /api/v1/archive/documents/:id: one document of the documents store, downloaded from the archive by
// staff whose area holds it (a document of no place: the whole election's staff only). Always an attachment
// with its checked type and nosniff (decision 043); every download is audited.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { safeFileName } from "~/lib/documents";
import { problem } from "~/lib/problems";
import { uuid } from "~/lib/schemas/atoms";
import { readDocument } from "~/models/documents.server";
import { auditView } from "~/utils/forma.server";
import { handleApi, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { canSeeInArchive, placeDenial, requireAccess, requireUserWithPermission } from "~/utils/permissions.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    const user = await requireUserWithPermission(request, context.sql, "archive:read");
    const id = uuid.safeParse(params.id);
    const doc = id.success ? await readDocument(context.sql, id.data) : null;
    if (!doc) throw problem.notFound();
    requireAccess(user, canSeeInArchive(user, doc.regionCode), placeDenial(user));
    await auditView(context, user, {
      action: "archive.download",
      entity: `document:${doc.id}`,
      after: { ownerKind: doc.ownerKind, ownerId: doc.ownerId, sha256: doc.sha256 },
    });
    return new Response(new Uint8Array(doc.bytes), {
      headers: {
        "Content-Type": doc.mime,
        "Content-Disposition": `attachment; filename="${safeFileName(doc.fileName)}"`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
        "Content-Length": String(doc.bytes.length),
      },
    });
  });
}

export { readOnlyAction as action };
