// The drill-down of the command post: the breadcrumb from the whole election to the open area, and the
// child regions with their share reported per contest, worst status and open incidents; a child opens with
// a link (`?wilayah=<code>`), so the address changes and the back button returns.
import { Link } from "@remix-run/react";
import { Breadcrumb as SharedBreadcrumb } from "~/components/breadcrumb";
import { inArea } from "~/lib/access";
import { STATUS_COLOURS } from "~/lib/dashboard";
import { worstStatus } from "~/lib/drill-down";
import { formatNumber, formatShare } from "~/lib/format";
import { drillDownMessages } from "~/lib/messages/drill-down";
import { ELECTION_ROOT, shareReported, type AreaTotals, type RegionSummary } from "~/lib/region-summary";
import { regionLabel } from "~/lib/regions";
import { useLang, useT } from "~/lib/use-t";
import { useStatusLabel } from "./status-label";

export const areaHref = (code: string) => `/posko?wilayah=${encodeURIComponent(code)}`;

export function useAreaName() {
  const t = useT(drillDownMessages);
  return (a: { code: string; name: string; kind: string }) =>
    a.code === ELECTION_ROOT ? t("drill.election") : regionLabel(a.kind, a.name);
}

/** The shared breadcrumb (app/components/breadcrumb.tsx) with the command post's links: a parent outside the
 *  view is printed without one. */
export function Breadcrumb({ summary, viewScope }: { summary: RegionSummary; viewScope: string | null }) {
  const t = useT(drillDownMessages);
  const name = useAreaName();
  return (
    <SharedBreadcrumb
      summary={summary}
      href={(code) => (viewScope === null || inArea(code, viewScope) ? areaHref(code) : null)}
      name={name}
      label={t("drill.breadcrumb")}
      testId="breadcrumb"
    />
  );
}

/** The child regions, each with its share reported per contest, worst status and open incidents. */
export function ChildRegions({ areas }: { areas: AreaTotals[] }) {
  const t = useT(drillDownMessages);
  const lang = useLang();
  const name = useAreaName();
  const statusLabel = useStatusLabel();
  if (!areas.length) return null;
  return (
    <section className="child-regions" data-testid="child-regions">
      <h2>{t("drill.children")}</h2>
      <table>
        <thead>
          <tr>
            <th>{t("drill.region")}</th>
            <th className="num">{t("drill.tps")}</th>
            <th>{t("drill.reported")}</th>
            <th>{t("drill.status")}</th>
            <th className="num">{t("drill.incidents")}</th>
          </tr>
        </thead>
        <tbody>
          {areas.map((a) => {
            const status = worstStatus(a.contests);
            return (
              <tr key={a.code} data-testid={`child-${a.code}`}>
                <td>
                  <Link to={areaHref(a.code)} aria-label={t("drill.openRegion", { name: name(a) })}>
                    {name(a)}
                  </Link>
                </td>
                <td className="num">{formatNumber(a.tps, lang)}</td>
                <td className="small nowrap">
                  {a.contests.map((c) => (
                    <div key={c.key} title={c.name} data-testid={`child-share-${a.code}-${c.key}`}>
                      {t(`drill.type.${c.type}`)} <strong>{formatShare(shareReported(c), lang)}</strong>
                    </div>
                  ))}
                </td>
                <td data-testid={`child-status-${a.code}`}>
                  {/* A dot with its word on hover: the panel is narrow, the map's colours are the same. */}
                  <span
                    className="status-dot"
                    style={{ background: STATUS_COLOURS[status] }}
                    role="img"
                    aria-label={statusLabel(status)}
                    title={statusLabel(status)}
                  />
                </td>
                <td className="num" data-testid={`child-incidents-${a.code}`}>
                  {a.openIncidents === null ? "–" : formatNumber(a.openIncidents, lang)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
