// One shape for the officer's actions (quick count, check-in, checklist, day status): parse the body with its zod
// schema, check the TPS, run the model in a writer job, answer 201 / 200 (identical retry). The job is what the
// JSON API and the no-JavaScript form post share; they differ only in how the body is read and the answer written.
import type { ActionFunctionArgs, AppLoadContext } from "@remix-run/node";
import type { z } from "zod";
import type { Lang } from "~/lib/i18n";
import { problem } from "~/lib/problems";
import type { SessionUser } from "~/models/users.server";
import { requireUserWithPermission } from "~/utils/permissions.server";
import { handleApi, json, readJson } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { parseBody } from "~/utils/parse-body.server";
import type { WriteContext } from "~/utils/writer.server";

export interface OfficerJobAnswer {
  httpStatus: number;
  body: unknown;
}

/** An officer action as a function of an unparsed body, for the API route and the page action alike. */
export type OfficerJob = (
  context: Pick<AppLoadContext, "writer">,
  args: { user: SessionUser; raw: unknown; lang: Lang },
) => Promise<OfficerJobAnswer>;

export function officerJob<S extends z.ZodTypeAny>(
  schema: S,
  run: (
    ctx: WriteContext,
    args: { user: SessionUser; body: z.infer<S>; lang: Lang },
  ) => Promise<{ httpStatus: number; body: unknown }>,
  /** The lock key of a job that may run side by side with others in its batch (WriteOptions.key). */
  options: { key?: (body: z.infer<S>) => string } = {},
): OfficerJob {
  return async (context, { user, raw, lang }) => {
    const body = parseBody(schema, raw) as z.infer<S> & { tpsCode: string };
    if (user.role === "officer" && body.tpsCode !== user.tpsCode) throw problem.otherTps(user.tpsCode);
    return context.writer.write((ctx) => run(ctx, { user, body, lang }), { key: options.key?.(body) });
  };
}

/** The JSON API route of an officer job: POST only, a session with an officer-side role, a JSON body. */
export function officerAction(job: OfficerJob) {
  return ({ request, context }: ActionFunctionArgs) => {
    const lang = apiLang(request);
    return handleApi(lang, async () => {
      if (request.method !== "POST") throw problem.methodNotAllowed();
      const user = await requireUserWithPermission(request, context.sql, "result:report");
      const answer = await job(context, { user, raw: await readJson(request), lang });
      return json(answer.body, answer.httpStatus);
    });
  };
}

export const postOnly = () => json({ message: "Use POST.", code: "method_not_allowed" }, 405);
