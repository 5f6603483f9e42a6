// Incidents and their workflow (app/lib/incidents.ts). Creation is idempotent on the client's UUID; every step is
// a transition row with actor, time and note; dispatch assigns responders. Writes run inside a writer job.
import { problem } from "~/lib/problems";
import { insideArea } from "./area.server";
import type { Db, LeftJoined } from "~/utils/db.server";
import type { IncidentData, IncidentStep } from "~/lib/events";
import { canActOnIncident, canClaimIncident, canReportIncidentAt, canShareWithOfficer, mayNameTps } from "~/lib/access";
import { CLOSED_STATUSES, NOTE_REQUIRED, nextStatus, type IncidentStatus } from "~/lib/incidents";
import type { ClaimBody, IncidentBody, TransitionBody } from "~/lib/schemas";

import { lockKey, type WriteContext } from "~/utils/writer.server";
import { getTps } from "./election.server";
import { getSetting } from "./settings.server";
import { bodyHash } from "./results.server";
import type { SessionUser } from "./users.server";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** An incident as SELECT reads it; the TPS columns are there exactly when the incident names a TPS. */
type IncidentRow = LeftJoined<{ tpsCode: string; tpsLat: number; tpsLng: number; tpsAddress: string }> & {
  id: string;
  regionCode: string | null;
  category: string;
  severity: IncidentData["severity"];
  description: string;
  lat: number | null;
  lng: number | null;
  photoIds: string[];
  source: string;
  queued: boolean;
  status: IncidentData["status"];
  reporterId: number | null;
  reporterName: string | null;
  responderIds: number[];
  occurredAt: Date;
  createdAt: Date;
  acknowledgedAt: Date | null;
  dispatchedAt: Date | null;
  onSceneAt: Date | null;
  resolvedAt: Date | null;
  rejectedAt: Date | null;
  reopenedAt: Date | null;
  sharedAt: Date | null;
  claimedBy: number | null;
  claimerName: string | null;
  claimedAt: Date | null;
};

const SELECT = (sql: Db) => sql`
  select i.id, i.tps_code, i.region_code, i.category, i.severity, i.description, i.lat, i.lng,
    i.photo_ids::text[] as photo_ids, i.source, i.queued, i.status, i.reporter_id, u.name as reporter_name,
    coalesce((select array_agg(a.responder_id order by a.responder_id) from incident_assignments a where a.incident_id = i.id), '{}')::int[] as responder_ids,
    i.occurred_at, i.created_at, i.acknowledged_at, i.dispatched_at, i.on_scene_at, i.resolved_at, i.rejected_at, i.reopened_at,
    i.shared_at, i.claimed_by, c.name as claimer_name, i.claimed_at,
    t.lat as tps_lat, t.lng as tps_lng, t.address as tps_address
  from incidents i left join users u on u.id = i.reporter_id left join tps t on t.code = i.tps_code
    left join users c on c.id = i.claimed_by`;

function toIncident(r: IncidentRow): IncidentData {
  return {
    id: r.id,
    tpsCode: r.tpsCode ?? null,
    tps: r.tpsCode ? { lat: r.tpsLat, lng: r.tpsLng, address: r.tpsAddress ?? "" } : null,
    regionCode: r.regionCode ?? null,
    category: r.category,
    severity: r.severity,
    description: r.description,
    lat: r.lat ?? null,
    lng: r.lng ?? null,
    photoIds: r.photoIds ?? [],
    source: r.source,
    queued: r.queued,
    status: r.status,
    reporter: r.reporterId ? { id: r.reporterId, name: r.reporterName ?? "" } : null,
    responderIds: r.responderIds ?? [],
    occurredAt: r.occurredAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    acknowledgedAt: iso(r.acknowledgedAt),
    dispatchedAt: iso(r.dispatchedAt),
    onSceneAt: iso(r.onSceneAt),
    resolvedAt: iso(r.resolvedAt),
    rejectedAt: iso(r.rejectedAt),
    reopenedAt: iso(r.reopenedAt),
    sharedAt: iso(r.sharedAt),
    claimedBy: r.claimedBy ? { id: Number(r.claimedBy), name: r.claimerName ?? "" } : null,
    claimedAt: iso(r.claimedAt),
  };
}

export async function getIncident(sql: Db, { id }: { id: string }): Promise<IncidentData | undefined> {
  const [row] = await sql<[IncidentRow?]>`${SELECT(sql)} where i.id = ${id}`;
  return row ? toIncident(row) : undefined;
}

