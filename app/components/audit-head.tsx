// The audit chain's signed head, printed where people keep copies: the public page, recaps, paper forms and
// the command post's handover sheet. One component so each prints the same text, which
// `npm run audit:verify -- --head <text>` checks later (docs/SECURITY.md).
import type { PublishedHead } from "~/lib/audit-head";
import { formatDateTime } from "~/lib/format";
import { auditHeadMessages } from "~/lib/messages/audit-head";
import { useLang, useT } from "~/lib/use-t";

export function AuditHead({ head }: { head: PublishedHead | null }) {
  const t = useT(auditHeadMessages);
  const lang = useLang();
  return (
    <section className="audit-head" data-testid="audit-head" aria-labelledby="audit-head-title">
      <h2 id="audit-head-title">{t("auditHead.title")}</h2>
      {head ? (
        <>
          <p className="small">
            {t("auditHead.row", { id: head.id, time: formatDateTime(head.at, lang, { seconds: true }) })}{" "}
            {t("auditHead.keep")}
          </p>
          <code className="audit-head-text" data-testid="audit-head-text">
            {head.text}
          </code>
          <p className="small muted">
            {t("auditHead.publicKey")}: <code data-testid="audit-head-key">{head.publicKey}</code>
          </p>
        </>
      ) : (
        <p className="small muted">{t("auditHead.none")}</p>
      )}
    </section>
  );
}
