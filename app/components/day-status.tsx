// The TPS day status with the officer's next step (open the TPS, start counting). The change goes through
// the outbox, so it is shown at once as "waiting to send" and reaches the command post when it can.
import { useT } from "~/lib/use-t";
import type { MessageKey } from "~/lib/i18n";
import { DAY_ORDER } from "~/lib/officer";
import type { DayStatus } from "~/lib/events";
import { enqueue, useOutbox } from "~/lib/outbox-client";

export function DayStatusCard({ tpsCode, dayStatus }: { tpsCode: string; dayStatus: DayStatus }) {
  const t = useT();
  const { items } = useOutbox(tpsCode);
  // The latest day-status change still on the phone wins over what the server last said.
  const queued = items.find((i) => i.kind === "day-status" && i.state === "pending");
  const shown = (queued ? (queued.body as { status: DayStatus }).status : dayStatus);
  const at = DAY_ORDER.indexOf(shown);
  const change = (status: "open" | "counting") => {
    const id = crypto.randomUUID();
    return enqueue({
      id, kind: "day-status", url: "/api/v1/tps-status", owner: tpsCode, label: t(`day.${status}`),
      body: { id, tpsCode, status, capturedAt: new Date().toISOString() },
    });
  };
  return (
    <section className="card" aria-labelledby="day-heading">
      <h2 id="day-heading">{t("day.title")}</h2>
      <p>
        <span className={`badge day-${shown}`} data-testid="day-status">{t(`day.${shown}` as MessageKey)}</span>
        {queued ? <span className="muted small"> · {t("outbox.pending")}</span> : null}
      </p>
      <div className="day-actions">
        {at < DAY_ORDER.indexOf("open") ? (
          <button type="button" className="primary big" onClick={() => void change("open")}>{t("day.doOpen")}</button>
        ) : null}
        {at < DAY_ORDER.indexOf("counting") ? (
          <button type="button" className="big" onClick={() => void change("counting")}>{t("day.doCount")}</button>
        ) : null}
      </div>
    </section>
  );
}
