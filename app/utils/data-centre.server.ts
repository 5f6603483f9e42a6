// The data centre's public answers (the JSON index and each dataset's CSV) and the activity log's filters.
// Public reads are cacheable like the others (decision 034): a content ETag, a short max-age, CORS open.
import {
  columnLabel,
  datasetCsvHref,
  datasetCsvRows,
  isDataset,
  ACTIVITY_KINDS,
  type ActivityKind,
} from "~/lib/data-centre";
import { csvSeparatorParam, toCsv } from "~/lib/csv";
import { translate, type Lang } from "~/lib/i18n";
import { dataCentreMessages } from "~/lib/messages/data-centre";
import { problem } from "~/lib/problems";
import { ELECTION_ROOT } from "~/lib/region-summary";
import { REGION_CODE } from "~/lib/schemas/atoms";
import { isCalendarDate } from "~/lib/supervision";
import { getDataCentre, type DataCentre } from "~/models/data-centre.server";
import type { ActivityFilters } from "~/models/supervision.server";
import type { Db } from "./db.server";
import { publicJson, publicRead } from "./http.server";
import { regionCodeParam } from "./params.server";

const CORS = { "Access-Control-Allow-Origin": "*" };

/** `?wilayah=` of the data centre: a region code or ELECTION_ROOT (the default); else a 400. */
export const dataCentreArea = (url: URL) =>
  regionCodeParam(url.searchParams.get("wilayah") || ELECTION_ROOT, "wilayah");

async function centreOf(sql: Db, url: URL): Promise<DataCentre> {
  const centre = await getDataCentre(sql as Parameters<typeof getDataCentre>[0], { code: dataCentreArea(url) });
  if (!centre) throw problem.notFound();
  return centre;
}

/** The JSON index: the area, its children and every dataset with its columns' labels and its CSV address. */
export function dataCentreJson(centre: DataCentre, lang: Lang) {
  const { area, parents, children } = centre.summary;
  return {
    area: { code: area.code, name: area.name, level: area.level, kind: area.kind },
    parents,
    children: children.map((c) => ({ code: c.code, name: c.name, level: c.level, kind: c.kind })),
    datasets: centre.datasets.map((d) => ({
      key: d.key,
      asOf: d.asOf,
      unit: d.unit,
      columns: d.columns.map((c) => ({ key: c.key, label: columnLabel(c, lang), ...(c.share ? { share: true } : {}) })),
      rows: d.rows.map((r) => ({ code: r.code, name: r.name, ...(r.self ? { self: true } : {}), values: r.values })),
      total: d.total,
      csv: datasetCsvHref(d.key, area.code),
    })),
  };
}

export async function dataCentreIndexAnswer(request: Request, sql: Db, lang: Lang) {
  const centre = await centreOf(sql, new URL(request.url));
  return publicRead(
    request,
    { version: `dc-index:${lang}:${centre.version}` },
    () => publicJson({ ...dataCentreJson(centre, lang), asOf: new Date().toISOString() }),
    CORS,
  );
}

/** `GET /api/v1/public/data-centre/<dataset>.csv?wilayah=`: one dataset as the page shows it. */
export async function datasetCsvAnswer(request: Request, sql: Db, { file, lang }: { file: string; lang: Lang }) {
  const key = file.endsWith(".csv") ? file.slice(0, -4) : "";
  if (!isDataset(key)) throw problem.notFound();
  const url = new URL(request.url);
  const centre = await centreOf(sql, url);
  const separator = csvSeparatorParam(url.searchParams.get("sep"));
  const dataset = centre.datasets.find((d) => d.key === key)!;
  const code = centre.summary.area.code;
  return publicRead(
    request,
    { version: `dc-csv:${key}:${separator}:${lang}:${centre.version}` },
    () => {
      const text = toCsv(datasetCsvRows(dataset, translate(lang, dataCentreMessages, "dc.total")), separator);
      return new Response(text, {
        headers: {
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename="pantau-data-${key}-${code === ELECTION_ROOT ? "semua" : code}.csv"`,
        },
      });
    },
    CORS,
  );
}

/** The activity log's filters from the query (`jenis`, `wilayah`, `dari`, `sampai`): values that cannot be read
 *  are left out, as page filters are (decision 028), and never reach SQL. */
export function activityFilters(url: URL): ActivityFilters {
  const q = (name: string) => url.searchParams.get(name) ?? "";
  const kind = q("jenis");
  return {
    kind: (ACTIVITY_KINDS as readonly string[]).includes(kind) ? (kind as ActivityKind) : null,
    area: REGION_CODE.test(q("wilayah")) ? q("wilayah") : null,
    from: isCalendarDate(q("dari")) ? q("dari") : null,
    to: isCalendarDate(q("sampai")) ? q("sampai") : null,
  };
}
