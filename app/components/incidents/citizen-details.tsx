import { useState } from "react";
import { commandPostMessages } from "~/lib/messages/command-post";
import { commonMessages } from "~/lib/messages/common";
import { useT } from "~/lib/use-t";

/** A citizen report's private part (place, contact, photo), shown to the command post on request. */
export function CitizenDetails({ id }: { id: string }) {
  const t = useT(commandPostMessages, commonMessages);
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
