// Responder (phone): the incidents dispatched to me, live; where they are (coordinates, map, directions);
// status buttons; optional location sharing that the command post sees on its map.
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import leafletCss from "leaflet/dist/leaflet.css?url";
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { CategoriesContext } from "~/components/incidents/categories";
import { IncidentCard } from "~/components/incidents/incident-card";
import { useNow } from "~/components/incidents/use-now";
import { useLive } from "~/components/use-live";
import type { LiveEvent } from "~/lib/events";
import { applyIncidentEvents, isOpen, sortIncidents, toIncidentMap, type IncidentMap } from "~/lib/incident-feed";
import { RESPONDER_ACTIONS } from "~/lib/incidents";
import { commonMessages } from "~/lib/messages/common";
import { responderMessages } from "~/lib/messages/responder";
import { formatCoordinate } from "~/lib/format";
import { useT } from "~/lib/use-t";
import { headSeq } from "~/models/events.server";
import { listIncidents } from "~/models/incidents.server";
import { getSetting } from "~/models/settings.server";
import { TopBar } from "~/root";
import { requirePageUser } from "~/utils/permissions.server";

const IncidentMiniMap = lazy(() => import("~/components/incident-map.client"));

export const links: LinksFunction = () => [{ rel: "stylesheet", href: leafletCss }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "responder:app");
  // seq first: an event between the two reads is replayed and replaces the incident by id.
  const seq = await headSeq(context.sql);
  const incidents = await listIncidents(context.sql, { scope: null, responderId: user.id });
  return {
    me: user.id,
    seq,
    incidents,
    tileUrl: context.env.TILE_URL,
    categories: await getSetting(context.sql, "incident.categories"),
  };
}

export default function Responder() {
  const { me, seq, incidents: first, tileUrl, categories } = useLoaderData<typeof loader>();
  const t = useT(responderMessages, commonMessages);
  const now = useNow();
  const [incidents, setIncidents] = useState<IncidentMap>(() => toIncidentMap(first));
  const onEvents = useCallback(
    (events: LiveEvent[]) => setIncidents((m) => applyIncidentEvents(m, events, (i) => i.responderIds.includes(me))),
    [me],
  );
  const status = useLive({ seq, onEvents });
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const list = useMemo(() => sortIncidents(Object.values(incidents)), [incidents]);
  const open = list.filter(isOpen);
  const where = (i: (typeof list)[number]) => {
    if (i.lat != null && i.lng != null) return { lat: i.lat, lng: i.lng };
    return i.tps ? { lat: i.tps.lat, lng: i.tps.lng } : null;
  };

  return (
    <CategoriesContext.Provider value={categories}>
      <TopBar title={t("responder.title")} />
      <main className="page phone">
        <p className={`live-status ${status}`} data-testid="live-status" role="status">
          {status === "live" ? `● ${t("posko.live")}` : t("posko.reconnecting")}
        </p>
        <LocationSharing />
        {mounted && open.some((i) => where(i)) ? (
          <div className="mini-map">
            <Suspense fallback={null}>
              <IncidentMiniMap
                points={open.flatMap((i) => {
                  const p = where(i);
                  return p ? [{ id: i.id, ...p, severity: i.severity, label: i.description }] : [];
                })}
                tileUrl={tileUrl}
              />
            </Suspense>
          </div>
        ) : null}
        <h1>{t("responder.mine", { count: open.length })}</h1>
        {list.length === 0 ? (
          <p className="muted" data-testid="responder-empty">
            {t("responder.none")}
          </p>
        ) : null}
        {list.map((incident) => {
          const p = where(incident);
          return (
            <IncidentCard
              key={incident.id}
              incident={incident}
              actions={RESPONDER_ACTIONS}
              now={now}
              me={me}
              timelineOpen
              onChange={(i) => setIncidents((m) => ({ ...m, [i.id]: i }))}
            >
              {incident.tps?.address ? <p className="small">{incident.tps.address}</p> : null}
              {p ? (
                <p className="small directions">
                  <span className="tps-code">{formatCoordinate(p.lat, p.lng)}</span>{" "}
                  <a
                    href={`https://www.openstreetmap.org/directions?to=${p.lat}%2C${p.lng}`}
                    target="_blank"
                    rel="noreferrer"
                  >
                    {t("responder.directions")}
                  </a>
                  {" · "}
                  <a href={`geo:${p.lat},${p.lng}`}>{t("responder.openMaps")}</a>
                </p>
              ) : null}
            </IncidentCard>
          );
        })}
      </main>
    </CategoriesContext.Provider>
  );
}

/** Optional: while switched on, the phone's position goes to the command post (at most every 15 s). */
function LocationSharing() {
  const t = useT(responderMessages, commonMessages);
  const [on, setOn] = useState(false);
  const [state, setState] = useState<"idle" | "shared" | "error">("idle");
  const last = useRef(0);
  useEffect(() => {
    if (!on || !("geolocation" in navigator)) return;
    const watch = navigator.geolocation.watchPosition(
      async (pos) => {
        if (Date.now() - last.current < 15_000) return;
        last.current = Date.now();
        const res = await fetch("/api/v1/responders/location", {
          method: "POST",
          credentials: "same-origin",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ lat: pos.coords.latitude, lng: pos.coords.longitude, accuracy: pos.coords.accuracy }),
        }).catch(() => null);
        setState(res?.ok ? "shared" : "error");
      },
      () => setState("error"),
      { enableHighAccuracy: true, maximumAge: 10_000 },
    );
    return () => navigator.geolocation.clearWatch(watch);
  }, [on]);
  return (
    <div className="card location-share">
      <label className="check">
        <input
          type="checkbox"
          checked={on}
          onChange={(e) => {
            last.current = 0;
            setOn(e.target.checked);
          }}
          data-testid="share-location"
        />
        {t("responder.shareLocation")}
      </label>
      {on ? (
        <p className="small muted" role="status">
          {t(
            state === "shared"
              ? "responder.locationShared"
              : state === "error"
                ? "responder.locationError"
                : "responder.locationWaiting",
          )}
        </p>
      ) : null}
    </div>
  );
}
