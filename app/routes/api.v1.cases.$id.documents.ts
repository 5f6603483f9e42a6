// POST /api/v1/cases/:id/documents (multipart: `document`, optional `label`): attach a document (minutes, a
// letter, a decision) to a case, audited -> 201 the document's info. 422 for an empty, too large or
// unknown file; 403 outside the caller's region or role.
import type { ActionFunctionArgs } from "@remix-run/node";
import { problem } from "~/lib/problems";
import { attachCaseDocument } from "~/models/cases.server";
import { caseId, evidenceOf } from "~/utils/case-actions.server";
import { handleApi, json } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { requireUserWithPermission } from "~/utils/permissions.server";

export async function action({ request, params, context }: ActionFunctionArgs) {
  return handleApi(apiLang(request), async () => {
    if (request.method !== "POST") throw problem.methodNotAllowed();
    const user = await requireUserWithPermission(request, context.sql, "case:handle");
    const id = caseId(params.id);
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw problem.badForm();
    }
    const [file] = await evidenceOf(form, "document", 1);
    if (!file) throw problem.invalid([{ field: "document", code: "required", key: "document.required" }]);
    const rawLabel = form.get("label");
    const label = (typeof rawLabel === "string" ? rawLabel.trim().slice(0, 200) : "") || file.fileName;
    return json(await context.writer.write((ctx) => attachCaseDocument(ctx, { user, id, label, file })), 201);
  });
}
