// Numbers and times as people in the region read them. Times use the election's time zone on the server
// and in the browser alike, so a server-rendered page hydrates without a mismatch.
import type { Lang } from "./i18n";

export const ELECTION_TIME_ZONE = "Asia/Jakarta";

/** The locale numbers are written in, per language (English uses the comma for thousands). */
export const NUMBER_LOCALE: Record<Lang, string> = { id: "id-ID", en: "en-US" };
/** The locale dates and times are written in, per language (English with the day first). */
export const DATE_LOCALE: Record<Lang, string> = { id: "id-ID", en: "en-GB" };

export const formatNumber = (n: number, lang: Lang) => n.toLocaleString(NUMBER_LOCALE[lang]);

export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return "—";
  return (
    new Date(iso).toLocaleString(DATE_LOCALE[lang], {
      timeZone: ELECTION_TIME_ZONE,
      dateStyle: "medium",
      timeStyle: "short",
    }) + " WIB"
  );
}

/** A time of day in the election's time zone, e.g. "10.32" (Indonesian) or "10:32" (English). */
export function formatTime(iso: string, lang: Lang): string {
  return new Date(iso).toLocaleTimeString(DATE_LOCALE[lang], {
    timeZone: ELECTION_TIME_ZONE,
    hour: "2-digit",
    minute: "2-digit",
  });
}