/** Copies of one near-identical citizen report listed among the distinct incidents; the rest come after them. */
const COPIES_FIRST = 3;

/** SQL twin of similarityKey (app/lib/incident-feed.ts): the category and the letters of the description. */
const similarityKeySql = (sql: Db) => sql`
  case when s.source = 'citizen' and s.status = 'new'
    then s.category || '|' || left(btrim(regexp_replace(lower(normalize(split_part(s.description, E'\n— ', 1), NFKC)),
      '[^[:alpha:]]+', ' ', 'g')), 160)
    else s.id::text end`;

/**
 * Incidents a user may see, most urgent first (open ones, severity, then oldest first). `open` leaves out closed ones.
 * Scope: a region prefix (null = all); responderId: only those dispatched to that responder.
 */
export async function listIncidents(
  sql: Db,
  {
    scope,
    tpsCode,
    responderId,
    officerView = false,
    open = false,
    limit = 500,
    placeless = false,
  }: {
    scope: string | null;
    /** Also incidents of no region (a whole-election view narrowed to an area, as its live connection). */
    placeless?: boolean;
    tpsCode?: string | null;
    responderId?: number;
    /** Only what a TPS officer may see: no citizen's report staff have not shared (access.ts officerMaySee). */
    officerView?: boolean;
    open?: boolean;
    limit?: number;
  },
): Promise<IncidentData[]> {
  // Beyond the first few copies of a near-identical unverified citizen report (the feed's grouping,
  // app/lib/incident-feed.ts similarityKey), copies come after every distinct incident, queued or not, so
  // the limit drops spam before it drops a real report. Reports still in the flood queue come after the rest.
  const rows = await sql<IncidentRow[]>`
    select * from (
      select s.*, row_number() over (partition by ${similarityKeySql(sql)} order by s.created_at) as copy
      from (${SELECT(sql)}
        where true
          and (${insideArea(sql, "i.region_code", scope)} ${placeless ? sql`or i.region_code is null` : sql``})
          ${tpsCode ? sql`and i.tps_code = ${tpsCode}` : sql``}
          ${responderId ? sql`and exists (select 1 from incident_assignments a where a.incident_id = i.id and a.responder_id = ${responderId})` : sql``}
          ${officerView ? sql`and (i.source <> 'citizen' or i.shared_at is not null)` : sql``}
          ${open ? sql`and i.status not in ('resolved', 'rejected')` : sql``}
      ) s
    ) x
    order by x.status in ('resolved', 'rejected'), x.copy > ${COPIES_FIRST}, x.queued and x.status = 'new',
      array_position(array['critical','high','medium','low'], x.severity), x.created_at
    limit ${limit}`;
  return rows.map(toIncident);
}

/** Whether an incident is dispatched to a responder. */
export async function isDispatchedTo(
  sql: Db,
  { incidentId, responderId }: { incidentId: string; responderId: number },
) {
  const rows =
    await sql`select 1 from incident_assignments where incident_id = ${incidentId} and responder_id = ${responderId}`;
  return rows.length > 0;
}

type StepRow = {
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actorId: number | null;
  actorName: string | null;
  responderIds: number[] | null;
  note: string | null;
  at: Date;
  claimedFrom: number | null;
  claimedFromName: string | null;
  responderNames: string[] | null;
};

export async function incidentTimeline(sql: Db, { id }: { id: string }): Promise<IncidentStep[]> {
  const rows = await sql<StepRow[]>`
    select t.action, t.from_status, t.to_status, t.actor_id, u.name as actor_name, t.responder_ids::int[] as responder_ids, t.note, t.at,
      t.claimed_from, f.name as claimed_from_name,
      (select array_agg(r.name order by r.name) from users r where r.id = any(t.responder_ids))::text[] as responder_names
    from incident_transitions t left join users u on u.id = t.actor_id left join users f on f.id = t.claimed_from
    where t.incident_id = ${id} order by t.id`;
  return rows.map((r) => ({
    action: r.action,
    fromStatus: r.fromStatus ?? null,
    toStatus: r.toStatus,
    actor: r.actorId ? { id: Number(r.actorId), name: r.actorName ?? "" } : null,
    responderIds: r.responderIds ?? [],
    note: r.note ?? null,
    at: r.at.toISOString(),
    claimedFrom: r.claimedFrom ? { id: Number(r.claimedFrom), name: r.claimedFromName ?? "" } : null,
    responderNames: r.responderNames ?? [],
  }));
}

