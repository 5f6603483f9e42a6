// GET /api/v1/disputes?wilayah=&state=&from=&to=&q=: the register of process disputes (SIPS) of the caller's
// area (case officers their region, admins all), newest first, each with its running deadline.
// POST /api/v1/disputes: files a petition (JSON, or multipart with the same fields and `file`, the petition's
// document); 201 with its id and whether it came late, 403 for a KPU office outside the caller's area, 422 per
// field.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { problem } from "~/lib/problems";
import { petitionFromForm, readPetition } from "~/lib/schemas/disputes";
import { listDisputes } from "~/models/disputes.server";
import { disputeParams, disputeRule, fileAs, formFields, formFile, presentDispute } from "~/utils/disputes.server";
import { handleApi, json, readJson, readMultipart } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { requireUserWithPermission } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  return handleApi(apiLang(request), async () => {
    const user = await requireUserWithPermission(request, context.sql, "dispute:handle");
    const { asked: _asked, ...query } = disputeParams(new URL(request.url), user);
    const [{ rows, total }, rule] = await Promise.all([listDisputes(context.sql, query), disputeRule(context.sql)]);
    const now = new Date();
    return json(
      { area: query.area, total, at: now.toISOString(), disputes: rows.map((r) => presentDispute(r, rule, now)) },
      { headers: { "Cache-Control": "no-store" } },
    );
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  return handleApi(apiLang(request), async () => {
    if (request.method !== "POST") throw problem.methodNotAllowed();
    const user = await requireUserWithPermission(request, context.sql, "dispute:handle");
    const type = request.headers.get("Content-Type") ?? "";
    let raw: unknown;
    let file = null;
    if (type.toLowerCase().startsWith("multipart/form-data")) {
      const form = await readMultipart(request);
      raw = petitionFromForm(formFields(form));
      file = await formFile(form.get("file"));
    } else raw = await readJson(request);
    const filed = await fileAs(context, user, readPetition(raw), file);
    return json(filed, { status: 201, headers: { "Cache-Control": "no-store" } });
  });
}
