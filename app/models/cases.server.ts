// Violation cases (laporan and temuan): filing, the workflow's steps, registration numbers, deadlines, lists,
// the public tracking view, the recap and the data centre's counts (docs/decisions/044-violation-cases.md).
// Personal data (the reporter, witnesses' contacts) is read only by `getCase`, for those `canSeeCase` allows;
// events, audit entries and public reads carry none of it.
import { randomUUID } from "node:crypto";
import { areaOf, areaWithin, canSeeCase, type AccessUser } from "~/lib/access";
import {
  caseDeadlines,
  caseDeadlineState,
  DEADLINE_RANK,
  MAX_EVIDENCE_FILES_PUBLIC,
  officeLevel,
  OUTCOME_DESTINATION,
  registrationNumber,
  runningDeadline,
  stateAfter,
  stepRefusal,
  type CaseDays,
  type CaseKind,
  type CaseOutcome,
  type CaseState,
  type CaseStep,
  type MissingItem,
} from "~/lib/cases";
import type { ViolationCounts } from "~/lib/data-centre";
import type { DeadlineState } from "~/lib/deadlines";
import { currentElectionZone, toElectionWallClock } from "~/lib/format";
import { Problem, problem } from "~/lib/problems";
import type { CaseFilters, CaseReportExtra, StepBody, TemuanBody, Witness } from "~/lib/schemas/cases";
import type { Db } from "~/utils/db.server";
import type { WriteContext } from "~/utils/writer.server";
import { insideArea } from "./area.server";
import { listDocuments, saveDocument, type DocumentInfo } from "./documents.server";
import { getSetting } from "./settings.server";

export const MAX_EVIDENCE_FILES = MAX_EVIDENCE_FILES_PUBLIC;
/** Completions by one reporter (a tracking code) per window: slows a guesser, never stops the owner for long. */
export const COMPLETION_RATE = { perCode: 5, windowMinutes: 10 };

export interface EvidenceFile {
  fileName: string;
  bytes: Uint8Array;
}

/** The deadline settings as cases use them, with the functions that compute their instants. */
export async function caseDeadlineRules(sql: Db) {
  const settings = await getSetting(sql, "deadlines");
  const days: CaseDays = { ...settings.cases, completionDays: settings.cases.completionDays ?? 3 };
  return { days, soonDays: settings.dueSoonDays, ...caseDeadlines(days, settings.holidays) };
}

export interface CaseSummary {
  id: string;
  kind: CaseKind;
  state: CaseState;
  trackingCode: string | null;
  registrationNumber: string | null;
  regionCode: string | null;
  regionName: string | null;
  kecamatanCode: string | null;
  kecamatanName: string | null;
  tpsCode: string | null;
  category: string | null;
  outcome: CaseOutcome | null;
  late: boolean;
  receivedAt: string;
  registeredAt: string | null;
  dueAt: string | null;
  deadline: DeadlineState | null;
  extended: boolean;
  summary: string;
}

export interface CaseStepRow {
  action: string;
  fromState: string | null;
  toState: string;
  actor: string | null;
  note: string | null;
  details: Record<string, unknown>;
  at: string;
}

export interface CaseDetail extends CaseSummary {
  origin: string;
  place: string | null;
  occurredOn: string | null;
  knownOn: string | null;
  account: string;
  reporter: CaseReportExtra["reporter"] | null;
  witnesses: Witness[];
  reportedParty: string | null;
  incidentId: string | null;
  sourceCaseId: string | null;
  raisedAs: { id: string; registrationNumber: string | null }[];
  missing: MissingItem[];
  reason: string | null;
  referredTo: string | null;
  assessment: string | null;
  outcomeAgency: string | null;
  followUp: string | null;
  reviewDueAt: string;
  completeDueAt: string | null;
  handlingDueAt: string | null;
  extendedAt: string | null;
  extensionReason: string | null;
  decidedAt: string | null;
  closedAt: string | null;
  steps: CaseStepRow[];
  documents: DocumentInfo[];
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
/** A case as read: the summary's own columns as they are, its times as dates, and what it is derived from. */
type Row = Omit<CaseSummary, "receivedAt" | "registeredAt" | "dueAt" | "deadline" | "extended" | "summary"> & {
  receivedAt: Date;
  registeredAt: Date | null;
  dueAt: Date | null;
  extendedAt: Date | null;
  account: string;
};

const SUMMARY_COLUMNS = `c.id, c.kind, c.state, c.tracking_code, c.registration_number, c.region_code, r.name as region_name,
  k.code as kecamatan_code, k.name as kecamatan_name, c.tps_code, c.category, c.outcome, c.late, c.received_at,
  c.registered_at, c.due_at, c.extended_at, c.account`;
const SUMMARY_FROM = `cases c left join regions r on r.code = c.region_code left join regions k on k.code = r.parent_code`;

function summarise(row: Row, rules: Awaited<ReturnType<typeof caseDeadlineRules>>, nowIso: string): CaseSummary {
  const dueAt = iso(row.dueAt);
  // Field by field, not a spread: a detail's row carries the reporter too, which a summary never does.
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    trackingCode: row.trackingCode,
    registrationNumber: row.registrationNumber,
    regionCode: row.regionCode,
    regionName: row.regionName,
    kecamatanCode: row.kecamatanCode,
    kecamatanName: row.kecamatanName,
    tpsCode: row.tpsCode,
    category: row.category,
    outcome: row.outcome,
    late: row.late,
    receivedAt: row.receivedAt.toISOString(),
    registeredAt: iso(row.registeredAt),
    dueAt,
    deadline: caseDeadlineState(dueAt, nowIso, rules.rule, rules.soonDays),
    extended: !!row.extendedAt,
    summary: row.account.slice(0, 160),
  };
}

