// One shape for the officer's JSON actions (quick count, check-in, checklist, day status): parse the body with its zod
// schema, check the role and the TPS, run the model in a writer job, answer 201 / 200 (identical retry).
import type { ActionFunctionArgs } from "@remix-run/node";
import type { z } from "zod";
import { translate, type Lang } from "~/lib/i18n";
import { fieldErrors } from "~/lib/schemas";
import type { SessionUser } from "~/models/users.server";
import { mayNameTps, requireAccess, requireUserWithPermission } from "~/utils/permissions.server";
import { ApiError, apiError, handleApi, json, readJson } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import type { WriteContext } from "~/utils/writer.server";

export function officerAction<S extends z.ZodTypeAny>(
  schema: S,
  run: (
    ctx: WriteContext,
    args: { user: SessionUser; body: z.infer<S>; lang: Lang },
  ) => Promise<{ httpStatus: number; body: unknown }>,
  /** The lock key of a job that may run side by side with others in its batch (WriteOptions.key). */
  options: { key?: (body: z.infer<S>) => string } = {},
) {
  return ({ request, context }: ActionFunctionArgs) => {
    const lang = apiLang(request);
    return handleApi(lang, async () => {
      if (request.method !== "POST") throw apiError(lang, 405, "method_not_allowed", "api.methodNotAllowed");
      const user = await requireUserWithPermission(request, context.sql, lang, "result:report");
      const parsed = schema.safeParse(await readJson(request, lang));
      if (!parsed.success)
        throw new ApiError(422, "invalid", translate(lang, "api.invalidField"), fieldErrors(parsed.error, lang));
      const body = parsed.data as z.infer<S> & { tpsCode: string };
      requireAccess(lang, user, mayNameTps(user, body.tpsCode), "other_tps");
      const answer = await context.writer.write((ctx) => run(ctx, { user, body, lang }), { key: options.key?.(body) });
      return json(answer.body, answer.httpStatus);
    });
  };
}

export const postOnly = () => json({ message: "Use POST.", code: "method_not_allowed" }, 405);
