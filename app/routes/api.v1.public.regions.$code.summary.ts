// GET /api/v1/public/regions/:code/summary: a region's running totals and its children's for the public page
// (aggregates only: no incidents, no personal data; docs/decisions/013). No login, CORS open like the other
// open data. Cache-friendly: shared caches may keep it 5 s, and a client that holds the answer for the same
// event-log sequence gets a 304 before any total is read.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { problem } from "~/lib/problems";
import { publicRegionSummary, summarySeq } from "~/models/region-summary.server";
import { handleApi, json, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { regionCodeParam } from "~/utils/params.server";
import { OPEN_DATA_HEADERS } from "./api.v1.public.summary";

const CACHE_CONTROL = "public, max-age=5";
/** The answer changes only with the event log's sequence: every change to results or settings bumps it. */
const etagOf = (seq: number) => `"s${seq}"`;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return handleApi(apiLang(request), async () => {
    const code = regionCodeParam(params.code);
    // The sequences of the answers the client holds (ETags it sends back); other tags are ignored.
    const held = (request.headers.get("If-None-Match") ?? "")
      .split(",")
      .map((tag) => /^(?:W\/)?"s(\d{1,15})"$/.exec(tag.trim())?.[1])
      .filter((seq) => seq !== undefined)
      .map(Number);
    if (held.length) {
      const seq = await summarySeq(context.sql);
      const etag = etagOf(seq);
      if (held.includes(seq))
        return new Response(null, {
          status: 304,
          headers: { ...OPEN_DATA_HEADERS, ETag: etag, "Cache-Control": CACHE_CONTROL },
        });
    }
    const summary = await publicRegionSummary(context.sql, { code, newerThan: held.length ? Math.max(...held) : -1 });
    if (!summary) throw problem.notFound();
    const response = json(summary, { headers: OPEN_DATA_HEADERS });
    response.headers.set("Cache-Control", CACHE_CONTROL);
    response.headers.set("ETag", etagOf(summary.seq));
    response.headers.set("Last-Modified", new Date(summary.asOf).toUTCString());
    return response;
  });
}

export { readOnlyAction as action };
