// GET /officer/offline-kit: what the officer's phone keeps to work without signal (app/lib/offline-kit.ts),
// fetched by the service worker right after login: the officer, the ballots of their TPS with their choices
// and the pages to warm, most important first.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { OFFICER_SCREENS } from "~/components/officer-nav";
import { quickChoiceList } from "~/lib/c1-layout";
import { officerPages, type OfflineKit } from "~/lib/offline-kit";
import { contestsForTps, getTps } from "~/models/election.server";
import { json } from "~/utils/http.server";
import { requestLang } from "~/utils/lang.server";
import { requirePageUser } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "officer:app");
  const tps = (await getTps(context.sql, { code: user.tpsCode! }))!;
  const contests = await contestsForTps(context.sql, { kelurahanCode: tps.kelurahanCode });
  const kit: OfflineKit = {
    account: user.id,
    tps: tps.code,
    lang: requestLang(request),
    contests: contests.map((c) => ({
      code: c.code,
      name: c.name,
      choices: quickChoiceList(c).map(({ number, name }) => ({ number, name })),
    })),
    pages: officerPages(
      contests.map((c) => c.code),
      OFFICER_SCREENS.map((s) => s.href),
    ),
  };
  return json(kit);
}
