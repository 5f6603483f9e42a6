// The register of process disputes as a table: the screen's (with links to each petition) and the printed
// one's, the same columns as the CSV (app/lib/disputes-sheet.ts).
import { Link } from "@remix-run/react";
import { decisionDay, deadlineText, outcomeText, type SheetRow } from "~/lib/disputes-sheet";
import { formatDate, formatDateTime } from "~/lib/format";
import { disputeMessages } from "~/lib/messages/disputes";
import { regionLabel } from "~/lib/regions";
import { useLang, useT } from "~/lib/use-t";

export function DeadlineBadge({ deadline }: { deadline: SheetRow["deadline"] }) {
  const lang = useLang();
  if (!deadline) return null;
  return (
    <span className={`badge deadline-${deadline.state}`} data-testid="deadline" data-state={deadline.state}>
      {deadlineText(deadline, lang)}
    </span>
  );
}

export function RegisterTable({ rows, links = true }: { rows: (SheetRow & { id: string })[]; links?: boolean }) {
  const t = useT(disputeMessages);
  const lang = useLang();
  return (
    <table className="data-table dispute-register" data-testid="dispute-register">
      <thead>
        <tr>
          <th>{t("dispute.col.number")}</th>
          <th>{t("dispute.col.filed")}</th>
          <th>{t("dispute.col.applicant")}</th>
          <th>{t("dispute.col.respondent")}</th>
          <th>{t("dispute.col.related")}</th>
          <th>{t("dispute.col.object")}</th>
          <th>{t("dispute.col.state")}</th>
          <th>{t("dispute.col.outcome")}</th>
          <th>{t("dispute.col.due")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-testid={`dispute-${r.id}`}>
            <td>
              {links ? (
                <Link to={`/sengketa/${r.id}`}>{r.registerNumber ?? t("dispute.notRegistered")}</Link>
              ) : (
                (r.registerNumber ?? t("dispute.notRegistered"))
              )}
              {r.registeredAt ? <div className="muted small">{formatDate(r.registeredAt, lang)}</div> : null}
            </td>
            <td className="small">
              {formatDateTime(r.filedAt, lang)}
              {r.late ? <div className="badge deadline-overdue">{t("dispute.late")}</div> : null}
            </td>
            <td>
              {r.applicantName}
              <div className="muted small">
                {t(`dispute.kind.${r.applicantKind}` as "dispute.kind.party")} · {r.repName}
              </div>
            </td>
            <td>
              {r.respondent}
              <div className="muted small">{regionLabel(r.regionKind, r.regionName)}</div>
            </td>
            <td className="small">{r.relatedParties.join(", ")}</td>
            <td className="small">
              <strong>{r.decisionNumber}</strong>, {decisionDay(r.decisionDate, lang)}
              <div className="dispute-subject">{r.decisionSubject}</div>
            </td>
            <td>
              <span className={`badge dispute-state-${r.state}`}>
                {t(`dispute.state.${r.state}` as "dispute.state.filed")}
              </span>
            </td>
            <td className="small">{outcomeText(r, lang)}</td>
            <td className="small">
              <DeadlineBadge deadline={r.deadline} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
