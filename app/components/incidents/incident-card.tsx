// An incident card with workflow buttons, on the command post and the responder screen.
import { useState } from "react";
import type { IncidentData } from "~/lib/events";
import {
  allowedActions,
  formatDuration,
  NOTE_REQUIRED,
  responseTimes,
  type ClaimAction,
  type IncidentAction,
} from "~/lib/incidents";
import { isOpen } from "~/lib/incident-feed";
import { incidentMessages } from "~/lib/messages/incidents";
import { useT } from "~/lib/use-t";
import { useCategoryLabel } from "./categories";
import { IncidentTimeline } from "./incident-timeline";

export interface ResponderOption {
  id: number;
  name: string;
}

/** Posts to one of an incident's routes: the incident as it now is, or the server's message as the Error. */
async function postToIncident(
  id: string,
  route: "transitions" | "share" | "claim",
  body?: unknown,
): Promise<IncidentData> {
  const res = await fetch(`/api/v1/incidents/${id}/${route}`, {
    method: "POST",
    credentials: "same-origin",
    ...(body === undefined ? {} : { headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }),
  });
  const answer = await res.json().catch(() => null);
  if (!res.ok) throw new Error(answer?.errors?.[0]?.message ?? answer?.message ?? `HTTP ${res.status}`);
  return answer.incident as IncidentData;
}

export const postTransition = (id: string, body: { action: IncidentAction; responderIds?: number[]; note?: string }) =>
  postToIncident(id, "transitions", body);

/** Claims, releases or takes over an incident ("ditangani oleh"). */
export const postClaim = (id: string, body: { action: ClaimAction; note?: string }) =>
  postToIncident(id, "claim", body);

/** Shares a citizen's report with its TPS's officer (staff only). */
export const shareWithOfficer = (id: string) => postToIncident(id, "share");

/** One incident with its times, and the workflow steps this user may take at its status. */
export function IncidentCard({
  incident,
  actions,
  responders,
  onChange,
  now,
  tpsLabel,
  children,
  me,
  canClaim = false,
  timelineOpen = false,
}: {
  incident: IncidentData;
  /** The signed-in user: "handled by you", and which claim they may release. */
  me?: number;
  /** Whether this user may claim, release or take over (command-post staff). */
  canClaim?: boolean;
  /** The timeline starts open (the responder reads the posko's instructions); closed on the busy command post. */
  timelineOpen?: boolean;
  /** The actions this user may take; only those the status allows are shown. */
  actions: readonly IncidentAction[];
  responders?: ResponderOption[];
  onChange: (incident: IncidentData) => void;
  now: number | null;
  tpsLabel?: string;
  children?: React.ReactNode;
}) {
  const t = useT(incidentMessages);
  const label = useCategoryLabel();
  const possible = allowedActions(incident.status).filter((a) => actions.includes(a));
  const times = responseTimes(incident);
  const ageMin = now ? Math.max(0, Math.floor((now - Date.parse(incident.createdAt)) / 60000)) : null;

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
      {incident.claimedBy || canClaim ? (
        <ClaimLine incident={incident} me={me} canClaim={canClaim} onChange={onChange} />
      ) : null}
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
      <IncidentTimeline incident={incident} initiallyOpen={timelineOpen} responders={responders} />
      {children}
      {possible.length ? (
        <IncidentActions incident={incident} possible={possible} responders={responders} onChange={onChange} />
      ) : null}
    </article>
  );
}

/** The workflow steps allowed now, with an optional note and, to dispatch, the responders to send. */
function IncidentActions({
  incident,
  possible,
  responders,
  onChange,
}: {
  incident: IncidentData;
  possible: IncidentAction[];
  responders?: ResponderOption[];
  onChange: (incident: IncidentData) => void;
}) {
  const t = useT(incidentMessages);
  const [note, setNote] = useState("");
  const [chosen, setChosen] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const noteLabel = possible.some((a) => NOTE_REQUIRED.includes(a)) ? t("incident.noteFor") : t("incident.note");

  async function act(action: IncidentAction) {
    if (NOTE_REQUIRED.includes(action) && !note.trim()) {
      setError(t("incident.noteRequired"));
      return;
    }
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

  return (
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
        placeholder={noteLabel}
        aria-label={noteLabel}
        aria-invalid={error === t("incident.noteRequired") || undefined}
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
  );
}

/** Who handles the incident ("ditangani oleh"), and the claim buttons this user has. */
function ClaimLine({
  incident,
  me,
  canClaim,
  onChange,
}: {
  incident: IncidentData;
  me?: number;
  canClaim: boolean;
  onChange: (incident: IncidentData) => void;
}) {
  const t = useT(incidentMessages);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const holder = incident.claimedBy;
  const mine = holder != null && holder.id === me;
  const action: ClaimAction | null = !canClaim
    ? null
    : mine
      ? "release"
      : !isOpen(incident)
        ? null
        : holder
          ? "take_over"
          : "claim";
  async function run(a: ClaimAction) {
    setBusy(true);
    setError(null);
    try {
      onChange(await postClaim(incident.id, { action: a }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="claim-line">
      {holder ? (
        <span className="handled-by" data-testid="handled-by">
          {mine ? t("incident.handledByYou") : t("incident.handledBy", { name: holder.name })}
        </span>
      ) : null}
      {action ? (
        <button
          type="button"
          className={`link-like small claim-${action}`}
          data-testid={`claim-${action}`}
          disabled={busy}
          onClick={() => run(action)}
        >
          {t(`incident.action.${action}`)}
        </button>
      ) : null}
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
