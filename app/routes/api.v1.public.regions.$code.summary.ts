// GET /api/v1/public/regions/:code/summary: a region's running totals and its children's for the public page
// (aggregates only: no incidents, no personal data; docs/decisions/013). No login, CORS open like the other
// open data. Cache-friendly (docs/decisions/034-public-reads-cached.md): computed once for every reader at a
// time (app/models/public-region.server.ts), an ETag of its content (not of the event sequence, which moves
// with every change anywhere), shared caches may keep it a few seconds, and a reader who holds it gets a 304.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { problem } from "~/lib/problems";
import type { RegionSummary } from "~/lib/region-summary";
import { getPublicRegionSummary } from "~/models/public-region.server";
import { handleApi, publicJson, publicRead, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { regionCodeParam } from "~/utils/params.server";
import { OPEN_DATA_HEADERS } from "./api.v1.public.summary";

// A kept summary is read by many: its text and version are made once. The version leaves out when it was
// read and the event sequence, which change without the totals changing.
const memo = new WeakMap<RegionSummary, { text: string; version: string }>();
function answerOf(summary: RegionSummary) {
  let hit = memo.get(summary);
  if (!hit) {
    hit = {
      text: JSON.stringify(summary),
      version: `region:${JSON.stringify({ ...summary, asOf: "", seq: 0 })}`,
    };
    memo.set(summary, hit);
  }
  return hit;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return handleApi(apiLang(request), async () => {
    const code = regionCodeParam(params.code);
    const summary = await getPublicRegionSummary(context.sql, { code });
    if (!summary) throw problem.notFound();
    const { text, version } = answerOf(summary);
    // Last-Modified is when these totals were read: a reader that sends only a date asks again after that.
    return publicRead(request, { version, lastModified: summary.asOf }, () => publicJson(text), OPEN_DATA_HEADERS);
  });
}

export { readOnlyAction as action };
