// Parts every printed paper shares (recap, credential letters, handover sheet): the named page with its
// running footer and page numbers, and the signature block (place, date in the election's zone, who signs).
import { formatDate } from "~/lib/format";
import { papersMessages } from "~/lib/messages/papers";
import { printPageCss } from "~/lib/print";
import { useLang, useT } from "~/lib/use-t";

export function PrintPage({ name, size, footer }: { name: string; size: string; footer: string }) {
  const t = useT(papersMessages);
  // Our own CSS, built from escaped strings (app/lib/print.ts); a <style> child would be escaped by React.
  const css = printPageCss(name, { size, footer, page: t("papers.page"), of: t("papers.of") });
  return <style dangerouslySetInnerHTML={{ __html: css }} />;
}

export function SignatureBlock({
  place,
  at,
  signers,
}: {
  place: string;
  /** When the paper was made (ISO); written as a date in the election's zone. */
  at: string;
  signers: { role: string; name: string }[];
}) {
  const t = useT(papersMessages);
  const lang = useLang();
  return (
    <div className="signature-block" data-testid="signature-block">
      <p className="signature-place">{t("papers.placeDate", { place, date: formatDate(at, lang) })}</p>
      <div className="signature-signers">
        {signers.map((s, i) => (
          <div key={i} className="signature">
            <p>{s.role}</p>
            <p className="signature-line">{s.name || t("papers.signName")}</p>
          </div>
        ))}
      </div>
    </div>
  );
}
