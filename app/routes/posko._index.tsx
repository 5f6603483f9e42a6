// Command post: full-screen live map of every TPS (clustered when zoomed out, filters, legend, detail on
// click, stale TPS), the incident feed with its workflow, totals per contest and progress by kecamatan.
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import leafletCss from "leaflet/dist/leaflet.css?url";
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  CategoriesContext,
  CitizenDetails,
  CriticalAlert,
  IncidentCard,
  IncidentEntry,
  SoundToggle,
  useNow,
  type ResponderOption,
} from "~/components/incident-feed";
import { PoskoNav } from "~/components/posko-nav";
import { ProjectionLine } from "~/components/projection-line";
import { TpsDetailPanel } from "~/components/tps-detail";
import { useLive } from "~/components/use-live";
import {
  applyEvents,
  initialState,
  MAP_STATUSES,
  packTps,
  STATUS_COLOURS,
  tpsStatus,
  unpackTps,
  type DashboardState,
  type PackedTps,
  isStatusLabel,
  STATUS_LABEL_KEYS,
} from "~/lib/dashboard";
import type { IncidentData, LiveEvent } from "~/lib/events";
import {
  applyIncidentEvents,
  averageTimes,
  isOpen,
  newCriticals,
  sortIncidents,
  toIncidentMap,
  type IncidentMap,
} from "~/lib/incident-feed";
import { INCIDENT_ACTIONS, formatDuration, inScope } from "~/lib/incidents";
import { staleChecker, type StaleReason } from "~/lib/stale";
import { useT } from "~/lib/use-t";
import { getStaleConfig } from "~/models/command-post.server";
import { listIncidents, listResponders } from "~/models/incidents.server";
import { getSetting } from "~/models/settings.server";
import { getSnapshot } from "~/models/snapshot.server";
import { TopBar } from "~/root";
import { requirePageUser, viewOf } from "~/utils/auth.server";

const TpsMap = lazy(() => import("~/components/map.client"));

export const links: LinksFunction = () => [{ rel: "stylesheet", href: leafletCss }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context.sql, ["operator", "admin", "supervisor"]);
  const view = viewOf(user)!;
  // Incidents are read after the snapshot: an event in between is applied twice, which is harmless
  // (the feed replaces an incident by id); one read before it could be missed.
  const { tps, ...snapshot } = await getSnapshot(context.sql, view);
  const [incidents, responders, staleConfig, categories] = await Promise.all([
    listIncidents(context.sql, { scope: view.scope }),
    listResponders(context.sql),
    getStaleConfig(context.sql),
    getSetting(context.sql, "incident.categories"),
  ]);
  return {
    // The TPS go in columns (a 100,000-TPS region's page is then about half the bytes), as one JSON string:
    // Remix's serializer walks arrays value by value, and with a million values that was most of the time
    // the server took to build the page (bench:posko).
    snapshot: {
      ...snapshot,
      tps: JSON.stringify(
        packTps(
          tps,
          snapshot.contests.map((c) => c.code),
        ),
      ),
    },
    tileUrl: context.env.TILE_URL,
    incidents,
    staleConfig,
    role: user.role,
    categories,
    responders: responders.map((r) => ({ id: r.id, name: r.name, lat: r.lat, lng: r.lng })),
  };
}

/** How long live events gather before the map and totals apply them in one render. */
const DASHBOARD_FLUSH_MS = 150;

type Located = { id: number; name: string; lat: number | null; lng: number | null };

