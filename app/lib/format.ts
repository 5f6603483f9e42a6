// Numbers and times as people in the region read them. Times use the election's time zone on the server
// and in the browser alike, so a server-rendered page hydrates without a mismatch.
import type { Lang } from "./i18n";

export const ELECTION_TIME_ZONE = "Asia/Jakarta";

export const formatNumber = (n: number, lang: Lang) => n.toLocaleString(lang === "en" ? "en-US" : "id-ID");

export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return "—";
  return (
    new Date(iso).toLocaleString(lang === "en" ? "en-GB" : "id-ID", {
      timeZone: ELECTION_TIME_ZONE,
      dateStyle: "medium",
      timeStyle: "short",
    }) + " WIB"
  );
}
