// POST /api/v1/reviews: a reviewer's decision on a result.
//   {action: "verify", tpsCode, contest, submissionId?}      verify the current result or make a source current
//   {action: "correct", ...quick count, reason, source}      a new verified revision with the reason
//   {action: "resolve_paper", formId, choice, note, values?} settle a double-entry conflict (supervisor)
// Supervisors only inside their area (403), per-field 422, 409 when the state does not allow it.
import { problem } from "~/lib/problems";
import type { ActionFunctionArgs } from "@remix-run/node";
import { requireUserWithPermission } from "~/utils/permissions.server";
import { handleApi, json, readJson } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { reviewResult } from "~/utils/review-actions.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    if (request.method !== "POST") throw problem.methodNotAllowed();
    const user = await requireUserWithPermission(request, context.sql, "result:review");
    const answer = await reviewResult(context, { user, raw: await readJson(request), lang });
    return json(answer);
  });
}

export const loader = () => json({ message: "Use POST.", code: "method_not_allowed" }, 405);
