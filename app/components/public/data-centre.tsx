// One dataset of the public data centre: its "as of" line, a bar chart of the columns people would rather look
// at than read (plain HTML and CSS: each bar carries its number as text, so screen readers and paper get the
// values too), the table the CSV repeats, and the CSV link.
import { Link } from "@remix-run/react";
import {
  columnLabel,
  dataCentreHref,
  datasetCsvHref,
  VULNERABILITY_INDICATORS,
  type Column,
  type Dataset,
} from "~/lib/data-centre";
import { formatDate, formatDateTime, formatNumber, formatShare } from "~/lib/format";
import type { Lang } from "~/lib/i18n";
import { dataCentreMessages } from "~/lib/messages/data-centre";
import { useLang, useT } from "~/lib/use-t";

/** Each dataset's title (the section's heading and the page's jump link). */
export const STAGE_TITLE = {
  voters: "dc.stage.voters",
  activities: "dc.stage.activities",
  "activities-weekly": "dc.stage.activitiesWeekly",
  violations: "dc.stage.violations",
  disputes: "dc.stage.disputes",
  vulnerability: "dc.stage.vulnerability",
  results: "dc.stage.results",
} as const;
const STAGE_NOTE = {
  voters: "dc.stage.votersNote",
  activities: "dc.stage.activitiesNote",
  "activities-weekly": null,
  violations: "dc.stage.violationsNote",
  disputes: "dc.stage.disputesNote",
  vulnerability: "dc.stage.vulnerabilityNote",
  results: "dc.stage.resultsNote",
} as const;

const value = (c: Column, n: number, lang: Lang) => (c.share ? formatShare(n, lang) : formatNumber(n, lang));

export function DatasetSection({ dataset: d, areaCode }: { dataset: Dataset; areaCode: string }) {
  const t = useT(dataCentreMessages);
  const lang = useLang();
  const note = STAGE_NOTE[d.key];
  const rowName = (r: Dataset["rows"][number]) =>
    d.unit === "week" ? formatDate(`${r.code}T12:00:00Z`, lang) : r.self ? t("dc.self", { name: r.name }) : r.name;
  const empty = d.rows.every((r) => r.values.every((v) => v === 0)) || d.columns.length === 0;
  const first = d.unit === "week" ? t("dc.week") : d.unit === "tps" ? t("dc.tps") : t("dc.area");
  return (
    <section className="card dc-dataset" id={d.key} data-testid={`dc-${d.key}`} aria-labelledby={`dc-${d.key}-title`}>
      <h2 id={`dc-${d.key}-title`}>{t(STAGE_TITLE[d.key])}</h2>
      {note ? <p className="muted small">{t(note)}</p> : null}
      <p className="muted small" data-testid={`dc-${d.key}-asof`}>
        {d.asOf
          ? t(d.key === "vulnerability" ? "dc.asOfImported" : "dc.asOf", { time: formatDateTime(d.asOf, lang) })
          : t("dc.asOfNone")}
      </p>
      {empty ? (
        <p className="muted">{t("dc.empty")}</p>
      ) : (
        <>
          {d.chart.map((index) => (
            <BarChart key={index} dataset={d} index={index} rowName={rowName} />
          ))}
          <div className="table-scroll">
            <table className="results-table dc-table" data-testid={`dc-${d.key}-table`}>
              <thead>
                <tr>
                  <th scope="col">{first}</th>
                  {d.columns.map((c) => (
                    <th key={c.key} scope="col" className="num">
                      {columnLabel(c, lang)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {d.rows.map((r) => (
                  <tr key={`${r.code}${r.self ? ":self" : ""}`}>
                    <th scope="row">
                      {r.link ? <Link to={dataCentreHref(r.code) + `#${d.key}`}>{rowName(r)}</Link> : rowName(r)}
                    </th>
                    {d.columns.map((c, i) => (
                      <td key={c.key} className="num">
                        {value(c, r.values[i], lang)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="total">
                  <th scope="row">{t("dc.total")}</th>
                  {d.columns.map((c, i) => (
                    <td key={c.key} className="num">
                      {value(c, d.total[i], lang)}
                    </td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
      {d.key === "vulnerability" ? (
        <dl className="dc-legend small">
          {VULNERABILITY_INDICATORS.map((i) => (
            <div key={i.code}>
              <dt>{lang === "en" ? i.shortEn : i.shortId}</dt>
              <dd>{i[lang]}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <p className="dc-csv">
        <a className="button" href={datasetCsvHref(d.key, areaCode)} download data-testid={`dc-${d.key}-csv`}>
          {t("dc.csv")}
        </a>
      </p>
    </section>
  );
}

/** One bar per row for one column, scaled to the largest (a share to 100%). */
function BarChart({
  dataset: d,
  index,
  rowName,
}: {
  dataset: Dataset;
  index: number;
  rowName: (r: Dataset["rows"][number]) => string;
}) {
  const t = useT(dataCentreMessages);
  const lang = useLang();
  const column = d.columns[index];
  const label = columnLabel(column, lang);
  const max = column.share ? 1 : Math.max(1, ...d.rows.map((r) => r.values[index]));
  return (
    <figure className="dc-chart" data-testid={`dc-${d.key}-chart`}>
      <figcaption>{t("dc.chart", { label })}</figcaption>
      <ul>
        {d.rows.map((r) => {
          const n = r.values[index];
          return (
            <li key={`${r.code}${r.self ? ":self" : ""}`}>
              <span className="dc-bar-label">{rowName(r)}</span>
              <span className="dc-bar-track" aria-hidden="true">
                <span className="dc-bar" style={{ transform: `scaleX(${Math.min(1, n / max)})` }} />
              </span>
              <span className="dc-bar-value">{value(column, n, lang)}</span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
