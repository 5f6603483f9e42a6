// /api/v1/supervision-reports: POST the officer's supervision report (Form A) of their own TPS, through the
// outbox: 201 a new version, 200 an identical retry, 409 the same id with another body or a report the
// command post has accepted, 422 per field (notes above their bound), 403 another TPS.
// GET: the reports of an area for staff who may read them (`?wilayah=` inside their own, `?page=`), audited.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { problem } from "~/lib/problems";
import { SupervisionReportBody } from "~/lib/schemas/forma";
import { reportsOfArea, submitReport } from "~/models/supervision-reports.server";
import { auditView } from "~/utils/forma.server";
import { handleApi, json, readJson } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { areaParam, wholeNumberParam } from "~/utils/params.server";
import { parseBody } from "~/utils/parse-body.server";
import { areaWithin, requireUserWithPermission } from "~/utils/permissions.server";

const REPORTS_PAGE_SIZE = 100;

export async function action({ request, context }: ActionFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    if (request.method !== "POST") throw problem.methodNotAllowed();
    const user = await requireUserWithPermission(request, context.sql, "report:submit");
    const body = parseBody(SupervisionReportBody, await readJson(request));
    if (body.tpsCode !== user.tpsCode) throw problem.otherTps(user.tpsCode);
    const answer = await context.writer.write((ctx) => submitReport(ctx, { user, body }));
    return json(answer.body, answer.httpStatus);
  });
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    const user = await requireUserWithPermission(request, context.sql, "report:read");
    const url = new URL(request.url);
    const area = areaWithin(user, areaParam(url));
    const page = wholeNumberParam(url, "page", { min: 0, max: 10_000, fallback: 0 })!;
    const { reports, count } = await reportsOfArea(context.sql, {
      area,
      limit: REPORTS_PAGE_SIZE,
      offset: page * REPORTS_PAGE_SIZE,
    });
    await auditView(context, user, {
      action: "supervision_report.list",
      entity: `area:${area ?? "*"}`,
      after: { page },
    });
    return json({
      area,
      page,
      count,
      reports: reports.map(({ content: _content, ...r }) => r),
    });
  });
}
