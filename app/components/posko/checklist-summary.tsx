// The command post's checklists per phase for the open area: per phase how many TPS answered it, and each
// problem item with how many TPS flagged it ("12 TPS buka terlambat"). A count opens the TPS behind it
// (bounded, with how many in all; at the TPS level a TPS opens its detail). The page brings its own area's
// summary; it is read from the API when the area changes and again, at most every REFRESH_MS, when checklist
// answers arrive on the live connection.
import { useEffect, useRef, useState } from "react";
import type { ChecklistAreaSummary, ChecklistPhaseCode } from "~/lib/checklists";
import { formatClock, formatNumber, formatTime } from "~/lib/format";
import { checklistMessages } from "~/lib/messages/checklists";
import { useLang, useT } from "~/lib/use-t";

/** The summary is read again at most this often while answers keep arriving. */
const REFRESH_MS = 10_000;

interface Flagged {
  phase: ChecklistPhaseCode;
  item: string;
  count: number;
  tps: { code: string; note: string | null; at: string }[];
}

const query = (area: string | null) => (area ? `wilayah=${encodeURIComponent(area)}` : "");

export function ChecklistSummary({
  area,
  changes,
  initial,
  onSelect,
}: {
  /** The open area (null: the whole election); the server keeps a supervisor inside their own. */
  area: string | null;
  /** Counts the live checklist answers seen: a change reads the summary again. */
  changes: number;
  /** The summary the page came with (of the area it opened). */
  initial?: ChecklistAreaSummary;
  onSelect?: (tpsCode: string) => void;
}) {
  const t = useT(checklistMessages);
  const lang = useLang();
  const [summary, setSummary] = useState<ChecklistAreaSummary | null>(initial ?? null);
  const [flagged, setFlagged] = useState<Flagged | null>(null);
  const last = useRef(0);
  /** The area of the summary shown: the page's own needs no read until answers arrive. */
  const shownArea = useRef(initial ? initial.area : undefined);

  useEffect(() => {
    if (changes === 0 && shownArea.current === area) return;
    let live = true;
    const read = () => {
      last.current = Date.now();
      fetch(`/api/v1/checklists/summary?${query(area)}`, { credentials: "same-origin" })
        .then((res) => (res.ok ? (res.json() as Promise<ChecklistAreaSummary>) : null))
        .then((body) => {
          if (!live || !body) return;
          shownArea.current = area;
          setSummary(body);
        })
        .catch(() => undefined);
    };
    const wait = Math.max(0, last.current + REFRESH_MS - Date.now());
    // Another area is read at once; new answers in the one shown, at most every REFRESH_MS.
    const timer = setTimeout(read, shownArea.current === area ? wait : 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [area, changes]);

  const open = (phase: ChecklistPhaseCode, item: string) => {
    if (flagged?.phase === phase && flagged.item === item) return setFlagged(null);
    fetch(`/api/v1/checklists/flagged?${query(area)}&phase=${phase}&item=${encodeURIComponent(item)}`, {
      credentials: "same-origin",
    })
      .then((res) => (res.ok ? (res.json() as Promise<Flagged>) : null))
      .then((body) => body && setFlagged(body))
      .catch(() => undefined);
  };

  return (
    <section className="checklist-summary" data-testid="checklist-summary" aria-labelledby="checklist-summary-heading">
      <h2 id="checklist-summary-heading">{t("summary.title")}</h2>
      {!summary ? <p className="muted small">{t("summary.loading")}</p> : null}
      {summary?.phases.map((p) => (
        <div key={p.phase} className="phase-summary" data-testid={`checklist-phase-${p.phase}`}>
          <p className="small">
            <strong>{t(`phase.${p.phase}`)}</strong> <span className="muted">{formatClock(p.due, lang)}</span> ·{" "}
            {t("summary.answered", { n: formatNumber(p.answered, lang), total: formatNumber(summary.tps, lang) })}
          </p>
          {p.problems.some((x) => x.tps > 0) ? (
            <ul className="problem-counts">
              {p.problems
                .filter((x) => x.tps > 0)
                .map((x) => (
                  <li key={x.item}>
                    <button
                      type="button"
                      className="link-like warning"
                      aria-expanded={flagged?.phase === p.phase && flagged.item === x.item}
                      onClick={() => open(p.phase, x.item)}
                    >
                      {t("summary.problem", { n: formatNumber(x.tps, lang), problem: x.problem[lang] })}
                    </button>
                    {flagged?.phase === p.phase && flagged.item === x.item ? (
                      <ul className="stale-list" data-testid="checklist-flagged">
                        {flagged.tps.map((f) => (
                          <li key={f.code}>
                            {onSelect ? (
                              <button type="button" className="link-like" onClick={() => onSelect(f.code)}>
                                TPS {f.code}
                              </button>
                            ) : (
                              <span>TPS {f.code}</span>
                            )}
                            <span className="muted">
                              {f.note ? `${f.note} · ` : ""}
                              {formatTime(f.at, lang)}
                            </span>
                          </li>
                        ))}
                        {flagged.count > flagged.tps.length ? (
                          <li className="muted">
                            {t("summary.more", { n: formatNumber(flagged.count - flagged.tps.length, lang) })}
                          </li>
                        ) : null}
                      </ul>
                    ) : null}
                  </li>
                ))}
            </ul>
          ) : p.answered > 0 ? (
            <p className="muted small">{t("summary.noProblems")}</p>
          ) : null}
        </div>
      ))}
    </section>
  );
}