export default function Posko() {
  const {
    snapshot,
    tileUrl,
    incidents: firstIncidents,
    responders: firstResponders,
    staleConfig,
    role,
    categories,
  } = useLoaderData<typeof loader>();
  const t = useT();
  const [state, setState] = useState<DashboardState>(() =>
    initialState({ ...snapshot, tps: unpackTps(JSON.parse(snapshot.tps) as PackedTps) }),
  );
  const [incidents, setIncidents] = useState<IncidentMap>(() => toIncidentMap(firstIncidents));
  const [responders, setResponders] = useState<Located[]>(firstResponders);
  const [alerts, setAlerts] = useState<IncidentData[]>([]);
  // Map and totals take the events of a short window in one render: with 100,000 TPS every render walks
  // them all, so a burst of messages must not cost one render each. Incidents and alerts stay immediate.
  const pending = useRef<LiveEvent[]>([]);
  const flushTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (flushTimer.current) clearTimeout(flushTimer.current);
    },
    [],
  );
  const onEvents = useCallback((events: LiveEvent[]) => {
    pending.current.push(...events);
    flushTimer.current ??= setTimeout(() => {
      flushTimer.current = null;
      const batch = pending.current;
      pending.current = [];
      setState((s) => applyEvents(s, batch));
    }, DASHBOARD_FLUSH_MS);
    setIncidents((m) => applyIncidentEvents(m, events));
    const critical = newCriticals(events);
    if (critical.length) setAlerts((a) => [...a.filter((x) => !critical.some((c) => c.id === x.id)), ...critical]);
    const moved = events.flatMap((e) => (e.type === "responder:located" ? [e.data] : []));
    if (moved.length) {
      setResponders((list) =>
        list.map((r) => {
          const m = moved.filter((x) => x.responderId === r.id).pop();
          return m ? { ...r, lat: m.lat, lng: m.lng } : r;
        }),
      );
    }
  }, []);
  const status = useLive({ seq: snapshot.seq, onEvents });
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const now = useNow(60_000);

  const contestCodes = useMemo(() => snapshot.contests.map((c) => c.code), [snapshot.contests]);
  const tpsList = state.tps;
  const kecamatan = useMemo(() => snapshot.regions.filter((r) => r.level === "kecamatan"), [snapshot.regions]);
  const progress = useMemo(() => {
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
  }, [tpsList, kecamatan, contestCodes]);
  // "day:<status>" labels the TPS day status (arrival, counting...), anything else a result status.
  const statusLabel = (s: string) => (isStatusLabel(s) ? t(STATUS_LABEL_KEYS[s]) : s);

  // Filters: area (kecamatan, kelurahan) and status; the area also narrows the incident feed and stale list.
  const [kec, setKec] = useState("");
  const [kel, setKel] = useState("");
  const [statusFilter, setStatusFilter] = useState("");
  const area = kel || kec || null;
  const stale = useMemo(() => {
    const map = new Map<string, StaleReason>();
    if (now === null) return map;
    const reasonOf = staleChecker(contestCodes, new Date(now), staleConfig);
    for (const tp of tpsList) {
      const reason = reasonOf(tp);
      if (reason) map.set(tp.code, reason);
    }
    return map;
  }, [tpsList, contestCodes, now, staleConfig]);
  const filtered = useMemo(
    () =>
      !area && !statusFilter
        ? tpsList
        : tpsList.filter(
            (tp) =>
              inScope(tp.kelurahanCode, area) &&
              (!statusFilter ||
                (statusFilter === "stale" ? stale.has(tp.code) : tpsStatus(tp, contestCodes) === statusFilter)),
          ),
    [tpsList, area, statusFilter, stale, contestCodes],
  );
  const areaIncidents = useMemo(
    () => Object.fromEntries(Object.entries(incidents).filter(([, i]) => !area || inScope(i.regionCode, area))),
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
  const [selected, setSelected] = useState<string | null>(null);
  // The stale list shows its count and its first 100 entries.
  const staleInArea = useMemo(() => {
    const first: [string, StaleReason][] = [];
    if (filtered === tpsList) {
      for (const entry of stale) if (first.push(entry) >= 100) break;
      return { count: stale.size, first };
    }
    let count = 0;
    for (const tp of filtered) {
      const reason = stale.get(tp.code);
      if (reason && ++count <= 100) first.push([tp.code, reason]);
    }
    return { count, first };
  }, [stale, filtered, tpsList]);

  return (
    <CategoriesContext.Provider value={categories}>
      <div className="posko">
        <TopBar title={t("posko.title")} />
        <PoskoNav role={role} />
        <CriticalAlert
          alerts={alerts}
          onDismiss={(id) => setAlerts((a) => a.filter((x) => x.id !== id))}
          tpsLabel={(code) => code}
        />
        <div className="posko-body">
          <div className="map-wrap" data-testid="map">
            {mounted ? (
              <Suspense fallback={null}>
                <TpsMap
                  tps={filtered}
                  contestCodes={contestCodes}
                  tileUrl={tileUrl}
                  statusLabel={statusLabel}
                  stale={stale}
                  alerting={alerting}
                  incidents={looseIncidents}
                  responders={located}
                  onSelect={setSelected}
                  selected={selected}
                />
              </Suspense>
            ) : null}
            <div className="map-filters" aria-label={t("map.filters")}>
              <select
                aria-label={t("map.kecamatan")}
                value={kec}
                onChange={(e) => {
                  setKec(e.target.value);
                  setKel("");
                }}
                data-testid="filter-kecamatan"
              >
                <option value="">{t("map.allKecamatan")}</option>
                {kecamatan.map((k) => (
                  <option key={k.code} value={k.code}>
                    {k.name}
                  </option>
                ))}
              </select>
              <select
                aria-label={t("map.kelurahan")}
                value={kel}
                onChange={(e) => setKel(e.target.value)}
                disabled={!kec}
                data-testid="filter-kelurahan"
              >
                <option value="">{t("map.allKelurahan")}</option>
                {snapshot.regions
                  .filter((r) => r.level === "kelurahan" && r.parentCode === kec)
                  .map((k) => (
                    <option key={k.code} value={k.code}>
                      {k.name}
                    </option>
                  ))}
              </select>
              <select
                aria-label={t("map.status")}
                value={statusFilter}
                onChange={(e) => setStatusFilter(e.target.value)}
                data-testid="filter-status"
              >
                <option value="">{t("map.allStatus")}</option>
                {MAP_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {statusLabel(s)}
                  </option>
                ))}
                <option value="stale">{t("map.stale")}</option>
              </select>
              <span className="small muted" data-testid="filter-count">
                {t("map.shown", { shown: filtered.length, total: tpsList.length })}
              </span>
            </div>
            <div className="legend" aria-label={t("posko.legend")}>
              {MAP_STATUSES.map((s) => (
                <span key={s}>
                  <i style={{ background: STATUS_COLOURS[s] }} />
                  {statusLabel(s)}
                </span>
              ))}
              <span>
                <i style={{ background: STATUS_COLOURS.missing, opacity: 0.4 }} />
                {t("day.not_arrived")}
              </span>
              <span>
                <i style={{ background: "#fff", border: "3px solid #202124" }} />
                {t("map.stale")}
              </span>
              <span>
                <i style={{ background: "#fff", border: "3px solid #d93025" }} />
                {t("map.openIncident")}
              </span>
              <span>
                <i className="legend-cluster" style={{ background: "#0b5394" }} />
                {t("map.cluster")}
              </span>
              <span>
                <i style={{ background: "#6a1b9a", borderRadius: 3 }} />
                {t("map.responder")}
              </span>
            </div>
            {selected ? (
              <TpsDetailPanel code={selected} onClose={() => setSelected(null)} contests={snapshot.contests} />
            ) : null}
          </div>
          <aside className="panel">
            <p className={`live-status ${status}`} data-testid="live-status" role="status">
              {status === "live" ? `● ${t("posko.live")}` : t("posko.reconnecting")}
            </p>
            <SoundToggle />
            <IncidentPanel
              incidents={areaIncidents}
              responders={responders}
              onChange={(incident) => setIncidents((m) => ({ ...m, [incident.id]: incident }))}
            />
            <StalePanel stale={staleInArea} onSelect={setSelected} />
            <h2>{t("posko.totals")}</h2>
            {snapshot.contests.map((c) => {
              const totals = state.totals[c.code];
              const sum = Object.values(totals.votes).reduce((a, b) => a + b, 0);
              return (
                <section key={c.code} className="contest-totals" data-testid={`totals-${c.code}`}>
                  <h3>{c.name}</h3>
                  <p className="progress-line" data-testid={`progress-${c.code}`}>
                    {t("posko.progress", { reported: totals.reported, total: tpsList.length })}
                  </p>
                  <table>
                    <tbody>
                      {c.candidates.map((k) => {
                        const votes = totals.votes[k.number] ?? 0;
                        return (
                          <tr key={k.number}>
                            <td>
                              {k.number}. {k.name}
                            </td>
                            <td className="num" data-testid={`votes-${c.code}-${k.number}`}>
                              {votes.toLocaleString("id-ID")}
                            </td>
                            <td className="num muted">{sum ? ((votes / sum) * 100).toFixed(1) : "0.0"}%</td>
                          </tr>
                        );
                      })}
                      <tr className="muted">
                        <td>{t("posko.invalid")}</td>
                        <td className="num">{totals.invalid.toLocaleString("id-ID")}</td>
                        <td />
                      </tr>
                    </tbody>
                  </table>
                  <ProjectionLine contest={c.code} candidates={c.candidates} reported={totals.reported} />
                </section>
              );
            })}
            <h2>{t("posko.byKecamatan")}</h2>
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
            {state.lastEventAt ? (
              <p className="muted small">
                {t("posko.lastUpdate", { time: new Date(state.lastEventAt).toLocaleTimeString() })}
              </p>
            ) : null}
          </aside>
        </div>
      </div>
    </CategoriesContext.Provider>
  );
}

