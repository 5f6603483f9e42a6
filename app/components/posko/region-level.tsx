// The command post at an upper level of the drill-down (an open area larger than PANTAU_TPS_MAP_MAX TPS):
// the child regions as aggregate markers on the map and in a list, the area's running totals per contest
// (pushed live as `totals`), its open incidents and bounded lists (the first of the stale and quick-only TPS
// with their counts). It holds no TPS: a child opens with a click, down to an area small enough for them.
import { CutBanner, isCut, LiveStatusLine } from "./live-status";
import { Link, useNavigate } from "@remix-run/react";
import { kelurahanOfTps } from "~/lib/tps-code";
import { lazy, Suspense, useEffect, useMemo, useState, type ReactNode } from "react";
import { SoundToggle } from "~/components/incidents/alert-sound";
import { CategoriesContext } from "~/components/incidents/categories";
import { ChecklistSummary } from "./checklist-summary";
import type { ChecklistAreaSummary } from "~/lib/checklists";
import type { CategoryOption } from "~/lib/incidents";
import { CriticalAlert } from "~/components/incidents/critical-alert";
import { PoskoNav } from "~/components/posko-nav";
import type { Role } from "~/lib/access";
import type { IncidentData, SecurityAlert } from "~/lib/events";
import { formatNumber, formatShare } from "~/lib/format";
import { commandPostMessages } from "~/lib/messages/command-post";
import { commonMessages } from "~/lib/messages/common";
import { drillDownMessages } from "~/lib/messages/drill-down";
import {
  ELECTION_ROOT,
  shareReported,
  type AreaTotals,
  type ContestProgress,
  type RegionSummary,
} from "~/lib/region-summary";
import { useLang, useT } from "~/lib/use-t";
import { can } from "~/lib/access";
import { areaHref, Breadcrumb, ChildRegions, useAreaName } from "./drill-down";
import { IncidentPanel } from "./incident-panel";
import { SecurityAlerts } from "./security-alerts";
import { useCommandPostLive, type Located } from "./use-command-post-live";
import type { ResponderOption } from "~/components/incidents/incident-card";

const RegionMap = lazy(() => import("~/components/region-map.client"));

export interface RegionLevelData {
  summary: RegionSummary;
  viewScope: string | null;
  tileUrl: string;
  role: Role;
  categories: readonly CategoryOption[];
  securityAlerts: SecurityAlert[];
  responders: Located[];
  incidents: IncidentData[];
  quickOnly: { contest: string; name: string; count: number; tps: string[] }[];
  stale: { count: number; tps: string[] };
  /** The signed-in user (claims: "handled by you"). */
  me: number;
  alertSettings: { escalateAfterSeconds: number };
  checklists: ChecklistAreaSummary;
}

