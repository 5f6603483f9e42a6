// GET /api/v1/exports/recap.csv?contest=walikota&level=kecamatan[&area=16.73.04][&sep=comma]: the recap table as CSV
// (staff; supervisors within their area).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvSeparatorParam } from "~/lib/csv";
import { getContest } from "~/models/election.server";
import { csvResponse, recapCsv } from "~/models/exports.server";
import { RECAP_LEVELS, recapScope, type RecapLevel } from "~/models/recap.server";
import { requireUserWithPermission } from "~/utils/permissions.server";
import { problem, type FieldProblem } from "~/lib/problems";
import { handleApi, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    const user = await requireUserWithPermission(request, context.sql, "posko:view");
    const url = new URL(request.url);
    const level = (url.searchParams.get("level") ?? "kecamatan") as RecapLevel;
    const contest = await getContest(context.sql, { code: (url.searchParams.get("contest") ?? "").slice(0, 40) });
    const errors: FieldProblem[] = [
      ...(contest ? [] : [{ field: "contest", code: "unknown_contest", key: "recap.unknownContest" as const }]),
      ...(RECAP_LEVELS.includes(level) ? [] : [{ field: "level", code: "invalid", key: "recap.badLevel" as const }]),
    ];
    if (errors.length) throw problem.invalidFields(errors);
    const scope = recapScope(user, url.searchParams.get("area"));
    return csvResponse(
      await recapCsv(context.sql, {
        level,
        contest: contest!,
        scope,
        separator: csvSeparatorParam(url.searchParams.get("sep")),
      }),
      `pantau-rekap-${contest!.code}-${level}.csv`,
    );
  });
}

export { readOnlyAction as action };
