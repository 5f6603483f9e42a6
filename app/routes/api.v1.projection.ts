// GET /api/v1/projection: for each contest, the projection from the sampled TPS that reported (estimate
// and 95% margin per choice over the contest's own area, see app/lib/projection.ts), or null without a
// sample. Staff only. `?contest=<code>` (repeatable) asks only for those contests: the command post asks for
// the one it shows, as the whole election has thousands (unknown codes are left out, never queried).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { ballotChoices } from "~/lib/ballot";
import { listContests } from "~/models/election.server";
import { getProjection } from "~/models/projection.server";
import { requireUserWithPermission } from "~/utils/permissions.server";
import { handleApi, json, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    await requireUserWithPermission(request, context.sql, "posko:view");
    const asked = new URL(request.url).searchParams.getAll("contest");
    const contests = (await listContests(context.sql)).filter((c) => asked.length === 0 || asked.includes(c.code));
    const entries = await Promise.all(
      contests.map(
        async (c) =>
          [
            c.code,
            await getProjection(context.sql, { contest: c.code, candidates: ballotChoices(c).map((k) => k.number) }),
          ] as const,
      ),
    );
    return json({ contests: Object.fromEntries(entries) });
  });
}

export { readOnlyAction as action };
