import type { MessageKey } from "~/lib/i18n";
import { useT } from "~/lib/use-t";

/** "day:<status>" labels the TPS day status (arrival, counting...), anything else a result status. */
export function useStatusLabel() {
  const t = useT();
  return (s: string) => (s.startsWith("day:") ? t(`day.${s.slice(4)}` as MessageKey) : t(`status.${s}` as MessageKey));
}
