// The command post's compact box for case officers and admins: how many violation cases are overdue or due
// soon, linking to the case list filtered on them.
import { Link } from "@remix-run/react";
import { casesMessages } from "~/lib/messages/cases";
import { useT } from "~/lib/use-t";

export function CaseDeadlineBox({ counts }: { counts: { overdue: number; dueSoon: number } }) {
  const t = useT(casesMessages);
  return (
    <aside className={`card case-deadline-box${counts.overdue ? " overdue" : ""}`} data-testid="case-deadline-box">
      <strong>{t("cases.box.title")}</strong>{" "}
      <Link to="/kasus?deadline=overdue" className="deadline-badge overdue">
        {t("cases.box.overdue", { n: counts.overdue })}
      </Link>
      {" · "}
      <Link to="/kasus?deadline=due_soon" className="deadline-badge due_soon">
        {t("cases.box.dueSoon", { n: counts.dueSoon })}
      </Link>
      {" · "}
      <Link to="/kasus">{t("cases.box.open")}</Link>
    </aside>
  );
}
