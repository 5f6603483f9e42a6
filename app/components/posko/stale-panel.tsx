import { useEffect, useState } from "react";
import { formatNumber } from "~/lib/format";
import { commandPostMessages } from "~/lib/messages/command-post";
import { rosterMessages } from "~/lib/messages/roster";
import { PhoneLink } from "~/components/phone-link";
import { overdueMinutes, type StaleConfig } from "~/lib/stale";
import { useLang, useT } from "~/lib/use-t";
import { STALE_SHOWN, type StaleList } from "./use-map-view";

/** What the roster API tells about a listed TPS's officer (nothing for a role without roster:read). */
type Officer = {
  tpsCode: string;
  kelurahan: string;
  name: string | null;
  phone: string | null;
  lastSeenAt: string | null;
};

/**
 * TPS that have not checked in or reported by the configured time: each with its kelurahan, how many minutes
 * overdue, and its officer's phone to call (read from GET /api/v1/officers when the list is opened, so the
 * map's snapshot carries no phone numbers).
 */
export function StalePanel({
  stale,
  onSelect,
  staleConfig,
}: {
  stale: StaleList;
  onSelect: (code: string) => void;
  staleConfig?: StaleConfig;
}) {
  const t = useT(commandPostMessages, rosterMessages);
  const lang = useLang();
  const [open, setOpen] = useState(false);
  const [officers, setOfficers] = useState<Map<string, Officer>>(new Map());
  const codes = stale.first.map(([code]) => code).join(",");
  useEffect(() => {
    if (!open || !codes) return;
    const controller = new AbortController();
    fetch(`/api/v1/officers?tps=${codes}`, { signal: controller.signal, credentials: "same-origin" })
      .then((res) => (res.ok ? res.json() : null))
      .then((body: { officers: Officer[] } | null) => {
        if (body) setOfficers(new Map(body.officers.map((o) => [o.tpsCode, o])));
      })
      .catch(() => {});
    return () => controller.abort();
  }, [open, codes]);
  const now = new Date();
  return (
    <section className="stale" data-testid="stale-panel">
      <h2>
        <button type="button" className="link-like" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
          {t("stale.title", { count: stale.count })}
        </button>
      </h2>
      {open ? (
        <ul className="stale-list">
          {stale.first.map(([code, reason]) => {
            const officer = officers.get(code);
            return (
              <li key={code} data-testid={`stale-${code}`} className="stale-entry">
                <button type="button" className="link-like" onClick={() => onSelect(code)}>
                  TPS {code}
                </button>
                <PhoneLink phone={officer?.phone ?? null} name={officer?.name ?? code} empty={false} />
                <span className="muted small stale-why">
                  {officer ? `${officer.kelurahan} · ` : ""}
                  {t(`stale.${reason}`)} ·{" "}
                  {t("stale.overdue", {
                    minutes: formatNumber(overdueMinutes(reason, officer ?? {}, now, staleConfig), lang),
                  })}
                </span>
              </li>
            );
          })}
          {stale.count > STALE_SHOWN ? (
            <li className="muted">{t("stale.more", { count: stale.count - STALE_SHOWN })}</li>
          ) : null}
        </ul>
      ) : null}
    </section>
  );
}
