// INC messages by SMS become incidents (app/models/incidents.server.ts) with source "sms". Officers may type
// the category and severity in Indonesian (e.g. "politik_uang", "kritis") as well as the codes; the words
// are the parser's (app/lib/sms.ts), which the pocket guide shows.
import { isProblem, problem } from "~/lib/problems";
import { smsCategory, smsSeverity } from "~/lib/sms";
import type { IncidentBody } from "~/lib/schemas";
import type { Services } from "~/utils/context.server";
import { createIncident } from "./incidents.server";
import { getSetting } from "./settings.server";
import type { IncidentBySms } from "./sms.server";

export function smsIncident({ sql, writer }: Services): IncidentBySms {
  return async ({ user, parsed, id }) => {
    // The categories configured on the admin screens (active ones); Indonesian words map onto the defaults.
    const active = (await getSetting(sql, "incident.categories")).filter((c) => c.active).map((c) => c.code);
    const category = smsCategory(parsed.category, active);
    if (!category) {
      throw problem.unknownCategory({ category: parsed.category.slice(0, 20), list: active.join(", ") });
    }
    const severity = smsSeverity(parsed.severity);
    if (!severity) throw problem.unknownSeverity({ severity: parsed.severity.slice(0, 20) });
    // The id comes from the text: the same SMS again is the same incident.
    const [seen] = await sql`select 1 from incidents where id = ${id}`;
    if (seen) return { httpStatus: 200 };
    try {
      return await writer.write((ctx) =>
        createIncident(ctx, {
          user,
          source: "sms",
          body: {
            id,
            tpsCode: parsed.tpsCode,
            category: category as IncidentBody["category"],
            severity,
            description: parsed.text,
            occurredAt: new Date().toISOString(),
          },
        }),
      );
    } catch (error) {
      if (isProblem(error) && error.code === "id_conflict") return { httpStatus: 200 };
      throw error;
    }
  };
}
