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

/** "1.234.567" (Indonesian: thousands dot, decimal comma "40,1") or "1,234,567" (English). Whole numbers
 *  unless asked; `digits` fixes the decimals ("4,0"). */
export function formatNumber(n: number, lang: Lang, { digits }: { digits?: number } = {}): string {
  if (!Number.isFinite(n)) return "—";
  return n.toLocaleString(
    NUMBER_LOCALE[lang],
    digits === undefined ? undefined : { minimumFractionDigits: digits, maximumFractionDigits: digits },
  );
}

/** "620 dari 635 TPS" / "620 of 635 TPS" (the unit, when given, is the same word in both languages). */
export function formatCount(part: number, whole: number, lang: Lang, unit = ""): string {
  const of = lang === "id" ? "dari" : "of";
  return `${formatNumber(part, lang)} ${of} ${formatNumber(whole, lang)}${unit ? ` ${unit}` : ""}`;
}

/** A projection's estimate and margin as shares: "45,3% ± 2,1". */
export const formatEstimate = (estimate: number, margin: number, lang: Lang) =>
  `${formatShare(estimate, lang)} ± ${formatNumber(margin * 100, lang, { digits: 1 })}`;

/** Coordinates as map applications read them (a decimal point in every language): "-3.29612, 102.86234". */
export const formatCoordinate = (lat: number, lng: number) => `${lat.toFixed(5)}, ${lng.toFixed(5)}`;

/** Sizes as people read them: "1 KB", "64 KB", "4,1 MB". */
export function formatSize(bytes: number, lang: Lang): string {
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 1024), lang)} KB`;
  return `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10, lang)} MB`;
}

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

/** How far the election's zone is ahead of UTC at an instant, in milliseconds. */
function zoneOffsetMs(date: Date): number {
  const c = wallClock(date.toISOString())!;
  const asUtc = Date.UTC(c.year, c.month - 1, c.day, Number(c.hour), Number(c.minute), Number(c.second));
  return asUtc - Math.floor(date.getTime() / 1000) * 1000;
}

/** Midnight of the instant's day on the election's wall clock, as an instant. */
export function startOfElectionDay(date: Date): Date {
  const c = wallClock(date.toISOString())!;
  return new Date(Date.UTC(c.year, c.month - 1, c.day) - zoneOffsetMs(date));
}

/** A wall-clock time in the election's zone as a form's datetime-local writes it ("2026-12-03T08:00"), as an
 *  instant; null when it is not one. */
export function fromElectionWallClock(local: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (Number.isNaN(asUtc)) return null;
  return new Date(asUtc - zoneOffsetMs(new Date(asUtc)));
}

/** The instant as a datetime-local value on the election's wall clock ("2026-12-03T08:00"). */
export function toElectionWallClock(iso: string): string {
  const c = wallClock(iso);
  if (!c) return "";
  const two = (n: number) => String(n).padStart(2, "0");
  return `${c.year}-${two(c.month)}-${two(c.day)}T${c.hour}:${c.minute}`;
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

/** A share 0..1 as a percentage with one decimal, as Indonesians write it (45,3%); a dash when unknown. */
export function formatShare(
  share: number | null | undefined,
  lang: Lang,
  { digits = 1 }: { digits?: number } = {},
): string {
  if (share == null || !Number.isFinite(share)) return "—";
  return `${formatNumber(share * 100, lang, { digits })}%`;
}