// --- Filing ---

type PlaceRegion = { code: string; name: string; kind: string; level: string };

/**
 * The report form's place picker at region `at` (null: the top): the path down to it, its children to choose
 * from, and for a kelurahan its TPS numbers. A level with a single region is skipped (one city's install
 * opens at its kecamatan).
 */
export async function reportPlaceChoices(sql: Db, { at }: { at: string | null }) {
  let chosen: PlaceRegion | null = null;
  if (at) {
    const [row] = await sql<[PlaceRegion?]>`select code, name, kind, level from regions where code = ${at}`;
    chosen = row ?? null;
  }
  let children: PlaceRegion[] = [];
  for (;;) {
    if (chosen?.level === "kelurahan") break;
    children = chosen
      ? await sql<
          PlaceRegion[]
        >`select code, name, kind, level from regions where parent_code = ${chosen.code} order by code`
      : await sql<PlaceRegion[]>`select code, name, kind, level from regions where parent_code is null order by code`;
    if (children.length !== 1) break;
    chosen = children[0];
  }
  const path: PlaceRegion[] = [];
  if (chosen) {
    const codes = chosen.code.split(".").map((_, i, parts) => parts.slice(0, i + 1).join("."));
    path.push(
      ...(await sql<
        PlaceRegion[]
      >`select code, name, kind, level from regions where code = any(${codes}) order by length(code)`),
    );
  }
  const tpsNumbers =
    chosen?.level === "kelurahan"
      ? (
          await sql<{ number: number }[]>`select number from tps where kelurahan_code = ${chosen.code} order by number`
        ).map((r) => r.number)
      : [];
  return { chosen, path, children, tpsNumbers };
}

/** The TPS code of a kelurahan's TPS number (citizens name the number, never the code), if it exists. */
async function placeOf(sql: Db, kelurahanCode: string, tpsNumber: number | null | undefined) {
  const [region] = await sql<[{ code: string }?]>`
    select code from regions where code = ${kelurahanCode} and level = 'kelurahan'`;
  if (!region) throw problem.invalid([{ field: "location.kelurahanCode", code: "unknown_region" }]);
  if (!tpsNumber) return { regionCode: region.code, tpsCode: null };
  const [tps] = await sql<[{ code: string }?]>`
    select code from tps where kelurahan_code = ${kelurahanCode} and number = ${tpsNumber}`;
  if (!tps)
    throw problem.invalid([{ field: "location.tpsNumber", code: "unknown_tps", params: { tps: String(tpsNumber) } }]);
  return { regionCode: region.code, tpsCode: tps.code };
}
export { placeOf as casePlaceOf };

function emitCase(
  { emit }: WriteContext,
  c: {
    id: string;
    kind: CaseKind;
    state: CaseState;
    regionCode: string | null;
    registrationNumber: string | null;
    dueAt: string | null;
  },
  step: string,
) {
  emit("case:changed", c.regionCode, {
    id: c.id,
    kind: c.kind,
    state: c.state,
    registrationNumber: c.registrationNumber,
    dueAt: c.dueAt,
    step,
  });
}

/**
 * Files the laporan that comes with a citizen's report (the same tracking code). A report of the v1 API has
 * none of the formal requirements (`extra` null): it becomes a laporan whose reporter is unknown, for the
 * case officer to review like any other (decision 044).
 */
