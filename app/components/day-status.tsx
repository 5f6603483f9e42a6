// The TPS day status with the officer's next step (open the TPS, start counting). The change goes through
// the outbox, so it is shown at once as "waiting to send" and reaches the command post when it can.
import { useOfficer } from "~/components/officer-nav";
import { officerMessages } from "~/lib/messages/officer";
import { tpsStatusMessages } from "~/lib/messages/tps-status";
import { useT } from "~/lib/use-t";
import { DAY_ORDER } from "~/lib/officer";
import type { DayStatus } from "~/lib/events";
import { enqueue, useOutbox } from "~/lib/outbox-client";

export function DayStatusCard({ tpsCode, dayStatus }: { tpsCode: string; dayStatus: DayStatus }) {
  const t = useT(tpsStatusMessages, officerMessages);
  const officer = useOfficer();
  const { items } = useOutbox(officer);
  // The day status only moves forward, so the furthest of what the server said (maybe a cached page) and
  // what this phone has sent or still holds is the truth; a check-in means at least "arrived".
  const own = items.filter((i) => i.state !== "rejected" && (i.kind === "day-status" || i.kind === "checkin"));
  const queued = own.find((i) => i.state === "pending" && i.kind === "day-status");
  const at = Math.max(
    DAY_ORDER.indexOf(dayStatus),
    ...own.map((i) => DAY_ORDER.indexOf(i.kind === "checkin" ? "arrived" : (i.body as { status: DayStatus }).status)),
  );
  const shown = DAY_ORDER[at];
  const change = (status: "open" | "counting") => {
    const id = crypto.randomUUID();
    return enqueue({
      id,
      kind: "day-status",
      url: "/api/v1/tps-status",
      tps: tpsCode,
      account: officer.account,
      label: t(`day.${status}`),
      body: { id, tpsCode, status, capturedAt: new Date().toISOString() },
    });
  };
  return (
    <section className="card" aria-labelledby="day-heading">
      <h2 id="day-heading">{t("day.title")}</h2>
      <p>
        <span className={`badge day-${shown}`} data-testid="day-status">
          {t(`day.${shown}`)}
        </span>
        {queued ? <span className="muted small"> · {t("outbox.pending")}</span> : null}
      </p>
      <div className="day-actions">
        {at < DAY_ORDER.indexOf("open") ? (
          <button type="button" className="primary big" onClick={() => void change("open")}>
            {t("day.doOpen")}
          </button>
        ) : null}
        {at < DAY_ORDER.indexOf("counting") ? (
          <button type="button" className="big" onClick={() => void change("counting")}>
            {t("day.doCount")}
          </button>
        ) : null}
      </div>
    </section>
  );
}
