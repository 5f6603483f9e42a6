// On an incident card of the command post, for those who handle violation cases: the temuan raised from
// the incident ("Temuan 003/TM/PL/Kota/16.73/II/2024"), or a button that raises one (posted to /kasus, which
// opens the new case).
import { Form } from "@remix-run/react";
import type { IncidentData } from "~/lib/events";
import { casesMessages } from "~/lib/messages/cases";
import { useT } from "~/lib/use-t";

export function IncidentTemuan({ incident, label }: { incident: IncidentData; label: string | null }) {
  const t = useT(casesMessages);
  if (label)
    return (
      <p className="small" data-testid="incident-temuan">
        {label === "Temuan" ? t("cases.kind.temuan") : `${t("cases.kind.temuan")} ${label}`}
      </p>
    );
  return (
    <Form method="post" action="/kasus?index" className="row">
      <input type="hidden" name="incidentId" value={incident.id} />
      <input type="hidden" name="account" value={incident.description.slice(0, 4000) || "-"} />
      <button type="submit" className="small">
        {t("cases.temuanFromIncident")}
      </button>
    </Form>
  );
}
