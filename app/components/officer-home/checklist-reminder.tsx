// The officer's checklist reminder on the home screen: the phase due now (overdue while unanswered, in
// red) with a link to its checklist, the next phase with a countdown, earlier phases never answered; and,
// when the officer allowed notifications, one notification through the service worker when a phase's time
// comes. Everything comes from what the page holds (the settings it was rendered with, this phone's outbox),
// so the reminder works offline; times are the election's clock.
import { useEffect, useState } from "react";
import {
  checklistSchedule,
  durationParts,
  phaseOfBody,
  type ChecklistPhaseCode,
  type PhaseDue,
} from "~/lib/checklists";
import { checklistMessages } from "~/lib/messages/checklists";
import type { OutboxItem } from "~/lib/outbox";
import { formatClock } from "~/lib/format";
import type { MessageKey, MessageParams } from "~/lib/i18n";
import { useLang, useT } from "~/lib/use-t";

type Phases = Parameters<typeof checklistSchedule>[0];

/** The phases answered: on the server, or sent or waiting in this phone's outbox. */
export function answeredPhases(serverAnswered: string[], items: OutboxItem[]): Set<string> {
  const out = new Set(serverAnswered);
  for (const i of items) if (i.kind === "checklist" && i.state !== "rejected") out.add(phaseOfBody(i.body));
  return out;
}

export function ChecklistReminder({
  phases,
  answered,
  now,
  tpsCode,
}: {
  phases: Phases;
  answered: Set<string>;
  now: Date;
  tpsCode: string;
}) {
  const t = useT(checklistMessages);
  const { current, next, missed } = checklistSchedule(phases, now, answered);
  const phaseName = (p: ChecklistPhaseCode) => t(`phase.${p}`);
  const lang = useLang();
  const time = (due: string) => formatClock(due, lang);
  const duration = (minutes: number) => {
    const d = durationParts(minutes);
    return t(d.key, d.params);
  };
  const overdue = current && !current.answered;
  useDueNotification({ due: overdue ? current : null, tpsCode, phaseName, time, t });
  if (!current && !next) return null;
  return (
    <section
      className={`card checklist-reminder${overdue ? " overdue" : ""}`}
      data-testid="checklist-reminder"
      aria-labelledby="reminder-heading"
      role={overdue ? "alert" : undefined}
    >
      <h2 id="reminder-heading">{t("reminder.heading")}</h2>
      {current ? (
        <p data-testid="reminder-current">
          {current.answered
            ? t("reminder.done", { phase: phaseName(current.phase) })
            : current.minutes < 1
              ? t("reminder.dueNow", { phase: phaseName(current.phase), time: time(current.due) })
              : t("reminder.overdue", {
                  phase: phaseName(current.phase),
                  time: time(current.due),
                  late: duration(current.minutes),
                })}
        </p>
      ) : null}
      {overdue ? (
        <a className="button big primary" href={`/officer/checklist?fase=${current.phase}`}>
          {t("reminder.open", { phase: phaseName(current.phase) })}
        </a>
      ) : null}
      {missed.length ? (
        <p className="small">
          {t("reminder.missed")}{" "}
          {missed.map((p) => (
            <a key={p} href={`/officer/checklist?fase=${p}`}>
              {phaseName(p)}{" "}
            </a>
          ))}
        </p>
      ) : null}
      {next ? (
        <p className="muted small" data-testid="reminder-next">
          {t("reminder.next", { phase: phaseName(next.phase), time: time(next.due), left: duration(next.minutes) })}
        </p>
      ) : null}
      <NotificationSwitch label={t("reminder.enable")} />
    </section>
  );
}

/** Asks for permission to notify, once, where the browser can and the officer has not answered yet. Decided
 *  after the page is shown: the server cannot know, and the first render must be the server's. */
function NotificationSwitch({ label }: { label: string }) {
  const [ask, setAsk] = useState(false);
  useEffect(() => setAsk(typeof Notification !== "undefined" && Notification.permission === "default"), []);
  if (!ask) return null;
  const request = () => void Notification.requestPermission().then(() => setAsk(false));
  return (
    <button type="button" className="link-like small" onClick={request}>
      {label}
    </button>
  );
}

/** One notification per phase and day when its time has come and it is unanswered; never without permission. */
function useDueNotification({
  due,
  tpsCode,
  phaseName,
  time,
  t,
}: {
  due: PhaseDue | null;
  tpsCode: string;
  phaseName: (p: ChecklistPhaseCode) => string;
  time: (due: string) => string;
  t: (key: MessageKey<typeof checklistMessages>, params?: MessageParams) => string;
}) {
  const phase = due?.phase ?? null;
  useEffect(() => {
    if (!due || typeof Notification === "undefined" || Notification.permission !== "granted") return;
    if (!("serviceWorker" in navigator)) return;
    const key = `pantau.reminded.${tpsCode}.${due.phase}.${new Date().toDateString()}`;
    if (localStorage.getItem(key)) return;
    localStorage.setItem(key, "1");
    const url = `/officer/checklist?fase=${due.phase}`;
    void navigator.serviceWorker.ready.then((registration) =>
      registration.showNotification(t("reminder.notification", { phase: phaseName(due.phase) }), {
        body: t("reminder.notificationBody", { phase: phaseName(due.phase), time: time(due.due) }),
        tag: `checklist-${due.phase}`,
        data: { url },
      }),
    );
  }, [phase, tpsCode]); // eslint-disable-line react-hooks/exhaustive-deps
}
