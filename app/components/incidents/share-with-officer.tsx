import { useState } from "react";
import type { IncidentData } from "~/lib/events";
import { visibilityMessages } from "~/lib/messages/visibility";
import { useT } from "~/lib/use-t";
import { shareWithOfficer } from "./incident-card";

/** A citizen's report about a TPS: shared with that TPS's officer only when staff decide so (audited, live). */
export function ShareWithOfficer({
  incident,
  onChange,
}: {
  incident: IncidentData;
  onChange: (incident: IncidentData) => void;
}) {
  const t = useT(visibilityMessages);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (incident.source !== "citizen" || !incident.tpsCode) return null;
  if (incident.sharedAt)
    return (
      <p className="small muted" data-testid="shared-with-officer">
        ✓ {t("visibility.shared")}
      </p>
    );
  async function share() {
    setBusy(true);
    setError(null);
    try {
      onChange(await shareWithOfficer(incident.id));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="share-with-officer">
      <button
        type="button"
        disabled={busy}
        onClick={share}
        title={t("visibility.shareHint")}
        data-testid="share-with-officer"
      >
        {t("visibility.share")}
      </button>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
