// GET /api/v1/public/summary: the public, aggregate-only summary; no login. Also the open data
// in JSON (CORS open so anyone may build on it); the CSV is /api/v1/public/summary.csv. Cacheable: an ETag
// of its content, Last-Modified its last result change, a short max-age, 304 for a reader who has it.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCachedPublicSummary, type PublicSummary } from "~/models/public.server";
import { handleApi, publicJson, publicRead, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";

export const OPEN_DATA_HEADERS = { "Access-Control-Allow-Origin": "*" };

// The summary is computed once for every reader (it is cached for a moment), so are its text and version;
// generatedAt changes on every computation while the content may not: it stays out of the version.
const memo = new WeakMap<PublicSummary, { text: string; version: string }>();
export function summaryAnswer(summary: PublicSummary) {
  let hit = memo.get(summary);
  if (!hit) {
    hit = { text: JSON.stringify(summary), version: `summary:${JSON.stringify({ ...summary, generatedAt: "" })}` };
    memo.set(summary, hit);
  }
  return hit;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  return handleApi(apiLang(request), async () => {
    const summary = await getCachedPublicSummary(context.sql);
    const { text, version } = summaryAnswer(summary);
    return publicRead(request, { version }, () => publicJson(text), OPEN_DATA_HEADERS);
  });
}

export { readOnlyAction as action };
