// Incident cards with workflow buttons (command post and responder screen), and the critical alert.
import { createContext, useContext, useEffect, useRef, useState } from "react";
import type { IncidentData } from "~/lib/events";
import {
  allowedActions,
  categoryLabel,
  formatDuration,
  INCIDENT_CATEGORIES,
  responseTimes,
  SEVERITIES,
  type CategoryOption,
  type IncidentAction,
} from "~/lib/incidents";
import { newId } from "~/lib/uuid";
import { useLang, useT } from "~/lib/use-t";

export interface ResponderOption {
  id: number;
  name: string;
}

/** The configured incident categories (admin setting `incident.categories`); pages provide them. */
export const CategoriesContext = createContext<readonly CategoryOption[]>(INCIDENT_CATEGORIES);

export function useCategoryLabel() {
  const list = useContext(CategoriesContext);
  const lang = useLang();
  return (code: string) => categoryLabel(code, lang, list);
}

/** Sends one workflow step; resolves with the updated incident or rejects with a message to show. */
export async function postTransition(
  id: string,
  body: { action: IncidentAction; responderIds?: number[]; note?: string },
): Promise<IncidentData> {
  const res = await fetch(`/api/v1/incidents/${id}/transitions`, {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
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

export function IncidentCard({
  incident,
  actions,
  responders,
  onChange,
  now,
  tpsLabel,
  children,
}: {
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
  const label = useCategoryLabel();
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
      const updated = await postTransition(incident.id, {
        action,
        note: note.trim() || undefined,
        ...(action === "dispatch" ? { responderIds: chosen } : {}),
      });
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
    <article
      className={`incident sev-${incident.severity} st-${incident.status}`}
      data-testid={`incident-${incident.id}`}
      id={`incident-${incident.id}`}
    >
      <header>
        <span className={`sev-badge sev-${incident.severity}`}>{t(`incident.severity.${incident.severity}`)}</span>
        <strong>{label(incident.category)}</strong>
        <span className="incident-status" data-testid="incident-status">
          {t(`incident.status.${incident.status}`)}
        </span>
      </header>
      <p className="incident-where">
        {incident.tpsCode ? t("incident.tps", { code: tpsLabel ?? incident.tpsCode }) : t("incident.noTps")}
        {ageMin != null ? <span className="muted"> · {t("incident.age", { min: ageMin })}</span> : null}
        {incident.source !== "app" ? (
          <span className="muted"> · {t(`incident.source.${incident.source}` as never)}</span>
        ) : null}
      </p>
      <p className="incident-text">{incident.description}</p>
      {incident.responderIds.length && responders ? (
        <p className="small">{t("incident.assigned", { names: names(incident.responderIds) })}</p>
      ) : null}
      <p className="small muted" data-testid="incident-times">
        {t("incident.times", {
          ack: formatDuration(times.acknowledge),
          dispatch: formatDuration(times.dispatch),
          arrive: formatDuration(times.arrive),
          resolve: formatDuration(times.resolve),
        })}
      </p>
      {children}
      {possible.length ? (
        <div className="incident-actions">
          {possible.includes("dispatch") && responders?.length ? (
            <details className="responder-pick">
              <summary>
                {t("incident.dispatchTo")}
                {chosen.length ? ` (${chosen.length})` : ""}
              </summary>
              {responders.map((r) => (
                <label key={r.id}>
                  <input
                    type="checkbox"
                    checked={chosen.includes(r.id)}
                    onChange={(e) => setChosen((c) => (e.target.checked ? [...c, r.id] : c.filter((x) => x !== r.id)))}
                  />
                  {r.name}
                </label>
              ))}
            </details>
          ) : null}
          <input
            className="incident-note"
            type="text"
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder={t("incident.note")}
            aria-label={t("incident.note")}
          />
          <div className="button-row">
            {possible
              .filter((a) => a !== "dispatch" || responders?.length)
              .map((a) => (
                <button
                  key={a}
                  type="button"
                  disabled={busy || (a === "dispatch" && !chosen.length)}
                  onClick={() => act(a)}
                  className={`action-${a}`}
                  data-testid={`action-${a}`}
                >
                  {t(`incident.action.${a}`)}
                </button>
              ))}
          </div>
          {error ? (
            <p className="field-error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}

// One AudioContext for the page. Browsers start it suspended until the user interacts with the page, so
// the command post offers a button that unlocks it; after that, alerts sound without a click.
let audio: AudioContext | null = null;

function audioContext(): AudioContext | null {
  const Ctx =
    window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Ctx) return null;
  audio ??= new Ctx();
  return audio;
}

/** A short two-tone beep through Web Audio (no sound file to cache). Returns whether it could play. */
function beep(): boolean {
  try {
    const ctx = audioContext();
    if (!ctx) return false;
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
    return ctx.state === "running";
  } catch {
    return false;
  }
}

/** Unlocks the alert sound (a click is the user gesture browsers ask for) and plays it once as a test. */
export function SoundToggle() {
  const t = useT();
  const [on, setOn] = useState(false);
  useEffect(() => setOn(audio?.state === "running"), []);
  return (
    <button
      type="button"
      className="link-like small"
      data-testid="sound-toggle"
      aria-pressed={on}
      onClick={async () => {
        const ctx = audioContext();
        await ctx?.resume();
        beep();
        setOn(ctx?.state === "running");
      }}
    >
      {on ? t("alert.soundOn") : t("alert.soundOff")}
    </button>
  );
}

/** Banner for critical incidents: visual and sound alert until an operator dismisses it. */
export function CriticalAlert({
  alerts,
  onDismiss,
  tpsLabel,
}: {
  alerts: IncidentData[];
  onDismiss: (id: string) => void;
  tpsLabel: (code: string) => string;
}) {
  const t = useT();
  const label = useCategoryLabel();
  const sounded = useRef(new Set<string>());
  const [sound, setSound] = useState<"idle" | "played" | "blocked">("idle");
  useEffect(() => {
    const fresh = alerts.filter((a) => !sounded.current.has(a.id));
    if (!fresh.length) return;
    fresh.forEach((a) => sounded.current.add(a.id));
    setSound(beep() ? "played" : "blocked");
  }, [alerts]);
  // The tab title carries the alert too, for an operator working in another window.
  useEffect(() => {
    if (!alerts.length) return;
    const title = document.title;
    document.title = `(${alerts.length}) ${t("alert.critical")} ${title}`;
    return () => {
      document.title = title;
    };
  }, [alerts.length]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!alerts.length) return null;
  return (
    <div className="critical-alert" role="alert" data-testid="critical-alert" data-sound={sound}>
      {alerts.map((a) => (
        <div key={a.id} className="critical-item">
          <strong>{t("alert.critical")}</strong> {label(a.category)} ·{" "}
          {a.tpsCode ? t("incident.tps", { code: tpsLabel(a.tpsCode) }) : t("incident.noTps")} — {a.description}
          <a href={`#incident-${a.id}`} className="alert-link">
            {t("alert.show")}
          </a>
          <button type="button" onClick={() => onDismiss(a.id)}>
            {t("alert.dismiss")}
          </button>
        </div>
      ))}
    </div>
  );
}

/** Command post: key an incident reported by phone, on paper or by SMS (it joins the feed like any other). */
export function IncidentEntry() {
  const t = useT();
  const lang = useLang();
  const categories = useContext(CategoriesContext).filter((c) => c.active !== false);
  const [id, setId] = useState(() => newId());
  const [errors, setErrors] = useState<{ field: string; message: string }[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    setBusy(true);
    setErrors([]);
    setMessage(null);
    try {
      const res = await fetch("/api/v1/incidents", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          id,
          tpsCode: text("tpsCode") || null,
          category: text("category"),
          severity: text("severity"),
          description: text("description"),
          source: text("source"),
          occurredAt: new Date().toISOString(),
        }),
      });
      const answer = await res.json().catch(() => null);
      if (res.ok) {
        (event.target as HTMLFormElement).reset();
        setId(newId());
        setMessage(t("entry.saved"));
      } else {
        setErrors(answer?.errors ?? []);
        setMessage(answer?.message ?? `HTTP ${res.status}`);
      }
    } catch {
      setMessage(t("api.unavailable"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="incident-entry" data-testid="incident-entry">
      <summary>{t("entry.title")}</summary>
      <form onSubmit={submit} className="stack" noValidate>
        <label className="field">
          <span>TPS ({t("qc.optional")})</span>
          <input name="tpsCode" placeholder="1673031001-001" maxLength={14} aria-invalid={!!errorFor("tpsCode")} />
          {errorFor("tpsCode") ? <span className="error">{errorFor("tpsCode")}</span> : null}
        </label>
        <label className="field">
          <span>{t("entry.category")}</span>
          <select name="category" defaultValue={categories[categories.length - 1]?.code}>
            {categories.map((c) => (
              <option key={c.code} value={c.code}>
                {c[lang]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t("entry.severity")}</span>
          <select name="severity" defaultValue="medium">
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(`incident.severity.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t("paper.source")}</span>
          <select name="source" defaultValue="phone">
            {(["phone", "paper", "sms"] as const).map((s) => (
              <option key={s} value={s}>
                {t(`incident.source.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t("entry.description")}</span>
          <textarea name="description" rows={3} maxLength={2000} aria-invalid={!!errorFor("description")} />
          {errorFor("description") ? <span className="error">{errorFor("description")}</span> : null}
        </label>
        {message ? (
          <p className={errors.length ? "error" : "muted"} role="status">
            {message}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={busy}>
          {t("entry.submit")}
        </button>
      </form>
    </details>
  );
}

/** A citizen report's private part (place, contact, photo), shown to the command post on request. */
export function CitizenDetails({ id }: { id: string }) {
  const t = useT();
  const [details, setDetails] = useState<{
    trackingCode: string;
    place: string | null;
    contact: string | null;
    hasPhoto: boolean;
  } | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function load() {
    const res = await fetch(`/api/v1/incidents/${id}/citizen`, { credentials: "same-origin" }).catch(() => null);
    const body = await res?.json().catch(() => null);
    if (res?.ok) setDetails(body);
    else setError(body?.message ?? t("api.unavailable"));
  }
  if (error) return <p className="field-error small">{error}</p>;
  if (!details)
    return (
      <button type="button" className="link-like small" onClick={load}>
        {t("citizen.show")}
      </button>
    );
  return (
    <p className="small" data-testid="citizen-details">
      {t("citizen.code")}: <strong>{details.trackingCode}</strong>
      {details.place ? <> · {details.place}</> : null}
      {details.contact ? <> · {details.contact}</> : null}
      {details.hasPhoto ? (
        <>
          {" "}
          ·{" "}
          <a href={`/api/v1/incidents/${id}/citizen?photo=1`} target="_blank" rel="noreferrer">
            {t("detail.photos")}
          </a>
        </>
      ) : null}
    </p>
  );
}
