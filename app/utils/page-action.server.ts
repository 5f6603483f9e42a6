// Runs a page action's write and turns refusals into data the page shows (a message and per-field errors),
// with the same status codes as the API; anything else is a real error for the error boundary.
import { data } from "@remix-run/node";
import { translate, type Lang } from "~/lib/i18n";
import { ApiError, isUnavailable, type FieldError } from "./http.server";

export type PageActionResult<T> =
  | { ok: true; value: T; message?: undefined; errors?: undefined }
  | { ok: false; message: string; errors: FieldError[] };

export async function pageAction<T>(lang: Lang, fn: () => Promise<T>) {
  try {
    return data<PageActionResult<T>>({ ok: true, value: await fn() });
  } catch (error) {
    if (error instanceof ApiError)
      return data<PageActionResult<T>>({ ok: false, message: error.message, errors: error.errors ?? [] }, error.status);
    if (isUnavailable(error))
      return data<PageActionResult<T>>({ ok: false, message: translate(lang, "api.unavailable"), errors: [] }, 503);
    throw error;
  }
}

/** A zod failure as a page action answer (422). */
export function invalidForm(lang: Lang, errors: FieldError[]) {
  return data<PageActionResult<never>>({ ok: false, message: translate(lang, "api.invalidField"), errors }, 422);
}
