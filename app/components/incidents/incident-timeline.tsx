// An incident's timeline as staff and the dispatched responders read it (SPEC section 2): each step — what,
// who, when in the election's time zone — with its note. Read from GET /api/v1/incidents/:id when open, and
// again whenever the incident changes (a live event or this user's own step), so the notes are never stale.
import { useEffect, useState } from "react";
import type { IncidentData, IncidentStep } from "~/lib/events";
import { formatTime } from "~/lib/format";
import { incidentMessages } from "~/lib/messages/incidents";
import { useLang, useT } from "~/lib/use-t";
import type { ResponderOption } from "./incident-card";

/** What changes an incident's timeline: a new step moves at least one of these. */
const version = (i: IncidentData) =>
  [
    i.status,
    i.acknowledgedAt,
    i.dispatchedAt,
    i.onSceneAt,
    i.resolvedAt,
    i.rejectedAt,
    i.reopenedAt,
    i.sharedAt,
    i.claimedAt,
    i.claimedBy?.id,
    i.responderIds.join(" "),
  ].join("|");

export function IncidentTimeline({
  incident,
  initiallyOpen,
  responders,
}: {
  incident: IncidentData;
  initiallyOpen: boolean;
  responders?: ResponderOption[];
}) {
  const t = useT(incidentMessages);
  const [open, setOpen] = useState(initiallyOpen);
  const [steps, setSteps] = useState<IncidentStep[] | null>(null);
  const [failed, setFailed] = useState(false);
  const key = version(incident);
  useEffect(() => {
    if (!open) return;
    let live = true;
    fetch(`/api/v1/incidents/${incident.id}`, { credentials: "same-origin" })
      .then((res) => (res.ok ? res.json() : Promise.reject(new Error(String(res.status)))))
      .then((body: { timeline: IncidentStep[] }) => {
        if (!live) return;
        setSteps(body.timeline);
        setFailed(false);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [open, incident.id, key]);
  // The posko's latest instruction to the field, where the responder looks first.
  const instruction = steps
    ?.filter((s) => s.action === "dispatch" && s.note)
    .map((s) => s.note)
    .pop();
  return (
    <details
      className="incident-timeline"
      data-testid="incident-timeline"
      open={open}
      onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}
    >
      <summary>
        {t("incident.timeline")}
        {steps ? ` (${steps.length})` : ""}
      </summary>
      {instruction && initiallyOpen ? (
        <p className="incident-instruction" data-testid="incident-instruction">
          {t("incident.instruction", { note: instruction })}
        </p>
      ) : null}
      {steps ? (
        <ol className="timeline">
          {steps.map((s, n) => (
            <TimelineStep key={n} step={s} responders={responders} />
          ))}
        </ol>
      ) : open ? (
        <p className="small muted">{failed ? t("incident.timelineError") : t("incident.timelineLoading")}</p>
      ) : null}
    </details>
  );
}

function TimelineStep({ step, responders }: { step: IncidentStep; responders?: ResponderOption[] }) {
  const t = useT(incidentMessages);
  const lang = useLang();
  const names = step.responderNames?.length
    ? step.responderNames.join(", ")
    : step.responderIds.map((id) => responders?.find((r) => r.id === id)?.name ?? `#${id}`).join(", ");
  const what =
    step.action === "dispatch"
      ? t("incident.step.dispatch", { names })
      : step.action === "take_over"
        ? t("incident.step.take_over", { name: step.claimedFrom?.name ?? "?" })
        : isStep(step.action)
          ? t(`incident.step.${step.action}`)
          : step.action;
  return (
    <li className={`step step-${step.action}`} data-testid="timeline-step" data-action={step.action}>
      <time dateTime={step.at}>{formatTime(step.at, lang)}</time> <strong>{what}</strong>
      {step.actor ? <span className="muted"> {t("incident.step.by", { name: step.actor.name })}</span> : null}
      {step.note ? <q className="step-note">{step.note}</q> : null}
    </li>
  );
}

const STEPS = [
  "create",
  "acknowledge",
  "on_scene",
  "resolve",
  "reject",
  "reopen",
  "share",
  "claim",
  "release",
] as const;
const isStep = (a: string): a is (typeof STEPS)[number] => (STEPS as readonly string[]).includes(a);
