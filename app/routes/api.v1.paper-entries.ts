// POST /api/v1/paper-entries: one operator's keying of a paper/phone/radio quick-count form (blind double
// entry). 201 {formId, state: awaiting_second | consolidated | conflict}; 200 identical retry; 409 same id
// with another body, same operator twice, or a form waiting for a supervisor; 422 per field.
import { problem } from "~/lib/problems";
import type { ActionFunctionArgs } from "@remix-run/node";
import { requireUserWithPermission } from "~/utils/permissions.server";
import { handleApi, json, readJson } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { enterPaperForm } from "~/utils/review-actions.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    if (request.method !== "POST") throw problem.methodNotAllowed();
    const user = await requireUserWithPermission(request, context.sql, "paper:enter");
    const answer = await enterPaperForm(context, { user, raw: await readJson(request), lang });
    return json(answer.body, answer.httpStatus);
  });
}

export const loader = () => json({ message: "Use POST.", code: "method_not_allowed" }, 405);
