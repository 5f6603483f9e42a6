// GET /api/v1/public/data-centre/<dataset>.csv?wilayah=: one dataset of the public data centre as CSV, the
// rows and totals the page shows (`;` and a BOM; `&sep=comma` for commas). Aggregates only; cacheable.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { datasetCsvAnswer } from "~/utils/data-centre.server";
import { handleApi, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, () => datasetCsvAnswer(request, context.sql, { file: params.file ?? "", lang }));
}

export { readOnlyAction as action };
