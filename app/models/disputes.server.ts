// Process disputes (SIPS): petitions against KPU decisions, their steps by the one transition table
// (app/lib/disputes.ts), hearings, documents (the document store, owner kind `dispute`), the register per area
// and the aggregates the public data centre shows. Who may read or act is decided by the caller
// (app/utils/disputes.server.ts asks the permission module); the representative's address and phone never
// leave through events, audit entries or aggregates.
import { randomUUID } from "node:crypto";
import { problem, Problem } from "~/lib/problems";
import {
  dueInstantsOf,
  filingDue,
  refuseStep,
  registerNumber,
  TRANSITIONS,
  type DisputeDays,
  type DisputeDocumentKind,
  type DisputeOutcome,
  type DisputeState,
  type HearingKind,
  type NotAcceptedReason,
} from "~/lib/disputes";
import type { DisputeCounts } from "~/lib/data-centre";
import type { Hearing, Petition, Step } from "~/lib/schemas/disputes";
import { fromElectionWallClock, toElectionWallClock } from "~/lib/format";
import type { Db } from "~/utils/db.server";
import { lockKey, type WriteContext } from "~/utils/writer.server";
import { insideArea } from "./area.server";
import { listDocuments, saveDocument, type DocumentInfo } from "./documents.server";

export const DISPUTE_OWNER = "dispute";

/** The deadline rule of disputes: the setting's disputes part and its holiday list. */
export interface DisputeRule {
  days: DisputeDays;
  holidays: readonly string[];
}

export interface DisputeRow {
  id: string;
  regionCode: string;
  regionName: string;
  regionKind: string | null;
  respondent: string;
  decisionNumber: string;
  decisionDate: string;
  decisionSubject: string;
  applicantName: string;
  applicantKind: string;
  repName: string;
  relatedParties: string[];
  points: string;
  state: DisputeState;
  filedAt: string;
  filingDue: string;
  late: boolean;
  missing: string | null;
  completionDue: string | null;
  registerNumber: string | null;
  registeredAt: string | null;
  mediationDue: string | null;
  decisionDue: string | null;
  agreement: string | null;
  outcome: DisputeOutcome | null;
  decisionText: string | null;
  decidedAt: string | null;
  notAcceptedReason: NotAcceptedReason | null;
  closingNote: string | null;
}

/** Staff-only contact of the applicant's representative (the petition's page and the API for one petition). */
export interface DisputeContact {
  repAddress: string;
  repPhone: string;
}

export interface DisputeStepRow {
  action: string;
  fromState: string | null;
  toState: string;
  actor: string | null;
  note: string | null;
  at: string;
}

export interface HearingRow {
  id: string;
  disputeId: string;
  kind: HearingKind;
  startsAt: string;
  place: string;
  agenda: string;
  afterDeadline: boolean;
  registerNumber: string | null;
  applicantName: string;
  respondent: string;
  regionCode: string;
}

const iso = (d: Date | string | null) => (d === null ? null : d instanceof Date ? d.toISOString() : d);

const COLUMNS = `d.id, d.region_code, r.name as region_name, r.kind as region_kind, d.respondent, d.decision_number,
  to_char(d.decision_date, 'YYYY-MM-DD') as decision_date, d.decision_subject, d.applicant_name, d.applicant_kind,
  d.rep_name, d.related_parties, d.points, d.state, d.filed_at, d.filing_due, d.late, d.missing, d.completion_due,
  d.register_number, d.registered_at, d.mediation_due, d.decision_due, d.agreement, d.outcome, d.decision_text,
  d.decided_at, d.not_accepted_reason, d.closing_note`;

function toRow(r: Record<string, unknown>): DisputeRow {
  const out = { ...r } as Record<string, unknown>;
  for (const k of ["filedAt", "filingDue", "completionDue", "registeredAt", "mediationDue", "decisionDue", "decidedAt"])
    out[k] = iso(r[k] as Date | null);
  return out as unknown as DisputeRow;
}

/** The fields of the change event: no party's name, address or phone. */
const changed = (
  d: { id: string; regionCode: string; state: string; registerNumber: string | null },
  change: string,
) => ({
  id: d.id,
  disputeRegion: d.regionCode,
  state: d.state,
  registerNumber: d.registerNumber,
  change,
});