export async function fileLaporan(
  ctx: WriteContext,
  input: {
    trackingCode: string;
    incidentId: string;
    category: string;
    description: string;
    place: { regionCode: string | null; tpsCode: string | null; text: string | null };
    extra: CaseReportExtra | null;
    evidence: EvidenceFile[];
  },
) {
  const { tx, now, audit } = ctx;
  const rules = await caseDeadlineRules(tx);
  const id = randomUUID();
  const nowIso = now.toISOString();
  const reviewDue = rules.review(nowIso);
  const extra = input.extra;
  const late = extra ? rules.late(extra.knownOn, nowIso) : false;
  await tx`
    insert into cases (id, kind, state, tracking_code, region_code, tps_code, place, category, occurred_on, known_on,
      account, reporter, witnesses, reported_party, incident_id, origin, late, review_due_at, due_at, received_at, updated_at)
    values (${id}, 'laporan', 'received', ${input.trackingCode}, ${input.place.regionCode}, ${input.place.tpsCode},
      ${input.place.text}, ${input.category}, ${extra?.occurredOn ?? null}, ${extra?.knownOn ?? null},
      ${input.description}, ${extra ? tx.json(extra.reporter) : null}, ${tx.json(extra?.witnesses ?? [])},
      ${extra?.reportedParty ?? null}, ${input.incidentId}, ${extra ? "public_form" : "public_api"}, ${late},
      ${reviewDue}, ${reviewDue}, ${now}, ${now})`;
  await tx`insert into case_steps (case_id, action, from_state, to_state, actor_id, at)
    values (${id}, 'file', null, 'received', null, ${now})`;
  for (const file of input.evidence)
    await saveDocument(ctx, {
      ownerKind: "case",
      ownerId: id,
      regionCode: input.place.regionCode,
      label: "Bukti pelapor",
      fileName: file.fileName,
      bytes: file.bytes,
      uploadedBy: null,
    });
  // The audit names what was given, never the reporter's identity or the witnesses' contacts.
  audit({
    actorId: null,
    action: "case.file",
    entity: `case:${id}`,
    after: {
      kind: "laporan",
      state: "received",
      region: input.place.regionCode,
      tps: input.place.tpsCode,
      late,
      fields: extra
        ? ["reporter", "reportedParty", "witnesses", "place", "occurredOn", "knownOn", "account"]
        : ["account"],
      evidence: input.evidence.length,
    },
  });
  emitCase(
    ctx,
    {
      id,
      kind: "laporan",
      state: "received",
      regionCode: input.place.regionCode,
      registrationNumber: null,
      dueAt: reviewDue,
    },
    "file",
  );
  return { id, late, reportWindowEnds: extra ? rules.reportWindowEnds(extra.knownOn) : null };
}

/** Raises a temuan from an incident, a laporan, or an observation, keeping the link both ways. */
export async function raiseTemuan(ctx: WriteContext, { user, body }: { user: AccessUser; body: TemuanBody }) {
  const { tx, now, audit } = ctx;
  let regionCode: string | null = null;
  let tpsCode: string | null = null;
  let incidentId: string | null = null;
  let sourceCaseId: string | null = null;
  let origin: "incident" | "case" | "observation" = "observation";
  let category: string | null = null;
  if (body.incidentId) {
    const [incident] = await tx<[{ id: string; regionCode: string | null; tpsCode: string | null; category: string }?]>`
      select id, region_code, tps_code, category from incidents where id = ${body.incidentId}`;
    if (!incident) throw problem.invalid([{ field: "incidentId", code: "not_found" }]);
    ({ regionCode, tpsCode, category } = incident);
    incidentId = incident.id;
    origin = "incident";
  } else if (body.caseId) {
    const [source] = await tx<[{ id: string; regionCode: string | null; tpsCode: string | null; category: string }?]>`
      select id, region_code, tps_code, category from cases where id = ${body.caseId}`;
    if (!source) throw problem.invalid([{ field: "caseId", code: "not_found" }]);
    ({ regionCode, tpsCode, category } = source);
    sourceCaseId = source.id;
    origin = "case";
  } else if (body.kelurahanCode) {
    ({ regionCode, tpsCode } = await placeOf(tx, body.kelurahanCode, body.tpsNumber));
    if (!tpsCode && !body.place) throw problem.invalid([{ field: "place", code: "required" }]);
  }
  if (!canSeeCase(user, { regionCode })) throw problem.otherArea();
  const rules = await caseDeadlineRules(tx);
  const id = randomUUID();
  const found = body.foundAt ? new Date(body.foundAt) : now;
  const reviewDue = rules.review(found.toISOString());
  await tx`
    insert into cases (id, kind, state, region_code, tps_code, place, category, occurred_on, known_on, account,
      reported_party, incident_id, source_case_id, origin, review_due_at, due_at, created_by, received_at, updated_at)
    values (${id}, 'temuan', 'received', ${regionCode}, ${tpsCode}, ${body.place ?? null}, ${category},
      ${body.occurredOn ?? null}, ${body.knownOn ?? null}, ${body.account}, ${body.reportedParty ?? null}, ${incidentId},
      ${sourceCaseId}, ${origin}, ${reviewDue}, ${reviewDue}, ${user.id}, ${found}, ${now})`;
  await tx`insert into case_steps (case_id, action, from_state, to_state, actor_id, details, at)
    values (${id}, 'raise', null, 'received', ${user.id}, ${tx.json({ origin })}, ${now})`;
  audit({
    actorId: user.id,
    action: "case.raise",
    entity: `case:${id}`,
    after: { kind: "temuan", origin, incident: incidentId, sourceCase: sourceCaseId, region: regionCode },
  });
  emitCase(
    ctx,
    { id, kind: "temuan", state: "received", regionCode, registrationNumber: null, dueAt: reviewDue },
    "raise",
  );
  return { id };
}

