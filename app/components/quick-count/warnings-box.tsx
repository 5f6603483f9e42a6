import type { Issue } from "~/lib/c1-rules";
import { issueMessage } from "~/lib/messages/quick-count";
import { quickCountMessages } from "~/lib/messages/quick-count";
import { useLang, useT } from "~/lib/use-t";

/** Every warning rule the numbers break, listed above the reason they call for. */
export function WarningsBox({ warnings }: { warnings: Issue[] }) {
  const t = useT(quickCountMessages);
  const lang = useLang();
  return (
    <div className="warning-box" role="status">
      <p>{t("qc.warningsHead")}</p>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>{issueMessage(lang, w)}</li>
        ))}
      </ul>
    </div>
  );
}
