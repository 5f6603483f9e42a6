// GET /api/v1/exports/results.csv[?contest=walikota][&area=16.73.04][&sep=comma]: every TPS and contest it votes
// in, with status and numbers, one column per choice (staff, within their area; `area` narrows it).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { problem } from "~/lib/problems";
import { getContest } from "~/models/election.server";
import { csvResponse, resultsCsv } from "~/models/exports.server";
import { csvSeparatorParam } from "~/lib/csv";
import { recapScope } from "~/models/recap.server";
import { requireUserWithPermission } from "~/utils/permissions.server";
import { handleApi, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    const user = await requireUserWithPermission(request, context.sql, "posko:view");
    const url = new URL(request.url);
    const asked = url.searchParams.get("contest");
    const contest = asked === null ? null : await getContest(context.sql, { code: asked.slice(0, 40) });
    if (contest === undefined)
      throw problem.invalidFields([{ field: "contest", code: "unknown_contest", key: "recap.unknownContest" }]);
    return csvResponse(
      await resultsCsv(context.sql, {
        scope: recapScope(user, url.searchParams.get("area")),
        contest: contest?.code ?? null,
        separator: csvSeparatorParam(url.searchParams.get("sep")),
      }),
      contest ? `pantau-hasil-tps-${contest.code}.csv` : "pantau-hasil-tps.csv",
    );
  });
}

export { readOnlyAction as action };
