// One shape for the officer's JSON actions (quick count, check-in, checklist, day status): parse the body with its zod
// schema, check the role and the TPS, run the model in a writer job, answer 201 / 200 (identical retry).
import { problem } from "~/lib/problems";
import type { ActionFunctionArgs } from "@remix-run/node";
import type { z } from "zod";
import type { Lang } from "~/lib/i18n";
import { fieldProblems } from "~/lib/schemas";
import type { SessionUser } from "~/models/users.server";
import { requireApiUser } from "~/utils/auth.server";
import { handleApi, json, readJson } from "~/utils/http.server";
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
      if (request.method !== "POST") throw problem.methodNotAllowed();
      const user = await requireApiUser(request, context.sql, lang, ["officer", "supervisor", "operator", "admin"]);
      const parsed = schema.safeParse(await readJson(request));
      if (!parsed.success) throw problem.invalid(fieldProblems(parsed.error));
      const body = parsed.data as z.infer<S> & { tpsCode: string };
      if (user.role === "officer" && body.tpsCode !== user.tpsCode) {
        throw problem.otherTps(user.tpsCode);
      }
      const answer = await context.writer.write((ctx) => run(ctx, { user, body, lang }), { key: options.key?.(body) });
      return json(answer.body, answer.httpStatus);
    });
  };
}

export const postOnly = () => json({ message: "Use POST.", code: "method_not_allowed" }, 405);
