// The command-post map (Leaflet; client only: Leaflet touches `window` at import).
// Markers are vector circles and div icons: they draw with or without tiles, and tiles are optional
// (TILE_URL). Zoomed out, TPS are grouped by a screen grid (app/lib/cluster.ts); zoomed in, only the TPS
// in view are drawn, so a province-sized region stays usable. With 100,000 TPS: each TPS's grid cell is
// worked out once per zoom level (not on every live update), only clusters in view are drawn, and a
// cluster's icon object is reused while its look is unchanged, so Leaflet touches only what changed.
import { CircleMarker, MapContainer, Marker, TileLayer, Tooltip, useMap, useMapEvents } from "react-leaflet";
import L, { type LatLngBoundsExpression } from "leaflet";
import { useEffect, useMemo, useRef, useState } from "react";
import { gridCells, groupCells } from "~/lib/cluster";
import { formatCount, formatShare } from "~/lib/format";
import { useLang } from "~/lib/use-t";
import { STATUS_COLOURS, tpsStatus, type ContestAreas, type DashboardTps, type MapStatus } from "~/lib/dashboard";

/** Below this zoom TPS are clustered (the demo city fits at 13: all its TPS show one by one). */
export const CLUSTER_BELOW_ZOOM = 13;

export interface MapResponder {
  id: number;
  name: string;
  lat: number;
  lng: number;
}
export interface MapIncidentPoint {
  id: string;
  lat: number;
  lng: number;
  severity: string;
}

interface Props {
  tps: DashboardTps[];
  contestCodes: string[];
  /** Contest areas: a TPS's colour counts only the contests it votes in. */
  areas?: ContestAreas;
  tileUrl: string;
  statusLabel: (status: string) => string;
  stale?: ReadonlySet<string> | ReadonlyMap<string, unknown>;
  /** TPS codes with an open incident: drawn with a red ring. */
  alerting?: Set<string>;
  incidents?: MapIncidentPoint[];
  responders?: MapResponder[];
  onSelect?: (code: string) => void;
  selected?: string | null;
  /** The note for stale TPS in view beyond STALE_RING_MAX, in the reader's language. */
  cappedNote?: (count: number) => string;
  /** The area the operator narrowed the map to (a region code), with the TPS it holds: the map fits them. */
  focus?: { area: string | null; tps: readonly { lat: number; lng: number }[] };
}

