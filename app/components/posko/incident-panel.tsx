import { useEffect, useMemo, useRef, useState } from "react";
import { CitizenDetails } from "~/components/incidents/citizen-details";
import { IncidentCard, type ResponderOption } from "~/components/incidents/incident-card";
import { IncidentEntry } from "~/components/incidents/incident-entry";
import { IncidentTemuan } from "~/components/cases/incident-temuan";
import { ShareWithOfficer } from "~/components/incidents/share-with-officer";
import { useNow } from "~/components/incidents/use-now";
import type { IncidentData } from "~/lib/events";
import { FeedItems } from "~/components/incidents/feed-items";
import { averageTimes, feedSections, isOpen, sortIncidents, type IncidentMap } from "~/lib/incident-feed";
import { INCIDENT_ACTIONS, formatDuration } from "~/lib/incidents";
import { countWaiting, refreshHeld, type FeedSections } from "~/lib/feed-hold";
import { commandPostMessages } from "~/lib/messages/command-post";
import { liveMessages } from "~/lib/messages/live";
import { limitsMessages } from "~/lib/messages/limits";
import { useT } from "~/lib/use-t";

/** The incident feed: open ones by severity then age, closed ones on request, response-time summary. A reader
 *  (a case officer) sees the feed without the entry form, the workflow buttons or citizens' contacts. */
export function IncidentPanel({
  incidents,
  responders,
  onChange,
  readOnly = false,
  me,
  canClaim = false,
  temuan = null,
}: {
  /** For those who handle violation cases: the temuan raised from each incident (its number, or "Temuan"
   *  before registration); null hides the temuan line. */
  temuan?: Record<string, string> | null;
  incidents: IncidentMap;
  responders: ResponderOption[];
  onChange: (incident: IncidentData) => void;
  readOnly?: boolean;
  /** The signed-in user: whose claim is theirs. */
  me?: number;
  /** Whether this user may claim incidents ("ditangani oleh"). */
  canClaim?: boolean;
}) {
  const t = useT(commandPostMessages, limitsMessages, liveMessages);
  const now = useNow();
  const [showClosed, setShowClosed] = useState(false);
  const all = useMemo(() => sortIncidents(Object.values(incidents)), [incidents]);
  const shown = showClosed ? all : all.filter(isOpen);
  const avg = useMemo(() => averageTimes(all), [all]);
  const openCount = all.filter(isOpen).length;
  // Near-identical citizen reports grouped, the flood queue apart, a page at a time: spam never buries the rest.
  const liveSections = useMemo(() => feedSections(shown), [shown]);
  const hold = useHeldFeed(liveSections, showClosed);
  const sections = hold.held ? refreshHeld(hold.held, incidents, liveSections) : liveSections;
  const waiting = hold.held ? countWaiting(liveSections, hold.held) : 0;
  const card = (incident: IncidentData) => (
    <IncidentCard
      key={incident.id}
      incident={incident}
      actions={readOnly ? [] : INCIDENT_ACTIONS}
      responders={responders}
      onChange={onChange}
      now={now}
      me={me}
      canClaim={canClaim && !readOnly}
    >
      {temuan ? <IncidentTemuan incident={incident} label={temuan[incident.id] ?? null} /> : null}
      {incident.source === "citizen" && !readOnly ? (
        <>
          <CitizenDetails id={incident.id} />
          <ShareWithOfficer incident={incident} onChange={onChange} />
        </>
      ) : null}
    </IncidentCard>
  );
  return (
    <section
      className="incident-feed"
      aria-labelledby="feed-heading"
      data-testid="incident-feed"
      data-held={hold.held ? "true" : "false"}
    >
      <h2 id="feed-heading">{t("feed.title", { open: openCount })}</h2>
      <p className="small muted" data-testid="feed-averages">
        {t("feed.averages", {
          ack: formatDuration(avg.acknowledge),
          dispatch: formatDuration(avg.dispatch),
          arrive: formatDuration(avg.arrive),
          resolve: formatDuration(avg.resolve),
        })}
      </p>
      {readOnly ? null : <IncidentEntry />}
      <label className="check">
        <input
          type="checkbox"
          checked={showClosed}
          onChange={(e) => {
            setShowClosed(e.target.checked);
            hold.release();
          }}
        />
        {t("feed.showClosed")}
      </label>
      {shown.length === 0 && !hold.held ? <p className="muted">{t("feed.empty")}</p> : null}
      {/* The cards the operator's hand is on: the entry form above them never holds the feed. */}
      <div
        className="feed-list"
        ref={hold.ref}
        onPointerEnter={() => hold.setHover(true)}
        onPointerLeave={() => hold.setHover(false)}
      >
        {waiting ? (
          <button
            type="button"
            className="feed-new"
            data-testid="feed-new"
            title={t("feed.newItemsHint")}
            onClick={hold.release}
          >
            ↑ {t("feed.newItems", { count: waiting })}
          </button>
        ) : null}
        <FeedItems items={sections.main} card={card} />
        {sections.queued.length ? (
          <details className="flood-queue" data-testid="flood-queue">
            <summary>
              {t("flood.queueTitle", { count: sections.queued.reduce((n, item) => n + 1 + item.similar.length, 0) })}
            </summary>
            <p className="small muted">{t("flood.queueNote")}</p>
            <FeedItems items={sections.queued} card={card} />
          </details>
        ) : null}
      </div>
    </section>
  );
}

/**
 * Holds the feed still while the operator's pointer is over its cards or the panel is scrolled into them:
 * the lines stay where they are, new incidents wait (app/lib/feed-hold.ts). `release` shows what waits now
 * (the feed is held again from there while the pointer stays). A change the operator makes (`choice`: showing
 * closed incidents) shows at once: only what arrives by itself waits.
 */
function useHeldFeed(live: FeedSections, choice: unknown) {
  const ref = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState(false);
  const [scrolled, setScrolled] = useState(false);
  const [held, setHeld] = useState<FeedSections | null>(null);
  const latest = useRef(live);
  latest.current = live;
  const holding = hover || scrolled;
  useEffect(() => {
    if (!holding) setHeld(null);
    else if (!held) setHeld(latest.current);
  }, [holding, held]);
  useEffect(() => setHeld((h) => (h ? latest.current : h)), [choice]);
  useEffect(() => {
    const list = ref.current;
    const scroller = list?.closest(".panel-scroll, .panel");
    if (!list || !scroller) return;
    // Scrolled into the cards: their top is out of view, where new ones would push everything down.
    const onScroll = () => setScrolled(list.getBoundingClientRect().top < scroller.getBoundingClientRect().top - 8);
    scroller.addEventListener("scroll", onScroll, { passive: true });
    return () => scroller.removeEventListener("scroll", onScroll);
  }, []);
  return { ref, held, setHover, release: () => setHeld(holding ? latest.current : null) };
}
