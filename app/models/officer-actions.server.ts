// The officer's day at the TPS: arrival check-in, the opening checklist, and the day-status changes (open,
// counting). Each runs inside a writer job, is idempotent on the client's UUID (officer_requests), moves
// the TPS's day status forward only, and tells the command post through `tps:updated` / `officer:*` events.
import { canReportFor } from "~/lib/access";
import { problem } from "~/lib/problems";
import type { DayStatus } from "~/lib/events";
import { getSetting } from "./settings.server";
import { dayStatusAfter, distanceMetres, FAR_FROM_TPS_M } from "~/lib/officer";
import { checklistPhases, OPENING_PHASE } from "~/lib/checklists";
import { checklistAnswers } from "./checklists.server";
import type { CheckinBody, ChecklistBody, DayStatusBody } from "~/lib/schemas/officer";
import type { Db } from "~/utils/db.server";

import type { WriteContext } from "~/utils/writer.server";
import { getTps, type TpsInfo } from "./election.server";
import { bodyHash } from "./results.server";
import type { SessionUser } from "./users.server";

export interface OfficerAnswer<T> {
  httpStatus: 200 | 201;
  body: T;
}

type Kind = "checkin" | "checklist" | "day_status";

/** A request already stored under the client's id, with the answer it got. */
type StoredRequest<T> = { kind: Kind; tpsCode: string; bodyHash: string; response: T };

/**
 * Runs `act` once per client id: a retry with the same body returns the first answer (200), the same id
 * with another body is a 409. Also checks the TPS exists and the user may report for it.
 */
async function once<T extends object>(
  ctx: WriteContext,
  { kind, user, body }: { kind: Kind; user: SessionUser; body: { id: string; tpsCode: string; capturedAt: string } },
  act: (tps: TpsInfo) => Promise<T>,
): Promise<OfficerAnswer<T>> {
  const { tx } = ctx;
  await tx`select pg_advisory_xact_lock(hashtext(${"officer/" + body.tpsCode}))`;
  const tps = await getTps(tx, { code: body.tpsCode });
  if (!tps) {
    throw problem.invalidField("tpsCode", "unknown_tps", { tps: body.tpsCode });
  }
  if (!canReportFor(user, tps)) throw problem.otherTps(user.tpsCode);
  const hash = bodyHash(body);
  const [existing] = await tx<
    [StoredRequest<T>?]
  >`select kind, tps_code, body_hash, response from officer_requests where id = ${body.id}`;
  if (existing) {
    if (existing.kind === kind && existing.tpsCode === body.tpsCode && existing.bodyHash === hash) {
      return { httpStatus: 200, body: existing.response };
    }
    throw problem.idConflict();
  }
  const response = await act(tps);
  await tx`
    insert into officer_requests (id, kind, tps_code, author_id, body_hash, response, captured_at)
    values (${body.id}, ${kind}, ${tps.code}, ${user.id}, ${hash}, ${tx.json(response as never)}, ${body.capturedAt})`;
  return { httpStatus: 201, body: response };
}

/** Moves the day status forward (never back) and records that the officer was seen; emits tps:updated. */
async function touchTps(
  ctx: WriteContext,
  { tps, user, wanted }: { tps: TpsInfo; user: SessionUser; wanted: DayStatus | null },
) {
  const current = tps.dayStatus;
  const next = wanted ? (dayStatusAfter(current, wanted) ?? current) : current;
  const seen = user.role === "officer";
  const [row] = await ctx.tx<[{ lastSeenAt: Date | null }]>`
    update tps set day_status = ${next}, last_seen_at = case when ${seen} then now() else last_seen_at end
    where code = ${tps.code} returning last_seen_at`;
  const lastSeenAt = row.lastSeenAt ? row.lastSeenAt.toISOString() : null;
  ctx.emit("tps:updated", tps.kelurahanCode, { tpsCode: tps.code, dayStatus: next, lastSeenAt });
  return { dayStatus: next, lastSeenAt };
}

export async function recordCheckin(ctx: WriteContext, { user, body }: { user: SessionUser; body: CheckinBody }) {
  return once(ctx, { kind: "checkin", user, body }, async (tps) => {
    const distance =
      body.lat != null && body.lng != null ? distanceMetres({ lat: body.lat, lng: body.lng }, tps) : null;
    const far = distance != null && distance > FAR_FROM_TPS_M;
    const note = body.note?.trim() || null;
    if (far && !note) {
      throw problem.invalidField("note", "far_needs_note", { distance });
    }
    await ctx.tx`
      insert into checkins (id, tps_code, author_id, lat, lng, accuracy_m, distance_m, note, captured_at)
      values (${body.id}, ${tps.code}, ${user.id}, ${body.lat ?? null}, ${body.lng ?? null}, ${body.accuracy ?? null},
        ${distance}, ${note}, ${body.capturedAt})`;
    const day = await touchTps(ctx, { tps, user, wanted: "arrived" });
    ctx.emit("checkin:created", tps.kelurahanCode, {
      tpsCode: tps.code,
      distanceM: distance,
      far,
      note,
      at: body.capturedAt,
    });
    ctx.audit({
      actorId: user.id,
      action: "officer.checkin",
      entity: `tps:${tps.code}`,
      before: { dayStatus: tps.dayStatus },
      after: { dayStatus: day.dayStatus, distance, note },
    });
    return { id: body.id, distanceM: distance, far, dayStatus: day.dayStatus };
  });
}

