// POST /api/v1/paper-entries: one operator's keying of a paper/phone/radio quick-count form (blind double
// entry). 201 {formId, state: awaiting_second | consolidated | conflict}; 200 identical retry; 409 same id
// with another body, same operator twice, or a form waiting for a supervisor; 422 per field.
import { problem } from "~/lib/problems";
import type { ActionFunctionArgs } from "@remix-run/node";
import { fieldProblems, PaperEntryBody } from "~/lib/schemas";
import { submitPaperEntry } from "~/models/review.server";
import { requireApiUser } from "~/utils/auth.server";
import { handleApi, json, readJson } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    if (request.method !== "POST") throw problem.methodNotAllowed();
    const user = await requireApiUser(request, context.sql, lang, ["operator", "admin"]);
    const parsed = PaperEntryBody.safeParse(await readJson(request));
    if (!parsed.success) throw problem.invalid(fieldProblems(parsed.error));
    const answer = await context.writer.write((ctx) =>
      submitPaperEntry(ctx, { user, body: parsed.data, source: parsed.data.source, lang }),
    );
    return json(answer.body, answer.httpStatus);
  });
}

export const loader = () => json({ message: "Use POST.", code: "method_not_allowed" }, 405);
