// GET /api/v1/public/search?q=: a TPS by its code (any writing), a region by its code or a kelurahan/desa by a
// part of its name; at most 20 regions; no login, CORS open, cacheable. 400 with a message for a q that is
// missing, shorter than 2 or longer than 64 characters.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { searchPublic } from "~/models/public-search.server";
import { handleApi, publicJson, publicRead, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { readSearchQuery } from "~/utils/public-search.server";
import { OPEN_DATA_HEADERS } from "./api.v1.public.summary";

/** Names and codes change only with an import: a search may be reused for a minute. */
export const SEARCH_MAX_AGE = 60;

export async function loader({ request, context }: LoaderFunctionArgs) {
  return handleApi(apiLang(request), async () => {
    const q = readSearchQuery(new URL(request.url).searchParams.get("q"));
    const result = await searchPublic(context.sql, { q });
    const text = JSON.stringify(result);
    return publicRead(
      request,
      { version: `search:${text}`, maxAge: SEARCH_MAX_AGE },
      () => publicJson(text),
      OPEN_DATA_HEADERS,
    );
  });
}

export { readOnlyAction as action };
