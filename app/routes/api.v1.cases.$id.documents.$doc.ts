// GET /api/v1/cases/:id/documents/:doc: one document of a case, always as an attachment with its checked
// type (decision 043), for those who may see the case.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { problem } from "~/lib/problems";
import { caseOfDocument } from "~/models/cases.server";
import { readDocument } from "~/models/documents.server";
import { caseId } from "~/utils/case-actions.server";
import { handleApi, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { requireUserWithPermission } from "~/utils/permissions.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return handleApi(apiLang(request), async () => {
    const user = await requireUserWithPermission(request, context.sql, "case:handle");
    const id = caseId(params.id);
    const docId = caseId(params.doc);
    if (!(await caseOfDocument(context.sql, { user, caseId: id }))) throw problem.notFound();
    const doc = await readDocument(context.sql, docId);
    if (!doc || doc.ownerKind !== "case" || doc.ownerId !== id) throw problem.notFound();
    return new Response(new Uint8Array(doc.bytes), {
      headers: {
        "Content-Type": doc.mime,
        "Content-Disposition": `attachment; filename="${doc.fileName}"`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  });
}

export { readOnlyAction as action };
