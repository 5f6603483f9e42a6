// Languages and how a message becomes text. Bahasa Indonesia is the default; English is available
// everywhere. The messages themselves live by feature in app/lib/messages/, each module with both
// languages side by side; a screen imports only the modules it shows.
import { formatNumber } from "./format";

export const LANGUAGES = ["id", "en"] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = "id";

/** Values a message's {placeholders} are filled with. */
export type MessageParams = Record<string, string | number>;

/** One feature's messages: the same keys in every language. */
export type Messages<K extends string = string> = { readonly [L in Lang]: Readonly<Record<K, string>> };

/** The keys of one or several message modules (a union of modules gives every key of each). */
export type MessageKey<M> = M extends Messages<infer K> ? K : never;

/**
 * Declares a feature's messages, both languages side by side. The keys come from `id`; `en` must have
 * exactly the same keys: a missing key or an extra one is a compile error.
 */
export function defineMessages<K extends string>(messages: {
  id: Record<K, string>;
  en: NoInfer<Record<K, string>>;
}): Messages<K> {
  return messages;
}

/** Several modules as one, for a screen or a boundary that speaks for several features. */
export function combineMessages<const M extends readonly Messages[]>(...modules: M): Messages<MessageKey<M[number]>> {
  const combined = Object.fromEntries(
    LANGUAGES.map((lang) => [lang, Object.assign({}, ...modules.map((m) => m[lang]))]),
  ) as Messages<MessageKey<M[number]>>;
  return combined;
}

/** Fills {name} placeholders from params; an unknown placeholder is left as it is. */
export function interpolate(text: string, params?: MessageParams): string {
  return params ? text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m)) : text;
}

/** The message `key` of `messages` in `lang`, with its placeholders filled. */
export function translate<K extends string>(
  lang: Lang,
  messages: Messages<K>,
  key: NoInfer<K>,
  params?: MessageParams,
): string {
  // Numbers in a message are written as the reader's language writes them ("1.234 TPS", "11,5%").
  const worded =
    params &&
    Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === "number" ? formatNumber(v, lang) : v]));
  return interpolate(messages[lang][key] ?? messages[DEFAULT_LANG][key] ?? key, worded);
}

/** The language the switch offers: the one not in use. */
export const otherLang = (lang: Lang): Lang => LANGUAGES.find((l) => l !== lang) ?? DEFAULT_LANG;

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** Picks the language from a cookie value, then Accept-Language, then the default. */
export function pickLang(cookieLang: string | undefined | null, acceptLanguage: string | null): Lang {
  if (isLang(cookieLang)) return cookieLang;
  const first = acceptLanguage?.split(",")[0]?.trim().slice(0, 2).toLowerCase();
  // Indonesian is the default; English only when the browser asks for it first.
  return first === "en" ? "en" : DEFAULT_LANG;
}
