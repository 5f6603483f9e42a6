import { useEffect, useRef, useState } from "react";
import type { IncidentData } from "~/lib/events";
import { commandPostMessages } from "~/lib/messages/command-post";
import { commonMessages } from "~/lib/messages/common";
import { incidentMessages } from "~/lib/messages/incidents";
import { useT } from "~/lib/use-t";
import { beep } from "./alert-sound";
import { useCategoryLabel } from "./categories";

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
  const t = useT(incidentMessages, commandPostMessages, commonMessages);
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
