// GET /api/v1/disputes/:id/documents: the petition's documents (no bytes), each with its download address.
// POST multipart {kind, file}: adds one through the document store (checked by its first bytes: PDF, JPEG,
// PNG or WebP, at most 5 MB; 422 naming `file` otherwise); 201 with the document.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { problem } from "~/lib/problems";
import { readDocumentKind } from "~/lib/schemas/disputes";
import { DISPUTE_OWNER } from "~/models/disputes.server";
import { listDocuments } from "~/models/documents.server";
import { documentAs, formFile, requireDisputeAccess } from "~/utils/disputes.server";
import { handleApi, json, readMultipart } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { requireUserWithPermission } from "~/utils/permissions.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return handleApi(apiLang(request), async () => {
    const user = await requireUserWithPermission(request, context.sql, "dispute:handle");
    const id = await requireDisputeAccess(context.sql, user, params.id);
    const documents = await listDocuments(context.sql, DISPUTE_OWNER, id);
    return json(
      { documents: documents.map((d) => ({ ...d, url: `/api/v1/disputes/${id}/documents/${d.id}` })) },
      { headers: { "Cache-Control": "no-store" } },
    );
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  return handleApi(apiLang(request), async () => {
    if (request.method !== "POST") throw problem.methodNotAllowed();
    const user = await requireUserWithPermission(request, context.sql, "dispute:handle");
    const form = await readMultipart(request);
    const kind = readDocumentKind(form.get("kind"));
    const file = await formFile(form.get("file"));
    if (!file) throw problem.invalidField("file", "required", undefined, "document.required");
    const document = await documentAs(context, user, params.id ?? "", { ...file, kind });
    return json(
      { document: { ...document, url: `/api/v1/disputes/${document.ownerId}/documents/${document.id}` } },
      { status: 201 },
    );
  });
}