/** A petition's region, or null when there is none with this id (the caller checks who may act on it). */
export async function disputeRegion(sql: Db, { id }: { id: string }): Promise<string | null> {
  const [row] = await sql<[{ regionCode: string }?]>`select region_code from disputes where id = ${id}`;
  return row?.regionCode ?? null;
}

/** Files a petition; late when it reaches the office at or after the filing limit. Answers its id. */
export async function fileDispute(
  ctx: WriteContext,
  { petition, userId, rule }: { petition: Petition; userId: number; rule: DisputeRule },
): Promise<{ id: string; late: boolean }> {
  const { tx, now } = ctx;
  const filedAt = petition.filedAt ? new Date(petition.filedAt) : now;
  if (filedAt.getTime() > now.getTime() + 5 * 60_000)
    throw problem.invalidField("filedAt", "future", undefined, "dispute.err.future");
  const decisionDay = fromElectionWallClock(`${petition.decisionDate}T00:00`);
  if (!decisionDay || decisionDay.getTime() > filedAt.getTime())
    throw problem.invalidField("decisionDate", "after_filing", undefined, "dispute.err.decisionAfterFiling");
  const [region] = await tx`select 1 from regions where code = ${petition.regionCode}`;
  if (!region) throw problem.invalidField("regionCode", "unknown", undefined, "dispute.err.region");
  const due = filingDue(petition.decisionDate, rule.days, rule.holidays);
  const late = filedAt.getTime() >= Date.parse(due);
  const id = randomUUID();
  await tx`
    insert into disputes (id, region_code, respondent, decision_number, decision_date, decision_subject,
      applicant_name, applicant_kind, rep_name, rep_address, rep_phone, related_parties, points, state,
      filed_at, filing_due, late, created_by, updated_at)
    values (${id}, ${petition.regionCode}, ${petition.respondent}, ${petition.decisionNumber},
      ${petition.decisionDate}, ${petition.decisionSubject}, ${petition.applicantName}, ${petition.applicantKind},
      ${petition.repName}, ${petition.repAddress}, ${petition.repPhone}, ${petition.relatedParties}, ${petition.points},
      'filed', ${filedAt}, ${due}, ${late}, ${userId}, ${now})`;
  await tx`insert into dispute_steps (dispute_id, action, from_state, to_state, actor_id, note, at)
    values (${id}, 'file', null, 'filed', ${userId}, null, ${filedAt})`;
  // The audit keeps what the petition is about; the representative's address and phone stay out of it.
  ctx.audit({
    actorId: userId,
    action: "dispute.file",
    entity: `dispute:${id}`,
    after: {
      regionCode: petition.regionCode,
      respondent: petition.respondent,
      decisionNumber: petition.decisionNumber,
      decisionDate: petition.decisionDate,
      applicant: petition.applicantName,
      filedAt: filedAt.toISOString(),
      late,
    },
  });
  ctx.emit(
    "dispute:changed",
    petition.regionCode,
    changed({ id, regionCode: petition.regionCode, state: "filed", registerNumber: null }, "file"),
  );
  return { id, late };
}

/** A refusal of a step or a hearing (409) with its own message. */
const refused = (key: string, params: Record<string, unknown>) =>
  new Problem("invalid_transition", { key: key as never, params: params as never });

