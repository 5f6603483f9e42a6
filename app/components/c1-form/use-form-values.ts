// The boxes of the complete C.Hasil while the officer types: where they start (a refused outbox item to fix,
// else a draft, else what the server already has), and the draft kept in localStorage on every keystroke, so
// a reload, a service-worker update or a flat battery loses nothing.
import { useEffect, useState } from "react";

type Values = Record<string, string>;

export interface FormDraft {
  values: Values;
  confirmed: boolean;
  reason: string;
}

export function useFormValues({
  start,
  restore,
  draftKey,
}: {
  /** Boxes as the page knows them: the stored complete form, or the quick entry's boxes. */
  start: Values;
  restore?: FormDraft | null;
  draftKey?: string;
}) {
  const [values, setValues] = useState<Values>(start);
  const [confirmed, setConfirmed] = useState(false);
  const [reason, setReason] = useState("");
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [hydrated, setHydrated] = useState(false);

  useEffect(() => {
    setHydrated(true);
    const saved = restore ?? (draftKey ? readDraft(draftKey) : null);
    if (!saved) return;
    setValues((v) => ({ ...v, ...saved.values }));
    setConfirmed(!!saved.confirmed);
    setReason(saved.reason ?? "");
  }, [restore, draftKey]);

  useEffect(() => {
    if (!hydrated || !draftKey) return;
    if (Object.values(values).some((v) => v !== "") || reason) {
      localStorage.setItem(draftKey, JSON.stringify({ values, confirmed, reason } satisfies FormDraft));
    }
  }, [hydrated, draftKey, values, confirmed, reason]);

  return { values, setValues, touched, setTouched, confirmed, setConfirmed, reason, setReason, hydrated };
}

function readDraft(key: string): FormDraft | null {
  try {
    const draft = JSON.parse(localStorage.getItem(key) ?? "null") as Partial<FormDraft> | null;
    return draft?.values ? { values: draft.values, confirmed: !!draft.confirmed, reason: draft.reason ?? "" } : null;
  } catch {
    /* a broken draft is ignored */
    return null;
  }
}
