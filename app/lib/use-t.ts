// The current language comes from the root loader; components translate with useT().
import { useRouteLoaderData } from "@remix-run/react";
import { DEFAULT_LANG, translate, type Lang, type MessageKey } from "./i18n";

export function useLang(): Lang {
  const data = useRouteLoaderData("root") as { lang?: Lang } | undefined;
  return data?.lang ?? DEFAULT_LANG;
}

export function useT() {
  const lang = useLang();
  return (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);
}
