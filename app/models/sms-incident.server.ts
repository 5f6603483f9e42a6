// INC messages by SMS become incidents once the incidents core (issue 4) is merged; until then the
// webhook answers that incident reports by SMS are not available.
import type { Services } from "~/utils/context.server";
import type { IncidentBySms } from "./sms.server";

export function smsIncident(_services: Services): IncidentBySms | undefined {
  return undefined;
}
