// Incident cards with workflow buttons (command post and responder screen), and the critical alert.
import { useEffect, useRef, useState } from "react";
import type { IncidentData } from "~/lib/events";
import { allowedActions, categoryLabel, formatDuration, responseTimes, type IncidentAction } from "~/lib/incidents";
import { useLang, useT } from "~/lib/use-t";

export interface ResponderOption { id: number; name: string }

/** Sends one workflow step; resolves with the updated incident or rejects with a message to show. */
export async function postTransition(id: string, body: { action: IncidentAction; responderIds?: number[]; note?: string }): Promise<IncidentData> {
  const res = await fetch(`/api/v1/incidents/${id}/transitions`, {
    method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
  });
  const answer = await res.json().catch(() => null);
  if (!res.ok) throw new Error(answer?.errors?.[0]?.message ?? answer?.message ?? `HTTP ${res.status}`);
  return answer.incident as IncidentData;
}

/** Re-renders every `ms` so ages stay current without events. */
export function useNow(ms = 30_000) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

export function IncidentCard({ incident, actions, responders, onChange, now, tpsLabel, children }: {
  incident: IncidentData;
  /** The actions this user may take; only those the status allows are shown. */
  actions: readonly IncidentAction[];
  responders?: ResponderOption[];
  onChange: (incident: IncidentData) => void;
  now: number | null;
  tpsLabel?: string;
  children?: React.ReactNode;
}) {
  const t = useT();
  const lang = useLang();
  const [note, setNote] = useState("");
  const [chosen, setChosen] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const possible = allowedActions(incident.status).filter((a) => actions.includes(a));
  const times = responseTimes(incident);
  const ageMin = now ? Math.max(0, Math.floor((now - Date.parse(incident.createdAt)) / 60000)) : null;

  async function act(action: IncidentAction) {
    setBusy(true);
    setError(null);
    try {
      const updated = await postTransition(incident.id, { action, note: note.trim() || undefined, ...(action === "dispatch" ? { responderIds: chosen } : {}) });
      setNote("");
      setChosen([]);
      onChange(updated);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const names = (ids: number[]) => ids.map((id) => responders?.find((r) => r.id === id)?.name ?? `#${id}`).join(", ");
  return (
    <article className={`incident sev-${incident.severity} st-${incident.status}`} data-testid={`incident-${incident.id}`} id={`incident-${incident.id}`}>
      <header>
        <span className={`sev-badge sev-${incident.severity}`}>{t(`incident.severity.${incident.severity}`)}</span>
        <strong>{categoryLabel(incident.category, lang)}</strong>
        <span className="incident-status" data-testid="incident-status">{t(`incident.status.${incident.status}`)}</span>
      </header>
      <p className="incident-where">
        {incident.tpsCode ? t("incident.tps", { code: tpsLabel ?? incident.tpsCode }) : t("incident.noTps")}
        {ageMin != null ? <span className="muted"> · {t("incident.age", { min: ageMin })}</span> : null}
        {incident.source !== "app" ? <span className="muted"> · {t(`incident.source.${incident.source}` as never)}</span> : null}
      </p>
      <p className="incident-text">{incident.description}</p>
      {incident.responderIds.length && responders ? <p className="small">{t("incident.assigned", { names: names(incident.responderIds) })}</p> : null}
      <p className="small muted" data-testid="incident-times">
        {t("incident.times", {
          ack: formatDuration(times.acknowledge), dispatch: formatDuration(times.dispatch),
          arrive: formatDuration(times.arrive), resolve: formatDuration(times.resolve),
        })}
      </p>
      {children}
      {possible.length ? (
        <div className="incident-actions">
          {possible.includes("dispatch") && responders?.length ? (
            <fieldset className="responder-pick">
              <legend>{t("incident.dispatchTo")}</legend>
              {responders.map((r) => (
                <label key={r.id}>
                  <input type="checkbox" checked={chosen.includes(r.id)}
                    onChange={(e) => setChosen((c) => (e.target.checked ? [...c, r.id] : c.filter((x) => x !== r.id)))} />
                  {r.name}
                </label>
              ))}
            </fieldset>
          ) : null}
          <input className="incident-note" type="text" maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)}
            placeholder={t("incident.note")} aria-label={t("incident.note")} />
          <div className="button-row">
            {possible.filter((a) => a !== "dispatch" || responders?.length).map((a) => (
              <button key={a} type="button" disabled={busy || (a === "dispatch" && !chosen.length)} onClick={() => act(a)}
                className={`action-${a}`} data-testid={`action-${a}`}>
                {t(`incident.action.${a}`)}
              </button>
            ))}
          </div>
          {error ? <p className="field-error" role="alert">{error}</p> : null}
        </div>
      ) : null}
    </article>
  );
}

/** A short two-tone beep through Web Audio (no sound file to cache); silent where the browser blocks it. */
function beep() {
  try {
    const Ctx = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctx) return false;
    const ctx = new Ctx();
    void ctx.resume();
    [880, 660, 880].forEach((freq, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = freq;
      gain.gain.value = 0.2;
      osc.connect(gain).connect(ctx.destination);
      osc.start(ctx.currentTime + i * 0.25);
      osc.stop(ctx.currentTime + i * 0.25 + 0.2);
    });
    setTimeout(() => void ctx.close(), 1500);
    return true;
  } catch {
    return false;
  }
}

/** Banner for critical incidents: visual and sound alert until an operator dismisses it. */
export function CriticalAlert({ alerts, onDismiss, tpsLabel }: { alerts: IncidentData[]; onDismiss: (id: string) => void; tpsLabel: (code: string) => string }) {
  const t = useT();
  const lang = useLang();
  const sounded = useRef(new Set<string>());
  const [sound, setSound] = useState<"idle" | "played" | "blocked">("idle");
  useEffect(() => {
    const fresh = alerts.filter((a) => !sounded.current.has(a.id));
    if (!fresh.length) return;
    fresh.forEach((a) => sounded.current.add(a.id));
    setSound(beep() ? "played" : "blocked");
  }, [alerts]);
  if (!alerts.length) return null;
  return (
    <div className="critical-alert" role="alert" data-testid="critical-alert" data-sound={sound}>
      {alerts.map((a) => (
        <div key={a.id} className="critical-item">
          <strong>{t("alert.critical")}</strong>{" "}
          {categoryLabel(a.category, lang)} · {a.tpsCode ? t("incident.tps", { code: tpsLabel(a.tpsCode) }) : t("incident.noTps")} — {a.description}
          <a href={`#incident-${a.id}`} className="alert-link">{t("alert.show")}</a>
          <button type="button" onClick={() => onDismiss(a.id)}>{t("alert.dismiss")}</button>
        </div>
      ))}
    </div>
  );
}
