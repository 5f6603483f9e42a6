// POST /api/v1/paper-entries: one operator's keying of a paper/phone/radio quick-count form (blind double
// entry). 201 {formId, state: awaiting_second | consolidated | conflict}; 200 identical retry; 409 same id
// with another body, same operator twice, or a form waiting for a supervisor; 422 per field.
import type { ActionFunctionArgs } from "@remix-run/node";
import { translate } from "~/lib/i18n";
import { fieldErrors, PaperEntryBody } from "~/lib/schemas";
import { submitPaperEntry } from "~/models/review.server";
import { requireUserWithPermission } from "~/utils/permissions.server";
import { ApiError, apiError, handleApi, json, readJson } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    if (request.method !== "POST") throw apiError(lang, 405, "method_not_allowed", "api.methodNotAllowed");
    const user = await requireUserWithPermission(request, context.sql, lang, "paper:enter");
    const parsed = PaperEntryBody.safeParse(await readJson(request, lang));
    if (!parsed.success)
      throw new ApiError(422, "invalid", translate(lang, "api.invalidField"), fieldErrors(parsed.error, lang));
    const answer = await context.writer.write((ctx) =>
      submitPaperEntry(ctx, { user, body: parsed.data, source: parsed.data.source, lang }),
    );
    return json(answer.body, answer.httpStatus);
  });
}

export const loader = () => json({ message: "Use POST.", code: "method_not_allowed" }, 405);
