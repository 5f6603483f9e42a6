import { isStatusLabel, STATUS_LABEL_KEYS } from "~/lib/dashboard";
import { useT } from "~/lib/use-t";

/** "day:<status>" labels the TPS day status (arrival, counting...), anything else a result status. */
export function useStatusLabel() {
  const t = useT();
  return (s: string) => (isStatusLabel(s) ? t(STATUS_LABEL_KEYS[s]) : s);
}
