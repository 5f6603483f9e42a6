// GET /api/v1/public/summary: the public, aggregate-only summary; no login. Also the open data
// in JSON (CORS open so anyone may build on it); the CSV is /api/v1/public/summary.csv.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCachedPublicSummary } from "~/models/public.server";
import { handleApi, json, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";

export const OPEN_DATA_HEADERS = { "Access-Control-Allow-Origin": "*" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  return handleApi(apiLang(request), async () =>
    json(await getCachedPublicSummary(context.sql), { headers: OPEN_DATA_HEADERS }),
  );
}

export { readOnlyAction as action };
