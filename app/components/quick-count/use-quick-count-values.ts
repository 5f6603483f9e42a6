// The numbers in the quick-count form: where they start (what the officer typed before a server-side
// rejection, the stored result, numbers typed before hydration, a draft or an item to fix), and the draft
// kept in localStorage across reloads and updates.
import { useEffect, useRef, useState } from "react";
import { quickChoices } from "~/lib/contests";
import type { QuickCountFormProps } from "../quick-count-form";

type Values = Record<string, string>;

export function useQuickCountValues({
  contest,
  initial,
  typed,
  restore,
  draftKey,
}: Pick<QuickCountFormProps, "contest" | "initial" | "typed" | "restore" | "draftKey">) {
  const [values, setValues] = useState<Values>(() => startValues(contest, typed, initial));
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [justification, setJustification] = useState(typed?.justification ?? "");
  const [hydrated, setHydrated] = useState(false);

  // Numbers typed into the server-rendered form before React took over: hydration resets the inputs to the
  // state, so read them once, during the first client render (before the commit), and put them back after.
  const typedEarly = useRef<Values | null>(null);
  if (typedEarly.current === null && typeof document !== "undefined") typedEarly.current = readTypedEarly(values);

  // After hydration: bring back a draft (or the item being fixed), then keep the draft current.
  useEffect(() => {
    setHydrated(true);
    const early = typedEarly.current ?? {};
    if (Object.keys(early).length) {
      setValues((v) => ({ ...v, ...early }));
      setTouched((t) => ({ ...t, ...Object.fromEntries(Object.keys(early).map((k) => [k, true])) }));
      return;
    }
    if (restore) {
      setValues((v) => ({ ...v, ...restore.values }));
      setJustification(restore.justification);
      return;
    }
    const saved = draftKey ? readDraft(draftKey) : null;
    if (saved?.values) {
      setValues((v) => ({ ...v, ...saved.values }));
      setJustification(saved.justification ?? "");
    }
  }, [restore, draftKey]);
  useEffect(() => {
    if (!hydrated || !draftKey) return;
    if (Object.values(values).some((v) => v !== "") || justification)
      localStorage.setItem(draftKey, JSON.stringify({ values, justification }));
  }, [hydrated, draftKey, values, justification]);

  return { values, setValues, touched, setTouched, justification, setJustification, hydrated };
}

function startValues(
  contest: QuickCountFormProps["contest"],
  typed: QuickCountFormProps["typed"],
  initial: QuickCountFormProps["initial"],
): Values {
  if (typed) {
    const start: Values = { invalid: typed.invalid, valid: typed.valid, ballotsUsed: typed.ballotsUsed };
    for (const n of quickChoices(contest)) start[`votes.${n}`] = typed.votes[n] ?? "";
    return start;
  }
  const start: Values = { invalid: initial ? String(initial.invalid) : "", valid: "", ballotsUsed: "" };
  for (const n of quickChoices(contest)) start[`votes.${n}`] = initial ? String(initial.votes[n] ?? "") : "";
  return start;
}

/** The inputs of the server-rendered form whose value differs from the state's. */
function readTypedEarly(values: Values): Values {
  const early: Values = {};
  const form = document.querySelector<HTMLFormElement>("form.qc-form");
  for (const name of Object.keys(values)) {
    const input = form?.elements.namedItem(name);
    if (input instanceof HTMLInputElement && input.value !== values[name]) early[name] = input.value.trim();
  }
  return early;
}

function readDraft(draftKey: string): { values?: Values; justification?: string } | null {
  try {
    return JSON.parse(localStorage.getItem(draftKey) ?? "null") as { values?: Values; justification?: string } | null;
  } catch {
    /* a broken draft is ignored */
    return null;
  }
}
