// Each ballot of the TPS with what happened to its result: waiting on this phone (with the numbers, and no
// invitation to enter it again), refused (with what to fix), or sent (with the numbers the server has).
import type { ResultStatus } from "~/lib/events";
import { c1FormMessages } from "~/lib/messages/c1-form";
import { officerMessages } from "~/lib/messages/officer";
import { officerHomeMessages } from "~/lib/messages/officer-home";
import { tpsStatusMessages } from "~/lib/messages/tps-status";
import type { OutboxItem } from "~/lib/outbox";
import { useT } from "~/lib/use-t";
import { QuickCountNumbers } from "./numbers";

export interface Ballot {
  code: string;
  name: string;
  status: ResultStatus;
  completeness: "quick" | "complete" | null;
  photos: number;
  /** The numbers of the server's current result, if any. */
  current: { votes: Record<string, number>; invalid: number } | null;
}

type QueuedBody = { contest: string; votes: Record<string, string>; invalid: string };

/** This phone's latest quick count per contest (items come newest first). */
export function latestQuickCounts(items: OutboxItem[]): Map<string, OutboxItem> {
  const latest = new Map<string, OutboxItem>();
  for (const item of items) {
    const contest = item.kind === "quick-count" ? (item.body as QueuedBody | undefined)?.contest : undefined;
    if (contest && !latest.has(contest)) latest.set(contest, item);
  }
  return latest;
}

export function BallotList({ ballots, latest }: { ballots: Ballot[]; latest: Map<string, OutboxItem> }) {
  const t = useT(c1FormMessages);
  return (
    <section className="card" aria-labelledby="ballots-heading">
      <h2 id="ballots-heading">{t("cform.ballots")}</h2>
      <ul className="contest-list">
        {ballots.map((b) => (
          <BallotRow key={b.code} ballot={b} queued={latest.get(b.code) ?? null} />
        ))}
      </ul>
    </section>
  );
}

function BallotRow({ ballot: b, queued }: { ballot: Ballot; queued: OutboxItem | null }) {
  const t = useT(tpsStatusMessages, officerMessages, officerHomeMessages, c1FormMessages);
  const onPhone = queued && queued.state !== "sent" ? queued : null;
  const body = queued?.body as QueuedBody | undefined;
  // The server's status, unless this phone holds a newer result; a result sent after the page loaded counts.
  const status = b.status === "missing" && queued?.state === "sent" ? "submitted" : b.status;
  const badge = onPhone
    ? {
        className: `outbox-${onPhone.state}`,
        text: t(onPhone.state === "pending" ? "outbox.pending" : "outbox.rejected"),
      }
    : { className: `status-${status}`, text: t(`status.${status}`) };
  const numbers = onPhone && body ? body : (b.current ?? (queued?.state === "sent" ? body : null));
  return (
    <li data-testid={`contest-${b.code}`} data-outbox={onPhone?.state ?? undefined}>
      <div>
        <strong>{b.name}</strong>
        <span className={`badge ${badge.className}`} data-testid={`status-${b.code}`}>
          {badge.text}
        </span>
      </div>
      {numbers ? (
        <p className="small ballot-numbers" data-testid={`numbers-${b.code}`}>
          <span className="muted">{t(onPhone ? "home.numbersQueued" : "home.numbersSent")}</span>{" "}
          <QuickCountNumbers votes={numbers.votes} invalid={numbers.invalid} />
        </p>
      ) : null}
      {onPhone?.state === "pending" ? (
        <p className="muted small" data-testid={`waiting-${b.code}`}>
          {t("home.waitingNoRetype")}
        </p>
      ) : null}
      {onPhone?.state === "rejected" ? (
        <div className="error small" role="alert">
          <p>{t("home.refusedFix")}</p>
          {onPhone.error ? <p>{onPhone.error.message}</p> : null}
          {onPhone.fixUrl ? (
            <a className="button primary big" href={onPhone.fixUrl}>
              {t("outbox.fix")}
            </a>
          ) : null}
        </div>
      ) : null}
      {!onPhone && status === "flagged" ? (
        <p className="flag-help small" data-testid={`flagged-help-${b.code}`}>
          {t("home.flaggedHelp")}
        </p>
      ) : null}
      {b.completeness ? (
        <p className="ballot-state" data-testid={`completeness-${b.code}`}>
          <span className={`badge completeness-${b.completeness}`}>{t(`cform.completeness.${b.completeness}`)}</span>
          {b.photos ? (
            <span className="muted small">{t("cform.photoCount", { n: b.photos })}</span>
          ) : (
            <span className="warning small">{t("cform.missingPhoto")}</span>
          )}
        </p>
      ) : null}
      {!onPhone && status !== "verified" ? (
        <div className="button-column">
          <a className="button primary big" href={`/officer/quick-count/${b.code}`}>
            {status === "missing" ? t("officer.enter") : t("officer.correct")}
          </a>
          <a
            className={`button big${b.completeness === "quick" ? " primary" : ""}`}
            href={`/officer/c-hasil/${b.code}`}
          >
            {b.completeness === "complete" ? t("cform.reopen") : t("cform.open")}
          </a>
        </div>
      ) : null}
    </li>
  );
}