// --- The workflow ---

type StateRow = {
  id: string;
  kind: CaseKind;
  state: CaseState;
  regionCode: string | null;
  registrationNumber: string | null;
  registeredAt: Date | null;
  extendedAt: Date | null;
  outcome: CaseOutcome | null;
  dueAt: Date | null;
};

/** Takes the next number of an office's kind and year: the row lock makes concurrent registrations wait. */
async function nextRegistrationNumber(
  tx: Db,
  { kind, office, now }: { kind: CaseKind; office: string | null; now: Date },
) {
  const wall = toElectionWallClock(now.toISOString());
  const year = Number(wall.slice(0, 4));
  const month = Number(wall.slice(5, 7));
  const [region] = office
    ? await tx<[{ kind: string }?]>`select kind from regions where code = ${office}`
    : [undefined];
  const level = officeLevel(region?.kind ?? null);
  const key = level === "RI" ? "RI" : office!;
  const [{ last }] = await tx<[{ last: number }]>`
    insert into case_numbers (office_code, kind, year, last) values (${key}, ${kind}, ${year}, 1)
    on conflict (office_code, kind, year) do update set last = case_numbers.last + 1
    returning last`;
  return {
    office: key,
    number: registrationNumber({ sequence: last, kind, level, officeCode: office, month, year }),
  };
}

/** The registering office: a case officer's own region; an admin registers for the city (kabupaten/kota) of
 *  the case's place, or for the national office when the case has no place. */
const officeOf = (user: AccessUser | null, regionCode: string | null) =>
  user?.role === "case_officer" && user.regionCode
    ? user.regionCode
    : regionCode
      ? regionCode.split(".").slice(0, 2).join(".")
      : null;

/** Takes one step of the workflow; refused with 409 when the case's state does not allow it. `user` null is
 *  the reporter (through the tracking code: only `complete`). */
