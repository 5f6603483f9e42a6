// GET /api/v1/disputes/:id/documents/:documentId: one document of a petition, always as an attachment with its
// checked type (decision 043), for the staff who handle the petition.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { problem } from "~/lib/problems";
import { UUID } from "~/lib/schemas/atoms";
import { DISPUTE_OWNER } from "~/models/disputes.server";
import { readDocument } from "~/models/documents.server";
import { requireDisputeAccess } from "~/utils/disputes.server";
import { handleApi, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { requireUserWithPermission } from "~/utils/permissions.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return handleApi(apiLang(request), async () => {
    const user = await requireUserWithPermission(request, context.sql, "dispute:handle");
    const id = await requireDisputeAccess(context.sql, user, params.id);
    const documentId = params.documentId ?? "";
    const doc = UUID.test(documentId) ? await readDocument(context.sql, documentId) : null;
    if (!doc || doc.ownerKind !== DISPUTE_OWNER || doc.ownerId !== id) throw problem.notFound();
    return new Response(new Uint8Array(doc.bytes), {
      headers: {
        "Content-Type": doc.mime,
        // The name as typed may hold any letter; headers carry Latin-1 only, so the full name goes encoded.
        "Content-Disposition": `attachment; filename="${doc.fileName.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
        "Content-Length": String(doc.bytes.length),
      },
    });
  });
}

export { readOnlyAction as action };
