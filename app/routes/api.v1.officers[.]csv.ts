// GET /api/v1/officers.csv?wilayah=&filter=&silentMinutes=: the roster with the same filters as the page and
// GET /api/v1/officers, every matching TPS (up to CSV_MAX), for a spreadsheet set to Indonesian (`&sep=comma`
// for one set to English, like every export).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvSeparatorParam, toCsv } from "~/lib/csv";
import { formatDateTime, formatTime } from "~/lib/format";
import { translate } from "~/lib/i18n";
import { rosterMessages } from "~/lib/messages/roster";
import { phoneForSheet } from "~/lib/phone";
import { changeLine, silentMinutes } from "~/lib/roster";
import { csvResponse } from "~/models/exports.server";
import { listRoster, rosterChanges } from "~/models/roster.server";
import { handleApi, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { requireUserWithPermission } from "~/utils/permissions.server";
import { rosterParams } from "~/utils/roster.server";

/** A kabupaten's roster is a few thousand rows; a province's is paged through the API instead. */
const CSV_MAX = 20_000;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    const user = await requireUserWithPermission(request, context.sql, "roster:read");
    const params = rosterParams(new URL(request.url), user);
    const now = new Date();
    const { rows } = await listRoster(context.sql, { ...params, now, limit: CSV_MAX, offset: 0 });
    const changes = await rosterChanges(context.sql, { tpsCodes: rows.filter((r) => r.changes).map((r) => r.tpsCode) });
    const t = (key: Parameters<typeof translate<keyof (typeof rosterMessages)["id"]>>[2]) =>
      translate(lang, rosterMessages, key);
    const header = [
      t("roster.tps"),
      t("roster.kelurahan"),
      t("roster.kecamatan"),
      t("roster.officer"),
      t("roster.phone"),
      t("roster.checkedIn"),
      t("roster.lastSeen"),
      t("roster.filter.silent"),
      t("roster.filter.vacant"),
      t("roster.filter.replaced"),
    ];
    const lines = rows.map((r) => [
      r.tpsCode,
      r.kelurahan,
      r.kecamatan,
      r.name ?? "",
      r.phone ? phoneForSheet(r.phone) : "",
      r.checkedInAt ? formatDateTime(r.checkedInAt, lang) : "",
      r.lastSeenAt ? formatTime(r.lastSeenAt, lang) : "",
      silentMinutes(r.lastSeenAt, now),
      r.vacantSince ? formatDateTime(r.vacantSince, lang) : "",
      changes
        .filter((c) => c.tpsCode === r.tpsCode)
        .map((c) => changeLine(c, lang))
        .join(" | "),
    ]);
    return csvResponse(
      toCsv([header, ...lines], csvSeparatorParam(new URL(request.url).searchParams.get("sep"))),
      "pantau-petugas.csv",
    );
  });
}

export { readOnlyAction as action };
