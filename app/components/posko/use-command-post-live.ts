// The command post's live state: the dashboard (map and totals), the incident feed and responder positions,
// all kept up to date from the live event stream. Critical alerts are derived from the incidents
// (app/lib/incident-alerts.ts), not kept here.
import { useCallback, useEffect, useRef, useState } from "react";
import { useLiveConnection, type TotalsPush } from "~/components/use-live";
import { mergeTotals } from "~/lib/drill-down";
import type { AreaTotals } from "~/lib/region-summary";
import { applyEvents, type DashboardState } from "~/lib/dashboard";
import type { IncidentData, LiveEvent, ResponderLocated, SecurityAlert } from "~/lib/events";
import { applyIncidentEvents, toIncidentMap, type IncidentMap } from "~/lib/incident-feed";

/** How long live events gather before the map and totals apply them in one render. */
const DASHBOARD_FLUSH_MS = 150;

export type Located = { id: number; name: string; lat: number | null; lng: number | null };

export function useCommandPostLive({
  seq,
  initialDashboard,
  initialIncidents,
  initialResponders,
  initialSecurityAlerts = [],
  areas,
  initialAreaTotals = [],
}: {
  seq: number;
  initialDashboard: () => DashboardState;
  initialIncidents: IncidentData[];
  initialResponders: Located[];
  initialSecurityAlerts?: SecurityAlert[];
  /** The open area (drill-down): the connection carries its events and its running totals only. */
  areas?: string[];
  /** The open area's totals and its children's, as the page read them at `seq`. */
  initialAreaTotals?: AreaTotals[];
}) {
  const [areaTotals, setAreaTotals] = useState<{ seq: number; list: AreaTotals[] }>(() => ({
    seq,
    list: initialAreaTotals,
  }));
  const onTotals = useCallback(
    (push: TotalsPush) =>
      setAreaTotals((now) => (push.seq < now.seq ? now : { seq: push.seq, list: mergeTotals(now.list, push.areas) })),
    [],
  );
  const [state, setState] = useState<DashboardState>(initialDashboard);
  const [incidents, setIncidents] = useState<IncidentMap>(() => toIncidentMap(initialIncidents));
  const [responders, setResponders] = useState<Located[]>(initialResponders);
  const [securityAlerts, setSecurityAlerts] = useState<SecurityAlert[]>(initialSecurityAlerts);
  const applyBatched = useBatchedDashboard(setState);
  // The checklist summary reads its counts itself: it only needs to know that answers arrived.
  const [checklistChanges, setChecklistChanges] = useState(0);
  const onEvents = useCallback(
    (events: LiveEvent[]) => {
      applyBatched(events);
      if (events.some((e) => e.type === "checklist:updated")) setChecklistChanges((n) => n + 1);
      setIncidents((m) => applyIncidentEvents(m, events));
      const moved = events.flatMap((e) => (e.type === "responder:located" ? [e.data] : []));
      if (moved.length) setResponders((list) => moveResponders(list, moved));
      const raised = events.flatMap((e) => (e.type === "security:alert" ? [e.data] : []));
      if (raised.length)
        setSecurityAlerts((list) => [...raised.reverse(), ...list.filter((a) => !raised.some((r) => r.id === a.id))]);
    },
    [applyBatched],
  );
  const { status, heard } = useLiveConnection({ seq, onEvents, areas, onTotals });
  const updateIncident = useCallback(
    (incident: IncidentData) => setIncidents((m) => ({ ...m, [incident.id]: incident })),
    [],
  );
  return {
    state,
    incidents,
    responders,
    securityAlerts,
    status,
    heard,
    updateIncident,
    areaTotals: areaTotals.list,
    checklistChanges,
  };
}

/**
 * Map and totals take the events of a short window in one render: with 100,000 TPS every render walks them
 * all, so a burst of messages must not cost one render each. Incidents and alerts stay immediate.
 */
function useBatchedDashboard(setState: (update: (s: DashboardState) => DashboardState) => void) {
  const pending = useRef<LiveEvent[]>([]);
  const flushTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (flushTimer.current) clearTimeout(flushTimer.current);
    },
    [],
  );
  return useCallback(
    (events: LiveEvent[]) => {
      pending.current.push(...events);
      flushTimer.current ??= setTimeout(() => {
        flushTimer.current = null;
        const batch = pending.current;
        pending.current = [];
        setState((s) => applyEvents(s, batch));
      }, DASHBOARD_FLUSH_MS);
    },
    [setState],
  );
}

/** Each responder takes the last position reported for it in this batch. */
function moveResponders(list: Located[], moved: ResponderLocated[]): Located[] {
  return list.map((r) => {
    const m = moved.filter((x) => x.responderId === r.id).pop();
    return m ? { ...r, lat: m.lat, lng: m.lng } : r;
  });
}
