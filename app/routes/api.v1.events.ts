// GET /api/v1/events?after=SEQ: the events the caller missed, in order, at most 1000 a page.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { eventsAfter, MAX_EVENTS_PER_PAGE } from "~/models/events.server";
import { handleApi, json, readOnlyAction } from "~/utils/http.server";
import { requireEventView } from "~/utils/permissions.server";
import { apiLang } from "~/utils/lang.server";
import { wholeNumberParam } from "~/utils/params.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    const { user } = await requireEventView(request, context.sql);
    const after = wholeNumberParam(new URL(request.url), "after", { fallback: 0 }) ?? 0;
    const events = await eventsAfter(context.sql, { after, user });
    return json({ events, more: events.length === MAX_EVENTS_PER_PAGE });
  });
}

export { readOnlyAction as action };