export async function saveChecklist(ctx: WriteContext, { user, body }: { user: SessionUser; body: ChecklistBody }) {
  return once(ctx, { kind: "checklist", user, body }, async (tps) => {
    const phase = body.phase ?? OPENING_PHASE;
    const items = checklistPhases(await getSetting(ctx.tx, "checklist")).find((p) => p.phase === phase)?.items ?? [];
    const byCode = new Map(items.map((i) => [i.code, i]));
    const errors = body.answers.flatMap((a, i) => {
      const item = byCode.get(a.item);
      if (!item) return [{ field: `answers.${i}.item`, code: "unknown_item", params: { item: a.item } }];
      // Each kind of item is answered in its own field; the other fields are ignored.
      const field = item.kind === "yesno" ? "ok" : item.kind;
      return a[field] === undefined ? [{ field: `answers.${i}.${field}`, code: "required" }] : [];
    });
    if (errors.length) throw problem.invalidFields(errors);
    for (const a of body.answers) {
      const kind = byCode.get(a.item)!.kind;
      const ok = kind === "yesno" ? a.ok! : null;
      const number = kind === "number" ? a.number! : null;
      const textValue = kind === "text" ? a.text! : null;
      await ctx.tx`
        insert into checklist_answers (tps_code, phase, item_code, ok, number, text_value, note, request_id, author_id,
          answered_at, updated_at)
        values (${tps.code}, ${phase}, ${a.item}, ${ok}, ${number}, ${textValue}, ${a.note?.trim() || null}, ${body.id},
          ${user.id}, ${body.capturedAt}, now())
        on conflict (tps_code, phase, item_code) do update
          set ok = excluded.ok, number = excluded.number, text_value = excluded.text_value, note = excluded.note,
              request_id = excluded.request_id, author_id = excluded.author_id, answered_at = excluded.answered_at,
              updated_at = excluded.updated_at`;
    }
    await ctx.tx`
      insert into checklist_phases_answered (phase, kelurahan_code, tps_code)
      values (${phase}, ${tps.kelurahanCode}, ${tps.code}) on conflict do nothing`;
    // In order: a yes/no item answered yes, a number or a text once given.
    const answered = await ctx.tx<{ itemCode: string }[]>`
      select item_code from checklist_answers where tps_code = ${tps.code} and phase = ${phase} and ok is not false`;
    const okItems = new Set(answered.map((a) => a.itemCode));
    const count = { ok: items.filter((i) => okItems.has(i.code)).length, total: items.length };
    const problems = body.answers
      .filter((a) => byCode.get(a.item)!.kind === "yesno" && !a.ok)
      .map((a) => ({ item: a.item, note: a.note ?? null }));
    await touchTps(ctx, { tps, user, wanted: null });
    ctx.emit("checklist:updated", tps.kelurahanCode, { tpsCode: tps.code, phase, ...count, problems });
    ctx.audit({
      actorId: user.id,
      action: "officer.checklist",
      entity: `tps:${tps.code}`,
      after: { phase, answers: body.answers },
    });
    return { id: body.id, ...count };
  });
}

export async function changeDayStatus(ctx: WriteContext, { user, body }: { user: SessionUser; body: DayStatusBody }) {
  return once(ctx, { kind: "day_status", user, body }, async (tps) => {
    if (!dayStatusAfter(tps.dayStatus, body.status)) {
      throw problem.conflict("status_backwards", { status: tps.dayStatus });
    }
    const day = await touchTps(ctx, { tps, user, wanted: body.status });
    ctx.audit({
      actorId: user.id,
      action: "officer.day_status",
      entity: `tps:${tps.code}`,
      before: { dayStatus: tps.dayStatus },
      after: { dayStatus: day.dayStatus },
    });
    return { id: body.id, dayStatus: day.dayStatus };
  });
}

/** What the officer's check-in and checklist screens show: the latest check-in, and every phase's checklist
 *  (the election's setting) with this TPS's answers. */
export async function getOfficerDay(sql: Db, { tpsCode }: { tpsCode: string }) {
  const [[checkin], setting, answers] = await Promise.all([
    sql<{ distanceM: number | null; note: string | null; capturedAt: Date }[]>`
      select distance_m, note, captured_at from checkins where tps_code = ${tpsCode} order by received_at desc limit 1`,
    getSetting(sql, "checklist"),
    checklistAnswers(sql, { tpsCode }),
  ]);
  const phases = checklistPhases(setting);
  const opening = phases.find((p) => p.phase === OPENING_PHASE)?.items ?? [];
  const byItem = new Map(answers.filter((a) => a.phase === OPENING_PHASE).map((a) => [a.item, a]));
  return {
    checkin: checkin
      ? {
          distanceM: checkin.distanceM,
          note: checkin.note,
          at: checkin.capturedAt.toISOString(),
        }
      : null,
    /** The opening checklist, as before phases. */
    checklist: opening.map((i) => ({
      code: i.code,
      label: i.id,
      ok: byItem.get(i.code)?.ok ?? null,
      note: byItem.get(i.code)?.note ?? null,
    })),
    phases,
    answers,
  };
}
