import { Time } from "~/components/time";
import { commonMessages } from "~/lib/messages/common";
import { reviewMessages } from "~/lib/messages/review";
import { useT } from "~/lib/use-t";
import type { ReviewContest, ReviewDetail } from "./types";

/** Every revision of the result, newest first; a star marks the current one. */
export function RevisionHistory({ detail, contest }: { detail: ReviewDetail; contest: ReviewContest }) {
  const t = useT(reviewMessages, commonMessages);
  return (
    <table className="data-table" data-testid="history">
      <thead>
        <tr>
          <th>rev</th>
          <th>{t("paper.source")}</th>
          <th>{t("review.by")}</th>
          <th>{t("review.numbers")}</th>
          <th>{t("review.reason")}</th>
          <th>{t("review.when")}</th>
        </tr>
      </thead>
      <tbody>
        {detail.revisions.map((r) => (
          <tr key={r.id}>
            <td>
              {r.revision}
              {r.id === detail.current?.submissionId ? " ★" : ""}
            </td>
            <td>{t(`review.source.${r.source}`)}</td>
            <td>{r.author}</td>
            <td className="small">
              {contest.candidates.map((k) => `${k.number}: ${r.votes[k.number]}`).join(" · ")} · {t("posko.invalid")}:{" "}
              {r.invalid}
            </td>
            <td className="small">{r.reason ?? r.justification ?? ""}</td>
            <td className="small">
              <Time iso={r.receivedAt} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
