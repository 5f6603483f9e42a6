// What the pocket guide's SMS section shows: the gateway's number (admin setting), an example per ballot of
// the officer's TPS, an incident example, and the category and severity words, all from the same lists and
// settings the SMS webhook reads (app/lib/sms.ts, app/models/sms-incident.server.ts).
import { quickChoices } from "~/lib/contests";
import { SEVERITIES } from "~/lib/incidents";
import { exampleIncident, exampleQuickCount, SMS_SEVERITY_WORDS, smsWordsFor } from "~/lib/sms";
import type { Db } from "~/utils/db.server";
import { contestsForTps, getTps } from "./election.server";
import { getSetting } from "./settings.server";

/** The reason an officer gives when the numbers are right as written (the C1 rules' confirmation). */
const REASON = "sesuai C.Hasil";

export async function getSmsGuide(
  sql: Db,
  { tpsCode, incidentText }: { tpsCode: string | null; incidentText: string },
) {
  // Staff reading the guide have no TPS of their own: the examples use the first one.
  const code = tpsCode ?? (await sql<[{ code: string }?]>`select code from tps order by code limit 1`)[0]?.code;
  const tps = code ? await getTps(sql, { code }) : undefined;
  const [sms, categories, contests] = await Promise.all([
    getSetting(sql, "sms"),
    getSetting(sql, "incident.categories"),
    tps ? contestsForTps(sql, { kelurahanCode: tps.kelurahanCode }) : [],
  ]);
  const active = categories.filter((c) => c.active);
  const example = (contest: (typeof contests)[number], reason?: string) =>
    exampleQuickCount({
      tpsCode: tps!.code,
      contest: contest.code,
      choices: quickChoices(contest).length,
      voters: tps!.dpt,
      reason,
    });
  const quickCounts = tps ? contests.map((c) => ({ contest: c.name, text: example(c) })) : [];
  const incidentCategory = active.find((c) => c.code === "vote_buying") ?? active[0];
  return {
    number: sms.number,
    quickCounts,
    withReason: tps && contests[0] ? example(contests[0], REASON) : null,
    incident:
      tps && incidentCategory
        ? exampleIncident({ tpsCode: tps.code, category: incidentCategory.code, severity: "high", text: incidentText })
        : null,
    categories: active.map((c) => ({ code: c.code, id: c.id, en: c.en, words: smsWordsFor(c.code) })),
    severities: SEVERITIES.map((s) => ({ code: s, word: SMS_SEVERITY_WORDS[s] })),
  };
}
export type SmsGuide = Awaited<ReturnType<typeof getSmsGuide>>;
