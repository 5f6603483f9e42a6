// INC messages by SMS become incidents (app/models/incidents.server.ts) with source "sms". Officers may type
// the category and severity in Indonesian (e.g. "politik_uang", "kritis") as well as the codes.
import { isProblem, problem } from "~/lib/problems";
import { SEVERITIES, type Severity } from "~/lib/incidents";
import type { IncidentBody } from "~/lib/schemas";
import type { Services } from "~/utils/context.server";
import { createIncident } from "./incidents.server";
import { getSetting } from "./settings.server";
import type { IncidentBySms } from "./sms.server";

const CATEGORY_WORDS: Record<string, string> = {
  logistik: "logistics",
  dpt: "voter_list",
  pemilih: "voter_list",
  intimidasi: "intimidation",
  ancaman: "intimidation",
  politik_uang: "vote_buying",
  politikuang: "vote_buying",
  money: "vote_buying",
  kekerasan: "violence",
  keamanan: "violence",
  prosedur: "procedure",
  cuaca: "weather",
  bencana: "weather",
  lain: "other",
  lainnya: "other",
};
const SEVERITY_WORDS: Record<string, Severity> = {
  rendah: "low",
  sedang: "medium",
  tinggi: "high",
  kritis: "critical",
};

export function smsIncident({ sql, writer }: Services): IncidentBySms {
  return async ({ user, parsed, id }) => {
    // The categories configured on the admin screens (active ones); Indonesian words map onto the defaults.
    const active = (await getSetting(sql, "incident.categories")).filter((c) => c.active).map((c) => c.code);
    const wanted = active.includes(parsed.category) ? parsed.category : CATEGORY_WORDS[parsed.category];
    const category = wanted && active.includes(wanted) ? wanted : null;
    if (!category) {
      throw problem.unknownCategory({ category: parsed.category.slice(0, 20), list: active.join(", ") });
    }
    const severity = (SEVERITIES as readonly string[]).includes(parsed.severity)
      ? (parsed.severity as Severity)
      : SEVERITY_WORDS[parsed.severity];
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
