import type { ComponentProps } from "react";
import { QuickCountForm } from "~/components/quick-count-form";
import { commonMessages } from "~/lib/messages/common";
import { reviewMessages } from "~/lib/messages/review";
import { useT } from "~/lib/use-t";

/** The quick-count form as a correction: a new revision with its source and the reviewer's reason. */
export function CorrectionForm(props: Omit<ComponentProps<typeof QuickCountForm>, "submitLabel" | "extra">) {
  const t = useT(reviewMessages, commonMessages);
  return (
    <section className="card">
      <h2>{t("review.correctTitle")}</h2>
      <QuickCountForm
        {...props}
        submitLabel={t("review.correct")}
        extra={
          <>
            <input type="hidden" name="intent" value="correct" />
            <label className="field">
              <span>{t("paper.source")}</span>
              <select name="source" defaultValue="paper">
                {(["paper", "app", "phone", "radio", "sms"] as const).map((s) => (
                  <option key={s} value={s}>
                    {t(`review.source.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t("review.reason")}</span>
              <textarea name="reason" rows={2} maxLength={1000} />
            </label>
          </>
        }
      />
    </section>
  );
}
