// The search text of the public search, read one way for its API and its page: `string()` (no control
// characters), trimmed, SEARCH_MIN..SEARCH_MAX characters, else a 400 that says what to type.
import { Problem } from "~/lib/problems";
import { string } from "~/lib/schemas/atoms";
import { SEARCH_MAX, SEARCH_MIN } from "~/models/public-search.server";

const QUERY = string()
  .max(SEARCH_MAX * 4)
  .transform((q) => q.trim().replace(/\s+/g, " "))
  .pipe(string().min(SEARCH_MIN).max(SEARCH_MAX));

/** The search text of `q`, or the problem to answer (400 naming `q`). */
export function readSearchQuery(raw: string | null): string {
  const parsed = QUERY.safeParse(raw ?? "");
  if (parsed.success) return parsed.data;
  const params = { min: SEARCH_MIN, max: SEARCH_MAX };
  throw new Problem("bad_parameter", {
    fields: [{ field: "q", code: "invalid", key: "public.searchQuery", params }],
    key: "public.searchQuery",
    params,
  });
}
