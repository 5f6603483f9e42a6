// The officer's answer to an inconsistent form (the rules' tier "inconsistent"): the official C.Hasil can be
// wrong, and copying it as written is the officer's job. Ticking this is the confirmation the server requires
// (its words become the submission's justification); the result is then flagged for the supervisors.
import { c1FormMessages } from "~/lib/messages/c1-form";
import { useT } from "~/lib/use-t";

export function ConfirmAsWritten({
  checked,
  onChange,
  missing,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Sending was tried without it. */
  missing: boolean;
}) {
  const t = useT(c1FormMessages);
  return (
    <label className={`confirm ${missing ? "has-error" : ""}`}>
      <input type="checkbox" name="confirmed" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>
        <strong>{t("cform.confirm")}</strong>
        <span className="muted small">{t("cform.confirmHelp")}</span>
      </span>
    </label>
  );
}