export async function listResponders(sql: Db) {
  return sql<{ id: number; login: string; name: string; lat: number | null; lng: number | null; at: Date | null }[]>`
    select u.id, u.login, u.name, l.lat, l.lng, l.at
    from users u left join responder_locations l on l.user_id = u.id
    where u.role = 'responder' and not u.disabled order by u.login`;
}

export interface CreateAnswer {
  httpStatus: 200 | 201;
  body: { id: string; status: IncidentStatus };
}

/** The lock a report takes while it is created (writer.server.ts lockKey). */
export const incidentLockKey = (id: string) => `incident:${id}`;

/** A photo an incident names, as uploaded. */
type PhotoClaim = { id: string; uploaderId: number; tpsCode: string | null; incidentId: string | null };

/** A report already stored under the same id (a retry or a clash). */
type StoredIncident = { reporterId: number | null; bodyHash: string; response: CreateAnswer["body"] };

/** POST /api/v1/incidents: 201 new, 200 identical retry, 409 same id with another body, 403 outside the reporter's area. */
export async function createIncident(
  { tx, emit, audit }: WriteContext,
  { user, body, source = "app" }: { user: SessionUser; body: IncidentBody; source?: IncidentData["source"] },
): Promise<CreateAnswer> {
  const tpsCode = body.tpsCode ?? (user.role === "officer" ? user.tpsCode : null);
  const normalised = { ...body, tpsCode, source: body.source ?? source, photoIds: body.photoIds ?? [] };
  const hash = bodyHash(normalised);
  // The lock and every read in one round trip (pipelined, run in order: the reads see what the last holder
  // of the lock wrote), the writes in another. Queries start in the order written (`execute()`: postgres.js
  // otherwise starts a query only when it is awaited, after the helpers' queries that start at once). A
  // report may run side by side with others in a writer batch (WriteOptions.key): it refuses (409, 422,
  // 403) only before it writes.
  const [, [existing], categories, tps, photos] = await Promise.all([
    lockKey(tx, incidentLockKey(body.id)),
    tx<[StoredIncident?]>`select reporter_id, body_hash, response from incidents where id = ${body.id}`.execute(),
    getSetting(tx, "incident.categories"),
    tpsCode ? getTps(tx, { code: tpsCode }) : undefined,
    normalised.photoIds.length
      ? tx<PhotoClaim[]>`select id, uploader_id, tps_code, incident_id from photos
          where id = any(${normalised.photoIds}::uuid[])`.execute()
      : [],
  ]);
  if (existing) {
    if (existing.bodyHash === hash && existing.reporterId === user.id)
      return { httpStatus: 200, body: existing.response };
    throw problem.idConflict();
  }
  if (!categories.some((c) => c.code === body.category && c.active)) {
    throw problem.invalidField("category", "unknown_category");
  }
  let regionCode: string | null = null;
  if (tpsCode) {
    if (!tps) throw problem.invalidField("tpsCode", "unknown_tps", { tps: tpsCode });
    regionCode = tps.kelurahanCode;
    if (!mayNameTps(user, tpsCode)) throw problem.otherTps(user.tpsCode);
  } else if (user.role === "supervisor") {
    regionCode = user.regionCode; // a supervisor's report without a TPS belongs to their area
  }
  if (!canReportIncidentAt(user, { tpsCode, regionCode })) {
    throw problem.otherArea();
  }
  // Photos already uploaded must be the reporter's own, for this incident and its TPS (later ones are
  // checked against the incident when they arrive: api.v1.photos.ts).
  const foreign = photos.find(
    (p) =>
      Number(p.uploaderId) !== user.id ||
      (p.incidentId !== null && p.incidentId !== body.id) ||
      (p.tpsCode !== null && p.tpsCode !== tpsCode),
  );
  if (foreign) throw problem.invalidField("photoIds", "not_yours", { id: foreign.id }, "visibility.photoIdsNotYours");

  const response: CreateAnswer["body"] = { id: body.id, status: "new" };
  const [, , incident] = await Promise.all([
    tx`
      insert into incidents (id, tps_code, region_code, category, severity, description, lat, lng, photo_ids, reporter_id,
        source, occurred_at, body_hash, response)
      values (${body.id}, ${tpsCode}, ${regionCode}, ${body.category}, ${body.severity}, ${body.description},
        ${body.lat ?? null}, ${body.lng ?? null}, ${normalised.photoIds}::uuid[], ${user.id}, ${normalised.source},
        ${body.occurredAt}, ${hash}, ${tx.json(response)})`.execute(),
    tx`
      insert into incident_transitions (incident_id, action, from_status, to_status, actor_id)
      values (${body.id}, 'create', null, 'new', ${user.id})`.execute(),
    getIncident(tx, { id: body.id }) as Promise<IncidentData>,
  ]);
  emit("incident:created", regionCode, incident);
  audit({ actorId: user.id, action: "incident.create", entity: `incident:${body.id}`, before: null, after: incident });
  return { httpStatus: 201, body: response };
}

