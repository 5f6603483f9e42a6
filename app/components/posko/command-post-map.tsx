import { lazy, Suspense, useEffect, useState } from "react";
import { TpsDetailPanel } from "~/components/tps-detail";
import { useStatusLabel } from "./status-label";
import { MapFilters, type Region } from "./map-filters";
import { MapLegend } from "./map-legend";
import { liveMessages } from "~/lib/messages/live";
import { useT } from "~/lib/use-t";
import { CutBanner } from "./live-status";
import type { ContestSummary } from "./contest-totals";
import type { ContestAreas } from "~/lib/dashboard";
import type { useMapView } from "./use-map-view";

// Leaflet needs the browser: the map loads after the page has hydrated.
const TpsMap = lazy(() => import("~/components/map.client"));

/** The full-screen map with its filters and legend, and the detail of the TPS clicked on. */
export function CommandPostMap({
  view,
  tpsCount,
  contests,
  contestCodes,
  areas,
  kecamatan,
  regions,
  tileUrl,
  selected,
  onSelect,
  cut = false,
}: {
  view: ReturnType<typeof useMapView>;
  tpsCount: number;
  contests: ContestSummary[];
  contestCodes: string[];
  areas: ContestAreas;
  kecamatan: Region[];
  regions: Region[];
  tileUrl: string;
  selected: string | null;
  onSelect: (code: string | null) => void;
  /** The connection is cut: what the map shows may be out of date. */
  cut?: boolean;
}) {
  const statusLabel = useStatusLabel();
  const t = useT(liveMessages);
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return (
    <div className="map-wrap" data-testid="map">
      {mounted ? (
        <Suspense fallback={null}>
          <TpsMap
            tps={view.filtered}
            contestCodes={contestCodes}
            areas={areas}
            tileUrl={tileUrl}
            statusLabel={statusLabel}
            stale={view.stale}
            alerting={view.alerting}
            incidents={view.looseIncidents}
            responders={view.located}
            onSelect={onSelect}
            selected={selected}
            cappedNote={(count) => t("map.capped", { count })}
            focus={{ area: view.area, tps: view.inAreaTps }}
          />
        </Suspense>
      ) : null}
      <MapFilters
        filters={view.filters}
        kecamatan={kecamatan}
        regions={regions}
        shown={view.filtered.length}
        total={tpsCount}
      />
      <MapLegend />
      {cut ? <CutBanner /> : null}
      {selected ? <TpsDetailPanel code={selected} onClose={() => onSelect(null)} contests={contests} /> : null}
    </div>
  );
}
