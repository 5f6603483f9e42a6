// POST /api/v1/supervision-reports/:tps/scan: the signed paper, scanned back (multipart `file`: a PDF or a
// photo, checked by its first bytes) into the documents store, owned by the TPS's report and placed in its
// kelurahan so the archive finds it. Staff who may read the TPS's report; 201 with the document.
import type { ActionFunctionArgs } from "@remix-run/node";
import { problem } from "~/lib/problems";
import { TPS_CODE } from "~/lib/schemas";
import { saveScan } from "~/utils/forma.server";
import { handleApi, json, readMultipart } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { requireUserWithPermission } from "~/utils/permissions.server";

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    if (request.method !== "POST") throw problem.methodNotAllowed();
    const user = await requireUserWithPermission(request, context.sql, "report:read");
    const tpsCode = params.tps ?? "";
    if (!TPS_CODE.test(tpsCode)) throw problem.notFound();
    const form = await readMultipart(request);
    const document = await saveScan(context, { user, tpsCode, file: form.get("file"), lang });
    return json(document, 201);
  });
}

export const loader = () => json({ message: "Use POST.", code: "method_not_allowed" }, 405);