/** POST /api/v1/incidents/:id/transitions: one step of the workflow; returns the updated incident. */
export async function transitionIncident(
  { tx, emit, audit }: WriteContext,
  { user, id, body }: { user: SessionUser; id: string; body: TransitionBody },
): Promise<IncidentData> {
  const [locked] = await tx`select status from incidents where id = ${id} for update`;
  const before = locked ? await getIncident(tx, { id }) : undefined;
  if (!before) throw problem.notFound();
  if (!canActOnIncident(user, before, body.action)) {
    throw user.role === "supervisor" ? problem.otherArea() : problem.forbidden();
  }
  const to = nextStatus(before.status, body.action);
  if (!to) {
    throw problem.conflict("invalid_transition", {
      action: { key: `incident.action.${body.action}` },
      status: { key: `incident.status.${before.status}` },
    });
  }

  let responderIds: number[] = [];
  if (body.action === "dispatch") {
    responderIds = [...new Set(body.responderIds ?? [])];
    if (!responderIds.length)
      throw problem.invalidField("responderIds", "required", undefined, "api.respondersRequired");
    const found =
      await tx`select id from users where id in ${tx(responderIds)} and role = 'responder' and not disabled`;
    if (found.length !== responderIds.length) throw problem.invalidField("responderIds", "unknown_responder");
    await tx`
      insert into incident_assignments ${tx(
        responderIds.map((r) => ({ incidentId: id, responderId: r, assignedBy: user.id })),
        "incidentId",
        "responderId",
        "assignedBy",
      )}
      on conflict do nothing`;
  }
  const note = body.note?.trim() || null;
  // A refusal says why in the timeline the posko reads and the export keeps: no reject without a note.
  if (!note && NOTE_REQUIRED.includes(body.action))
    throw problem.invalidField("note", "required", undefined, "incident.noteRequired");
  const column = {
    acknowledged: "acknowledged_at",
    dispatched: "dispatched_at",
    on_scene: "on_scene_at",
    resolved: "resolved_at",
    rejected: "rejected_at",
    reopened: "reopened_at",
  }[to as string]!;
  const keepFirst = ["acknowledged_at", "dispatched_at", "on_scene_at"].includes(column);
  await tx`
    update incidents set status = ${to}, updated_at = now(),
      ${tx(column)} = ${keepFirst ? tx`coalesce(${tx(column)}, now())` : tx`now()`}
    where id = ${id}`;
  const [step] = await tx<[{ at: Date }]>`
    insert into incident_transitions (incident_id, action, from_status, to_status, actor_id, responder_ids, note)
    values (${id}, ${body.action}, ${before.status}, ${to}, ${user.id}, ${responderIds}::bigint[], ${note})
    returning at`;
  const after = (await getIncident(tx, { id }))!;
  emit("incident:updated", after.regionCode, {
    ...after,
    step: {
      action: body.action,
      fromStatus: before.status,
      toStatus: to,
      actor: { id: user.id, name: user.name },
      responderIds,
      note,
      at: step.at.toISOString(),
      claimedFrom: null,
    },
  });
  audit({
    actorId: user.id,
    action: `incident.${body.action}`,
    entity: `incident:${id}`,
    before: { status: before.status, responderIds: before.responderIds },
    after: { status: to, responderIds: after.responderIds, note },
  });
  return after;
}

/** A responder's shared location (optional): last one wins. */
export async function shareLocation(
  { tx, emit }: WriteContext,
  { user, lat, lng, accuracy }: { user: SessionUser; lat: number; lng: number; accuracy: number | null },
) {
  const [row] = await tx<[{ at: Date }]>`
    insert into responder_locations (user_id, lat, lng, accuracy, at) values (${user.id}, ${lat}, ${lng}, ${accuracy}, now())
    on conflict (user_id) do update set lat = excluded.lat, lng = excluded.lng, accuracy = excluded.accuracy, at = excluded.at
    returning at`;
  emit("responder:located", null, {
    responderId: user.id,
    name: user.name,
    lat,
    lng,
    accuracy,
    at: row.at.toISOString(),
  });
}

/**
 * POST /api/v1/incidents/:id/share: staff share a citizen's report about a TPS with that TPS's officer, who
 * until then does not see it (app/lib/access.ts officerMaySee). The officer gets the incident as everyone
 * does (text, place, status), never the citizen's contact or tracking code. Sharing again changes nothing.
 */
