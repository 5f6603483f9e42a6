// GET /api/v1/officers?wilayah=&filter=&silentMinutes=&page=: the officer roster of the caller's area (staff
// with roster:read), one page of ROSTER_PAGE TPS with each one's officer, phone, check-in, last-heard time and
// history. POST /api/v1/officers {action: "replace"|"move", ...}: a change of person (roster:manage, inside
// the caller's area); a replacement answers the new PIN once.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { problem } from "~/lib/problems";
import { ROSTER_PAGE, silentMinutes } from "~/lib/roster";
import { readOfficerChange } from "~/lib/schemas/roster";
import { listRoster, rosterChanges } from "~/models/roster.server";
import { handleApi, json, readJson } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { requireUserWithPermission } from "~/utils/permissions.server";
import { changeOfficer, rosterParams, rosterWindow } from "~/utils/roster.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  return handleApi(apiLang(request), async () => {
    const user = await requireUserWithPermission(request, context.sql, "roster:read");
    const params = rosterParams(new URL(request.url), user);
    const now = new Date();
    const { rows, total } = await listRoster(context.sql, { ...params, now, ...rosterWindow(params) });
    const changes = await rosterChanges(context.sql, { tpsCodes: rows.filter((r) => r.changes).map((r) => r.tpsCode) });
    return json(
      {
        area: params.area,
        filter: params.filter,
        silentMinutes: params.silentMinutes,
        page: params.page,
        pageSize: ROSTER_PAGE,
        total,
        at: now.toISOString(),
        officers: rows.map((r) => ({
          ...r,
          silentMinutes: silentMinutes(r.lastSeenAt, now),
          history: changes.filter((c) => c.tpsCode === r.tpsCode),
        })),
      },
      { headers: { "Cache-Control": "no-store" } },
    );
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  return handleApi(apiLang(request), async () => {
    if (request.method !== "POST") throw problem.methodNotAllowed();
    const user = await requireUserWithPermission(request, context.sql, "roster:manage");
    const change = readOfficerChange(await readJson(request));
    const result = await changeOfficer(context, user, change);
    return json(result, { status: 201, headers: { "Cache-Control": "no-store" } });
  });
}
