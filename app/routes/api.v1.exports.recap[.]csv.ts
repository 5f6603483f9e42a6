// GET /api/v1/exports/recap.csv?contest=walikota&level=kecamatan[&area=16.73.04]: the recap table as CSV
// (staff; supervisors within their area).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getContest } from "~/models/election.server";
import { csvResponse, recapCsv } from "~/models/exports.server";
import { RECAP_LEVELS, recapScope, type RecapLevel } from "~/models/recap.server";
import { requireUserWithPermission } from "~/utils/permissions.server";
import { ApiError, handleApi } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    const user = await requireUserWithPermission(request, context.sql, lang, "posko:view");
    const url = new URL(request.url);
    const level = (url.searchParams.get("level") ?? "kecamatan") as RecapLevel;
    const contest = await getContest(context.sql, { code: (url.searchParams.get("contest") ?? "").slice(0, 40) });
    const errors = [
      ...(contest
        ? []
        : [
            {
              field: "contest",
              code: "unknown_contest",
              message: lang === "en" ? "Unknown contest." : "Jenis pemilihan tidak dikenal.",
            },
          ]),
      ...(RECAP_LEVELS.includes(level)
        ? []
        : [
            {
              field: "level",
              code: "invalid",
              message:
                lang === "en"
                  ? "Level must be kelurahan, kecamatan or city."
                  : "Tingkat harus kelurahan, kecamatan atau city.",
            },
          ]),
    ];
    if (errors.length) throw new ApiError(422, "invalid", errors[0].message, errors);
    const scope = recapScope(user, url.searchParams.get("area"));
    return csvResponse(
      await recapCsv(context.sql, { level, contest: contest!, scope }),
      `pantau-rekap-${contest!.code}-${level}.csv`,
    );
  });
}
