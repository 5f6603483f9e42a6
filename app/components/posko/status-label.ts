import { isStatusLabel, STATUS_LABEL_KEYS } from "~/lib/dashboard";
import { tpsStatusMessages } from "~/lib/messages/tps-status";
import { useT } from "~/lib/use-t";

/** "day:<status>" labels the TPS day status (arrival, counting...), anything else a result status. */
export function useStatusLabel() {
  const t = useT(tpsStatusMessages);
  return (s: string) => (isStatusLabel(s) ? t(STATUS_LABEL_KEYS[s]) : s);
}
