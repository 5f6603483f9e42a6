import { Form } from "@remix-run/react";
import { commonMessages } from "~/lib/messages/common";
import { reviewMessages } from "~/lib/messages/review";
import { useT } from "~/lib/use-t";
import type { TpsPhoto } from "~/models/command-post.server";
import type { ReviewContest, ReviewDetail, SourceColumn } from "./types";

/** The latest revision of each source, then the keyings of a conflicting paper form. */
export function useSourceColumns(detail: ReviewDetail): SourceColumn[] {
  const t = useT(reviewMessages, commonMessages);
  const current = detail.current;
  const latestBySource = Object.values(Object.fromEntries([...detail.revisions].reverse().map((r) => [r.source, r])));
  return [
    ...latestBySource.map((r) => ({
      key: r.id,
      title: `${t(`review.source.${r.source}`)} · rev ${r.revision}`,
      by: r.author,
      votes: r.votes,
      invalid: r.invalid,
      submissionId: r.id,
      isCurrent: r.id === current?.submissionId,
    })),
    ...(detail.paper?.entries ?? []).map((e) => ({
      key: `entry-${e.round}`,
      title: t("review.entry", { round: e.round }),
      by: e.author,
      votes: e.votes,
      invalid: e.invalid,
      submissionId: null,
      isCurrent: false,
    })),
  ];
}

/** One source's numbers (those that differ from another source marked), its C1 photos and its verify button. */
export function SourceColumnCard({
  column: c,
  columns,
  contest,
  photos,
  currentVerified,
  busy,
}: {
  column: SourceColumn;
  columns: SourceColumn[];
  contest: ReviewContest;
  photos: TpsPhoto[];
  currentVerified: boolean;
  busy: boolean;
}) {
  const t = useT(reviewMessages, commonMessages);
  const differs = (k: string, v: number) => columns.some((o) => (k === "invalid" ? o.invalid : o.votes[k]) !== v);
  return (
    <div className={`source${c.isCurrent ? " current" : ""}`}>
      <h3>{c.title}</h3>
      <p className="small muted">
        {c.by}
        {c.isCurrent ? ` · ${t("review.current")}` : ""}
      </p>
      <table className="data-table">
        <tbody>
          {contest.candidates.map((k) => (
            <tr key={k.number}>
              <td>
                {k.number}. {k.name}
              </td>
              <td className={`num${differs(String(k.number), c.votes[k.number]) ? " diff" : ""}`}>
                {c.votes[k.number]}
              </td>
            </tr>
          ))}
          <tr>
            <td>{t("posko.invalid")}</td>
            <td className={`num${differs("invalid", c.invalid) ? " diff" : ""}`}>{c.invalid}</td>
          </tr>
        </tbody>
      </table>
      {photos
        .filter((p) => p.submissionId && p.submissionId === c.submissionId)
        .map((p) => (
          <PhotoLink key={p.id} id={p.id} />
        ))}
      {c.submissionId && !(c.isCurrent && currentVerified) ? (
        <Form method="post">
          <input type="hidden" name="intent" value="verify" />
          {c.isCurrent ? null : <input type="hidden" name="submissionId" value={c.submissionId} />}
          <button type="submit" disabled={busy} data-testid={`verify-${c.key}`}>
            {c.isCurrent ? t("review.verify") : t("review.useThis")}
          </button>
        </Form>
      ) : null}
    </div>
  );
}

/** The C1 photos that belong to no column shown, or a note that there are none at all. */
export function OtherPhotos({ photos, columns }: { photos: TpsPhoto[]; columns: SourceColumn[] }) {
  const t = useT(reviewMessages, commonMessages);
  const loose = photos.filter((p) => !columns.some((c) => c.submissionId && c.submissionId === p.submissionId));
  if (loose.length)
    return (
      <div className="photo-strip" data-testid="review-photos">
        {loose.map((p) => (
          <PhotoLink key={p.id} id={p.id} />
        ))}
      </div>
    );
  return photos.length ? null : <p className="small muted">{t("review.noPhotos")}</p>;
}

function PhotoLink({ id }: { id: string }) {
  const t = useT(reviewMessages, commonMessages);
  return (
    <a href={`/api/v1/photos/${id}`} target="_blank" rel="noreferrer">
      <img className="c1-photo" src={`/api/v1/photos/${id}`} alt={t("detail.photos")} loading="lazy" />
    </a>
  );
}
