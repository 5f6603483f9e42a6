import { MIN_JUSTIFICATION } from "~/lib/c1-rules";
import { inputCheckMessages } from "~/lib/messages/input-checks";
import { issueMessage } from "~/lib/messages/quick-count";
import { quickCountMessages } from "~/lib/messages/quick-count";
import { useLang, useT } from "~/lib/use-t";

/** Why the numbers break a warning rule: required, at least MIN_JUSTIFICATION characters, once tried. */
export function JustificationField({
  value,
  onChange,
  tooShort,
  controlled = false,
  serverError,
}: {
  value: string;
  onChange: (value: string) => void;
  /** Tried to submit with a reason shorter than required. */
  tooShort: boolean;
  /** Tried to submit with a control character in the reason. */
  controlled?: boolean;
  serverError: string | undefined;
}) {
  const t = useT(quickCountMessages, inputCheckMessages);
  const lang = useLang();
  return (
    <label className={`field ${tooShort || controlled || serverError ? "has-error" : ""}`}>
      <span>{t("qc.justification")}</span>
      <textarea
        name="justification"
        rows={3}
        maxLength={2000}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      {tooShort ? (
        <span className="error" role="alert">
          {issueMessage(lang, {
            field: "justification",
            code: "justification_required",
            tier: "invalid",
            params: { min: MIN_JUSTIFICATION },
          })}
        </span>
      ) : controlled ? (
        <span className="error" role="alert">
          {t("input.controlCharacter")}
        </span>
      ) : serverError ? (
        <span className="error" role="alert">
          {serverError}
        </span>
      ) : null}
    </label>
  );
}
