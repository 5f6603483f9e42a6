// The answer of the per-TPS open data of an area, as CSV (for a spreadsheet set to Indonesian, like the other
// exports: decision 022) or JSON: cacheable (a version of the area's results, 304 for a reader who has it),
// streamed a batch at a time, refused (400) for an area too large to stream at once, and at most
// OPEN_STREAMS downloads at once per node, since each holds a database connection while it streams.
import { CSV_BOM, csvLines, csvSeparatorParam, type CsvSeparator } from "~/lib/csv";
import { Problem, problem } from "~/lib/problems";
import { ELECTION_ROOT } from "~/lib/region-summary";
import {
  OPEN_DATA_MAX_TPS,
  openDataArea,
  openDataCells,
  openDataHeader,
  openDataRows,
  type OpenDataArea,
} from "~/models/open-data.server";
import type { Db } from "./db.server";
import { publicRead } from "./http.server";
import { regionCodeParam } from "./params.server";

/** Downloads streaming at once on this node; more wait a few seconds (429 with Retry-After). */
const OPEN_STREAMS = 4;
let streaming = 0;

const CORS = { "Access-Control-Allow-Origin": "*" };

export async function openDataAnswer(
  request: Request,
  sql: Db,
  { code, format }: { code: string; format: "csv" | "json" },
): Promise<Response> {
  const area = await openDataArea(sql, { code: regionCodeParam(code) });
  const separator = csvSeparatorParam(new URL(request.url).searchParams.get("sep"));
  if (!area) throw problem.notFound();
  if (area.tps > OPEN_DATA_MAX_TPS)
    throw new Problem("bad_parameter", {
      fields: [
        {
          field: "code",
          code: "too_large",
          key: "public.openDataTooLarge",
          params: { tps: area.tps, max: OPEN_DATA_MAX_TPS },
        },
      ],
      key: "public.openDataTooLarge",
      params: { tps: area.tps, max: OPEN_DATA_MAX_TPS },
    });
  return publicRead(
    request,
    { version: `open-data:${format}${separator}:${area.version}`, lastModified: area.lastChange },
    () => {
      if (streaming >= OPEN_STREAMS) throw problem.rateLimited(5, "public.openDataBusy");
      const name = `pantau-tps-${code === ELECTION_ROOT ? "semua" : code}`;
      const headers: Record<string, string> =
        format === "csv"
          ? {
              "Content-Type": "text/csv; charset=utf-8",
              "Content-Disposition": `attachment; filename="${name}.csv"`,
            }
          : { "Content-Type": "application/json; charset=utf-8" };
      return new Response(stream(sql, area, format, separator, request.signal), { headers });
    },
    CORS,
  );
}

function stream(sql: Db, area: OpenDataArea, format: "csv" | "json", separator: CsvSeparator, signal: AbortSignal) {
  const encoder = new TextEncoder();
  let source: ReturnType<typeof openDataRows> | null = null;
  let first = true;
  let done = false;
  const finish = () => {
    if (!done) {
      done = true;
      streaming--;
    }
  };
  streaming++;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const head =
        format === "csv"
          ? CSV_BOM + csvLines([openDataHeader(area)], separator)
          : `{"area":${JSON.stringify({ code: area.code, name: area.name, tps: area.tps })},"asOf":${JSON.stringify(new Date().toISOString())},"rows":[`;
      controller.enqueue(encoder.encode(head));
      source = openDataRows(sql, { area, signal });
    },
    async pull(controller) {
      try {
        const next = await source!.next();
        if (next.done) {
          if (format === "json") controller.enqueue(encoder.encode("]}\n"));
          controller.close();
          finish();
          return;
        }
        const text =
          format === "csv"
            ? csvLines(
                next.value.map((r) => openDataCells(area, r)),
                separator,
              )
            : next.value.map((r, i) => (first && i === 0 ? "\n" : ",\n") + JSON.stringify(r)).join("");
        first = false;
        controller.enqueue(encoder.encode(text));
      } catch (error) {
        finish();
        controller.error(error);
      }
    },
    async cancel() {
      finish();
      await source?.return(undefined);
    },
  });
}
