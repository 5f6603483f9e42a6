import { DEFAULT_LANG, isLang, pickLang, type Lang } from "~/lib/i18n";
import { readCookie } from "./auth.server";

export const LANG_COOKIE = "pantau_lang";

const cookieLang = (request: Request) => readCookie(request.headers.get("Cookie"), LANG_COOKIE);

/** Pages: Bahasa Indonesia unless the user chose English (phones set to English still get Indonesian). */
export function requestLang(request: Request): Lang {
  const chosen = cookieLang(request);
  return isLang(chosen) ? chosen : DEFAULT_LANG;
}

/** API: the user's choice, else what the client asks for in Accept-Language, else Indonesian. */
export function apiLang(request: Request): Lang {
  return pickLang(cookieLang(request), request.headers.get("Accept-Language"));
}

/** Socket.IO: the same choice as the API, from the handshake's headers. */
export function handshakeLang(headers: { cookie?: string; "accept-language"?: string }): Lang {
  return pickLang(readCookie(headers.cookie, LANG_COOKIE), headers["accept-language"] ?? null);
}