export async function shareWithOfficer(
  { tx, emit, audit }: WriteContext,
  { user, id }: { user: SessionUser; id: string },
): Promise<IncidentData> {
  const [locked] = await tx`select status from incidents where id = ${id} for update`;
  const before = locked ? await getIncident(tx, { id }) : undefined;
  if (!before) throw problem.notFound();
  if (!canShareWithOfficer(user, before)) throw user.role === "supervisor" ? problem.otherArea() : problem.forbidden();
  if (before.source !== "citizen" || !before.tpsCode)
    throw problem.invalidField("id", "not_shareable", undefined, "visibility.notShareable");
  if (before.sharedAt) return before;
  const [step] = await tx<[{ at: Date }]>`
    with shared as (update incidents set shared_at = now(), shared_by = ${user.id}, updated_at = now() where id = ${id})
    insert into incident_transitions (incident_id, action, from_status, to_status, actor_id)
    values (${id}, 'share', ${before.status}, ${before.status}, ${user.id})
    returning at`;
  const after = (await getIncident(tx, { id }))!;
  emit("incident:updated", after.regionCode, {
    ...after,
    step: {
      action: "share",
      fromStatus: before.status,
      toStatus: before.status,
      actor: { id: user.id, name: user.name },
      responderIds: [],
      note: null,
      at: step.at.toISOString(),
      claimedFrom: null,
    },
  });
  audit({
    actorId: user.id,
    action: "incident.share",
    entity: `incident:${id}`,
    before: { sharedAt: null },
    after: { sharedAt: after.sharedAt, tpsCode: after.tpsCode },
  });
  return after;
}

/**
 * POST /api/v1/incidents/:id/claim: an operator says "I handle this one" (docs/decisions/036). `claim` takes an
 * unclaimed incident (409 when another holds it: they must `take_over`, which the timeline shows with whose
 * claim it ended); `release` gives up one's own claim. Claiming what one already holds changes nothing. Every
 * change is a timeline step and an `incident:claimed` event, so other dashboards see it live and on replay.
 */
export async function claimIncident(
  { tx, emit, audit }: WriteContext,
  { user, id, body }: { user: SessionUser; id: string; body: ClaimBody },
): Promise<IncidentData> {
  const [locked] = await tx`select status from incidents where id = ${id} for update`;
  const before = locked ? await getIncident(tx, { id }) : undefined;
  if (!before) throw problem.notFound();
  if (!canClaimIncident(user, before)) throw user.role === "supervisor" ? problem.otherArea() : problem.forbidden();
  const holder = before.claimedBy;
  const mine = holder?.id === user.id;
  let action: "claim" | "release" | "take_over";
  if (body.action === "release") {
    if (!holder) return before;
    if (!mine) throw problem.conflict("claimed_by_other", { name: holder.name });
    action = "release";
  } else {
    if (mine) return before;
    if (CLOSED_STATUSES.includes(before.status))
      throw problem.conflict("invalid_transition", {
        action: { key: "incident.action.claim" },
        status: { key: `incident.status.${before.status}` },
      });
    if (holder && body.action === "claim") throw problem.conflict("claimed_by_other", { name: holder.name });
    action = holder ? "take_over" : "claim";
  }
  const note = body.note?.trim() || null;
  const claimer = action === "release" ? null : user.id;
  await tx`
    update incidents set claimed_by = ${claimer}, claimed_at = ${claimer ? tx`now()` : null}, updated_at = now()
    where id = ${id}`;
  const [step] = await tx<[{ at: Date }]>`
    insert into incident_transitions (incident_id, action, from_status, to_status, actor_id, note, claimed_from)
    values (${id}, ${action}, ${before.status}, ${before.status}, ${user.id}, ${note},
      ${action === "take_over" ? holder!.id : null})
    returning at`;
  const after = (await getIncident(tx, { id }))!;
  emit("incident:claimed", after.regionCode, {
    ...after,
    step: {
      action,
      fromStatus: before.status,
      toStatus: before.status,
      actor: { id: user.id, name: user.name },
      responderIds: [],
      note,
      at: step.at.toISOString(),
      claimedFrom: action === "take_over" ? holder : null,
    },
  });
  audit({
    actorId: user.id,
    action: `incident.${action}`,
    entity: `incident:${id}`,
    before: { claimedBy: holder?.id ?? null },
    after: { claimedBy: claimer, note },
  });
  return after;
}
