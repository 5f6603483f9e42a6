// The command post's map at an upper level (Leaflet; client only): each child region as one marker at the
// mean of its TPS's coordinates, showing its share reported as a number, coloured by its worst status, with
// a badge of its open incidents. A click opens the region. Drawn without tiles too (TILE_URL optional).
import { MapContainer, Marker, TileLayer } from "react-leaflet";
import L, { type LatLngBoundsExpression } from "leaflet";
import { useMemo } from "react";
import { worstStatus } from "~/lib/drill-down";
import type { AreaTotals } from "~/lib/region-summary";

export interface RegionMarker {
  area: AreaTotals;
  /** The readable share reported (e.g. "45,3%"). */
  share: string;
  /** The marker's tooltip and accessible name. */
  title: string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function regionIcon(m: RegionMarker, label: string) {
  const status = worstStatus(m.area.contests);
  const incidents = m.area.openIncidents ?? 0;
  return L.divIcon({
    className: `region-marker cluster-${status}`,
    html:
      `<span class="region-share">${escapeHtml(m.share)}</span><span class="region-name">${escapeHtml(label)}</span>` +
      (incidents > 0 ? `<span class="region-incidents">${incidents}</span>` : ""),
    iconSize: [96, 44],
    iconAnchor: [48, 22],
  });
}

export default function RegionMap({
  markers,
  label,
  tileUrl,
  onOpen,
}: {
  markers: RegionMarker[];
  label: (a: AreaTotals) => string;
  tileUrl: string;
  onOpen: (code: string) => void;
}) {
  const placed = markers.filter((m) => m.area.centre);
  const bounds = useMemo<LatLngBoundsExpression>(() => {
    if (!placed.length)
      return [
        [-11, 95],
        [6, 141],
      ];
    const lats = placed.map((m) => m.area.centre![0]);
    const lngs = placed.map((m) => m.area.centre![1]);
    const pad = 0.05;
    return [
      [Math.min(...lats) - pad, Math.min(...lngs) - pad],
      [Math.max(...lats) + pad, Math.max(...lngs) + pad],
    ];
    // fixed at first render so live totals do not move the map under the operator's hand
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <MapContainer bounds={bounds} className="map" zoomControl attributionControl>
      {tileUrl ? <TileLayer url={tileUrl} attribution="&copy; OpenStreetMap" /> : null}
      {placed.map((m) => (
        <Marker
          key={m.area.code}
          position={m.area.centre!}
          icon={regionIcon(m, label(m.area))}
          title={m.title}
          alt={m.title}
          keyboard
          eventHandlers={{ click: () => onOpen(m.area.code) }}
        />
      ))}
    </MapContainer>
  );
}
