import { ProjectionLine } from "~/components/projection-line";
import type { DashboardTotals } from "~/lib/dashboard";
import { commandPostMessages } from "~/lib/messages/command-post";
import { commonMessages } from "~/lib/messages/common";
import { useT } from "~/lib/use-t";

export type ContestSummary = { code: string; name: string; candidates: { number: number; name: string }[] };

/** One contest's running totals: votes and share per candidate, invalid ballots, and the projection. */
export function ContestTotals({
  contest: c,
  totals,
  tpsCount,
}: {
  contest: ContestSummary;
  totals: DashboardTotals;
  tpsCount: number;
}) {
  const t = useT(commandPostMessages, commonMessages);
  const sum = Object.values(totals.votes).reduce((a, b) => a + b, 0);
  return (
    <section className="contest-totals" data-testid={`totals-${c.code}`}>
      <h3>{c.name}</h3>
      <p className="progress-line" data-testid={`progress-${c.code}`}>
        {t("posko.progress", { reported: totals.reported, total: tpsCount })}
      </p>
      <table>
        <tbody>
          {c.candidates.map((k) => {
            const votes = totals.votes[k.number] ?? 0;
            return (
              <tr key={k.number}>
                <td>
                  {k.number}. {k.name}
                </td>
                <td className="num" data-testid={`votes-${c.code}-${k.number}`}>
                  {votes.toLocaleString("id-ID")}
                </td>
                <td className="num muted">{sum ? ((votes / sum) * 100).toFixed(1) : "0.0"}%</td>
              </tr>
            );
          })}
          <tr className="muted">
            <td>{t("posko.invalid")}</td>
            <td className="num">{totals.invalid.toLocaleString("id-ID")}</td>
            <td />
          </tr>
        </tbody>
      </table>
      <ProjectionLine contest={c.code} candidates={c.candidates} reported={totals.reported} />
    </section>
  );
}
