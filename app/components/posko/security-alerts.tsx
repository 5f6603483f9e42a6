import { useState } from "react";
import type { SecurityAlert } from "~/lib/events";
import { formatTime } from "~/lib/format";
import { limitsMessages } from "~/lib/messages/limits";
import { useLang, useT } from "~/lib/use-t";

/**
 * Unusual rates of wrong secrets (docs/decisions/030-guessing-and-flooding.md), live on the command post until
 * an operator dismisses them on this screen: an account whose budget for strangers is spent, an address or an
 * SMS sender guessing.
 */
export function SecurityAlerts({ alerts }: { alerts: SecurityAlert[] }) {
  const t = useT(limitsMessages);
  const lang = useLang();
  const [dismissed, setDismissed] = useState<number[]>([]);
  const shown = alerts.filter((a) => !dismissed.includes(a.id));
  if (!shown.length) return null;
  return (
    <div className="security-alert" role="alert" data-testid="security-alert">
      {shown.map((a) => (
        <p key={a.id} className="security-item" data-kind={a.kind}>
          <strong>{t("security.title")}</strong> {t("security.at", { time: formatTime(a.at, lang) })} —{" "}
          {t(`security.${a.kind}`, { failures: a.failures, subject: a.subject, channel: t(`security.${a.channel}`) })}
          <button type="button" onClick={() => setDismissed((d) => [...d, a.id])}>
            {t("security.dismiss")}
          </button>
        </p>
      ))}
    </div>
  );
}
