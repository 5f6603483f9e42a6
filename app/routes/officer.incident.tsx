// Incident report from the TPS: category (admin setting) and severity, a description, optional
// camera photos (resized on the phone), and the phone's position. Photos and the report go through the
// outbox, photos first, so the incident that lists them never waits on a photo that is not stored.
import { BackHome, useOfficer } from "~/components/officer-nav";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { OutboxPanel } from "~/components/outbox-panel";
import { PhotoField } from "~/components/photo-field";
import { SEVERITIES, type Severity } from "~/lib/incidents";
import { enqueue } from "~/lib/outbox-client";
import { resizePhoto } from "~/lib/resize-photo";
import { commonMessages } from "~/lib/messages/common";
import { incidentMessages } from "~/lib/messages/incidents";
import { inputCheckMessages } from "~/lib/messages/input-checks";
import { officerMessages } from "~/lib/messages/officer";
import { hasControlCharacter } from "~/lib/schemas/atoms";
import { useLang, useT } from "~/lib/use-t";
import { getSetting } from "~/models/settings.server";
import { TopBar } from "~/root";
import { requirePageUser } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "officer:app");
  // The categories configured on the admin screens; retired ones cannot be chosen any more.
  const categories = (await getSetting(context.sql, "incident.categories")).filter((c) => c.active);
  return { tpsCode: user.tpsCode!, categories };
}

export default function ReportIncident() {
  const { tpsCode, categories } = useLoaderData<typeof loader>();
  const t = useT(officerMessages, incidentMessages, commonMessages, inputCheckMessages);
  const officer = useOfficer();
  const lang = useLang();
  const [category, setCategory] = useState("");
  const [severity, setSeverity] = useState<Severity | "">("");
  const [description, setDescription] = useState("");
  const [photos, setPhotos] = useState<File[]>([]);
  const [position, setPosition] = useState<{ lat: number; lng: number; accuracy: number } | null>(null);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);

  // The position is taken in the background; the report never waits for it.
  useEffect(() => {
    navigator.geolocation?.getCurrentPosition(
      (p) => setPosition({ lat: p.coords.latitude, lng: p.coords.longitude, accuracy: Math.round(p.coords.accuracy) }),
      () => undefined,
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 120_000 },
    );
  }, []);

  const errors = {
    category: !category ? t("officerReport.needCategory") : null,
    severity: !severity ? t("officerReport.needSeverity") : null,
    description:
      description.trim().length === 0
        ? t("officerReport.needDescription")
        : hasControlCharacter(description)
          ? t("input.controlCharacter")
          : null,
  };
  const blocked = Object.values(errors).some(Boolean);

  const send = async () => {
    setTried(true);
    if (blocked) return;
    setBusy(true);
    try {
      const id = crypto.randomUUID();
      const occurredAt = new Date().toISOString();
      const photoIds: string[] = [];
      for (const file of photos) {
        const blob = await resizePhoto(file).catch(() => null);
        if (!blob) continue;
        const photoId = crypto.randomUUID();
        photoIds.push(photoId);
        await enqueue({
          id: photoId,
          kind: "photo",
          url: "/api/v1/photos",
          tps: tpsCode,
          account: officer.account,
          label: t("officerReport.photoOf"),
          form: {
            fields: { id: photoId, purpose: "incident", tpsCode, incidentId: id, capturedAt: occurredAt },
            file: blob,
            fileName: "incident.jpg",
          },
        });
      }
      const label = categories.find((c) => c.code === category)?.[lang] ?? category;
      await enqueue(
        {
          id,
          kind: "incident",
          url: "/api/v1/incidents",
          tps: tpsCode,
          account: officer.account,
          label,
          body: {
            id,
            tpsCode,
            category,
            severity,
            description: description.trim(),
            photoIds,
            lat: position?.lat ?? null,
            lng: position?.lng ?? null,
            occurredAt,
          },
        },
        { waitMs: 4000 },
      );
      window.location.assign("/officer/incidents");
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <TopBar title={`TPS ${tpsCode}`} />
      <main className="page phone">
        <BackHome />
        <h1>{t("officerReport.title")}</h1>
        <form
          className="stack"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          <label className={`field ${tried && errors.category ? "has-error" : ""}`}>
            <span>{t("officerReport.category")}</span>
            <select value={category} onChange={(e) => setCategory(e.target.value)} name="category">
              <option value="">{t("officerReport.choose")}</option>
              {categories.map((c) => (
                <option key={c.code} value={c.code}>
                  {c[lang]}
                </option>
              ))}
            </select>
            {tried && errors.category ? (
              <span className="error" role="alert">
                {errors.category}
              </span>
            ) : null}
          </label>
          <fieldset className={`field severity ${tried && errors.severity ? "has-error" : ""}`}>
            <legend>{t("officerReport.severity")}</legend>
            {SEVERITIES.map((s) => (
              <label key={s} className={`sev sev-${s} ${severity === s ? "chosen" : ""}`}>
                <input
                  type="radio"
                  name="severity"
                  value={s}
                  checked={severity === s}
                  onChange={() => setSeverity(s)}
                />
                {t(`incident.severity.${s}`)}
              </label>
            ))}
            {tried && errors.severity ? (
              <span className="error" role="alert">
                {errors.severity}
              </span>
            ) : null}
          </fieldset>
          <label className={`field ${tried && errors.description ? "has-error" : ""}`}>
            <span>{t("officerReport.description")}</span>
            <textarea
              name="description"
              rows={4}
              maxLength={2000}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
            {tried && errors.description ? (
              <span className="error" role="alert">
                {errors.description}
              </span>
            ) : null}
          </label>
          <PhotoField label={t("officerReport.photos")} testId="incident-photos" photos={photos} onChange={setPhotos} />
          <p className="muted small" data-testid="incident-position">
            {position ? t("officerReport.position", { accuracy: position.accuracy }) : t("officerReport.noPosition")}
          </p>
          <button type="submit" className="primary big" disabled={busy}>
            {busy ? t("qc.sending") : t("officerReport.submit")}
          </button>
        </form>
        <OutboxPanel showSent={false} />
      </main>
    </>
  );
}
