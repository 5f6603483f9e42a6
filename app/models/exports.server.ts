// CSV exports (`/api/v1/exports/`, docs/public-admin.md): results per TPS, the recap, the audit log.
import { insideArea } from "./area.server";
import { toCsv } from "~/lib/csv";
import type { Db } from "~/utils/db.server";
import { listContests } from "./election.server";
import { getRecap, RESULT_STATUSES, type RecapLevel } from "./recap.server";

export function csvResponse(text: string, filename: string) {
  return new Response(text, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}

type ResultExportRow = {
  code: string;
  kelurahan: string;
  kecamatan: string;
  contest: string;
  status: string;
  revision: number | null;
  source: string | null;
  votes: Record<string, number> | null;
  invalid: number | null;
  updatedAt: Date | null;
  dpt: number;
  dptb: number;
  dpk: number;
};

/** One row per TPS and contest (missing ones too), inside a region scope (null = all). */
export async function resultsCsv(sql: Db, { scope }: { scope: string | null }) {
  const contests = await listContests(sql);
  const maxCandidates = Math.max(0, ...contests.map((c) => c.candidates.length));
  const inScope = insideArea(sql, "t.kelurahan_code", scope);
  const rows = await sql<ResultExportRow[]>`
    select t.code, kel.name as kelurahan, kec.name as kecamatan, c.code as contest, coalesce(r.status, 'missing') as status,
      s.revision, s.source, r.votes, r.invalid, r.updated_at, t.dpt, t.dptb, t.dpk
    from tps t join regions kel on kel.code = t.kelurahan_code join regions kec on kec.code = kel.parent_code
    cross join contests c
    left join results r on r.tps_code = t.code and r.contest_code = c.code
    left join submissions s on s.id = r.submission_id
    where ${inScope}
    order by t.code, c.position, c.code`;
  const header = [
    "tps_code",
    "kelurahan",
    "kecamatan",
    "contest",
    "status",
    "revision",
    "source",
    "dpt",
    "dptb",
    "dpk",
    ...Array.from({ length: maxCandidates }, (_, i) => `votes_${i + 1}`),
    "valid",
    "invalid",
    "updated_at",
  ];
  return toCsv([
    header,
    ...rows.map((r) => {
      const votes: Record<string, number> = r.votes ?? {};
      const valid = r.votes ? Object.values(votes).reduce((a, b) => a + b, 0) : null;
      return [
        r.code,
        r.kelurahan,
        r.kecamatan,
        r.contest,
        r.status,
        r.revision,
        r.source,
        r.dpt,
        r.dptb,
        r.dpk,
        ...Array.from({ length: maxCandidates }, (_, i) => votes[String(i + 1)] ?? null),
        valid,
        r.invalid,
        r.updatedAt ? r.updatedAt.toISOString() : null,
      ];
    }),
  ]);
}

export async function recapCsv(
  sql: Db,
  {
    level,
    contest,
    scope,
  }: { level: RecapLevel; contest: { code: string; candidates: { number: number }[] }; scope: string | null },
) {
  const numbers = contest.candidates.map((k) => k.number);
  const { rows, total } = await getRecap(sql, { level, contest: contest.code, scope, candidates: numbers });
  const header = [
    "area_code",
    "area_name",
    "tps",
    "tps_in",
    ...RESULT_STATUSES.map((s) => `status_${s}`),
    "registered",
    ...numbers.map((n) => `votes_${n}`),
    "valid",
    "invalid",
    "turnout",
  ];
  const line = (r: typeof total, code = r.code, name = r.name) => [
    code,
    name,
    r.tps,
    r.tpsIn,
    ...RESULT_STATUSES.map((s) => r.status[s]),
    r.registered,
    ...numbers.map((n) => r.votes[String(n)] ?? 0),
    r.valid,
    r.invalid,
    r.turnout === null ? null : r.turnout.toFixed(4),
  ];
  return toCsv([header, ...rows.map((r) => line(r)), line(total, "TOTAL", "")]);
}

type AuditExportRow = {
  id: number;
  at: Date;
  actorId: number | null;
  actorLogin: string | null;
  action: string;
  entity: string;
  before: unknown;
  after: unknown;
  prevHash: string;
  hash: string;
};

/** The audit log with its hash chain, so a reader can re-check it (see auditHash in writer.server.ts). */
export async function auditCsv(sql: Db) {
  const rows = await sql<AuditExportRow[]>`
    select a.id, a.at, a.actor_id, u.login as actor_login, a.action, a.entity, a.before, a.after, a.prev_hash, a.hash
    from audit_log a left join users u on u.id = a.actor_id order by a.id`;
  return toCsv([
    ["id", "at", "actor_id", "actor_login", "action", "entity", "before", "after", "prev_hash", "hash"],
    ...rows.map((r) => [
      r.id,
      r.at.toISOString(),
      r.actorId,
      r.actorLogin,
      r.action,
      r.entity,
      r.before == null ? null : JSON.stringify(r.before),
      r.after == null ? null : JSON.stringify(r.after),
      r.prevHash,
      r.hash,
    ]),
  ]);
}

type IncidentExportRow = {
  id: string;
  createdAt: Date;
  occurredAt: Date;
  source: string;
  category: string;
  severity: string;
  status: string;
  tpsCode: string | null;
  regionCode: string | null;
  description: string;
  lat: number | null;
  lng: number | null;
  reporterLogin: string | null;
  trackingCode: string | null;
  responders: string | null;
  acknowledgedAt: Date | null;
  dispatchedAt: Date | null;
  onSceneAt: Date | null;
  resolvedAt: Date | null;
  rejectedAt: Date | null;
};

/** Incidents with their workflow times and response times (seconds); a citizen's contact is never exported. */
export async function incidentsCsv(sql: Db, { scope }: { scope: string | null }) {
  const rows = await sql<IncidentExportRow[]>`
    select i.id, i.created_at, i.occurred_at, i.source, i.category, i.severity, i.status, i.tps_code, i.region_code,
      i.description, i.lat, i.lng, u.login as reporter_login, c.tracking_code,
      (select string_agg(r.login, ' ' order by r.login) from incident_assignments a join users r on r.id = a.responder_id where a.incident_id = i.id) as responders,
      i.acknowledged_at, i.dispatched_at, i.on_scene_at, i.resolved_at, i.rejected_at
    from incidents i left join users u on u.id = i.reporter_id left join citizen_reports c on c.incident_id = i.id
    where ${insideArea(sql, "i.region_code", scope)}
    order by i.created_at, i.id`;
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  const secs = (a: Date | null, b: Date | null) => (a && b ? Math.round((b.getTime() - a.getTime()) / 1000) : null);
  return toCsv([
    [
      "id",
      "created_at",
      "occurred_at",
      "source",
      "category",
      "severity",
      "status",
      "tps_code",
      "region_code",
      "description",
      "lat",
      "lng",
      "reporter_login",
      "tracking_code",
      "responders",
      "acknowledged_at",
      "dispatched_at",
      "on_scene_at",
      "resolved_at",
      "rejected_at",
      "seconds_to_acknowledge",
      "seconds_to_dispatch",
      "seconds_to_arrive",
      "seconds_to_resolve",
    ],
    ...rows.map((r) => [
      r.id,
      iso(r.createdAt),
      iso(r.occurredAt),
      r.source,
      r.category,
      r.severity,
      r.status,
      r.tpsCode,
      r.regionCode,
      r.description,
      r.lat,
      r.lng,
      r.reporterLogin,
      r.trackingCode,
      r.responders,
      iso(r.acknowledgedAt),
      iso(r.dispatchedAt),
      iso(r.onSceneAt),
      iso(r.resolvedAt),
      iso(r.rejectedAt),
      secs(r.createdAt, r.acknowledgedAt),
      secs(r.createdAt, r.dispatchedAt),
      secs(r.dispatchedAt, r.onSceneAt),
      secs(r.createdAt, r.resolvedAt),
    ]),
  ]);
}