export async function takeStep(
  ctx: WriteContext,
  { user, id, body, evidence = [] }: { user: AccessUser | null; id: string; body: StepBody; evidence?: EvidenceFile[] },
) {
  const { tx, now, audit } = ctx;
  const [c] = await tx<[StateRow?]>`
    select id, kind, state, region_code, registration_number, registered_at, extended_at, outcome, due_at
    from cases where id = ${id} for update`;
  if (!c) throw problem.notFound();
  if (user && !canSeeCase(user, c)) throw problem.otherArea();
  const step = body.step as CaseStep;
  const refusal = stepRefusal({ ...c, extendedAt: iso(c.extendedAt) }, step);
  if (refusal)
    throw new Problem("invalid_transition", {
      key: `cases.refused.${refusal}`,
      params: { state: { key: `cases.state.${c.state}` }, step: { key: `cases.step.${step}` } },
    });
  if (body.step === "decide" && body.outcome === "other_law" && !body.agency)
    throw problem.invalid([{ field: "agency", code: "required" }]);
  const rules = await caseDeadlineRules(tx);
  const nowIso = now.toISOString();
  const to = stateAfter(c.state, step);
  const set: Record<string, unknown> = { state: to, updated_at: now };
  const details: Record<string, unknown> = {};
  let note: string | null = "note" in body ? (body.note ?? null) : null;
  switch (body.step) {
    case "mark_incomplete": {
      const due = rules.completion(nowIso);
      Object.assign(set, { missing: tx.json(body.missing), complete_due_at: due });
      details.missing = body.missing;
      break;
    }
    case "complete":
      set.missing = tx.json([]);
      details.evidence = evidence.length;
      break;
    case "not_register":
      set.reason = body.reason;
      note = body.reason;
      break;
    case "refer":
      set.referred_to = body.level;
      details.level = body.level;
      break;
    case "register": {
      const { office, number } = await nextRegistrationNumber(tx, {
        kind: c.kind,
        office: officeOf(user, c.regionCode),
        now,
      });
      Object.assign(set, {
        office_code: office,
        registration_number: number,
        registered_at: now,
        handling_due_at: rules.handling(nowIso),
      });
      details.registrationNumber = number;
      break;
    }
    case "invite":
      details.invitation = body.invitation;
      break;
    case "minutes":
      details.minutes = true;
      break;
    case "assess":
      set.assessment = body.assessment;
      note = body.assessment;
      break;
    case "decide":
      Object.assign(set, { outcome: body.outcome, outcome_agency: body.agency ?? null, decided_at: now });
      details.outcome = body.outcome;
      details.destination = body.outcome === "other_law" ? body.agency : OUTCOME_DESTINATION[body.outcome];
      break;
    case "follow_up":
      set.follow_up = body.note;
      break;
    case "close":
      set.closed_at = now;
      break;
    case "extend": {
      const due = rules.extended(c.registeredAt!.toISOString());
      Object.assign(set, { extended_at: now, extension_reason: body.reason, handling_due_at: due });
      note = body.reason;
      details.until = due;
      break;
    }
  }
  // The deadline that runs in the new state, from the instants stored when each started.
  const [stored] = await tx<[{ reviewDueAt: Date; completeDueAt: Date | null; handlingDueAt: Date | null }]>`
    select review_due_at, complete_due_at, handling_due_at from cases where id = ${id}`;
  const running = runningDeadline(to);
  const dueAt =
    running === "review"
      ? step === "complete"
        ? rules.review(nowIso)
        : stored.reviewDueAt.toISOString()
      : running === "completion"
        ? ((set.complete_due_at as string) ?? iso(stored.completeDueAt))
        : running === "handling"
          ? ((set.handling_due_at as string) ?? iso(stored.handlingDueAt))
          : null;
  if (step === "complete") set.review_due_at = dueAt;
  set.due_at = dueAt;
  await tx`update cases set ${tx(set as Record<string, never>)} where id = ${id}`;
  await tx`insert into case_steps (case_id, action, from_state, to_state, actor_id, note, details, at)
    values (${id}, ${step}, ${c.state}, ${to}, ${user?.id ?? null}, ${note}, ${tx.json(details as never)}, ${now})`;
  for (const file of evidence)
    await saveDocument(ctx, {
      ownerKind: "case",
      ownerId: id,
      regionCode: c.regionCode,
      label: user ? "Dokumen" : "Bukti tambahan pelapor",
      fileName: file.fileName,
      bytes: file.bytes,
      uploadedBy: user?.id ?? null,
    });
  // Audit: the step and the names of the fields it set, not their text (a reporter's words stay out of it).
  audit({
    actorId: user?.id ?? null,
    action: `case.${step}`,
    entity: `case:${id}`,
    before: { state: c.state },
    after: { state: to, fields: Object.keys(set).filter((k) => k !== "updated_at"), ...details },
  });
  const registration = (set.registration_number as string | undefined) ?? c.registrationNumber;
  emitCase(
    ctx,
    { id, kind: c.kind, state: to, regionCode: c.regionCode, registrationNumber: registration, dueAt },
    step,
  );
  return { id, state: to, registrationNumber: registration, dueAt };
}

/** Attaches a staff document (minutes, a letter, a decision) to a case, audited, without changing its state. */
export async function attachCaseDocument(
  ctx: WriteContext,
  { user, id, label, file }: { user: AccessUser; id: string; label: string; file: EvidenceFile },
) {
  const [c] = await ctx.tx<[{ regionCode: string | null }?]>`select region_code from cases where id = ${id}`;
  if (!c) throw problem.notFound();
  if (!canSeeCase(user, c)) throw problem.otherArea();
  return saveDocument(ctx, {
    ownerKind: "case",
    ownerId: id,
    regionCode: c.regionCode,
    label,
    fileName: file.fileName,
    bytes: file.bytes,
    uploadedBy: user.id,
  });
}

// --- Reading ---

