// GET /api/v1/archive: the staff archive as JSON: submitted supervision reports, C.Hasil photos and documents
// (every owner kind of the documents store) of an area, by date and kind, newest first, a page at a time.
// Query: `wilayah` (inside the caller's own area), `dari`/`sampai` (YYYY-MM-DD, the election's days),
// `jenis` (report, photo, document; repeatable; all when absent), `page` (from 0). Every search is audited.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { ARCHIVE_PAGE_SIZE } from "~/lib/supervision-report";
import { searchArchive } from "~/models/supervision-reports.server";
import { archiveFilters, auditView } from "~/utils/forma.server";
import { handleApi, json, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { requireUserWithPermission } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    const user = await requireUserWithPermission(request, context.sql, "archive:read");
    const filters = archiveFilters(new URL(request.url), user);
    const { items, count } = await searchArchive(context.sql, filters);
    await auditView(context, user, {
      action: "archive.search",
      entity: `area:${filters.area ?? "*"}`,
      after: { ...filters.asked, page: filters.page, count },
    });
    return json({ area: filters.area, page: filters.page, pageSize: ARCHIVE_PAGE_SIZE, count, items });
  });
}

export { readOnlyAction as action };