export default function TpsMap(props: Props) {
  const { tps, tileUrl } = props;
  const bounds = useMemo<LatLngBoundsExpression>(() => {
    if (!tps.length)
      return [
        [-3.35, 102.8],
        [-3.25, 102.92],
      ];
    const lats = tps.map((t) => t.lat);
    const lngs = tps.map((t) => t.lng);
    return [
      [Math.min(...lats), Math.min(...lngs)],
      [Math.max(...lats), Math.max(...lngs)],
    ];
    // bounds are fixed at first render so live updates do not move the map under the operator's hand
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <MapContainer bounds={bounds} className="map" zoomControl attributionControl>
      {tileUrl ? <TileLayer url={tileUrl} attribution="&copy; OpenStreetMap" /> : null}
      <Layers {...props} />
      {props.focus ? <FitArea focus={props.focus} /> : null}
    </MapContainer>
  );
}

/**
 * Zooms to the area the operator chose in the filters, once per choice (never on a live update, which must
 * not move the map under the operator's hand); back to the whole region when the filter is cleared. A
 * kelurahan's TPS then show one by one instead of as one cluster at the city's zoom.
 */
function FitArea({ focus }: { focus: NonNullable<Props["focus"]> }) {
  const map = useMap();
  const whole = useRef(map.getBounds());
  const tps = useRef(focus.tps);
  tps.current = focus.tps;
  const chosen = useRef(false);
  useEffect(() => {
    if (focus.area === null) {
      // Only back from a choice: at first the map already shows the whole region as it opened.
      if (chosen.current) map.fitBounds(whole.current);
      return;
    }
    chosen.current = true;
    const points = tps.current;
    if (!points.length) return;
    map.fitBounds(L.latLngBounds(points.map((t) => [t.lat, t.lng])).pad(0.15), { maxZoom: 16 });
  }, [focus.area, map]);
  return null;
}

const RANK: MapStatus[] = ["conflict", "flagged", "partial", "missing", "submitted", "verified"];

/** A TPS as a map point, kept per TPS object: a live update rebuilds only the points of the TPS it changed. */
type Point = { key: string; lat: number; lng: number; tps: DashboardTps; status: MapStatus };
const pointCache = new WeakMap<DashboardTps, Point>();
function pointOf(t: DashboardTps, contestCodes: string[], areas?: ContestAreas): Point {
  let p = pointCache.get(t);
  const status = tpsStatus(t, contestCodes, areas);
  if (!p || p.status !== status) pointCache.set(t, (p = { key: t.code, lat: t.lat, lng: t.lng, tps: t, status }));
  return p;
}

/** One icon object per look: react-leaflet replaces a marker's icon only when the object changes. */
const icons = new Map<string, L.DivIcon>();
/**
 * A cluster reads as its count, centred on a white disc, inside a ring filled to the share of its TPS that
 * have reported: progress at a glance, where the worst member's colour painted whole districts red for one
 * flagged TPS. Problems (a conflict or flagged result, an open incident) are a small red badge instead.
 */
function clusterIcon(count: number, percent: number, shareLabel: string, problem: boolean, hot: boolean) {
  const key = `${count}/${shareLabel}/${problem}/${hot}`;
  let icon = icons.get(key);
  if (!icon) {
    if (icons.size > 5000) icons.clear();
    const size = count < 10 ? 32 : count < 100 ? 38 : 42;
    icon = L.divIcon({
      className: `tps-cluster${hot ? " has-alert" : ""}${problem ? " has-problem" : ""}`,
      html:
        `<span class="cl-ring" style="--share:${percent}">` +
        `<span class="cl-count" data-count="${count}">${count}</span>` +
        `<span class="cl-share" data-share="${percent}">${shareLabel}</span></span>` +
        (hot || problem ? `<i class="cl-badge" aria-hidden="true"></i>` : ""),
      iconSize: [size, size],
    });
    icons.set(key, icon);
  }
  return icon;
}

/** A cluster's grid cell: wider than its largest icon (42 px), so neighbouring clusters rarely overlap. */
const CLUSTER_CELL_PX = 64;

/** At most this many stale TPS get their ring at once: at 08:00 every late TPS is stale, and hundreds of rings
 *  hid the map. The rest are counted in a note; the stale list names them all. */
export const STALE_RING_MAX = 40;

/** Whether a status counts as reported for a cluster's share (every contest in, whatever its review). */
const REPORTED: ReadonlySet<MapStatus> = new Set(["submitted", "verified", "flagged", "conflict"]);

function Layers({
  tps,
  contestCodes,
  areas,
  statusLabel,
  stale,
  alerting,
  incidents = [],
  responders = [],
  onSelect,
  selected,
  cappedNote = (count) => `+${count}`,
}: Props) {
  const map = useMap();
  const lang = useLang();
  const [view, setView] = useState(() => ({ zoom: map.getZoom(), bounds: map.getBounds() }));
  useMapEvents({ moveend: () => setView({ zoom: map.getZoom(), bounds: map.getBounds() }) });

  const points = useMemo(() => tps.map((t) => pointOf(t, contestCodes, areas)), [tps, contestCodes, areas]);
  const clustered = view.zoom < CLUSTER_BELOW_ZOOM;
  // Grid cells of every TPS at this zoom: projected once per zoom level, reused by every live update.
  const cellsAt = useRef<{ zoom: number; cells: Map<string, string> }>({ zoom: NaN, cells: new Map() });
  const clusters = useMemo(() => {
    if (!clustered) return [];
    if (cellsAt.current.zoom !== view.zoom) cellsAt.current = { zoom: view.zoom, cells: new Map() };
    const inView = view.bounds.pad(0.5);
    return groupCells(
      points,
      gridCells(cellsAt.current.cells, points, (lat, lng) => map.project([lat, lng], view.zoom), CLUSTER_CELL_PX),
    ).filter((c) => inView.contains([c.lat, c.lng]));
  }, [clustered, points, map, view.zoom, view.bounds]);
  const visible = useMemo(
    () => (clustered ? [] : points.filter((p) => view.bounds.pad(0.2).contains([p.lat, p.lng]))),
    [clustered, points, view.bounds],
  );

  const singles = useMemo(
    () => [...visible, ...clusters.filter((c) => c.members.length === 1).map((c) => c.members[0])],
    [visible, clusters],
  );
  // Stale rings on the TPS in view, at most STALE_RING_MAX of them.
  const { ringed, unringed } = useMemo(() => {
    const ringed = new Set<string>();
    let unringed = 0;
    for (const p of singles)
      if (stale?.has(p.key)) {
        if (ringed.size < STALE_RING_MAX) ringed.add(p.key);
        else unringed++;
      }
    return { ringed, unringed };
  }, [singles, stale]);

  return (
    <>
      {unringed ? (
        <p className="map-note" data-testid="map-capped">
          {cappedNote(unringed)}
        </p>
      ) : null}
      {clusters.map((c) => {
        if (c.members.length === 1) return null;
        let reported = 0;
        let staleCount = 0;
        let problem = false;
        let hot = false;
        let worst = RANK.length;
        for (const m of c.members) {
          if (REPORTED.has(m.status)) reported++;
          if (m.status === "conflict" || m.status === "flagged") problem = true;
          worst = Math.min(worst, RANK.indexOf(m.status));
          if (stale?.has(m.key)) staleCount++;
          if (!hot && alerting?.has(m.key)) hot = true;
        }
        const percent = Math.round((reported / c.members.length) * 100);
        const shareLabel = formatShare(reported / c.members.length, lang, { digits: 0 });
        const icon = clusterIcon(c.members.length, percent, shareLabel, problem, hot);
        return (
          <Marker
            key={`c-${c.id}`}
            position={[c.lat, c.lng]}
            icon={icon}
            eventHandlers={{
              click: () => map.fitBounds(L.latLngBounds(c.members.map((m) => [m.lat, m.lng])).pad(0.1)),
            }}
          >
            <Tooltip>
              {formatCount(reported, c.members.length, lang, "TPS")} ({shareLabel})
              {problem ? ` · ${statusLabel(RANK[worst] ?? "missing")}` : ""}
              {staleCount ? ` · ${staleCount} ⚠` : ""}
            </Tooltip>
          </Marker>
        );
      })}
      {singles.map((p) => {
        const isStale = ringed.has(p.key);
        const hot = alerting?.has(p.key) ?? false;
        const ring = hot ? "#d93025" : isStale ? "#202124" : p.key === selected ? "#0b5394" : "#ffffff";
        const arrived = p.tps.dayStatus !== "not_arrived";
        return (
          <CircleMarker
            key={`${p.key}-${p.status}-${isStale}-${hot}-${p.key === selected}-${p.tps.dayStatus}`}
            center={[p.lat, p.lng]}
            radius={hot || isStale || p.key === selected ? 7 : 6}
            // className is a creation option (setStyle ignores it): the key above re-creates a marker on change.
            // Day status: a TPS whose officer has not arrived is drawn pale.
            className={`tps-marker tps-${p.key} status-${p.status} day-${p.tps.dayStatus}${isStale ? " stale" : ""}${hot ? " has-incident" : ""}`}
            pathOptions={{
              color: ring,
              weight: hot || isStale || p.key === selected ? 2.5 : 1,
              fillColor: STATUS_COLOURS[p.status],
              fillOpacity: arrived ? 0.95 : 0.4,
            }}
            eventHandlers={{ click: () => onSelect?.(p.key) }}
          >
            <Tooltip>
              TPS {p.key}: {statusLabel(p.status)} · {statusLabel(`day:${p.tps.dayStatus}`)}
            </Tooltip>
          </CircleMarker>
        );
      })}
      {incidents.map((i) => (
        <CircleMarker
          key={`i-${i.id}`}
          center={[i.lat, i.lng]}
          radius={5}
          className={`incident-marker sev-${i.severity}`}
          pathOptions={{ color: "#d93025", weight: 2, fillColor: "#ffffff", fillOpacity: 1 }}
        />
      ))}
      {responders.map((r) => (
        <Marker
          key={`r-${r.id}`}
          position={[r.lat, r.lng]}
          icon={L.divIcon({
            className: "responder-marker",
            html: `<span data-responder="${r.id}">R${r.id}</span>`,
            iconSize: [30, 22],
          })}
        >
          <Tooltip>{r.name}</Tooltip>
        </Marker>
      ))}
    </>
  );
}
