// POST /api/v1/public/reports (no login): a citizen's report of a violation, JSON or multipart with an
// optional photo -> 201 {trackingCode, status, queued}. `queued` is true when reports flood in: the report is kept
// and read after the others. 422 per field, 413 too large, 429 too many from one address (or the flood queue full).
import { problem } from "~/lib/problems";
import type { ActionFunctionArgs } from "@remix-run/node";
import { handleApi, json } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { filePublicReport } from "~/utils/public-report.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    if (request.method !== "POST") throw problem.methodNotAllowed();
    return json(await filePublicReport(request, context), 201);
  });
}
