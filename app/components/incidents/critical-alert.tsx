import { useEffect, useMemo, useRef, useState } from "react";
import type { IncidentData } from "~/lib/events";
import { formatNumber } from "~/lib/format";
import { deriveAlerts, type IncidentAlert } from "~/lib/incident-alerts";
import { alertMessages } from "~/lib/messages/alerts";
import { incidentMessages } from "~/lib/messages/incidents";
import { useLang, useT } from "~/lib/use-t";
import { beep } from "./alert-sound";
import { useCategoryLabel } from "./categories";
import { postClaim } from "./incident-card";
import { useNow } from "./use-now";

/** How often an escalated alert sounds again while nobody answers it. */
const REPEAT_MS = 20_000;

/**
 * The command post's alerts, derived from the incidents' state (app/lib/incident-alerts.ts): one compact bar
 * with the count and the most urgent incident, the others on request; it clears for every operator when
 * someone handles the incident, comes back after a reload while nobody has, and escalates (style, "not handled
 * for 12 min", a repeated sound) past the admin's time. No close button: an alert ends by answering it.
 */
export function CriticalAlert({
  incidents,
  escalateAfterSeconds,
  canClaim,
  onChange,
  tpsLabel = (code) => code,
}: {
  incidents: IncidentData[];
  escalateAfterSeconds: number;
  /** Whether this user may claim ("Tangani") from the bar. */
  canClaim: boolean;
  onChange: (incident: IncidentData) => void;
  tpsLabel?: (code: string) => string;
}) {
  const t = useT(alertMessages, incidentMessages);
  const lang = useLang();
  const now = useNow(5_000);
  const alerts = useMemo(
    () => deriveAlerts(incidents, now, { escalateAfterSeconds }),
    [incidents, now, escalateAfterSeconds],
  );
  const [open, setOpen] = useState(false);
  const sound = useAlertSound(alerts);
  // The tab title carries the alert too, for an operator working in another window.
  useEffect(() => {
    if (!alerts.length) return;
    const title = document.title;
    document.title = `(${alerts.length}) ${t("alerts.title")} ${title}`;
    return () => {
      document.title = title;
    };
  }, [alerts.length]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!alerts.length) return null;
  const [lead, ...rest] = alerts;
  const escalated = alerts.some((a) => a.escalated);
  return (
    <div
      className={`critical-alert${escalated ? " escalated" : ""}`}
      role="alert"
      data-testid="critical-alert"
      data-sound={sound}
      data-count={alerts.length}
      data-escalated={escalated}
    >
      <div className="alert-head">
        <strong className="alert-title">{t("alerts.title")}</strong>
        <span className="alert-count" data-testid="alert-count">
          {t("alerts.count", { count: formatNumber(alerts.length, lang) })}
        </span>
        <AlertLine alert={lead} canClaim={canClaim} onChange={onChange} tpsLabel={tpsLabel} />
        {rest.length ? (
          <button
            type="button"
            className="link-like alert-more"
            aria-expanded={open}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? t("alerts.fewer") : t("alerts.all", { count: alerts.length })}
          </button>
        ) : null}
      </div>
      {open && rest.length ? (
        <ul className="alert-list" data-testid="alert-list">
          {rest.map((a) => (
            <li key={a.incident.id}>
              <AlertLine alert={a} canClaim={canClaim} onChange={onChange} tpsLabel={tpsLabel} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function AlertLine({
  alert,
  canClaim,
  onChange,
  tpsLabel,
}: {
  alert: IncidentAlert;
  canClaim: boolean;
  onChange: (incident: IncidentData) => void;
  tpsLabel: (code: string) => string;
}) {
  const t = useT(alertMessages, incidentMessages);
  const lang = useLang();
  const label = useCategoryLabel();
  const [error, setError] = useState<string | null>(null);
  const a = alert.incident;
  return (
    <span
      className={`alert-line${alert.escalated ? " escalated" : ""}`}
      data-testid={`alert-${a.id}`}
      data-escalated={alert.escalated}
    >
      <span className="alert-what">
        {a.tpsCode ? t("incident.tps", { code: tpsLabel(a.tpsCode) }) : t("incident.noTps")} — {a.description} ·{" "}
        {label(a.category)}
      </span>
      <span className="alert-wait" data-testid="alert-wait">
        {alert.escalated ? <strong>{t("alerts.escalated")}: </strong> : null}
        {alert.waitingMinutes > 0
          ? t("alerts.waiting", { min: formatNumber(alert.waitingMinutes, lang) })
          : alert.waitingSeconds >= 10
            ? t("alerts.waitingSeconds", { sec: formatNumber(alert.waitingSeconds, lang) })
            : t("alerts.fresh")}
      </span>
      <a href={`#incident-${a.id}`} className="alert-link">
        {t("alerts.show")}
      </a>
      {canClaim ? (
        <button
          type="button"
          className="alert-claim"
          onClick={() => postClaim(a.id, { action: "claim" }).then(onChange, (e: Error) => setError(e.message))}
        >
          {t("alerts.claim")}
        </button>
      ) : null}
      {error ? <span className="field-error">{error}</span> : null}
    </span>
  );
}

/**
 * Sounds for a new alert, and again every REPEAT_MS while one is escalated. Returns what the last attempt did:
 * `played`, or `blocked` while the browser or the operator keeps the sound off (the toggle says which).
 */
function useAlertSound(alerts: IncidentAlert[]): "idle" | "played" | "blocked" {
  const [state, setState] = useState<"idle" | "played" | "blocked">("idle");
  const sounded = useRef(new Set<string>());
  const fresh = alerts.filter((a) => !sounded.current.has(a.incident.id)).map((a) => a.incident.id);
  const freshKey = fresh.join(",");
  const shownKey = alerts.map((a) => a.incident.id).join(",");
  // An alert that cleared sounds again if its incident is reopened later.
  useEffect(() => {
    const shown = new Set(shownKey.split(","));
    for (const id of sounded.current) if (!shown.has(id)) sounded.current.delete(id);
  }, [shownKey]);
  useEffect(() => {
    if (!fresh.length) return;
    fresh.forEach((id) => sounded.current.add(id));
    setState(beep() ? "played" : "blocked");
  }, [freshKey]); // eslint-disable-line react-hooks/exhaustive-deps
  const escalated = alerts.some((a) => a.escalated);
  useEffect(() => {
    if (!escalated) return;
    setState(beep() ? "played" : "blocked");
    const timer = setInterval(() => setState(beep() ? "played" : "blocked"), REPEAT_MS);
    return () => clearInterval(timer);
  }, [escalated]);
  return state;
}
