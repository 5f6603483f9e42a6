// The TPS day status with the officer's next step (open the TPS, start counting). A change is confirmed
// first (it tells the command post something and cannot go back), then goes through the outbox: held there
// for a few seconds so a wrong tap can be undone, shown at once as "waiting to send", and sent when it can.
import { useState } from "react";
import { useOfficer } from "~/components/officer-nav";
import { officerMessages } from "~/lib/messages/officer";
import { officerHomeMessages } from "~/lib/messages/officer-home";
import { tpsStatusMessages } from "~/lib/messages/tps-status";
import { useT } from "~/lib/use-t";
import { DAY_ORDER } from "~/lib/officer";
import { localTime } from "~/lib/officer-next-step";
import type { DayStatus } from "~/lib/events";
import type { OutboxItem } from "~/lib/outbox";
import { discard, enqueue } from "~/lib/outbox-client";

/** How long a confirmed change waits in the outbox before it is sent, so that "Undo" can still take it back. */
export const UNDO_WINDOW_MS = 10_000;

export type DayChange = "open" | "counting";

/**
 * The day status as this phone knows it: it only moves forward, so the furthest of what the server said
 * (maybe a cached page) and what this phone has sent or still holds is the truth; a check-in means at
 * least "arrived". Also the change still waiting in the outbox and the last one sent.
 */
export function dayStatusOf(items: OutboxItem[], dayStatus: DayStatus) {
  const own = items.filter((i) => i.state !== "rejected" && (i.kind === "day-status" || i.kind === "checkin"));
  const at = Math.max(
    DAY_ORDER.indexOf(dayStatus),
    ...own.map((i) => DAY_ORDER.indexOf(i.kind === "checkin" ? "arrived" : (i.body as { status: DayStatus }).status)),
  );
  return {
    shown: DAY_ORDER[at],
    queued: own.find((i) => i.state === "pending" && i.kind === "day-status") ?? null,
    sent: own.find((i) => i.state === "sent" && i.kind === "day-status") ?? null,
  };
}

/** A day change behind a confirmation that states the time; `primary` when it is the officer's next step. */
export function DayChangeButton({
  tpsCode,
  status,
  primary = false,
}: {
  tpsCode: string;
  status: DayChange;
  primary?: boolean;
}) {
  const t = useT(tpsStatusMessages, officerHomeMessages);
  const officer = useOfficer();
  const [asking, setAsking] = useState<string | null>(null);
  const label = status === "open" ? t("day.doOpen") : t("day.doCount");
  const change = () => {
    const id = crypto.randomUUID();
    setAsking(null);
    return enqueue({
      id,
      kind: "day-status",
      url: "/api/v1/tps-status",
      tps: tpsCode,
      account: officer.account,
      label: t(`day.${status}`),
      body: { id, tpsCode, status, capturedAt: new Date().toISOString() },
      holdUntil: Date.now() + UNDO_WINDOW_MS,
    });
  };
  if (asking)
    return (
      <div className="confirm-box" role="group" aria-label={label} data-testid={`confirm-${status}`}>
        <p>{t(status === "open" ? "day.confirmOpen" : "day.confirmCount", { time: `${asking} WIB` })}</p>
        <button type="button" className="primary big" onClick={() => void change()}>
          {status === "open" ? t("day.yesOpen") : t("day.yesCount")}
        </button>
        <button type="button" className="big" onClick={() => setAsking(null)}>
          {t("day.cancel")}
        </button>
      </div>
    );
  return (
    <button
      type="button"
      className={`big${primary ? " primary" : ""}`}
      onClick={() => setAsking(localTime(new Date()))}
    >
      {label}
    </button>
  );
}

/** The day status, its undo or how to correct it, and the changes not already offered as the next step. */
export function DayStatusCard({
  tpsCode,
  day,
  leading = null,
}: {
  tpsCode: string;
  day: ReturnType<typeof dayStatusOf>;
  /** The change the home screen already leads with: not offered twice. */
  leading?: DayChange | null;
}) {
  const t = useT(tpsStatusMessages, officerMessages, officerHomeMessages);
  const { shown, queued, sent } = day;
  const at = DAY_ORDER.indexOf(shown);
  const offered = (["open", "counting"] as const).filter((s) => at < DAY_ORDER.indexOf(s) && s !== leading);
  return (
    <section className="card" aria-labelledby="day-heading">
      <h2 id="day-heading">{t("day.title")}</h2>
      <p>
        <span className={`badge day-${shown}`} data-testid="day-status">
          {t(`day.${shown}`)}
        </span>
        {queued ? <span className="muted small"> · {t("outbox.pending")}</span> : null}
      </p>
      {queued ? (
        <p className="undo-row" data-testid="day-undo">
          <span className="muted small">{t("day.undoHint")}</span>
          <button type="button" onClick={() => void discard(queued.id)}>
            {t("day.undo")}
          </button>
        </p>
      ) : sent ? (
        <p className="muted small" data-testid="day-sent">
          {t("day.sentHint")}
        </p>
      ) : null}
      {offered.length ? (
        <div className="day-actions">
          {offered.map((s) => (
            <DayChangeButton key={s} tpsCode={tpsCode} status={s} primary={s === "open"} />
          ))}
        </div>
      ) : null}
    </section>
  );
}
