// GET /api/v1/projection: for each contest, the projection from the sampled TPS that reported (estimate
// and 95% margin per choice over the contest's own area, see app/lib/projection.ts), or null without a
// sample. Staff only. `?contest=<code>` (repeatable, at most 50) asks only for those contests: the command
// post asks for the one it shows, as the whole election has thousands, and only those contests are read
// (reading every contest with its party lists took 4-7 s at 820,000 TPS). Unknown codes are left out.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { ballotChoices } from "~/lib/ballot";
import { contestsByCode, listContests } from "~/models/election.server";
import { getProjections } from "~/models/projection.server";
import { requireUserWithPermission } from "~/utils/permissions.server";
import { handleApi, json, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { listParam } from "~/utils/params.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    await requireUserWithPermission(request, context.sql, "posko:view");
    const asked = listParam(new URL(request.url), "contest", { max: 50 });
    const contests = asked.length
      ? await contestsByCode(context.sql, { codes: asked })
      : await listContests(context.sql);
    const projections = await getProjections(
      context.sql,
      contests.map((c) => ({ contest: c.code, candidates: ballotChoices(c).map((k) => k.number) })),
    );
    return json({ contests: Object.fromEntries(contests.map((c) => [c.code, projections.get(c.code) ?? null])) });
  });
}

export { readOnlyAction as action };
