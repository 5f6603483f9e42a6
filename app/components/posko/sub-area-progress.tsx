import { useMemo } from "react";
import { ballotsAt, type ContestAreas, type DashboardTps } from "~/lib/dashboard";
import { regionLabel } from "~/lib/regions";
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

/** How many TPS of each sub-area have reported every contest they vote in. */
export function SubAreaProgress({
  tpsList,
  subAreas,
  contestCodes,
  areas,
}: {
  tpsList: DashboardTps[];
  subAreas: Region[];
  contestCodes: string[];
  areas: ContestAreas;
}) {
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
            <td className="num">
              {k.reported}/{k.total}
            </td>
            <td>
              <progress max={k.total || 1} value={k.reported} />
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
  const counts = new Map<string, { total: number; reported: number }>(
    subAreas.map((s) => [s.code, { total: 0, reported: 0 }]),
  );
  const ballotsOf = new Map<string, string[]>();
  for (const tp of tpsList) {
    const c = counts.get(tp.kelurahanCode.split(".").slice(0, segments).join("."));
    if (!c) continue;
    let ballots = ballotsOf.get(tp.kelurahanCode);
    if (!ballots) ballotsOf.set(tp.kelurahanCode, (ballots = ballotsAt(tp.kelurahanCode, contestCodes, areas)));
    c.total++;
    if (ballots.every((code) => tp.results[code] && tp.results[code] !== "missing")) c.reported++;
  }
  return subAreas.map((s) => ({ ...s, ...counts.get(s.code)! }));
}
