// GET /api/v1/public/summary.csv: the public summary as open data, one row per contest, area and candidate.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCachedPublicSummary, publicSummaryCsv } from "~/models/public.server";
import { handleApi, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { OPEN_DATA_HEADERS } from "./api.v1.public.summary";

export async function loader({ request, context }: LoaderFunctionArgs) {
  return handleApi(
    apiLang(request),
    async () =>
      new Response(publicSummaryCsv(await getCachedPublicSummary(context.sql)), {
        headers: {
          ...OPEN_DATA_HEADERS,
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": 'attachment; filename="pantau-hasil-sementara.csv"',
          "Cache-Control": "no-store",
        },
      }),
  );
}

export { readOnlyAction as action };
