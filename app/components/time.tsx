// A time in the region's zone (WIB), worded for the UI language. Server and browser may format a date
// slightly differently (ICU versions), so the text may differ at hydration without being wrong.
import { DATE_LOCALE, ELECTION_TIME_ZONE } from "~/lib/format";
import { useLang } from "~/lib/use-t";

export function Time({ iso, time = false }: { iso: string; time?: boolean }) {
  const lang = useLang();
  const text = new Intl.DateTimeFormat(DATE_LOCALE[lang], {
    timeZone: ELECTION_TIME_ZONE,
    ...(time ? {} : { day: "2-digit", month: "2-digit" }),
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).format(new Date(iso));
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {text}
    </time>
  );
}
