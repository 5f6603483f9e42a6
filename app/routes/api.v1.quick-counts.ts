// POST /api/v1/quick-counts: 201 new, 200 identical retry, 409 changed retry, 422 per-field errors,
// 403 another TPS, 401 without a session (SPEC section 7).
import type { ActionFunctionArgs } from "@remix-run/node";
import { translate } from "~/lib/i18n";
import { fieldErrors, QuickCountBody } from "~/lib/schemas";
import { submitQuickCount } from "~/models/results.server";
import { requireApiUser } from "~/utils/auth.server";
import { ApiError, apiError, handleApi, json, readJson } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    if (request.method !== "POST") throw apiError(lang, 405, "method_not_allowed", "api.methodNotAllowed");
    const user = await requireApiUser(request, context.sql, lang, ["officer", "supervisor", "operator", "admin"]);
    const parsed = QuickCountBody.safeParse(await readJson(request, lang));
    if (!parsed.success) throw new ApiError(422, "invalid", translate(lang, "api.invalidField"), fieldErrors(parsed.error, lang));
    if (user.role === "officer" && parsed.data.tpsCode !== user.tpsCode) {
      throw apiError(lang, 403, "other_tps", "api.otherTps", { tps: user.tpsCode ?? "-" });
    }
    const answer = await context.writer.write((ctx) => submitQuickCount(ctx, { user, body: parsed.data, source: "app", lang }));
    return json(answer.body, answer.httpStatus);
  });
}

export const loader = () => json({ message: "Use POST.", code: "method_not_allowed" }, 405);
