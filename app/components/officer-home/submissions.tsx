// "Kiriman saya": every result this TPS sent, newest first, with the numbers the server stored, when it
// arrived (in the election's time zone) and its C1 photos, so the officer can check them against the C.Hasil.
import { Time } from "~/components/time";
import type { ResultStatus } from "~/lib/events";
import { officerMessages } from "~/lib/messages/officer";
import { tpsStatusMessages } from "~/lib/messages/tps-status";
import { useT } from "~/lib/use-t";
import { QuickCountNumbers } from "./numbers";

export interface Submission {
  id: string;
  contest: string;
  revision: number;
  votes: Record<string, number>;
  invalid: number;
  receivedAt: string;
  status: ResultStatus | "replaced";
  photos: number;
}

export function SubmissionList({
  submissions,
  contestName,
}: {
  submissions: Submission[];
  contestName: (code: string) => string;
}) {
  const t = useT(officerMessages, tpsStatusMessages);
  return (
    <section className="card" aria-labelledby="submissions-heading">
      <h2 id="submissions-heading">{t("officer.mySubmissions")}</h2>
      {submissions.length === 0 ? (
        <p className="muted">{t("officer.none")}</p>
      ) : (
        <ul className="submissions" data-testid="submissions">
          {submissions.map((s) => (
            <li key={s.id}>
              <div className="row">
                <strong>
                  {contestName(s.contest)} #{s.revision}
                </strong>
                <span className={`badge status-${s.status}`}>
                  {s.status === "replaced" ? "—" : t(`status.${s.status}`)}
                </span>
              </div>
              <QuickCountNumbers votes={s.votes} invalid={s.invalid} testId="submission-numbers" />
              <span className="muted small">
                <Time iso={s.receivedAt} time seconds={false} />
                {s.photos ? ` · ${t("qc.photoCount", { n: s.photos })}` : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
