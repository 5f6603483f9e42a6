// Runs a page action's write and turns refusals into data the page shows (a message and per-field errors),
// with the same status codes and wording as the API; anything else is a real error for the error boundary.
import { data } from "@remix-run/node";
import type { Lang } from "~/lib/i18n";
import type { Problem } from "~/lib/problems";
import { describeProblem, problemOf, type FieldError } from "./problem-answer.server";

export type PageActionResult<T> =
  | { ok: true; value: T; message?: undefined; errors?: undefined }
  | { ok: false; message: string; errors: FieldError[] };

export async function pageAction<T>(lang: Lang, fn: () => Promise<T>) {
  try {
    return data<PageActionResult<T>>({ ok: true, value: await fn() });
  } catch (error) {
    const known = problemOf(error);
    if (!known) throw error;
    return pageProblem(known, lang);
  }
}

/**
 * A problem as a page action's answer: its status, message and field errors in the page's language; `extra`
 * is what the page needs back besides (e.g. the numbers typed, so nothing is lost without JavaScript).
 */
export function pageProblem<E extends object = object>(p: Problem, lang: Lang, extra?: E) {
  const { status, body, headers } = describeProblem(p, lang);
  return data<Extract<PageActionResult<never>, { ok: false }> & E>(
    { ...(extra as E), ok: false, message: body.message, errors: body.errors ?? [] },
    { status, headers },
  );
}

/** Runs a page action's work: null when it went through, else its problem as the page's answer (with `extra`). */
export async function pageRefusal<E extends object>(lang: Lang, extra: E, fn: () => Promise<unknown>) {
  try {
    await fn();
    return null;
  } catch (error) {
    const known = problemOf(error);
    if (!known) throw error;
    return pageProblem(known, lang, extra);
  }
}
