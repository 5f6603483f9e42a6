// A small map of incident locations for the responder (client only: Leaflet touches `window` at import). Vector markers
// draw without tiles.
import { CircleMarker, MapContainer, TileLayer, Tooltip } from "react-leaflet";
import { useMemo } from "react";
import type { LatLngBoundsExpression } from "leaflet";

export const SEVERITY_COLOURS: Record<string, string> = {
  low: "#5f6368",
  medium: "#f29900",
  high: "#e8710a",
  critical: "#d93025",
};

export default function IncidentMiniMap({
  points,
  tileUrl,
}: {
  points: { id: string; lat: number; lng: number; severity: string; label: string }[];
  tileUrl: string;
}) {
  const bounds = useMemo<LatLngBoundsExpression>(() => {
    const lats = points.map((p) => p.lat);
    const lngs = points.map((p) => p.lng);
    const pad = 0.005;
    return [
      [Math.min(...lats) - pad, Math.min(...lngs) - pad],
      [Math.max(...lats) + pad, Math.max(...lngs) + pad],
    ];
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [points.length]);
  return (
    <MapContainer bounds={bounds} className="map" zoomControl>
      {tileUrl ? <TileLayer url={tileUrl} attribution="&copy; OpenStreetMap" /> : null}
      {points.map((p) => (
        <CircleMarker
          key={p.id}
          center={[p.lat, p.lng]}
          radius={9}
          className={`incident-marker sev-${p.severity}`}
          pathOptions={{ color: "#fff", weight: 2, fillColor: SEVERITY_COLOURS[p.severity], fillOpacity: 0.95 }}
        >
          <Tooltip>{p.label}</Tooltip>
        </CircleMarker>
      ))}
    </MapContainer>
  );
}
