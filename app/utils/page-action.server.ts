// Runs a page action's write and turns refusals into data the page shows (a message and per-field errors),
// with the same status codes and wording as the API; anything else is a real error for the error boundary.
import { data } from "@remix-run/node";
import type { Lang } from "~/lib/i18n";
import { problem, type FieldProblem, type Problem } from "~/lib/problems";
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

/** A problem as a page action's answer: its status, message and field errors in the page's language. */
export function pageProblem(p: Problem, lang: Lang) {
  const { status, body, headers } = describeProblem(p, lang);
  return data<PageActionResult<never>>(
    { ok: false, message: body.message, errors: body.errors ?? [] },
    { status, headers },
  );
}

/** A zod failure as a page action answer (422). */
export function invalidForm(lang: Lang, fields: FieldProblem[]) {
  return pageProblem(problem.invalid(fields), lang);
}