/** The incident feed: open ones by severity then age, closed ones on request, response-time summary. */
function IncidentPanel({
  incidents,
  responders,
  onChange,
}: {
  incidents: IncidentMap;
  responders: ResponderOption[];
  onChange: (incident: IncidentData) => void;
}) {
  const t = useT();
  const now = useNow();
  const [showClosed, setShowClosed] = useState(false);
  const all = useMemo(() => sortIncidents(Object.values(incidents)), [incidents]);
  const shown = showClosed ? all : all.filter(isOpen);
  const avg = useMemo(() => averageTimes(all), [all]);
  const openCount = all.filter(isOpen).length;
  return (
    <section className="incident-feed" aria-labelledby="feed-heading" data-testid="incident-feed">
      <h2 id="feed-heading">{t("feed.title", { open: openCount })}</h2>
      <p className="small muted" data-testid="feed-averages">
        {t("feed.averages", {
          ack: formatDuration(avg.acknowledge),
          dispatch: formatDuration(avg.dispatch),
          arrive: formatDuration(avg.arrive),
          resolve: formatDuration(avg.resolve),
        })}
      </p>
      <IncidentEntry />
      <label className="check">
        <input type="checkbox" checked={showClosed} onChange={(e) => setShowClosed(e.target.checked)} />
        {t("feed.showClosed")}
      </label>
      {shown.length === 0 ? <p className="muted">{t("feed.empty")}</p> : null}
      {shown.map((incident) => (
        <IncidentCard
          key={incident.id}
          incident={incident}
          actions={INCIDENT_ACTIONS}
          responders={responders}
          onChange={onChange}
          now={now}
        >
          {incident.source === "citizen" ? <CitizenDetails id={incident.id} /> : null}
        </IncidentCard>
      ))}
    </section>
  );
}

/** TPS that have not checked in or reported by the configured time. */
function StalePanel({
  stale,
  onSelect,
}: {
  stale: { count: number; first: [string, StaleReason][] };
  onSelect: (code: string) => void;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <section className="stale" data-testid="stale-panel">
      <h2>
        <button type="button" className="link-like" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
          {t("stale.title", { count: stale.count })}
        </button>
      </h2>
      {open ? (
        <ul className="stale-list">
          {stale.first.map(([code, reason]) => (
            <li key={code}>
              <button type="button" className="link-like" onClick={() => onSelect(code)}>
                TPS {code}
              </button>
              <span className="muted">{t(`stale.${reason}`)}</span>
            </li>
          ))}
          {stale.count > 100 ? <li className="muted">{t("stale.more", { count: stale.count - 100 })}</li> : null}
        </ul>
      ) : null}
    </section>
  );
}
