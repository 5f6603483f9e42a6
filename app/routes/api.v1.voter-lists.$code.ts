// GET /api/v1/voter-lists/:code: the voter list of a TPS for its officer's phone (docs/decisions/047): row
// number, name, sex, age band, RT/RW, status and the NIK's keyed slow hash, with the TPS's salt for checking
// an NIK typed in. Never an NIK. Only the officer of that TPS (403 otherwise); 404 when none was imported; 409 once the TPS has reported.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { problem } from "~/lib/problems";
import { TPS_CODE } from "~/lib/schemas";
import { voterListFor, voterListStatus } from "~/models/voters.server";
import { handleApi, json, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { mayHoldVoterList, requireAccess, requireUserWithPermission } from "~/utils/permissions.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    const user = await requireUserWithPermission(request, context.sql, "voters:check");
    const code = params.code ?? "";
    if (!TPS_CODE.test(code)) throw problem.notFound();
    requireAccess(user, mayHoldVoterList(user, code), "other_tps");
    // Once the TPS has reported, the list has done its work: it is not handed out again (409).
    if (!(await voterListStatus(context.sql, { tpsCode: code, userTps: user.tpsCode })).keep)
      throw problem.conflict("voters_reported");
    const list = await voterListFor(context.sql, { tpsCode: code, salt: context.voterKey.saltOf(code) });
    if (!list) throw problem.notFound();
    // Personal data: no cache on the way may keep it.
    return json(list, { headers: { "Cache-Control": "no-store" } });
  });
}

export { readOnlyAction as action };
