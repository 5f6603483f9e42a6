import { useState } from "react";
import { commandPostMessages } from "~/lib/messages/command-post";
import { useT } from "~/lib/use-t";
import { STALE_SHOWN, type StaleList } from "./use-map-view";

/** TPS that have not checked in or reported by the configured time. */
export function StalePanel({ stale, onSelect }: { stale: StaleList; onSelect: (code: string) => void }) {
  const t = useT(commandPostMessages);
  const [open, setOpen] = useState(false);
  return (
    <section className="stale" data-testid="stale-panel">
      <h2>
        <button type="button" className="link-like" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
          {t("stale.title", { count: stale.count })}
        </button>
      </h2>
      {open ? (
        <ul className="stale-list">
          {stale.first.map(([code, reason]) => (
            <li key={code}>
              <button type="button" className="link-like" onClick={() => onSelect(code)}>
                TPS {code}
              </button>
              <span className="muted">{t(`stale.${reason}`)}</span>
            </li>
          ))}
          {stale.count > STALE_SHOWN ? (
            <li className="muted">{t("stale.more", { count: stale.count - STALE_SHOWN })}</li>
          ) : null}
        </ul>
      ) : null}
    </section>
  );
}
