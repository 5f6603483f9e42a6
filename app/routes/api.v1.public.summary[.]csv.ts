// GET /api/v1/public/summary.csv: the public summary as open data, one row per contest, area and candidate;
// cacheable like its JSON twin (the same version).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvSeparatorParam } from "~/lib/csv";
import { getCachedPublicSummary, publicSummaryCsv } from "~/models/public.server";
import { handleApi, publicRead, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { OPEN_DATA_HEADERS, summaryAnswer } from "./api.v1.public.summary";

export async function loader({ request, context }: LoaderFunctionArgs) {
  return handleApi(apiLang(request), async () => {
    const summary = await getCachedPublicSummary(context.sql);
    const separator = csvSeparatorParam(new URL(request.url).searchParams.get("sep"));
    return publicRead(
      request,
      { version: `csv${separator}:${summaryAnswer(summary).version}` },
      () =>
        new Response(publicSummaryCsv(summary, separator), {
          headers: {
            "Content-Type": "text/csv; charset=utf-8",
            "Content-Disposition": 'attachment; filename="pantau-hasil-sementara.csv"',
          },
        }),
      OPEN_DATA_HEADERS,
    );
  });
}

export { readOnlyAction as action };
