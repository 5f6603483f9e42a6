// What the command-post map shows: the area and status filters, the stale TPS, and the TPS, incidents and
// responders that pass them. Every list is memoised: with 100,000 TPS each pass over them costs.
import { useMemo, useState } from "react";
import { tpsStatus, type ContestAreas, type DashboardTps } from "~/lib/dashboard";
import { isOpen, type IncidentMap } from "~/lib/incident-feed";
import { inArea } from "~/lib/access";
import { staleChecker, type StaleReason, type StaleConfig } from "~/lib/stale";
import type { Located } from "./use-command-post-live";

/** The stale list shows its count and its first entries. */
export const STALE_SHOWN = 100;
export type StaleList = { count: number; first: [string, StaleReason][] };

export function useMapView({
  tpsList,
  contestCodes,
  areas,
  incidents,
  responders,
  now,
  staleConfig,
}: {
  tpsList: DashboardTps[];
  contestCodes: string[];
  areas: ContestAreas;
  incidents: IncidentMap;
  responders: Located[];
  now: number | null;
  staleConfig: StaleConfig;
}) {
  // Filters: area (kabupaten/kota, kecamatan, kelurahan) and status; the area also narrows the incident feed,
  // the stale list, the contests shown and their progress.
  const [city, setCity] = useState("");
  const [kec, setKec] = useState("");
  const [kel, setKel] = useState("");
  const [statusFilter, setStatusFilter] = useState("");
  const area = kel || kec || city || null;
  const stale = useMemo(
    () => staleTps(tpsList, contestCodes, areas, now, staleConfig),
    [tpsList, contestCodes, areas, now, staleConfig],
  );
  const filtered = useMemo(
    () =>
      !area && !statusFilter
        ? tpsList
        : tpsList.filter(
            (tp) =>
              inArea(tp.kelurahanCode, area) &&
              (!statusFilter ||
                (statusFilter === "stale" ? stale.has(tp.code) : tpsStatus(tp, contestCodes, areas) === statusFilter)),
          ),
    [tpsList, area, statusFilter, stale, contestCodes, areas],
  );
  const areaIncidents = useMemo(
    () => Object.fromEntries(Object.entries(incidents).filter(([, i]) => !area || inArea(i.regionCode, area))),
    [incidents, area],
  );
  const openIncidents = useMemo(() => Object.values(incidents).filter(isOpen), [incidents]);
  const alerting = useMemo(
    () => new Set(openIncidents.flatMap((i) => (i.tpsCode ? [i.tpsCode] : []))),
    [openIncidents],
  );
  const looseIncidents = useMemo(
    () =>
      openIncidents.flatMap((i) =>
        !i.tpsCode && i.lat != null && i.lng != null
          ? [{ id: i.id, lat: i.lat, lng: i.lng, severity: i.severity }]
          : [],
      ),
    [openIncidents],
  );
  const located = useMemo(
    () =>
      responders.flatMap((r) =>
        r.lat != null && r.lng != null ? [{ id: r.id, name: r.name, lat: r.lat, lng: r.lng }] : [],
      ),
    [responders],
  );
  const staleInArea = useMemo(() => firstStale(stale, filtered, tpsList), [stale, filtered, tpsList]);
  // The area's TPS whatever their status: totals, progress and the quick-only list follow the area alone.
  const inAreaTps = useMemo(
    () => (area ? tpsList.filter((tp) => inArea(tp.kelurahanCode, area)) : tpsList),
    [tpsList, area],
  );
  return {
    area,
    inAreaTps,
    filters: { city, setCity, kec, setKec, kel, setKel, statusFilter, setStatusFilter },
    stale,
    filtered,
    areaIncidents,
    alerting,
    looseIncidents,
    located,
    staleInArea,
  };
}

function staleTps(
  tpsList: DashboardTps[],
  contestCodes: string[],
  areas: ContestAreas,
  now: number | null,
  staleConfig: StaleConfig,
) {
  const map = new Map<string, StaleReason>();
  if (now === null) return map;
  const reasonOf = staleChecker(contestCodes, new Date(now), staleConfig, areas);
  for (const tp of tpsList) {
    const reason = reasonOf(tp);
    if (reason) map.set(tp.code, reason);
  }
  return map;
}

/** The stale TPS among those shown: their count and the first few, without walking every TPS twice. */
function firstStale(stale: Map<string, StaleReason>, filtered: DashboardTps[], tpsList: DashboardTps[]): StaleList {
  const first: [string, StaleReason][] = [];
  if (filtered === tpsList) {
    for (const entry of stale) if (first.push(entry) >= STALE_SHOWN) break;
    return { count: stale.size, first };
  }
  let count = 0;
  for (const tp of filtered) {
    const reason = stale.get(tp.code);
    if (reason && ++count <= STALE_SHOWN) first.push([tp.code, reason]);
  }
  return { count, first };
}
