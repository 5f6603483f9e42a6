// "Juga dibuka oleh Budi": two reviewers never decide the same result unknowingly. A decision taken while
// someone else has the item open asks first, since it may overwrite theirs.
import { useRef, useState, type FormEvent, type ReactNode } from "react";
import { liveMessages } from "~/lib/messages/live";
import { useT } from "~/lib/use-t";
import type { ReviewPerson } from "./use-presence";

const namesOf = (people: ReviewPerson[]) => people.map((p) => p.name).join(", ");

export function PresenceLine({ others }: { others: ReviewPerson[] }) {
  const t = useT(liveMessages);
  if (!others.length) return null;
  return (
    <p className="notice warn presence" data-testid="presence" role="status">
      {t("presence.alsoOpen", { names: namesOf(others) })}
    </p>
  );
}

/** Holds any decision submitted inside it while `others` have the item open, until the reviewer confirms. */
export function ConfirmWhileShared({ others, children }: { others: ReviewPerson[]; children: ReactNode }) {
  const t = useT(liveMessages);
  const [pending, setPending] = useState<{ form: HTMLFormElement; submitter: HTMLElement | null } | null>(null);
  const confirmed = useRef(false);
  const onSubmitCapture = (event: FormEvent<HTMLDivElement>) => {
    if (!others.length || confirmed.current) {
      confirmed.current = false;
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    const native = event.nativeEvent as SubmitEvent;
    setPending({ form: event.target as HTMLFormElement, submitter: (native.submitter as HTMLElement) ?? null });
  };
  return (
    <div onSubmitCapture={onSubmitCapture}>
      {pending ? (
        <div className="notice bad presence-confirm" role="alertdialog" data-testid="presence-confirm">
          <p>{t("presence.warn", { names: namesOf(others) || "?" })}</p>
          <p className="actions">
            <button
              type="button"
              onClick={() => {
                confirmed.current = true;
                const { form, submitter } = pending;
                setPending(null);
                form.requestSubmit((submitter as HTMLButtonElement | null) ?? undefined);
              }}
            >
              {t("presence.confirm")}
            </button>{" "}
            <button type="button" onClick={() => setPending(null)}>
              {t("presence.cancel")}
            </button>
          </p>
        </div>
      ) : null}
      {children}
    </div>
  );
}
