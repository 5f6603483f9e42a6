// Numbers and times as people in the region read them. A time is written the same by the server and by
// any browser, whatever the phone's own zone, language or ICU version: Intl only converts the instant to
// the election's zone as plain digits (and names the month); the order, the separators ("10.32" in
// Indonesian, "10:32" in English) and the zone's name are put together here. So a server-rendered page
// hydrates without a mismatch and reads the same before and after its JavaScript has loaded.
import type { Lang } from "./i18n";

/** The zone an election is shown in when nothing says otherwise (WIB). */
export const ELECTION_TIME_ZONE = "Asia/Jakarta";

/**
 * The zone of a region, from its province's Kemendagri code: Sumatra, Java and Kalimantan Barat/Tengah are
 * WIB (Kalimantan's as Asia/Pontianak), Bali, Nusa Tenggara, Kalimantan Selatan/Timur/Utara and Sulawesi WITA,
 * Maluku and Papua WIT.
 */
export function zoneOfRegion(code: string | null | undefined): string {
  const province = Number(code?.slice(0, 2));
  if (province === 61 || province === 62) return "Asia/Pontianak";
  if ((province >= 51 && province <= 53) || (province >= 63 && province <= 65) || (province >= 71 && province <= 76))
    return "Asia/Makassar";
  if (province >= 81 && province <= 99) return "Asia/Jayapura";
  return ELECTION_TIME_ZONE;
}

/** The zone of the election's regions: theirs when they share one (a Pilkada), else WIB (a national
 *  election's recap runs on Jakarta time). */
export function zoneOfRegions(codes: string[]): string {
  const zones = new Set(codes.map(zoneOfRegion).map((z) => ZONE_NAMES[z] ?? z));
  if (zones.size !== 1) return ELECTION_TIME_ZONE;
  return zoneOfRegion(codes[0]);
}

let electionZone = ELECTION_TIME_ZONE;
/** The zone every time below is written in: set once from the election's regions (the root loader, on the
 *  server and in the browser alike, so a page hydrates as it was rendered). */
export function setElectionZone(zone: string) {
  if (zone === electionZone) return;
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    electionZone = zone;
  } catch {
    // An unknown zone keeps the one in use.
  }
}
export const currentElectionZone = () => electionZone;

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

const digitsByZone = new Map<string, Intl.DateTimeFormat>();
const digitsIn = (timeZone: string) => {
  let format = digitsByZone.get(timeZone);
  if (!format) digitsByZone.set(timeZone, (format = new Intl.DateTimeFormat("en-GB", { timeZone, ...DIGITS })));
  return format;
};
const DIGITS: Intl.DateTimeFormatOptions = {
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  numberingSystem: "latn",
};

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
  const parts = digitsIn(electionZone).formatToParts(date);
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

const zoneName = () => ZONE_NAMES[electionZone] ?? electionZone;

/** "10.32 WIB" (Indonesian) or "10:32 WIB" (English); with seconds "10.32.05 WIB". */
export function formatTime(iso: string | null | undefined, lang: Lang, { seconds = false } = {}): string {
  const clock = iso ? wallClock(iso) : null;
  if (!clock) return "—";
  const sep = TIME_SEPARATOR[lang];
  return `${clock.hour}${sep}${clock.minute}${seconds ? sep + clock.second : ""} ${zoneName()}`;
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
