// Numbers and times as people in the region read them. A time is written the same by the server and by
// any browser, whatever the phone's own zone, language or ICU version: Intl only converts the instant to
// the election's zone as plain digits (and names the month); the order, the separators ("10.32" in
// Indonesian, "10:32" in English) and the zone's name are put together here. So a server-rendered page
// hydrates without a mismatch and reads the same before and after its JavaScript has loaded.
import type { Lang } from "./i18n";

export const ELECTION_TIME_ZONE = "Asia/Jakarta";

/** What people call the Indonesian zones; a zone not listed is written as its UTC offset by Intl. */
const ZONE_NAMES: Record<string, string> = {
  "Asia/Jakarta": "WIB",
  "Asia/Pontianak": "WIB",
  "Asia/Makassar": "WITA",
  "Asia/Jayapura": "WIT",
};

/** The locale numbers are written in, per language (English uses the comma for thousands). */
export const NUMBER_LOCALE: Record<Lang, string> = { id: "id-ID", en: "en-US" };
/** The locale month names come from, per language. */
const DATE_LOCALE: Record<Lang, string> = { id: "id-ID", en: "en-GB" };
/** Between hours and minutes: Indonesian writes 10.32 (PUEBI), English 10:32. */
const TIME_SEPARATOR: Record<Lang, string> = { id: ".", en: ":" };

export const formatNumber = (n: number, lang: Lang) => n.toLocaleString(NUMBER_LOCALE[lang]);

const digits = new Intl.DateTimeFormat("en-GB", {
  timeZone: ELECTION_TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  numberingSystem: "latn",
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: string;
  minute: string;
  second: string;
}

/** The instant as the clock on the wall in the election's zone reads it. */
function wallClock(iso: string): WallClock | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const parts = digits.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return {
    year: Number(part("year")),
    month: Number(part("month")),
    day: Number(part("day")),
    // Some ICU versions write midnight as 24 even with h23.
    hour: part("hour") === "24" ? "00" : part("hour"),
    minute: part("minute"),
    second: part("second"),
  };
}

const monthNames = new Map<Lang, string[]>();
function monthName(month: number, lang: Lang): string {
  let names = monthNames.get(lang);
  if (!names) {
    const format = new Intl.DateTimeFormat(DATE_LOCALE[lang], { month: "long", timeZone: "UTC" });
    names = Array.from({ length: 12 }, (_, m) => format.format(Date.UTC(2000, m, 15)));
    monthNames.set(lang, names);
  }
  return names[month - 1];
}

const zoneName = () => ZONE_NAMES[ELECTION_TIME_ZONE] ?? ELECTION_TIME_ZONE;

/** "10.32 WIB" (Indonesian) or "10:32 WIB" (English); with seconds "10.32.05 WIB". */
export function formatTime(iso: string | null | undefined, lang: Lang, { seconds = false } = {}): string {
  const clock = iso ? wallClock(iso) : null;
  if (!clock) return "—";
  const sep = TIME_SEPARATOR[lang];
  return `${clock.hour}${sep}${clock.minute}${seconds ? sep + clock.second : ""} ${zoneName()}`;
}

/** A time of day on the election's clock ("07:00" in a setting) as the reader writes it: "07.00 WIB". */
export function formatClock(hhmm: string, lang: Lang): string {
  return `${hhmm.slice(0, 2)}${TIME_SEPARATOR[lang]}${hhmm.slice(3, 5)} ${zoneName()}`;
}

/** "2 Desember 2026" (Indonesian) or "2 December 2026" (English). */
export function formatDate(iso: string | null | undefined, lang: Lang): string {
  const clock = iso ? wallClock(iso) : null;
  if (!clock) return "—";
  return `${clock.day} ${monthName(clock.month, lang)} ${clock.year}`;
}

/** "2 Desember 2026, 10.32 WIB". */
export function formatDateTime(iso: string | null | undefined, lang: Lang, { seconds = false } = {}): string {
  if (!iso || !wallClock(iso)) return "—";
  return `${formatDate(iso, lang)}, ${formatTime(iso, lang, { seconds })}`;
}

/** A share 0..1 as a percentage with one decimal, as Indonesians write it (45,3%). */
export const formatShare = (share: number, lang: Lang) =>
  `${(share * 100).toLocaleString(NUMBER_LOCALE[lang], { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