/** Takes one step of the transition table; 409 out of order, 404 for no such petition. */
export async function stepDispute(
  ctx: WriteContext,
  { id, step, userId, rule }: { id: string; step: Step; userId: number; rule: DisputeRule },
): Promise<DisputeRow> {
  const { tx, now } = ctx;
  await lockKey(tx, `dispute:${id}`);
  const [current] = await tx<[{ state: DisputeState; late: boolean; regionCode: string; lastAt: Date }?]>`
    select d.state, d.late, d.region_code,
      (select max(s.at) from dispute_steps s where s.dispute_id = d.id) as last_at
    from disputes d where d.id = ${id} for update`;
  if (!current) throw problem.notFound();
  const refusal = refuseStep(current, step);
  if (refusal)
    throw refused(`dispute.refused.${refusal}`, {
      action: { key: `dispute.action.${step.action}` } as never,
      state: { key: `dispute.state.${current.state}` } as never,
    });
  const at = step.at ? new Date(step.at) : now;
  if (at.getTime() > now.getTime() + 5 * 60_000)
    throw problem.invalidField("at", "future", undefined, "dispute.err.future");
  if (at.getTime() < current.lastAt.getTime())
    throw problem.invalidField("at", "before_last_step", undefined, "dispute.err.beforeLastStep");
  const to = TRANSITIONS[step.action].to;
  const due = dueInstantsOf(step.action, at.toISOString(), rule.days, rule.holidays);
  let number: string | null = null;
  if (step.action === "register") {
    // One counter row per office and year, incremented in this transaction: concurrent registrations queue on
    // the row and each gets the next number; a registration that fails rolls its number back.
    const wall = toElectionWallClock(at.toISOString());
    const year = Number(wall.slice(0, 4));
    const [{ last }] = await tx<[{ last: number }]>`
      insert into dispute_register_counters (office, year, last) values (${current.regionCode}, ${year}, 1)
      on conflict (office, year) do update set last = dispute_register_counters.last + 1
      returning last`;
    number = registerNumber(last, current.regionCode, Number(wall.slice(5, 7)), year);
  }
  const [row] = await tx<[{ registerNumber: string | null }]>`
    update disputes set
      state = ${to},
      missing = case when ${step.action} = 'mark_incomplete' then ${step.missing ?? null} else missing end,
      completion_due = coalesce(${due.completionDue ?? null}::timestamptz, completion_due),
      mediation_due = coalesce(${due.mediationDue ?? null}::timestamptz, mediation_due),
      decision_due = coalesce(${due.decisionDue ?? null}::timestamptz, decision_due),
      register_number = coalesce(${number}, register_number),
      registered_at = case when ${step.action} = 'register' then ${at} else registered_at end,
      agreement = coalesce(${step.agreement ?? null}, agreement),
      outcome = coalesce(${step.outcome ?? null}, outcome),
      decision_text = coalesce(${step.decision ?? null}, decision_text),
      decided_at = case when ${to} in ('decided', 'agreed') then ${at} else decided_at end,
      not_accepted_reason = coalesce(${step.reason ?? null}, not_accepted_reason),
      closing_note = case when ${step.action} = 'not_accept' then ${step.note} else closing_note end,
      updated_at = ${now}
    where id = ${id} returning register_number`;
  const note =
    step.action === "mark_incomplete"
      ? step.missing
      : step.action === "agree"
        ? step.agreement
        : step.action === "decide"
          ? step.decision
          : step.note;
  await tx`insert into dispute_steps (dispute_id, action, from_state, to_state, actor_id, note, at)
    values (${id}, ${step.action}, ${current.state}, ${to}, ${userId}, ${note ?? null}, ${at})`;
  ctx.audit({
    actorId: userId,
    action: `dispute.${step.action}`,
    entity: `dispute:${id}`,
    before: { state: current.state },
    after: {
      state: to,
      at: at.toISOString(),
      ...due,
      ...(number ? { registerNumber: number } : {}),
      ...(step.outcome ? { outcome: step.outcome } : {}),
      ...(step.reason ? { reason: step.reason } : {}),
    },
  });
  ctx.emit(
    "dispute:changed",
    current.regionCode,
    changed({ id, regionCode: current.regionCode, state: to, registerNumber: row.registerNumber }, step.action),
  );
  const fresh = await getDisputeIn(tx, id);
  return fresh!;
}

/** Which kind of hearing each state takes: mediation sessions once registered or in mediation, hearings in
 *  adjudication. */
const HEARING_STATES: Record<HearingKind, readonly DisputeState[]> = {
  mediation: ["registered", "mediation"],
  adjudication: ["adjudication"],
};