export async function listCases(
  sql: Db,
  {
    user,
    filters,
    now = new Date(),
    limit = 500,
  }: { user: AccessUser; filters: CaseFilters; now?: Date; limit?: number },
): Promise<CaseSummary[]> {
  const rules = await caseDeadlineRules(sql);
  // The kecamatan asked for, inside the user's own area (their own when outside it).
  const area = areaWithin(user, filters.area ?? null);
  const q = filters.q ? `%${filters.q.replace(/[\\%_]/g, (m) => "\\" + m)}%` : null;
  const rows = await sql<Row[]>`
    select ${sql.unsafe(SUMMARY_COLUMNS)} from ${sql.unsafe(SUMMARY_FROM)}
    where ${insideArea(sql, "c.region_code", area)}
      ${filters.kind ? sql`and c.kind = ${filters.kind}` : sql``}
      ${filters.state ? sql`and c.state = ${filters.state}` : sql``}
      ${filters.from ? sql`and c.received_at >= ${filters.from}::date::timestamp at time zone ${currentElectionZone()}` : sql``}
      ${filters.to ? sql`and c.received_at < (${filters.to}::date + 1)::timestamp at time zone ${currentElectionZone()}` : sql``}
      ${q ? sql`and (c.account ilike ${q} or c.registration_number ilike ${q} or c.tracking_code ilike ${q} or c.reported_party ilike ${q})` : sql``}
    order by c.received_at desc limit 5000`;
  const nowIso = now.toISOString();
  return rows
    .map((r) => summarise(r, rules, nowIso))
    .filter((c) => !filters.deadline || c.deadline === filters.deadline)
    .sort(
      (a, b) =>
        DEADLINE_RANK[a.deadline ?? "none"] - DEADLINE_RANK[b.deadline ?? "none"] ||
        (a.dueAt ?? "").localeCompare(b.dueAt ?? "") ||
        b.receivedAt.localeCompare(a.receivedAt),
    )
    .slice(0, limit);
}

/** The regions of one level in a user's case area, to narrow a list or place a temuan (bounded: an admin's
 *  area is the whole election). */
export async function caseRegions(
  sql: Db,
  { user, level, limit }: { user: AccessUser; level: "kecamatan" | "kelurahan"; limit: number },
): Promise<{ code: string; name: string; kind: string }[]> {
  return sql`
    select code, name, kind from regions where level = ${level} and ${insideArea(sql, "code", areaOf(user))}
    order by code limit ${limit}`;
}

/** How many of a user's cases are due soon or overdue (the command post's box). */
export async function caseDeadlineCounts(sql: Db, { user, now = new Date() }: { user: AccessUser; now?: Date }) {
  const cases = await listCases(sql, { user, filters: {}, now, limit: 5000 });
  return {
    overdue: cases.filter((c) => c.deadline === "overdue").length,
    dueSoon: cases.filter((c) => c.deadline === "due_soon").length,
  };
}

export async function getCase(
  sql: Db,
  { id, user, now = new Date() }: { id: string; user: AccessUser; now?: Date },
): Promise<CaseDetail | null> {
  const [row] = await sql<
    [
      (Row & {
        origin: string;
        place: string | null;
        occurredOn: string | null;
        knownOn: string | null;
        reporter: CaseReportExtra["reporter"] | null;
        witnesses: Witness[];
        reportedParty: string | null;
        incidentId: string | null;
        sourceCaseId: string | null;
        missing: MissingItem[];
        reason: string | null;
        referredTo: string | null;
        assessment: string | null;
        outcomeAgency: string | null;
        followUp: string | null;
        reviewDueAt: Date;
        completeDueAt: Date | null;
        handlingDueAt: Date | null;
        extensionReason: string | null;
        decidedAt: Date | null;
        closedAt: Date | null;
      })?,
    ]
  >`
    select ${sql.unsafe(SUMMARY_COLUMNS)}, c.origin, c.place, c.occurred_on::text, c.known_on::text, c.reporter,
      c.witnesses, c.reported_party, c.incident_id, c.source_case_id, c.missing, c.reason, c.referred_to,
      c.assessment, c.outcome_agency, c.follow_up, c.review_due_at, c.complete_due_at, c.handling_due_at,
      c.extension_reason, c.decided_at, c.closed_at
    from ${sql.unsafe(SUMMARY_FROM)} where c.id = ${id}`;
  if (!row || !canSeeCase(user, row)) return null;
  const rules = await caseDeadlineRules(sql);
  const [steps, documents, raisedAs] = await Promise.all([
    sql<(Omit<CaseStepRow, "at"> & { at: Date })[]>`
      select s.action, s.from_state, s.to_state, u.name as actor, s.note, s.details, s.at
      from case_steps s left join users u on u.id = s.actor_id where s.case_id = ${id} order by s.id`,
    listDocuments(sql, "case", id),
    sql<{ id: string; registrationNumber: string | null }[]>`
      select id, registration_number from cases where source_case_id = ${id} order by received_at`,
  ]);
  return {
    ...summarise(row, rules, now.toISOString()),
    origin: row.origin,
    place: row.place,
    occurredOn: row.occurredOn,
    knownOn: row.knownOn,
    account: row.account,
    reporter: row.reporter,
    witnesses: row.witnesses,
    reportedParty: row.reportedParty,
    incidentId: row.incidentId,
    sourceCaseId: row.sourceCaseId,
    raisedAs,
    missing: row.missing,
    reason: row.reason,
    referredTo: row.referredTo,
    assessment: row.assessment,
    outcomeAgency: row.outcomeAgency,
    followUp: row.followUp,
    reviewDueAt: row.reviewDueAt.toISOString(),
    completeDueAt: iso(row.completeDueAt),
    handlingDueAt: iso(row.handlingDueAt),
    extendedAt: iso(row.extendedAt),
    extensionReason: row.extensionReason,
    decidedAt: iso(row.decidedAt),
    closedAt: iso(row.closedAt),
    steps: steps.map((s) => ({ ...s, at: s.at.toISOString() })),
    documents,
  };
}

