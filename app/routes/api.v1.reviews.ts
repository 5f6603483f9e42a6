// POST /api/v1/reviews: a reviewer's decision on a result (issue 4 point 5).
//   {action: "verify", tpsCode, contest, submissionId?}      verify the current result or make a source current
//   {action: "correct", ...quick count, reason, source}      a new verified revision with the reason
//   {action: "resolve_paper", formId, choice, note, values?} settle a double-entry conflict (supervisor)
// Supervisors only inside their area (403), per-field 422, 409 when the state does not allow it.
import type { ActionFunctionArgs } from "@remix-run/node";
import { translate } from "~/lib/i18n";
import { fieldErrors, ReviewBody } from "~/lib/schemas";
import { runReview } from "~/models/review.server";
import { requireUserWithPermission } from "~/utils/permissions.server";
import { ApiError, apiError, handleApi, json, readJson } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    if (request.method !== "POST") throw apiError(lang, 405, "method_not_allowed", "api.methodNotAllowed");
    const user = await requireUserWithPermission(request, context.sql, lang, "result:review");
    const parsed = ReviewBody.safeParse(await readJson(request, lang));
    if (!parsed.success)
      throw new ApiError(422, "invalid", translate(lang, "api.invalidField"), fieldErrors(parsed.error, lang));
    const answer = await context.writer.write((ctx) => runReview(ctx, { user, body: parsed.data, lang }));
    return json(answer);
  });
}

export const loader = () => json({ message: "Use POST.", code: "method_not_allowed" }, 405);
