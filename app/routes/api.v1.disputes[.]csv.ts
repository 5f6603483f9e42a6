// GET /api/v1/disputes.csv?wilayah=&state=&from=&to=&q=: the register of process disputes with the same
// filters as the page and GET /api/v1/disputes, for a spreadsheet set to Indonesian (`&sep=comma` for one set
// to English, like every export). No representative's address or phone.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvSeparatorParam, toCsv } from "~/lib/csv";
import { disputeCells, disputeHeader } from "~/lib/disputes-sheet";
import { csvResponse } from "~/models/exports.server";
import { listDisputes } from "~/models/disputes.server";
import { disputeParams, disputeRule, presentDispute } from "~/utils/disputes.server";
import { handleApi, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { requireUserWithPermission } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    const user = await requireUserWithPermission(request, context.sql, "dispute:handle");
    const { asked: _asked, ...query } = disputeParams(new URL(request.url), user);
    const [{ rows }, rule] = await Promise.all([listDisputes(context.sql, query), disputeRule(context.sql)]);
    const now = new Date();
    const lines = rows.map((r) => disputeCells(presentDispute(r, rule, now), lang));
    return csvResponse(
      toCsv([disputeHeader(lang), ...lines], csvSeparatorParam(new URL(request.url).searchParams.get("sep"))),
      "pantau-sengketa.csv",
    );
  });
}

export { readOnlyAction as action };
