import { useMemo } from "react";
import type { DashboardTps } from "~/lib/dashboard";
import type { Region } from "./map-filters";

/** How many TPS of each kecamatan have reported every contest. */
export function KecamatanProgress({
  tpsList,
  kecamatan,
  contestCodes,
}: {
  tpsList: DashboardTps[];
  kecamatan: Region[];
  contestCodes: string[];
}) {
  const progress = useMemo(
    () => progressByKecamatan(tpsList, kecamatan, contestCodes),
    [tpsList, kecamatan, contestCodes],
  );
  return (
    <table className="kecamatan-progress">
      <tbody>
        {progress.map((k) => (
          <tr key={k.code}>
            <td>{k.name}</td>
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

function progressByKecamatan(tpsList: DashboardTps[], kecamatan: Region[], contestCodes: string[]) {
  // One pass over the TPS (a kelurahan code is its kecamatan's code plus one segment).
  const counts = new Map<string, { total: number; reported: number }>();
  const byKelurahan = new Map<string, { total: number; reported: number }>();
  for (const tp of tpsList) {
    let c = byKelurahan.get(tp.kelurahanCode);
    if (!c) {
      const kecCode = tp.kelurahanCode.slice(0, tp.kelurahanCode.lastIndexOf("."));
      c = counts.get(kecCode);
      if (!c) counts.set(kecCode, (c = { total: 0, reported: 0 }));
      byKelurahan.set(tp.kelurahanCode, c);
    }
    c.total++;
    if (contestCodes.every((code) => tp.results[code] && tp.results[code] !== "missing")) c.reported++;
  }
  return kecamatan.map((k) => ({
    ...k,
    total: counts.get(k.code)?.total ?? 0,
    reported: counts.get(k.code)?.reported ?? 0,
  }));
}
