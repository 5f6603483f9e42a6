// A time in the election's zone, worded for the UI language. The text is the same on the server and in
// the browser (app/lib/format.ts), so hydration never has to patch it.
import { formatDateTime, formatTime } from "~/lib/format";
import { useLang } from "~/lib/use-t";

export function Time({ iso, time = false, seconds = true }: { iso: string; time?: boolean; seconds?: boolean }) {
  const lang = useLang();
  return (
    <time dateTime={iso}>{time ? formatTime(iso, lang, { seconds }) : formatDateTime(iso, lang, { seconds })}</time>
  );
}
