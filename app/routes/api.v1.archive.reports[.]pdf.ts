// GET /api/v1/archive/reports.pdf?wilayah=<kelurahan or kecamatan>: every submitted supervision report of the
// area as one PDF, made on the server (app/utils/forma-pdf.server.ts): a cover listing the TPS without a
// report, then each report, one page per section. Staff who may use the archive, inside their area; an area
// above a kecamatan, or one with more reports than a PDF holds, is a 422 asking for a smaller one. Audited.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { problem } from "~/lib/problems";
import { regionLabel } from "~/lib/regions";
import { getRegion } from "~/models/election.server";
import { reportsOfArea, tpsWithoutReport } from "~/models/supervision-reports.server";
import { MAX_REPORTS_PER_PDF, reportsPdf } from "~/utils/forma-pdf.server";
import { auditView } from "~/utils/forma.server";
import { handleApi, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { areaParam } from "~/utils/params.server";
import { areaWithin, requireUserWithPermission } from "~/utils/permissions.server";

/** A kecamatan (16.73.02) or a kelurahan (16.73.02.1006): the areas whose reports make one file. */
const SMALL_AREA = /^\d{2}\.\d{2}\.\d{2}(\.\d{4})?$/;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    const user = await requireUserWithPermission(request, context.sql, "archive:read");
    const url = new URL(request.url);
    const asked = areaParam(url);
    const area = areaWithin(user, asked);
    const region = area && SMALL_AREA.test(area) ? await getRegion(context.sql, { code: area }) : undefined;
    if (!region)
      throw problem.invalid(
        [{ field: "wilayah", code: "area_too_large", key: "archive.pdfNeedsArea" }],
        "archive.pdfNeedsArea",
      );
    const { reports, count } = await reportsOfArea(context.sql, { area: region.code, limit: MAX_REPORTS_PER_PDF });
    if (count > MAX_REPORTS_PER_PDF)
      throw problem.invalid(
        [{ field: "wilayah", code: "too_many", key: "forma.pdfTooMany", params: { count, max: MAX_REPORTS_PER_PDF } }],
        "forma.pdfTooMany",
      );
    const missing = await tpsWithoutReport(context.sql, { area: region.code, limit: 1000 });
    const pdf = await reportsPdf({
      areaName: `${regionLabel(region.kind ?? (region.code.length > 8 ? "kelurahan" : "kecamatan"), region.name)} (${region.code})`,
      reports,
      missing,
      lang,
    });
    await auditView(context, user, {
      action: "archive.download_pdf",
      entity: `area:${region.code}`,
      after: { reports: reports.map((r) => `${r.tpsCode}@${r.version}`), bytes: pdf.length },
    });
    const name = `form-a-${region.code}.pdf`;
    return new Response(Buffer.from(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${name}"`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
        "Content-Length": String(pdf.length),
      },
    });
  });
}

export { readOnlyAction as action };
