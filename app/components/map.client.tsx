// The command-post map (Leaflet; client only: Leaflet touches `window` at import, STACK-NOTES gotcha 4).
// Markers are vector circles: they draw with or without tiles, and tiles are optional (TILE_URL).
import { CircleMarker, MapContainer, TileLayer, Tooltip } from "react-leaflet";
import type { LatLngBoundsExpression } from "leaflet";
import { useMemo } from "react";
import { mapStatus, STATUS_COLOURS, type DashboardTps } from "~/lib/dashboard";

export default function TpsMap({ tps, contestCodes, tileUrl, statusLabel }: {
  tps: DashboardTps[];
  contestCodes: string[];
  tileUrl: string;
  statusLabel: (status: string) => string;
}) {
  const bounds = useMemo<LatLngBoundsExpression>(() => {
    if (!tps.length) return [[-3.35, 102.8], [-3.25, 102.92]];
    const lats = tps.map((t) => t.lat);
    const lngs = tps.map((t) => t.lng);
    return [[Math.min(...lats), Math.min(...lngs)], [Math.max(...lats), Math.max(...lngs)]];
    // bounds are fixed at first render so live updates do not move the map under the operator's hand
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <MapContainer bounds={bounds} className="map" zoomControl attributionControl>
      {tileUrl ? <TileLayer url={tileUrl} attribution="&copy; OpenStreetMap" /> : null}
      {tps.map((t) => {
        const status = mapStatus(t.results, contestCodes);
        return (
          <CircleMarker
            key={`${t.code}-${status}`}
            center={[t.lat, t.lng]}
            radius={6}
            // className is a creation option (setStyle ignores it): the key above re-creates a marker on change.
            className={`tps-marker tps-${t.code} status-${status}`}
            pathOptions={{ color: "#ffffff", weight: 1, fillColor: STATUS_COLOURS[status], fillOpacity: 0.9 }}
          >
            <Tooltip>TPS {t.code}: {statusLabel(status)}</Tooltip>
          </CircleMarker>
        );
      })}
    </MapContainer>
  );
}
