// POST /api/v1/reviews: a reviewer's decision on a result (issue 4 point 5).
//   {action: "verify", tpsCode, contest, submissionId?}      verify the current result or make a source current
//   {action: "correct", ...quick count, reason, source}      a new verified revision with the reason
//   {action: "resolve_paper", formId, choice, note, values?} settle a double-entry conflict (supervisor)
// Supervisors only inside their area (403), per-field 422, 409 when the state does not allow it.
import { problem } from "~/lib/problems";
import type { ActionFunctionArgs } from "@remix-run/node";
import { fieldProblems, ReviewBody } from "~/lib/schemas";
import { runReview } from "~/models/review.server";
import { requireApiUser } from "~/utils/auth.server";
import { handleApi, json, readJson } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    if (request.method !== "POST") throw problem.methodNotAllowed();
    const user = await requireApiUser(request, context.sql, lang, ["supervisor", "operator", "admin"]);
    const parsed = ReviewBody.safeParse(await readJson(request));
    if (!parsed.success) throw problem.invalid(fieldProblems(parsed.error));
    const answer = await context.writer.write((ctx) => runReview(ctx, { user, body: parsed.data, lang }));
    return json(answer);
  });
}

export const loader = () => json({ message: "Use POST.", code: "method_not_allowed" }, 405);
