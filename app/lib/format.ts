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

/** How a region's kind is written before its name on forms ("Kel. Taba Jemekeh", "Kota Lubuklinggau"). */
const KIND_PREFIX: Record<string, string> = {
  province: "Provinsi",
  kabupaten: "Kabupaten",
  kota: "Kota",
  kecamatan: "Kec.",
  desa: "Desa",
  kelurahan: "Kel.",
};

/** A region's name with its kind, unless the name already carries it (imports often say "Kota X"). */
export function regionLabel(kind: string, name: string): string {
  const prefix = KIND_PREFIX[kind];
  if (!prefix) return name;
  // "Kab." and "Kabupaten", "Kel." and "Kelurahan" are the same word.
  const first = name.split(/\s+/)[0].replace(/\.$/, "").toLowerCase();
  if (first.length >= 3 && (kind.startsWith(first) || prefix.toLowerCase().startsWith(first))) return name;
  return `${prefix} ${name}`;
}
