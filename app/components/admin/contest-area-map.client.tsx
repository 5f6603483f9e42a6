// The admin's map of a contest's electoral area (Leaflet; client only). No tiles: the area's regions are
// drawn as boxes around their TPS over a plain background, and the TPS themselves as dots when the area is
// small enough to send them (a national contest shows its 38 provinces as boxes).
import { CircleMarker, MapContainer, Rectangle, Tooltip } from "react-leaflet";
import type { LatLngBoundsExpression } from "leaflet";
import type { AreaRegion } from "~/models/contests.server";

export default function ContestAreaMap({
  regions,
  points,
  tpsLabel,
}: {
  regions: AreaRegion[];
  points: { code: string; lat: number; lng: number }[] | null;
  tpsLabel: (n: number) => string;
}) {
  const boxes = regions.filter((r) => r.box);
  const lats = boxes.flatMap((r) => [r.box![0][0], r.box![1][0]]);
  const lngs = boxes.flatMap((r) => [r.box![0][1], r.box![1][1]]);
  // Without TPS there is nothing to place: Indonesia as a whole.
  const bounds: LatLngBoundsExpression = boxes.length
    ? [
        [Math.min(...lats) - 0.01, Math.min(...lngs) - 0.01],
        [Math.max(...lats) + 0.01, Math.max(...lngs) + 0.01],
      ]
    : [
        [-11, 95],
        [6, 141],
      ];
  return (
    <MapContainer key={JSON.stringify(bounds)} bounds={bounds} className="map" zoomControl attributionControl={false}>
      {boxes.map((r) => (
        <Rectangle
          key={r.code}
          bounds={r.box!}
          pathOptions={{ color: "#1d4ed8", weight: 2, fillOpacity: 0.08 }}
          className="area-box"
        >
          <Tooltip sticky>
            {r.code} {r.name} · {tpsLabel(r.tps)}
          </Tooltip>
        </Rectangle>
      ))}
      {(points ?? []).map((p) => (
        <CircleMarker
          key={p.code}
          center={[p.lat, p.lng]}
          radius={3}
          pathOptions={{ color: "#0f766e", weight: 1, fillOpacity: 0.8 }}
          className="area-tps"
        >
          <Tooltip>{p.code}</Tooltip>
        </CircleMarker>
      ))}
    </MapContainer>
  );
}