/** Whether a user may read a case's document (the store leaves the question to the owner). */
export async function caseOfDocument(sql: Db, { user, caseId }: { user: AccessUser; caseId: string }) {
  const [c] = await sql<[{ regionCode: string | null }?]>`select region_code from cases where id = ${caseId}`;
  return !!c && canSeeCase(user, c);
}

/** The temuan raised from an incident (the incident card shows its number). */
export async function temuanOfIncidents(sql: Db, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await sql<{ incidentId: string; label: string }[]>`
    select incident_id, coalesce(registration_number, 'Temuan') as label from cases
    where kind = 'temuan' and incident_id = any(${ids}::uuid[])`;
  return new Map(rows.map((r) => [r.incidentId, r.label]));
}

// --- Public tracking: number, state, dates, outcome and destination, what happens next; nothing personal ---

export interface CasePublic {
  kind: CaseKind;
  state: CaseState;
  registrationNumber: string | null;
  receivedAt: string;
  registeredAt: string | null;
  decidedAt: string | null;
  closedAt: string | null;
  late: boolean;
  dueAt: string | null;
  outcome: CaseOutcome | null;
  destination: string | null;
  referredTo: string | null;
  missing: MissingItem[];
  history: { state: CaseState; at: string }[];
}

export async function getCasePublic(sql: Db, { trackingCode }: { trackingCode: string }) {
  const [c] = await sql<
    [
      {
        id: string;
        kind: CaseKind;
        state: CaseState;
        registrationNumber: string | null;
        receivedAt: Date;
        registeredAt: Date | null;
        decidedAt: Date | null;
        closedAt: Date | null;
        late: boolean;
        dueAt: Date | null;
        outcome: CaseOutcome | null;
        outcomeAgency: string | null;
        referredTo: string | null;
        missing: MissingItem[];
      }?,
    ]
  >`
    select id, kind, state, registration_number, received_at, registered_at, decided_at, closed_at, late, due_at,
      outcome, outcome_agency, referred_to, missing
    from cases where tracking_code = ${trackingCode}`;
  if (!c) return null;
  const steps = await sql<{ toState: CaseState; at: Date }[]>`
    select to_state, at from case_steps
    where case_id = ${c.id} and (from_state is null or from_state <> to_state) order by id`;
  const value: CasePublic = {
    kind: c.kind,
    state: c.state,
    registrationNumber: c.registrationNumber,
    receivedAt: c.receivedAt.toISOString(),
    registeredAt: iso(c.registeredAt),
    decidedAt: iso(c.decidedAt),
    closedAt: iso(c.closedAt),
    late: c.late,
    dueAt: iso(c.dueAt),
    outcome: c.outcome,
    destination: c.outcome ? (c.outcome === "other_law" ? c.outcomeAgency : OUTCOME_DESTINATION[c.outcome]) : null,
    referredTo: c.referredTo,
    missing: c.state === "incomplete" ? c.missing : [],
    history: steps.map((s) => ({ state: s.toState, at: s.at.toISOString() })),
  };
  return { id: c.id, public: value };
}

