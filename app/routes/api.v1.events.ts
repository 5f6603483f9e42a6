// GET /api/v1/events?after=SEQ: the events the caller missed, in order, at most 1000 a page.
import { problem } from "~/lib/problems";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { eventsAfter, MAX_EVENTS_PER_PAGE } from "~/models/events.server";
import { handleApi, json, readOnlyAction } from "~/utils/http.server";
import { requireEventView } from "~/utils/permissions.server";
import { apiLang } from "~/utils/lang.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    const { user } = await requireEventView(request, context.sql);
    const raw = new URL(request.url).searchParams.get("after") ?? "0";
    const after = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(after)) {
      throw problem.invalidField("after", "invalid", undefined, "api.badAfter");
    }
    const events = await eventsAfter(context.sql, { after, user });
    return json({ events, more: events.length === MAX_EVENTS_PER_PAGE });
  });
}

export { readOnlyAction as action };