/** Schedules a hearing; one after the decision deadline only with `confirmAfterDeadline` (409 otherwise). */
export async function addHearing(
  ctx: WriteContext,
  { id, hearing, userId }: { id: string; hearing: Hearing; userId: number },
): Promise<HearingRow> {
  const { tx } = ctx;
  await lockKey(tx, `dispute:${id}`);
  const [d] = await tx<
    [{ state: DisputeState; regionCode: string; decisionDue: Date | null; registerNumber: string | null }?]
  >`
    select state, region_code, decision_due, register_number from disputes where id = ${id} for update`;
  if (!d) throw problem.notFound();
  if (!HEARING_STATES[hearing.kind].includes(d.state))
    throw refused("dispute.refused.hearingState", {
      kind: { key: `dispute.hearing.${hearing.kind}` } as never,
      state: { key: `dispute.state.${d.state}` } as never,
    });
  const startsAt = fromElectionWallClock(`${hearing.date}T${hearing.time}`);
  if (!startsAt) throw problem.invalidField("date", "invalid", undefined, "dispute.err.date");
  const afterDeadline = !!d.decisionDue && startsAt.getTime() >= d.decisionDue.getTime();
  if (afterDeadline && !hearing.confirmAfterDeadline)
    throw new Problem("invalid_transition", {
      key: "dispute.refused.afterDeadline",
      // The deadline's last day on the election's clock (it ends at midnight after it).
      params: { due: toElectionWallClock(new Date(d.decisionDue!.getTime() - 1).toISOString()).slice(0, 10) },
      fields: [{ field: "confirmAfterDeadline", code: "after_deadline", key: "dispute.refused.afterDeadline" }],
    });
  const hearingId = randomUUID();
  await tx`insert into dispute_hearings (id, dispute_id, kind, starts_at, place, agenda, after_deadline, created_by)
    values (${hearingId}, ${id}, ${hearing.kind}, ${startsAt}, ${hearing.place}, ${hearing.agenda}, ${afterDeadline},
      ${userId})`;
  ctx.audit({
    actorId: userId,
    action: "dispute.hearing",
    entity: `dispute:${id}`,
    after: {
      hearing: hearingId,
      kind: hearing.kind,
      startsAt: startsAt.toISOString(),
      place: hearing.place,
      afterDeadline,
    },
  });
  ctx.emit(
    "dispute:changed",
    d.regionCode,
    changed({ id, regionCode: d.regionCode, state: d.state, registerNumber: d.registerNumber }, "hearing"),
  );
  const [row] = await hearingsWhere(tx, tx`h.id = ${hearingId}`);
  return row;
}

/** Attaches a document (petition, completion, decision...) to a petition through the document store. */
export async function addDisputeDocument(
  ctx: WriteContext,
  {
    id,
    kind,
    fileName,
    bytes,
    userId,
  }: { id: string; kind: DisputeDocumentKind; fileName: string; bytes: Uint8Array; userId: number },
): Promise<DocumentInfo> {
  const [d] = await ctx.tx<[{ state: string; regionCode: string; registerNumber: string | null }?]>`
    select state, region_code, register_number from disputes where id = ${id}`;
  if (!d) throw problem.notFound();
  const info = await saveDocument(ctx, {
    ownerKind: DISPUTE_OWNER,
    ownerId: id,
    regionCode: d.regionCode,
    label: kind,
    fileName,
    bytes,
    uploadedBy: userId,
  });
  ctx.emit("dispute:changed", d.regionCode, changed({ id, ...d }, "document"));
  return info;
}

async function getDisputeIn(sql: Db, id: string): Promise<DisputeRow | null> {
  const [row] = await sql`
    select ${sql.unsafe(COLUMNS)} from disputes d join regions r on r.code = d.region_code where d.id = ${id}`;
  return row ? toRow(row) : null;
}

/** One petition with its contact, timeline, hearings and documents; null when there is none. */
export async function getDispute(sql: Db, { id }: { id: string }) {
  const dispute = await getDisputeIn(sql, id);
  if (!dispute) return null;
  const [[contact], steps, hearings, documents] = await Promise.all([
    sql<[DisputeContact]>`select rep_address, rep_phone from disputes where id = ${id}`,
    sql<(Omit<DisputeStepRow, "at"> & { at: Date })[]>`
      select s.action, s.from_state, s.to_state, nullif(u.name, '') as actor, s.note, s.at
      from dispute_steps s left join users u on u.id = s.actor_id
      where s.dispute_id = ${id} order by s.at, s.id`,
    hearingsWhere(sql, sql`h.dispute_id = ${id}`),
    listDocuments(sql, DISPUTE_OWNER, id),
  ]);
  return {
    dispute,
    contact,
    steps: steps.map((s) => ({ ...s, at: s.at.toISOString() })) as DisputeStepRow[],
    hearings,
    documents: documents.map((doc) => ({ ...doc, createdAt: iso(doc.createdAt as unknown as Date)! })),
  };
}