/** The reporter completes an incomplete laporan through its tracking code: a note and evidence, bounded,
 *  rate-limited per code, audited as the public's step. */
export async function completeByReporter(
  ctx: WriteContext,
  { trackingCode, note, evidence }: { trackingCode: string; note: string; evidence: EvidenceFile[] },
) {
  const [c] = await ctx.tx<[{ id: string }?]>`select id from cases where tracking_code = ${trackingCode}`;
  if (!c) throw problem.notFound({ key: "report.notFound" });
  await ctx.tx`select pg_advisory_xact_lock(hashtext(${"case-complete/" + c.id}))`;
  const [recent] = await ctx.tx<[{ n: number }]>`
    select count(*)::int as n from case_steps where case_id = ${c.id} and actor_id is null and action = 'complete'
      and at > now() - make_interval(mins => ${COMPLETION_RATE.windowMinutes})`;
  if (recent.n >= COMPLETION_RATE.perCode)
    throw problem.rateLimited(COMPLETION_RATE.windowMinutes * 60, "limits.reportPerClient", {
      count: COMPLETION_RATE.perCode,
      minutes: COMPLETION_RATE.windowMinutes,
    });
  return takeStep(ctx, { user: null, id: c.id, body: { step: "complete", note }, evidence });
}

// --- Recap and the data centre ---

export interface RecapRow {
  regionCode: string;
  regionName: string;
  laporan: number;
  temuan: number;
  registered: number;
  notRegistered: number;
  referred: number;
  inProcess: number;
  outcomes: Record<CaseOutcome, number>;
}

/** Cases per child region of `area` (per kecamatan of a city) in a period, in the body's categories. */
export async function caseRecap(
  sql: Db,
  { area, from, to }: { area: string; from: string | null; to: string | null },
): Promise<RecapRow[]> {
  const depth = area.split(".").length + 1;
  const rows = await sql<
    {
      regionCode: string;
      regionName: string;
      kind: CaseKind | null;
      registered: boolean | null;
      state: CaseState | null;
      outcome: CaseOutcome | null;
      n: number;
    }[]
  >`
    with kids as (select code, name from regions where parent_code = ${area})
    select k.code as region_code, k.name as region_name, c.kind, c.registration_number is not null as registered,
      c.state, c.outcome, count(c.id)::int as n
    from kids k left join cases c
      on array_to_string((string_to_array(c.region_code, '.'))[1:${depth}], '.') = k.code
      ${from ? sql`and c.received_at >= ${from}::date::timestamp at time zone ${currentElectionZone()}` : sql``}
      ${to ? sql`and c.received_at < (${to}::date + 1)::timestamp at time zone ${currentElectionZone()}` : sql``}
    group by 1, 2, 3, 4, 5, 6 order by 1`;
  const byRegion = new Map<string, RecapRow>();
  for (const r of rows) {
    const row =
      byRegion.get(r.regionCode) ??
      ({
        regionCode: r.regionCode,
        regionName: r.regionName,
        laporan: 0,
        temuan: 0,
        registered: 0,
        notRegistered: 0,
        referred: 0,
        inProcess: 0,
        outcomes: { administrative: 0, ethics: 0, criminal: 0, other_law: 0, not_a_violation: 0 },
      } satisfies RecapRow);
    byRegion.set(r.regionCode, row);
    if (!r.kind) continue;
    row[r.kind] += r.n;
    if (r.registered) row.registered += r.n;
    else if (r.state === "not_registered") row.notRegistered += r.n;
    else if (r.state === "referred") row.referred += r.n;
    else row.inProcess += r.n;
    if (r.outcome) row.outcomes[r.outcome] += r.n;
  }
  return [...byRegion.values()];
}

/** For the public data centre: violation cases inside `area` (null: all) counted per region, by kind,
 *  registration and outcome. Aggregates only. */
export async function violationCounts(sql: Db, { area }: { area: string | null }): Promise<ViolationCounts> {
  // Per region as placed (the data centre sums them into its child areas); a case not yet placed in a
  // region is counted nowhere until it is.
  const rows = await sql<
    { regionCode: string; kind: CaseKind; registered: boolean; outcome: string | null; count: number }[]
  >`
    select region_code, kind, registration_number is not null as registered, outcome, count(*)::int as count
    from cases where region_code is not null and ${insideArea(sql, "region_code", area)}
    group by 1, 2, 3, 4 order by 1, 2, 3, 4`;
  const [{ asOf }] = await sql<[{ asOf: Date }]>`select now() as as_of`;
  return { asOf: asOf.toISOString(), rows: rows.map((r) => ({ ...r })) };
}
