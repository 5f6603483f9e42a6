// GET /api/v1/public/data-centre?wilayah=: the public data centre of an area (default: the whole election) as
// JSON: the area, its children and every dataset (voters, activities, activities-weekly, violations, disputes,
// vulnerability, results) with its "as of" time, columns, rows, totals and CSV address. Aggregates only;
// cacheable, CORS open (decision 034).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { dataCentreIndexAnswer } from "~/utils/data-centre.server";
import { handleApi, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, () => dataCentreIndexAnswer(request, context.sql, lang));
}

export { readOnlyAction as action };