export interface DisputeQuery {
  /** The caller's area, or the one asked for inside it (null: all). */
  area: string | null;
  state: DisputeState | null;
  /** Filed on or after / before (instants, the period's bounds on the election's clock). */
  from: Date | null;
  to: Date | null;
  text: string | null;
  limit: number;
}

function whereOf(sql: Db, q: DisputeQuery) {
  const like = q.text ? `%${q.text.replace(/[\\%_]/g, "\\$&")}%` : null;
  return sql`${insideArea(sql, "d.region_code", q.area)}
    and ${q.state ? sql`d.state = ${q.state}` : sql`true`}
    and ${q.from ? sql`d.filed_at >= ${q.from}` : sql`true`}
    and ${q.to ? sql`d.filed_at < ${q.to}` : sql`true`}
    and ${
      like
        ? sql`(d.applicant_name ilike ${like} or d.respondent ilike ${like} or d.decision_number ilike ${like}
            or coalesce(d.register_number, '') ilike ${like} or d.decision_subject ilike ${like}
            or d.rep_name ilike ${like} or array_to_string(d.related_parties, ' ') ilike ${like})`
        : sql`true`
    }`;
}

/** The register of an area: petitions newest first, with the number of all that match. */
export async function listDisputes(sql: Db, q: DisputeQuery): Promise<{ rows: DisputeRow[]; total: number }> {
  const where = whereOf(sql, q);
  const [rows, [{ total }]] = await Promise.all([
    sql`select ${sql.unsafe(COLUMNS)} from disputes d join regions r on r.code = d.region_code
      where ${where} order by d.filed_at desc, d.id limit ${q.limit}`,
    sql<[{ total: number }]>`select count(*)::int as total from disputes d where ${where}`,
  ]);
  return { rows: rows.map(toRow), total };
}

function hearingsWhere(sql: Db, condition: ReturnType<Db>) {
  return sql<(Omit<HearingRow, "startsAt"> & { startsAt: Date })[]>`
    select h.id, h.dispute_id, h.kind, h.starts_at, h.place, h.agenda, h.after_deadline, d.register_number,
      d.applicant_name, d.respondent, d.region_code
    from dispute_hearings h join disputes d on d.id = h.dispute_id
    where ${condition} order by h.starts_at, h.id`.then((rows) =>
    rows.map((r) => ({ ...r, startsAt: r.startsAt.toISOString() }) as HearingRow),
  );
}

/** The hearings of an area between two instants, in time order (the schedule page). */
export const hearingsBetween = (sql: Db, { area, from, to }: { area: string | null; from: Date; to: Date }) =>
  hearingsWhere(sql, sql`${insideArea(sql, "d.region_code", area)} and h.starts_at >= ${from} and h.starts_at < ${to}`);

/**
 * For the public data centre: how many petitions there are per KPU office's region, state and outcome inside
 * `area` (a region code), aggregates only, as of now.
 */
export async function disputeCounts(sql: Db, { area }: { area: string | null }): Promise<DisputeCounts> {
  const rows = await sql<DisputeCounts["rows"]>`
    select region_code, state, outcome, count(*)::int as count from disputes d
    where ${insideArea(sql, "d.region_code", area)}
    group by region_code, state, outcome order by region_code, state, outcome nulls first`;
  return { asOf: new Date().toISOString(), rows: [...rows] };
}

/** The KPU office regions a petition may name inside an area: the area itself and its kecamatan/kota below. */
export async function officeRegions(sql: Db, { area }: { area: string | null }) {
  return sql<{ code: string; name: string; kind: string | null }[]>`
    select code, name, kind from regions
    where ${
      area === null
        ? sql`level in ('province', 'city', 'kecamatan')`
        : sql`(code = ${area} or (parent_code = ${area} and level = 'kecamatan'))`
    }
    order by code limit 500`;
}
