import { pickLang, type Lang } from "~/lib/i18n";
import { readCookie } from "./auth.server";

export const LANG_COOKIE = "pantau_lang";

export function requestLang(request: Request): Lang {
  return pickLang(readCookie(request.headers.get("Cookie"), LANG_COOKIE), request.headers.get("Accept-Language"));
}
