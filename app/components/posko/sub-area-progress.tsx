import { useMemo } from "react";
import { ballotsAt, type ContestAreas, type DashboardTps } from "~/lib/dashboard";
import { formatNumber } from "~/lib/format";
import { regionLabel } from "~/lib/regions";
import { useLang } from "~/lib/use-t";
import type { Region } from "./map-filters";

/**
 * The areas one level below the area shown: the kabupaten/kota of a province, the kecamatan of a city, the
 * kelurahan of a kecamatan (a single city's command post starts at its kecamatan).
 */
export function subAreasOf(area: string | null, regions: Region[]): Region[] {
  if (area === null) {
    const cities = regions.filter((r) => r.level === "city");
    return cities.length > 1 ? cities : regions.filter((r) => r.level === "kecamatan");
  }
  const children = regions.filter((r) => r.parentCode === area);
  return children.length ? children : regions.filter((r) => r.code === area);
}

/** Per sub-area and per contest (by its name), how many of the TPS that vote in it have reported it: one
 *  line per contest, as "every ballot" hides a contest that lags behind the other. */
export function SubAreaProgress({
  tpsList,
  subAreas,
  contests,
  areas,
}: {
  tpsList: DashboardTps[];
  subAreas: Region[];
  contests: { code: string; name: string }[];
  areas: ContestAreas;
}) {
  const lang = useLang();
  const contestCodes = useMemo(() => contests.map((c) => c.code), [contests]);
  const progress = useMemo(
    () => progressBySubArea(tpsList, subAreas, contestCodes, areas),
    [tpsList, subAreas, contestCodes, areas],
  );
  return (
    <table className="kecamatan-progress" data-testid="sub-area-progress">
      <tbody>
        {progress.map((k) => (
          <tr key={k.code} data-testid={`sub-area-${k.code}`}>
            <td>{regionLabel(k.kind, k.name)}</td>
            <td>
              {contests.map((c) =>
                k.byContest[c.code].total ? (
                  <span key={c.code} className="contest-progress" data-testid={`sub-area-${k.code}-${c.code}`}>
                    <span className="muted small">{c.name}</span>
                    <span className="num">
                      {formatNumber(k.byContest[c.code].reported, lang)}/{formatNumber(k.byContest[c.code].total, lang)}
                    </span>
                    <progress max={k.byContest[c.code].total} value={k.byContest[c.code].reported} />
                  </span>
                ) : null,
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function progressBySubArea(tpsList: DashboardTps[], subAreas: Region[], contestCodes: string[], areas: ContestAreas) {
  // One pass over the TPS: the sub-area is the kelurahan code cut to the sub-areas' number of segments.
  const segments = subAreas[0]?.code.split(".").length ?? 0;
  const counts = new Map<string, Record<string, { total: number; reported: number }>>(
    subAreas.map((s) => [s.code, Object.fromEntries(contestCodes.map((code) => [code, { total: 0, reported: 0 }]))]),
  );
  const ballotsOf = new Map<string, string[]>();
  for (const tp of tpsList) {
    const c = counts.get(tp.kelurahanCode.split(".").slice(0, segments).join("."));
    if (!c) continue;
    let ballots = ballotsOf.get(tp.kelurahanCode);
    if (!ballots) ballotsOf.set(tp.kelurahanCode, (ballots = ballotsAt(tp.kelurahanCode, contestCodes, areas)));
    for (const code of ballots) {
      c[code].total++;
      if (tp.results[code] && tp.results[code] !== "missing") c[code].reported++;
    }
  }
  return subAreas.map((s) => ({ ...s, byContest: counts.get(s.code)! }));
}
