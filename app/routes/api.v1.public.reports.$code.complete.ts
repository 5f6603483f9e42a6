// POST /api/v1/public/reports/:code/complete (no login): the reporter completes a laporan the case officer
// found incomplete, by its tracking code: `note` (what was missing) and, in a multipart body, up to three
// `evidence` files. 200 with the case's public view; 404 unknown code; 409 when the case is not incomplete;
// 422 per field; 429 past COMPLETION_RATE.
import type { ActionFunctionArgs } from "@remix-run/node";
import { problem } from "~/lib/problems";
import { handleApi, json } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { completeReport } from "~/utils/case-actions.server";

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    if (request.method !== "POST") throw problem.methodNotAllowed();
    return json(await completeReport(request, context, params.code ?? ""));
  });
}
