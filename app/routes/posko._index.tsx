// Command post: full-screen live map of every TPS, totals per contest, progress by kecamatan.
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import leafletCss from "leaflet/dist/leaflet.css?url";
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from "react";
import { CriticalAlert, IncidentCard, useNow, type ResponderOption } from "~/components/incident-feed";
import { useLive } from "~/components/use-live";
import { applyEvents, initialState, MAP_STATUSES, STATUS_COLOURS, type DashboardState } from "~/lib/dashboard";
import type { IncidentData, LiveEvent } from "~/lib/events";
import { applyIncidentEvents, averageTimes, isOpen, newCriticals, sortIncidents, toIncidentMap, type IncidentMap } from "~/lib/incident-feed";
import { INCIDENT_ACTIONS, formatDuration } from "~/lib/incidents";
import type { MessageKey } from "~/lib/i18n";
import { useT } from "~/lib/use-t";
import { listIncidents, listResponders } from "~/models/incidents.server";
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
  const snapshot = await getSnapshot(context.sql, view);
  const [incidents, responders] = await Promise.all([
    listIncidents(context.sql, { scope: view.scope }),
    listResponders(context.sql),
  ]);
  return { snapshot, tileUrl: context.env.TILE_URL, incidents, responders: responders.map((r) => ({ id: r.id, name: r.name })) };
}

export default function Posko() {
  const { snapshot, tileUrl, incidents: firstIncidents, responders } = useLoaderData<typeof loader>();
  const t = useT();
  const [state, setState] = useState<DashboardState>(() => initialState(snapshot));
  const [incidents, setIncidents] = useState<IncidentMap>(() => toIncidentMap(firstIncidents));
  const [alerts, setAlerts] = useState<IncidentData[]>([]);
  const onEvents = useCallback((events: LiveEvent[]) => {
    setState((s) => applyEvents(s, events));
    setIncidents((m) => applyIncidentEvents(m, events));
    const critical = newCriticals(events);
    if (critical.length) setAlerts((a) => [...a.filter((x) => !critical.some((c) => c.id === x.id)), ...critical]);
  }, []);
  const status = useLive({ seq: snapshot.seq, onEvents });
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);

  const contestCodes = snapshot.contests.map((c) => c.code);
  const tpsList = useMemo(() => Object.values(state.tps), [state.tps]);
  const kecamatan = snapshot.regions.filter((r) => r.level === "kecamatan");
  const progress = useMemo(() => kecamatan.map((k) => {
    const inside = tpsList.filter((tp) => tp.kelurahanCode.startsWith(k.code + "."));
    const reported = inside.filter((tp) => contestCodes.every((c) => tp.results[c] && tp.results[c] !== "missing")).length;
    return { ...k, total: inside.length, reported };
  }), [tpsList, kecamatan, contestCodes]);
  const statusLabel = (s: string) => t(`status.${s}` as MessageKey);

  return (
    <div className="posko">
      <TopBar title={t("posko.title")} />
      <CriticalAlert alerts={alerts} onDismiss={(id) => setAlerts((a) => a.filter((x) => x.id !== id))} tpsLabel={(code) => code} />
      <div className="posko-body">
        <div className="map-wrap" data-testid="map">
          {mounted ? (
            <Suspense fallback={null}>
              <TpsMap tps={tpsList} contestCodes={contestCodes} tileUrl={tileUrl} statusLabel={statusLabel} />
            </Suspense>
          ) : null}
          <div className="legend" aria-label={t("posko.legend")}>
            {MAP_STATUSES.map((s) => (
              <span key={s}><i style={{ background: STATUS_COLOURS[s] }} />{statusLabel(s)}</span>
            ))}
          </div>
        </div>
        <aside className="panel">
          <p className={`live-status ${status}`} data-testid="live-status" role="status">
            {status === "live" ? `● ${t("posko.live")}` : t("posko.reconnecting")}
          </p>
          <IncidentPanel incidents={incidents} responders={responders}
            onChange={(incident) => setIncidents((m) => ({ ...m, [incident.id]: incident }))} />
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
                          <td>{k.number}. {k.name}</td>
                          <td className="num" data-testid={`votes-${c.code}-${k.number}`}>{votes.toLocaleString("id-ID")}</td>
                          <td className="num muted">{sum ? ((votes / sum) * 100).toFixed(1) : "0.0"}%</td>
                        </tr>
                      );
                    })}
                    <tr className="muted"><td>{t("posko.invalid")}</td><td className="num">{totals.invalid.toLocaleString("id-ID")}</td><td /></tr>
                  </tbody>
                </table>
              </section>
            );
          })}
          <h2>{t("posko.byKecamatan")}</h2>
          <table className="kecamatan-progress">
            <tbody>
              {progress.map((k) => (
                <tr key={k.code}>
                  <td>{k.name}</td>
                  <td className="num">{k.reported}/{k.total}</td>
                  <td><progress max={k.total || 1} value={k.reported} /></td>
                </tr>
              ))}
            </tbody>
          </table>
          {state.lastEventAt ? <p className="muted small">{t("posko.lastUpdate", { time: new Date(state.lastEventAt).toLocaleTimeString() })}</p> : null}
        </aside>
      </div>
    </div>
  );
}


/** The incident feed: open ones by severity then age, closed ones on request, response-time summary. */
function IncidentPanel({ incidents, responders, onChange }: {
  incidents: IncidentMap; responders: ResponderOption[]; onChange: (incident: IncidentData) => void;
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
          ack: formatDuration(avg.acknowledge), dispatch: formatDuration(avg.dispatch),
          arrive: formatDuration(avg.arrive), resolve: formatDuration(avg.resolve),
        })}
      </p>
      <label className="check">
        <input type="checkbox" checked={showClosed} onChange={(e) => setShowClosed(e.target.checked)} />
        {t("feed.showClosed")}
      </label>
      {shown.length === 0 ? <p className="muted">{t("feed.empty")}</p> : null}
      {shown.map((incident) => (
        <IncidentCard key={incident.id} incident={incident} actions={INCIDENT_ACTIONS} responders={responders} onChange={onChange} now={now} />
      ))}
    </section>
  );
}
