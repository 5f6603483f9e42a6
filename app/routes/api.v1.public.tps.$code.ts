// GET /api/v1/public/tps/:code: one TPS's verified results per contest it votes in, with C.Hasil photo URLs;
// no login, no personal data (open data, CORS open like the summary); cacheable (ETag of its content,
// Last-Modified its last change, 304 for a reader who has it).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { problem } from "~/lib/problems";
import { TPS_CODE } from "~/lib/schemas";
import { getPublicTps } from "~/models/public-tps.server";
import { handleApi, publicJson, publicRead, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { OPEN_DATA_HEADERS } from "./api.v1.public.summary";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return handleApi(apiLang(request), async () => {
    const code = params.code ?? "";
    const tps = TPS_CODE.test(code) ? await getPublicTps(context.sql, { code }) : undefined;
    if (!tps) throw problem.notFound();
    const text = JSON.stringify(tps);
    return publicRead(
      request,
      { version: `tps:${text}`, lastModified: tps.lastChange },
      () => publicJson(text),
      OPEN_DATA_HEADERS,
    );
  });
}

export { readOnlyAction as action };
