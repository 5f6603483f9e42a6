// Command post, drilling down by region (`?wilayah=<code>`, default the caller's area; a level with one child
// opens it): a breadcrumb and the child regions with their progress. An area of at most PANTAU_TPS_MAP_MAX TPS
// shows the full-screen live map of its TPS (clustered when zoomed out, filters, legend, detail on click, stale
// TPS), the incident feed with its workflow, totals per contest over its own area with progress by sub-area,
// and the TPS whose result is still a quick entry only; the area filter narrows the map, the feed, the
// contests shown and their progress. A larger area shows its children as aggregates on the map, its running
// totals, and bounded lists (routes/posko._index/region-level.tsx): the page never holds every TPS.
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import leafletCss from "leaflet/dist/leaflet.css?url";
import { useMemo, useState } from "react";
import { SoundToggle } from "~/components/incidents/alert-sound";
import { CategoriesContext } from "~/components/incidents/categories";
import { CriticalAlert } from "~/components/incidents/critical-alert";
import { useNow } from "~/components/incidents/use-now";
import { CommandPostMap } from "~/components/posko/command-post-map";
import { ContestTotals } from "~/components/posko/contest-totals";
import { IncidentPanel } from "~/components/posko/incident-panel";
import { QuickOnlyPanel } from "~/components/posko/quick-only-panel";
import { SubAreaProgress, subAreasOf } from "~/components/posko/sub-area-progress";
import { StalePanel } from "~/components/posko/stale-panel";
import { ChecklistSummary } from "~/components/posko/checklist-summary";
import { SecurityAlerts } from "~/components/posko/security-alerts";
import { isCut, LiveStatusLine } from "~/components/posko/live-status";
import { useCommandPostLive } from "~/components/posko/use-command-post-live";
import { useMapView } from "~/components/posko/use-map-view";
import { CaseDeadlineBox } from "~/components/cases/deadline-box";
import { PoskoNav } from "~/components/posko-nav";
import { areaHref, Breadcrumb, ChildRegions } from "~/components/posko/drill-down";
import { RegionLevel } from "~/components/posko/region-level";
import { showsTps, TOP_N } from "~/lib/drill-down";
import { regionCodeParam } from "~/utils/params.server";
import { ELECTION_ROOT } from "~/lib/region-summary";
import { listQuickOnly } from "~/models/quick-only.server";
import { notArrived } from "~/models/command-post.server";
import { regionSummary } from "~/models/region-summary.server";
import { can, mayReceive } from "~/lib/access";
import { contestTouches, votesIn } from "~/lib/contests";
import { initialState, packTps, totalsInArea, unpackTps, type DashboardTps, type PackedTps } from "~/lib/dashboard";
import { commandPostMessages } from "~/lib/messages/command-post";
import { commonMessages } from "~/lib/messages/common";
import { useT } from "~/lib/use-t";
import { getStaleConfig } from "~/models/command-post.server";
import { recentSecurityAlerts } from "~/models/guess-limits.server";
import { listIncidents, listResponders } from "~/models/incidents.server";
import { caseDeadlineCounts, temuanOfIncidents } from "~/models/cases.server";
import { checklistSummary } from "~/models/checklists.server";
import { getSetting } from "~/models/settings.server";
import { getSnapshot } from "~/models/snapshot.server";
import { getProjections } from "~/models/projection.server";
import { ballotChoices } from "~/lib/ballot";
import { TopBar } from "~/root";
import { requirePageView } from "~/utils/permissions.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: leafletCss }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, view } = await requirePageView(request, context.sql, "posko:view");
  const asked = new URL(request.url).searchParams.get("wilayah");
  const code = asked === null ? (view.scope ?? ELECTION_ROOT) : wilayahParam(asked);
  // Unknown, or outside the caller's view: the same 404, so the page tells nothing about other areas.
  const summary = await regionSummary(context.sql, { code, view, audience: "staff" });
  if (!summary) throw new Response("Not Found", { status: 404 });
  // A level with exactly one child opens it (the demo election: one province, one city).
  if (summary.children.length === 1) throw redirect(areaHref(summary.children[0].code));
  const scope = code === ELECTION_ROOT ? null : code;
  // A whole-election view keeps the incidents of no region in any area, as its live connection does.
  const placeless = view.scope === null;
  const [responders, staleConfig, categories, securityAlerts, alertSettings, caseDeadlines, checklists] =
    await Promise.all([
      listResponders(context.sql),
      getStaleConfig(context.sql),
      getSetting(context.sql, "incident.categories"),
      recentSecurityAlerts(context.sql),
      getSetting(context.sql, "incident.alerts"),
      // Case officers and admins see the violation cases due soon or overdue (a box linking to /kasus).
      can(user, "case:handle") ? caseDeadlineCounts(context.sql, { user }) : Promise.resolve(null),
      // With the page, not one more request after it: the page is complete when it arrives.
      checklistSummary(context.sql, { area: scope }),
    ]);
  const shared = {
    caseDeadlines,
    summary,
    tileUrl: context.env.TILE_URL,
    staleConfig,
    role: user.role,
    categories,
    // The alerts live delivery would bring this user (election-wide: the whole election's command post).
    securityAlerts: securityAlerts.filter((data) => mayReceive(user, { region: null, data })),
    responders: responders.map((r) => ({ id: r.id, name: r.name, lat: r.lat, lng: r.lng })),
    /** The caller's own area: the breadcrumb links only what they may open. */
    viewScope: view.scope,
    me: user.id,
    alertSettings,
    checklists,
  };
  if (!showsTps(summary.area.tps, context.env.PANTAU_TPS_MAP_MAX)) {
    // An upper level: its summary and bounded lists (the first TOP_N with a count), never a row per TPS.
    const [incidents, quickOnly, stale] = await Promise.all([
      listIncidents(context.sql, { scope, placeless, open: true, limit: TOP_N }),
      listQuickOnly(context.sql, { scope, limit: TOP_N }),
      notArrived(context.sql, { scope, config: staleConfig, limit: TOP_N }),
    ]);
    return { ...shared, level: "regions" as const, incidents, quickOnly, stale };
  }
  // Incidents are read after the snapshot: an event in between is applied twice, which is harmless
  // (the feed replaces an incident by id); one read before it could be missed.
  const { tps, ...snapshot } = await getSnapshot(context.sql, { scope }, { byKelurahan: true });
  // The projections come with the page (one read for all its contests) rather than one request per contest
  // after it: the page is complete when it arrives; each line refetches when its count moves.
  const [incidents, projections] = await Promise.all([
    listIncidents(context.sql, { scope, placeless }),
    getProjections(
      context.sql,
      snapshot.contests.map((c) => ({ contest: c.code, candidates: ballotChoices(c).map((k) => k.number) })),
    ),
  ]);
  // The temuan raised from these incidents (their numbers on the cards), for those who handle cases.
  const temuan = caseDeadlines
    ? Object.fromEntries(
        await temuanOfIncidents(
          context.sql,
          incidents.map((i) => i.id),
        ),
      )
    : null;
  return {
    ...shared,
    temuan,
    level: "tps" as const,
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
    incidents,
    projections: Object.fromEntries(snapshot.contests.map((c) => [c.code, projections.get(c.code) ?? null])),
  };
}