export function RegionLevel({ data, topBar }: { data: RegionLevelData; topBar: ReactNode }) {
  const { summary } = data;
  const t = useT(drillDownMessages, commandPostMessages, commonMessages);
  const lang = useLang();
  const name = useAreaName();
  const navigate = useNavigate();
  const live = useCommandPostLive({
    seq: summary.seq,
    // No TPS at this level: the dashboard state stays empty, result events do not come.
    initialDashboard: () => ({ seq: summary.seq, tps: [], index: new Map(), totals: {}, areas: {}, lastEventAt: null }),
    initialIncidents: data.incidents,
    initialResponders: data.responders,
    initialSecurityAlerts: data.securityAlerts,
    areas: [summary.area.code],
    initialAreaTotals: [summary.area, ...summary.children],
  });
  const [area, ...children] = live.areaTotals;
  const incidentList = useMemo(() => Object.values(live.incidents), [live.incidents]);
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const markers = useMemo(
    () =>
      children.map((a) => {
        const share = formatShare(overallShare(a.contests), lang);
        const title = t("drill.markerTitle", { name: name(a), share, incidents: a.openIncidents ?? 0 });
        return { area: a, share, title };
      }),
    [children, lang, t, name],
  );
  return (
    <CategoriesContext.Provider value={data.categories}>
      <div className={`posko${isCut(live.status) ? " cut" : ""}`}>
        {topBar}
        <PoskoNav role={data.role} />
        <CriticalAlert
          incidents={incidentList}
          escalateAfterSeconds={data.alertSettings.escalateAfterSeconds}
          canClaim={can({ role: data.role }, "incident:claim")}
          onChange={live.updateIncident}
        />
        <div className="posko-body">
          <div className="map-wrap" data-testid="map">
            {mounted ? (
              <Suspense fallback={null}>
                <RegionMap
                  markers={markers}
                  label={(a: AreaTotals) => a.name}
                  tileUrl={data.tileUrl}
                  onOpen={(code) => navigate(areaHref(code))}
                />
              </Suspense>
            ) : null}
            {isCut(live.status) ? <CutBanner /> : null}
          </div>
          <aside className="panel split" data-testid="region-level">
            {/* Pinned as on the TPS level: the connection and the totals stay in view. */}
            <div className="panel-pinned" data-testid="panel-pinned">
              <div className="panel-head">
                <LiveStatusLine status={live.status} heard={live.heard} />
                <SoundToggle />
              </div>
              <Breadcrumb summary={summary} viewScope={data.viewScope} />
              <p className="muted small">{t("drill.aggregateNote", { tps: formatNumber(area.tps, lang) })}</p>
              <h2>{t("posko.totals")}</h2>
              <div className="totals-block">
                {area.contests.map((c) => (
                  <AreaContest key={c.key} contest={c} />
                ))}
              </div>
            </div>
            <div className="panel-scroll" data-testid="panel-scroll">
              <SecurityAlerts alerts={live.securityAlerts} />
              <ChildRegions areas={children} />
              <IncidentPanel
                incidents={live.incidents}
                responders={live.responders as ResponderOption[]}
                onChange={live.updateIncident}
                readOnly={!can({ role: data.role }, "incident:transition")}
                me={data.me}
                canClaim={can({ role: data.role }, "incident:claim")}
              />
              <BoundedList
                testId="stale-top"
                title={t("drill.stale", { count: formatNumber(data.stale.count, lang) })}
                codes={data.stale.tps}
                count={data.stale.count}
              />
              <ChecklistSummary
                area={area.code === ELECTION_ROOT ? null : area.code}
                changes={live.checklistChanges}
                initial={data.checklists}
              />
              {data.quickOnly.map((q) => (
                <BoundedList
                  key={q.contest}
                  testId={`quick-only-top-${q.contest}`}
                  title={`${q.name} · ${t("drill.quickOnly", { count: formatNumber(q.count, lang) })}`}
                  codes={q.tps}
                  count={q.count}
                />
              ))}
            </div>
          </aside>
        </div>
      </div>
    </CategoriesContext.Provider>
  );
}

/** Share reported over every contest of a region (each TPS counted once per ballot). */
const overallShare = (contests: ContestProgress[]) =>
  shareReported({
    tps: contests.reduce((n, c) => n + c.tps, 0),
    reporting: contests.reduce((n, c) => n + c.reporting, 0),
  });

function AreaContest({ contest: c }: { contest: ContestProgress }) {
  const t = useT(drillDownMessages, commonMessages);
  const lang = useLang();
  // In ballot order, as the totals of a single area show them.
  const votes = Object.entries(c.votes ?? {}).sort((a, b) => Number(a[0]) - Number(b[0]));
  const sum = votes.reduce((n, [, v]) => n + v, 0);
  return (
    <section className="contest-totals" data-testid={`area-totals-${c.key}`}>
      <h3>{c.name}</h3>
      <p className="progress-line" data-testid={`area-progress-${c.key}`}>
        {t("drill.progress", {
          reporting: formatNumber(c.reporting, lang),
          tps: formatNumber(c.tps, lang),
          share: formatShare(shareReported(c), lang),
        })}
      </p>
      {votes.length ? (
        <table>
          <tbody>
            {votes.map(([key, v]) => (
              <tr key={key}>
                <td>No. {key}</td>
                <td className="num">{formatNumber(v, lang)}</td>
                <td className="num muted">{formatShare(sum ? v / sum : 0, lang)}</td>
              </tr>
            ))}
            <tr className="muted">
              <td>{t("posko.invalid")}</td>
              <td className="num">{formatNumber(c.invalid, lang)}</td>
              <td />
            </tr>
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function BoundedList({
  testId,
  title,
  codes,
  count,
}: {
  testId: string;
  title: string;
  codes: string[];
  count: number;
}) {
  const t = useT(drillDownMessages);
  return (
    <section data-testid={testId}>
      <h2>{title}</h2>
      {codes.length ? (
        <p className="small quick-only-codes">
          {/* A TPS opens in its kelurahan, where the map shows it. */}
          {codes.map((code) => (
            <Link key={code} to={areaHref(kelurahanOfTps(code))}>
              {code}
            </Link>
          ))}
          {count > codes.length ? (
            <span className="muted"> {t("drill.more", { count: count - codes.length })}</span>
          ) : null}
        </p>
      ) : (
        <p className="muted small">{t("drill.none")}</p>
      )}
    </section>
  );
}
