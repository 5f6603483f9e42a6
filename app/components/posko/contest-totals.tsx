import { ProjectionLine } from "~/components/projection-line";
import { ballotChoices, type BallotContest } from "~/lib/ballot";
import type { DashboardTotals } from "~/lib/dashboard";
import type { Projection } from "~/lib/projection";
import { formatNumber, formatShare } from "~/lib/format";
import { commandPostMessages } from "~/lib/messages/command-post";
import { commonMessages } from "~/lib/messages/common";
import { useLang, useT } from "~/lib/use-t";

export type ContestSummary = BallotContest & { code: string; name: string; dapil?: string | null; area: string[] };

/** TPS that have reported a contest out of those that vote in it. */
export type Progress = { reported: number; total: number };

/**
 * One contest's running totals over its own area: votes and share per choice (pairs with the blank column of a
 * single-pair contest, DPD candidates, or party totals), invalid ballots, progress against the TPS that vote
 * in it, and the projection. When an area filter cuts the contest's area, `totals` are the area's and its
 * progress line is shown too.
 */
export function ContestTotals({
  contest: c,
  totals,
  progress,
  areaProgress,
  projection,
}: {
  contest: ContestSummary;
  totals: DashboardTotals;
  progress: Progress;
  areaProgress: Progress | null;
  /** The projection the page was rendered with (null without a sample). */
  projection: Projection | null;
}) {
  const t = useT(commandPostMessages, commonMessages);
  const lang = useLang();
  const choices = ballotChoices(c);
  const sum = Object.values(totals.votes).reduce((a, b) => a + b, 0);
  return (
    <section className="contest-totals" data-testid={`totals-${c.code}`}>
      <h3>
        {c.name}
        {c.dapil ? <span className="muted small"> · {c.dapil}</span> : null}
      </h3>
      <p className="progress-line" data-testid={`progress-${c.code}`}>
        {t("posko.progress", {
          reported: formatNumber(progress.reported, lang),
          total: formatNumber(progress.total, lang),
        })}
      </p>
      {areaProgress ? (
        <>
          <p className="progress-line" data-testid={`area-progress-${c.code}`}>
            {t("posko.areaProgress", {
              reported: formatNumber(areaProgress.reported, lang),
              total: formatNumber(areaProgress.total, lang),
            })}
          </p>
          <p className="muted small">{t("posko.votesInArea")}</p>
        </>
      ) : null}
      <table>
        <tbody>
          {choices.map((k) => {
            const votes = totals.votes[k.number] ?? 0;
            const label =
              k.kind === "blank" ? t("posko.blankColumn") : k.kind === "party" ? `${k.abbrev} ${k.name}` : k.name;
            return (
              <tr key={k.number}>
                <td>
                  {k.kind === "blank" ? "" : `${k.number}. `}
                  {label}
                </td>
                <td className="num" data-testid={`votes-${c.code}-${k.number}`}>
                  {formatNumber(votes, lang)}
                </td>
                <td className="num muted">{formatShare(sum ? votes / sum : 0, lang)}</td>
              </tr>
            );
          })}
          <tr className="muted">
            <td>{t("posko.invalid")}</td>
            <td className="num">{formatNumber(totals.invalid, lang)}</td>
            <td />
          </tr>
        </tbody>
      </table>
      <ProjectionLine contest={c.code} candidates={choices} reported={totals.reported} initial={projection} />
    </section>
  );
}
