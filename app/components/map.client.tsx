// The command-post map (Leaflet; client only: Leaflet touches `window` at import, STACK-NOTES gotcha 4).
// Markers are vector circles and div icons: they draw with or without tiles, and tiles are optional
// (TILE_URL). Zoomed out, TPS are grouped by a screen grid (app/lib/cluster.ts); zoomed in, only the TPS
// in view are drawn, so a province-sized region stays usable.
import { CircleMarker, MapContainer, Marker, TileLayer, Tooltip, useMap, useMapEvents } from "react-leaflet";
import L, { type LatLngBoundsExpression } from "leaflet";
import { useMemo, useState } from "react";
import { gridCluster } from "~/lib/cluster";
import { mapStatus, STATUS_COLOURS, type DashboardTps, type MapStatus } from "~/lib/dashboard";

/** Below this zoom TPS are clustered (the demo city fits at 13: all its TPS show one by one). */
export const CLUSTER_BELOW_ZOOM = 13;

export interface MapResponder { id: number; name: string; lat: number; lng: number }
export interface MapIncidentPoint { id: string; lat: number; lng: number; severity: string }

interface Props {
  tps: DashboardTps[];
  contestCodes: string[];
  tileUrl: string;
  statusLabel: (status: string) => string;
  stale?: Set<string>;
  /** TPS codes with an open incident: drawn with a red ring. */
  alerting?: Set<string>;
  incidents?: MapIncidentPoint[];
  responders?: MapResponder[];
  onSelect?: (code: string) => void;
  selected?: string | null;
}

export default function TpsMap(props: Props) {
  const { tps, tileUrl } = props;
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
      <Layers {...props} />
    </MapContainer>
  );
}

const RANK: MapStatus[] = ["conflict", "flagged", "partial", "missing", "submitted", "verified"];

function Layers({ tps, contestCodes, statusLabel, stale, alerting, incidents = [], responders = [], onSelect, selected }: Props) {
  const map = useMap();
  const [view, setView] = useState(() => ({ zoom: map.getZoom(), bounds: map.getBounds() }));
  useMapEvents({ moveend: () => setView({ zoom: map.getZoom(), bounds: map.getBounds() }) });

  const points = useMemo(() => tps.map((t) => ({ key: t.code, lat: t.lat, lng: t.lng, tps: t, status: mapStatus(t.results, contestCodes) })), [tps, contestCodes]);
  const clustered = view.zoom < CLUSTER_BELOW_ZOOM;
  const clusters = useMemo(() => {
    if (!clustered) return [];
    return gridCluster(points, (lat, lng) => map.project([lat, lng], view.zoom));
  }, [clustered, points, map, view.zoom]);
  const visible = useMemo(() => (clustered ? [] : points.filter((p) => view.bounds.pad(0.2).contains([p.lat, p.lng]))), [clustered, points, view.bounds]);

  return (
    <>
      {clusters.map((c) => {
        if (c.members.length === 1) return null;
        const worst = RANK.find((s) => c.members.some((m) => m.status === s)) ?? "missing";
        const staleCount = stale ? c.members.filter((m) => stale.has(m.key)).length : 0;
        const hot = alerting ? c.members.some((m) => alerting.has(m.key)) : false;
        const size = c.members.length < 10 ? 30 : c.members.length < 100 ? 36 : 44;
        const icon = L.divIcon({
          className: `tps-cluster cluster-${worst}${hot ? " has-alert" : ""}`,
          html: `<span data-count="${c.members.length}" title="${staleCount}">${c.members.length}</span>`,
          iconSize: [size, size],
        });
        return (
          <Marker key={`c-${c.id}`} position={[c.lat, c.lng]} icon={icon}
            eventHandlers={{ click: () => map.fitBounds(L.latLngBounds(c.members.map((m) => [m.lat, m.lng])).pad(0.1)) }}>
            <Tooltip>{c.members.length} TPS · {statusLabel(worst)}{staleCount ? ` · ${staleCount} ⚠` : ""}</Tooltip>
          </Marker>
        );
      })}
      {[...visible, ...clusters.filter((c) => c.members.length === 1).map((c) => c.members[0])].map((p) => {
        const isStale = stale?.has(p.key) ?? false;
        const hot = alerting?.has(p.key) ?? false;
        const ring = hot ? "#d93025" : isStale ? "#202124" : p.key === selected ? "#0b5394" : "#ffffff";
        const arrived = p.tps.dayStatus !== "not_arrived";
        return (
          <CircleMarker
            key={`${p.key}-${p.status}-${isStale}-${hot}-${p.key === selected}-${p.tps.dayStatus}`}
            center={[p.lat, p.lng]}
            radius={hot || isStale || p.key === selected ? 8 : 6}
            // className is a creation option (setStyle ignores it): the key above re-creates a marker on change.
            // Day status: a TPS whose officer has not arrived is drawn pale.
            className={`tps-marker tps-${p.key} status-${p.status} day-${p.tps.dayStatus}${isStale ? " stale" : ""}${hot ? " has-incident" : ""}`}
            pathOptions={{ color: ring, weight: hot || isStale || p.key === selected ? 3 : 1, fillColor: STATUS_COLOURS[p.status], fillOpacity: arrived ? 0.95 : 0.4 }}
            eventHandlers={{ click: () => onSelect?.(p.key) }}
          >
            <Tooltip>TPS {p.key}: {statusLabel(p.status)} · {statusLabel(`day:${p.tps.dayStatus}`)}</Tooltip>
          </CircleMarker>
        );
      })}
      {incidents.map((i) => (
        <CircleMarker key={`i-${i.id}`} center={[i.lat, i.lng]} radius={5} className={`incident-marker sev-${i.severity}`}
          pathOptions={{ color: "#d93025", weight: 2, fillColor: "#ffffff", fillOpacity: 1 }} />
      ))}
      {responders.map((r) => (
        <Marker key={`r-${r.id}`} position={[r.lat, r.lng]}
          icon={L.divIcon({ className: "responder-marker", html: `<span data-responder="${r.id}">R${r.id}</span>`, iconSize: [30, 22] })}>
          <Tooltip>{r.name}</Tooltip>
        </Marker>
      ))}
    </>
  );
}
