// GET /api/v1/public/regions/:code/tps.json: the per-TPS open data of a region (or `ID`, the whole election):
// `{area, asOf, rows[]}`, one row per TPS and contest, verified numbers only, no personal data; streamed, cacheable.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { handleApi, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { openDataAnswer } from "~/utils/open-data.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return handleApi(apiLang(request), () =>
    openDataAnswer(request, context.sql, { code: params.code ?? "", format: "json" }),
  );
}

export { readOnlyAction as action };
