// Arrival check-in: the phone's GPS position, its distance from the TPS, and a note when the officer is far
// away (allowed: TPS sometimes move) or when no position was obtained: then the note is all the command post
// knows of where the officer is, so the form asks for it, says why GPS failed and offers to try again.
// The API still accepts a check-in with neither (version 1 allowed it): the form enforces the note.
// Goes through the outbox like every officer action.
import { BackHome, useOfficer } from "~/components/officer-nav";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { OutboxPanel } from "~/components/outbox-panel";
import { distanceMetres, FAR_FROM_TPS_M } from "~/lib/officer";
import { enqueue } from "~/lib/outbox-client";
import { commonMessages } from "~/lib/messages/common";
import { inputCheckMessages } from "~/lib/messages/input-checks";
import { officerMessages } from "~/lib/messages/officer";
import { hasControlCharacter } from "~/lib/schemas/atoms";
import { officerExtrasMessages } from "~/lib/messages/officer-extras";
import { useLang, useT } from "~/lib/use-t";
import { formatTime } from "~/lib/format";
import { getTps } from "~/models/election.server";
import { getOfficerDay } from "~/models/officer-actions.server";
import { TopBar } from "~/root";
import { requirePageUser } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "officer:app");
  const [tps, day] = await Promise.all([
    getTps(context.sql, { code: user.tpsCode! }),
    getOfficerDay(context.sql, { tpsCode: user.tpsCode! }),
  ]);
  return { tps: { code: tps!.code, lat: tps!.lat, lng: tps!.lng, address: tps!.address }, checkin: day.checkin };
}

type Fix = { lat: number; lng: number; accuracy: number };
type GpsFailure = "denied" | "unavailable" | "timeout" | "unsupported";
const GPS_TIMEOUT_S = 20;
const FAILURE_KEY = {
  denied: "checkin.gpsDenied",
  unavailable: "checkin.gpsUnavailable",
  timeout: "checkin.gpsTimeout",
  unsupported: "checkin.gpsUnsupported",
} as const;

export default function Checkin() {
  const { tps, checkin } = useLoaderData<typeof loader>();
  const t = useT(officerMessages, officerExtrasMessages, commonMessages, inputCheckMessages);
  const officer = useOfficer();
  const lang = useLang();
  const [fix, setFix] = useState<Fix | null>(null);
  const [gps, setGps] = useState<"idle" | "locating">("idle");
  const [failure, setFailure] = useState<GpsFailure | null>(null);
  const [note, setNote] = useState("");
  const [tried, setTried] = useState(false);
  const [queued, setQueued] = useState(false);
  const distance = fix ? distanceMetres(fix, tps) : null;
  const far = distance != null && distance > FAR_FROM_TPS_M;
  // Without a position the note is where the officer says they are; far away, why.
  const noteRequired = !fix || far;
  const noteMissing = noteRequired && note.trim() === "";
  const noteControlled = hasControlCharacter(note);

  const locate = () => {
    if (!("geolocation" in navigator)) {
      setFailure("unsupported");
      return;
    }
    setGps("locating");
    setFailure(null);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setFix({ lat: pos.coords.latitude, lng: pos.coords.longitude, accuracy: Math.round(pos.coords.accuracy) });
        setGps("idle");
      },
      (error) => {
        setGps("idle");
        setFailure(
          error.code === error.PERMISSION_DENIED ? "denied" : error.code === error.TIMEOUT ? "timeout" : "unavailable",
        );
      },
      { enableHighAccuracy: true, timeout: GPS_TIMEOUT_S * 1000, maximumAge: 60_000 },
    );
  };

  const send = async () => {
    setTried(true);
    if (noteMissing || noteControlled) return;
    const id = crypto.randomUUID();
    await enqueue(
      {
        id,
        kind: "checkin",
        url: "/api/v1/checkins",
        tps: tps.code,
        account: officer.account,
        label: distance != null ? `${distance} m` : t("checkin.noGps"),
        body: {
          id,
          tpsCode: tps.code,
          lat: fix?.lat ?? null,
          lng: fix?.lng ?? null,
          accuracy: fix?.accuracy ?? null,
          note: note.trim() || null,
          capturedAt: new Date().toISOString(),
        },
      },
      { waitMs: 3000 },
    );
    setQueued(true);
  };

  return (
    <>
      <TopBar title={`TPS ${tps.code}`} />
      <main className="page phone">
        <BackHome />
        <h1>{t("checkin.title")}</h1>
        <p className="muted">{tps.address}</p>
        {checkin ? (
          <p className="card" data-testid="last-checkin">
            {t("checkin.last", {
              time: formatTime(checkin.at, lang),
              distance: checkin.distanceM ?? "–",
            })}
          </p>
        ) : null}
        <section className="card stack">
          <button type="button" className="big" onClick={locate} disabled={gps === "locating"}>
            {gps === "locating"
              ? t("checkin.locating")
              : fix
                ? t("checkin.relocate")
                : failure
                  ? t("checkin.gpsRetry")
                  : t("checkin.locate")}
          </button>
          {failure && !fix ? (
            <p className="warning" role="status" data-testid="gps-failure">
              {t(FAILURE_KEY[failure], { seconds: GPS_TIMEOUT_S })}
            </p>
          ) : null}
          {fix ? (
            <p data-testid="distance" className={far ? "warning" : ""}>
              {t("checkin.distance", { distance: distance!, accuracy: fix.accuracy })}
              {far ? (
                <>
                  <br />
                  {t("checkin.far", { max: FAR_FROM_TPS_M })}
                </>
              ) : null}
            </p>
          ) : null}
          <label className={`field ${tried && (noteMissing || noteControlled) ? "has-error" : ""}`}>
            <span>
              {fix ? t("checkin.note") : t("checkin.where")}
              {noteRequired ? "" : <em className="muted small"> ({t("qc.optional")})</em>}
            </span>
            {fix ? null : <span className="muted small hint">{t("checkin.whereHint")}</span>}
            <textarea
              rows={2}
              maxLength={1000}
              value={note}
              required={noteRequired}
              aria-invalid={tried && (noteMissing || noteControlled)}
              onChange={(e) => setNote(e.target.value)}
            />
            {tried && noteMissing ? (
              <span className="error" role="alert">
                {fix ? t("checkin.noteNeeded") : t("checkin.whereNeeded")}
              </span>
            ) : tried && noteControlled ? (
              <span className="error" role="alert">
                {t("input.controlCharacter")}
              </span>
            ) : null}
          </label>
          <button type="button" className="primary big" onClick={() => void send()} disabled={queued}>
            {t("checkin.submit")}
          </button>
          {queued ? (
            <p role="status" data-testid="checkin-queued">
              {t("checkin.queued")}
            </p>
          ) : null}
        </section>
        <OutboxPanel showSent={false} />
      </main>
    </>
  );
}
