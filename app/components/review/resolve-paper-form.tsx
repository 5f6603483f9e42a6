import { Form } from "@remix-run/react";
import { reviewMessages } from "~/lib/messages/review";
import { useT } from "~/lib/use-t";

/** A supervisor settles a paper form whose two keyings disagree: which keying holds, and why. */
export function ResolvePaperForm({ formId, busy }: { formId: string; busy: boolean }) {
  const t = useT(reviewMessages);
  return (
    <section className="card" data-testid="resolve-paper">
      <h2>{t("review.resolveTitle")}</h2>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="resolve_paper" />
        <input type="hidden" name="formId" value={formId} />
        <label className="check">
          <input type="radio" name="choice" value="first" defaultChecked /> {t("review.entry", { round: 1 })}
        </label>
        <label className="check">
          <input type="radio" name="choice" value="second" /> {t("review.entry", { round: 2 })}
        </label>
        <label className="field">
          <span>{t("review.reason")}</span>
          <input name="note" maxLength={1000} required minLength={5} />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {t("review.resolve")}
        </button>
      </Form>
    </section>
  );
}