/** `?wilayah=`: a region code or ELECTION_ROOT, else a 400 page. */
function wilayahParam(value: string) {
  try {
    return regionCodeParam(value, "wilayah");
  } catch {
    throw new Response("Bad Request", { status: 400 });
  }
}

export default function Posko() {
  const data = useLoaderData<typeof loader>();
  const t = useT(commandPostMessages, commonMessages);
  // Each area is a page of its own: its state starts from what the loader read, its connection opens it.
  return data.level === "tps" ? (
    <TpsLevel key={data.summary.area.code} data={data} />
  ) : (
    <RegionLevel key={data.summary.area.code} data={data} topBar={<TopBar title={t("posko.title")} />} />
  );
}

function TpsLevel({ data }: { data: Extract<ReturnType<typeof useLoaderData<typeof loader>>, { level: "tps" }> }) {
  const { snapshot, tileUrl, incidents, responders, staleConfig, role, categories, securityAlerts, summary } = data;
  const mayClaim = can({ role }, "incident:claim");
  const t = useT(commandPostMessages, commonMessages);
  const live = useCommandPostLive({
    seq: snapshot.seq,
    initialDashboard: () =>
      initialState({ ...snapshot, tps: unpackTps(JSON.parse(snapshot.tps) as PackedTps), contests: snapshot.contests }),
    initialIncidents: incidents,
    initialResponders: responders,
    initialSecurityAlerts: securityAlerts,
    areas: [summary.area.code],
    initialAreaTotals: [summary.area, ...summary.children],
  });
  const children = live.areaTotals.slice(1);
  // Alerts follow the incidents of the whole page (its area), whatever the feed's filter shows.
  const incidentList = useMemo(() => Object.values(live.incidents), [live.incidents]);
  const now = useNow(60_000);
  const contestCodes = useMemo(() => snapshot.contests.map((c) => c.code), [snapshot.contests]);
  const areas = live.state.areas;
  const tpsList = live.state.tps;
  const kecamatan = useMemo(() => snapshot.regions.filter((r) => r.level === "kecamatan"), [snapshot.regions]);
  const view = useMapView({
    tpsList,
    contestCodes,
    areas,
    incidents: live.incidents,
    responders: live.responders,
    now,
    staleConfig,
  });
  // An area narrows the contests to those that concern it: a kabupaten's filter hides the other kota's mayor.
  const shownContests = useMemo(
    () => snapshot.contests.filter((c) => contestTouches(c, view.area)),
    [snapshot.contests, view.area],
  );
  const areaProgress = useMemo(
    () => (view.area ? progressIn(view.inAreaTps, shownContests) : null),
    [view.area, view.inAreaTps, shownContests],
  );
  const subAreas = useMemo(() => subAreasOf(view.area, snapshot.regions), [view.area, snapshot.regions]);
  const [selected, setSelected] = useState<string | null>(null);

  return (
    <CategoriesContext.Provider value={categories}>
      <div className={`posko${isCut(live.status) ? " cut" : ""}`}>
        <TopBar title={t("posko.title")} />
        <PoskoNav role={role} />
        {data.caseDeadlines ? <CaseDeadlineBox counts={data.caseDeadlines} /> : null}
        <CriticalAlert
          incidents={incidentList}
          escalateAfterSeconds={data.alertSettings.escalateAfterSeconds}
          canClaim={mayClaim}
          onChange={live.updateIncident}
        />
        <div className="posko-body">
          <CommandPostMap
            view={view}
            tpsCount={tpsList.length}
            contests={snapshot.contests}
            contestCodes={contestCodes}
            areas={areas}
            kecamatan={kecamatan}
            regions={snapshot.regions}
            tileUrl={tileUrl}
            selected={selected}
            onSelect={setSelected}
            cut={isCut(live.status)}
          />
          <aside className="panel split">
            {/* Pinned: the connection, where the operator is and the totals stay in view whatever the feed does. */}
            <div className="panel-pinned" data-testid="panel-pinned">
              <div className="panel-head">
                <LiveStatusLine status={live.status} heard={live.heard} />
                <SoundToggle />
              </div>
              <Breadcrumb summary={summary} viewScope={data.viewScope} />
              <h2>{t("posko.totals")}</h2>
              <div className="totals-block">
                {shownContests.map((c) => {
                  const totals = live.state.totals[c.code];
                  const progress = { reported: totals.reported, total: totals.tpsCount ?? tpsList.length };
                  // Only when the area cuts the contest's own: otherwise the contest's figures are the area's.
                  const cut = view.area && areaProgress && areaProgress[c.code].total !== progress.total;
                  const byKelurahan = live.state.areaTotals?.[c.code];
                  return (
                    <ContestTotals
                      key={c.code}
                      contest={c}
                      totals={cut && byKelurahan ? totalsInArea(byKelurahan, view.area!) : totals}
                      progress={progress}
                      areaProgress={cut ? areaProgress[c.code] : null}
                      projection={data.projections[c.code] ?? null}
                    />
                  );
                })}
              </div>
            </div>
            <div className="panel-scroll" data-testid="panel-scroll">
              {/* In the panel, not above the map: the map keeps its size while an alert waits. */}
              <SecurityAlerts alerts={live.securityAlerts} />
              <IncidentPanel
                incidents={view.areaIncidents}
                responders={live.responders}
                onChange={live.updateIncident}
                readOnly={!can({ role }, "incident:transition")}
                me={data.me}
                canClaim={mayClaim}
                temuan={data.temuan}
              />
              <StalePanel stale={view.staleInArea} onSelect={setSelected} staleConfig={data.staleConfig} />
              <ChecklistSummary
                area={view.area ?? (summary.area.code === ELECTION_ROOT ? null : summary.area.code)}
                changes={live.checklistChanges}
                initial={data.checklists}
                onSelect={setSelected}
              />
              <ChildRegions areas={children} />
              <h2>{t("posko.bySubArea")}</h2>
              <SubAreaProgress tpsList={view.inAreaTps} subAreas={subAreas} contests={shownContests} areas={areas} />
              <QuickOnlyPanel tpsList={view.inAreaTps} contests={shownContests} onSelect={setSelected} />
            </div>
          </aside>
        </div>
      </div>
    </CategoriesContext.Provider>
  );
}

/** Per contest, the TPS of an area that vote in it and how many of them have reported it. */
function progressIn(tpsList: DashboardTps[], contests: { code: string; area: string[] }[]) {
  const out: Record<string, { reported: number; total: number }> = {};
  for (const c of contests) out[c.code] = { reported: 0, total: 0 };
  for (const tp of tpsList)
    for (const c of contests) {
      if (!votesIn(tp.kelurahanCode, c)) continue;
      out[c.code].total++;
      if (tp.results[c.code] && tp.results[c.code] !== "missing") out[c.code].reported++;
    }
  return out;
}
