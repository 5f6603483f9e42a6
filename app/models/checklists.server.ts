// Read models of the checklists per phase: one TPS's answers (the officer's screens, the TPS detail panel),
// and per area how many TPS answered each phase and how many answered "no" to each item (the command post's
// summary), with the TPS behind a count. Area filters use the one helper (insideArea); the TPS per phase are
// read from checklist_phases_answered (one row per TPS and phase), the "no" answers through their partial
// index (decision 040).
import {
  checklistPhases,
  summariseChecklists,
  type ChecklistAreaSummary,
  type ChecklistPhaseCode,
} from "~/lib/checklists";
import type { Db } from "~/utils/db.server";
import { insideArea } from "./area.server";
import { getSetting } from "./settings.server";

export interface ChecklistAnswer {
  phase: ChecklistPhaseCode;
  item: string;
  ok: boolean | null;
  number: number | null;
  text: string | null;
  note: string | null;
  at: string;
}

/** Every answer of one TPS, in the day's order of phases. */
export async function checklistAnswers(sql: Db, { tpsCode }: { tpsCode: string }): Promise<ChecklistAnswer[]> {
  const rows = await sql<
    {
      phase: ChecklistPhaseCode;
      itemCode: string;
      ok: boolean | null;
      number: number | null;
      textValue: string | null;
      note: string | null;
      updatedAt: Date;
    }[]
  >`select phase, item_code, ok, number, text_value, note, coalesce(answered_at, updated_at) as updated_at
    from checklist_answers
    where tps_code = ${tpsCode} order by phase, item_code`;
  return rows.map((r) => ({
    phase: r.phase,
    item: r.itemCode,
    ok: r.ok,
    number: r.number,
    text: r.textValue,
    note: r.note,
    at: r.updatedAt.toISOString(),
  }));
}

/** Per phase, the TPS of an area that answered it; per phase and item, the TPS that answered "no". */
export async function checklistCounts(sql: Db, { area }: { area: string | null }) {
  const [answered, flagged, [{ tps }]] = await Promise.all([
    sql<{ phase: ChecklistPhaseCode; tps: number }[]>`
      select phase, count(*)::int as tps from checklist_phases_answered
      where ${insideArea(sql, "kelurahan_code", area)}
      group by phase`,
    sql<{ phase: ChecklistPhaseCode; itemCode: string; tps: number }[]>`
      select a.phase, a.item_code, count(*)::int as tps
      from checklist_answers a join tps t on t.code = a.tps_code
      where a.ok = false and ${insideArea(sql, "t.kelurahan_code", area)}
      group by a.phase, a.item_code`,
    sql<[{ tps: number }]>`select count(*)::int as tps from tps t where ${insideArea(sql, "t.kelurahan_code", area)}`,
  ]);
  return { tps, answered, flagged };
}

/** The command post's checklists of an area: its TPS, and per asked phase who answered and the problems. */
export async function checklistSummary(sql: Db, { area }: { area: string | null }): Promise<ChecklistAreaSummary> {
  const [setting, counts] = await Promise.all([getSetting(sql, "checklist"), checklistCounts(sql, { area })]);
  return { area, tps: counts.tps, phases: summariseChecklists(checklistPhases(setting), counts) };
}

/** The TPS of an area that answered "no" to an item: the first `limit` by code, and how many in all. */
export async function flaggedTps(
  sql: Db,
  { area, phase, item, limit }: { area: string | null; phase: ChecklistPhaseCode; item: string; limit: number },
) {
  const rows = await sql<{ tpsCode: string; note: string | null; updatedAt: Date; total: number }[]>`
    select a.tps_code, a.note, coalesce(a.answered_at, a.updated_at) as updated_at, count(*) over ()::int as total
    from checklist_answers a join tps t on t.code = a.tps_code
    where a.phase = ${phase} and a.item_code = ${item} and a.ok = false
      and ${insideArea(sql, "t.kelurahan_code", area)}
    order by a.tps_code limit ${limit}`;
  return {
    count: rows[0]?.total ?? 0,
    tps: rows.map((r) => ({ code: r.tpsCode, note: r.note, at: r.updatedAt.toISOString() })),
  };
}

/** Every asked phase of the election's checklists with one TPS's answers (the command post's TPS detail). */
export async function checklistsOfTps(sql: Db, { tpsCode }: { tpsCode: string }) {
  const [setting, answers] = await Promise.all([getSetting(sql, "checklist"), checklistAnswers(sql, { tpsCode })]);
  return checklistPhases(setting)
    .filter((p) => p.items.length > 0)
    .map((p) => ({
      phase: p.phase,
      due: p.due,
      items: p.items.map((i) => ({
        code: i.code,
        kind: i.kind,
        label: { id: i.id, en: i.en },
        problem: i.problem,
        answer: answers.find((a) => a.phase === p.phase && a.item === i.code) ?? null,
      })),
    }));
}
