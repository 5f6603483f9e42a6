import type { Issue } from "~/lib/c1-rules";
import { issueMessage } from "~/lib/messages/quick-count";
import { commonMessages } from "~/lib/messages/common";
import { useLang, useT } from "~/lib/use-t";

/** One number of the C1 form with its error, or else its warnings. */
export function CountField({
  name,
  label,
  optional = false,
  value,
  error,
  warnings,
  onChange,
  onBlur,
  autoFocus = false,
}: {
  name: string;
  label: string;
  optional?: boolean;
  autoFocus?: boolean;
  value: string;
  error: string | undefined;
  warnings: Issue[];
  onChange: (value: string) => void;
  onBlur: () => void;
}) {
  const t = useT(commonMessages);
  const lang = useLang();
  return (
    <label className={`field ${error ? "has-error" : warnings.length ? "has-warning" : ""}`}>
      <span>
        {label}
        {optional ? <em className="muted small"> ({t("qc.optional")})</em> : null}
      </span>
      <input
        name={name}
        inputMode="numeric"
        pattern="[0-9]*"
        autoComplete="off"
        enterKeyHint="next"
        autoFocus={autoFocus}
        maxLength={6}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error || warnings.length ? `${name}-msg` : undefined}
        onChange={(e) => onChange(e.target.value.trim())}
        onBlur={onBlur}
      />
      {error ? (
        <span id={`${name}-msg`} className="error" role="alert">
          {error}
        </span>
      ) : null}
      {!error &&
        warnings.map((w) => (
          <span key={w.code} id={`${name}-msg`} className="warning">
            {issueMessage(lang, w)}
          </span>
        ))}
    </label>
  );
}
