import { commandPostMessages } from "~/lib/messages/command-post";
import { commonMessages } from "~/lib/messages/common";
import type { DashboardTps } from "~/lib/dashboard";
import { useT } from "~/lib/use-t";

/** The list shows each contest's count and its first entries. */
const QUICK_SHOWN = 30;

/**
 * TPS whose result is a quick entry only, per contest, in the area shown: the posko chases their complete
 * C.Hasil. A code opens the TPS on the map.
 */
export function QuickOnlyPanel({
  tpsList,
  contests,
  onSelect,
}: {
  tpsList: DashboardTps[];
  contests: { code: string; name: string }[];
  onSelect: (code: string) => void;
}) {
  const t = useT(commandPostMessages, commonMessages);
  const lists = contests
    .map((c) => ({ ...c, tps: tpsList.filter((tp) => tp.quick?.includes(c.code)).map((tp) => tp.code) }))
    .filter((c) => c.tps.length > 0);
  return (
    <section className="quick-only" data-testid="quick-only">
      <h2>{t("posko.quickOnly")}</h2>
      {lists.length === 0 ? <p className="muted small">{t("posko.quickOnlyNone")}</p> : null}
      {lists.map((c) => (
        <div key={c.code} data-testid={`quick-only-${c.code}`}>
          <p className="small">
            <strong>{t("posko.quickOnlyCount", { contest: c.name, count: c.tps.length })}</strong>
          </p>
          <p className="small quick-only-codes">
            {c.tps.slice(0, QUICK_SHOWN).map((code) => (
              <button key={code} type="button" className="link-like" onClick={() => onSelect(code)}>
                {code}
              </button>
            ))}
            {c.tps.length > QUICK_SHOWN ? (
              <span className="muted"> {t("posko.quickOnlyMore", { count: c.tps.length - QUICK_SHOWN })}</span>
            ) : null}
          </p>
        </div>
      ))}
    </section>
  );
}
