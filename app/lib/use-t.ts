// The current language comes from the root loader. A component names the message modules it shows,
// `const t = useT(officerMessages, commonMessages)`, and gets a `t` that accepts exactly their keys, so
// each screen's bundle carries only its own features' messages.
import { useRouteLoaderData } from "@remix-run/react";
import { DEFAULT_LANG, translate, type Lang, type MessageKey, type MessageParams, type Messages } from "./i18n";

export function useLang(): Lang {
  const data = useRouteLoaderData("root") as { lang?: Lang } | undefined;
  return data?.lang ?? DEFAULT_LANG;
}

export function useT<const M extends readonly Messages[]>(...modules: M) {
  const lang = useLang();
  return (key: MessageKey<M[number]>, params?: MessageParams) =>
    translate(lang, modules.find((m) => key in m[lang]) ?? modules[0], key, params);
}
