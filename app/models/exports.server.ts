// CSV exports (`/api/v1/exports/`, docs/public-admin.md): results per TPS, the recap, the audit log.
import { insideArea, votesInContest } from "./area.server";
import { ballotChoices } from "~/lib/ballot";
import { ballotStructure } from "~/lib/contests";
import { toCsv, type CsvSeparator } from "~/lib/csv";
import { timelineCell, type TimelineExportStep } from "~/lib/incidents";
import { regionLabel } from "~/lib/regions";
import type { Db } from "~/utils/db.server";
import { listContests, type Contest } from "./election.server";
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
  kelurahanKind: string;
  kecamatan: string;
  city: string | null;
  cityKind: string | null;
  contest: string;
  status: string;
  completeness: string | null;
  revision: number | null;
  source: string | null;
  votes: Record<string, number> | null;
  form: { votes?: Record<string, unknown> } | null;
  invalid: number | null;
  updatedAt: Date | null;
  dpt: number;
  dptb: number;
  dpk: number;
};

/** A contest's section-IV columns: a header and how to read the cell from a result. */
type ChoiceColumn = { header: string; value: (votes: Record<string, number>, form: PartyForm | null) => number | null };
type PartyForm = Record<string, { party?: number; candidates?: Record<string, number> } | number>;

/**
 * One column per choice of the ballot, as the recap lists them: `votes_<n>` per pair or DPD candidate,
 * `votes_0_kolom_kosong` for the blank column of a single pair; for a party list per party its total
 * (`party_<p>_total`), its party-only votes (`party_<p>_only`) and each candidate's
 * (`party_<p>_candidate_<c>`), the last two from the complete C.Hasil only.
 */
function choiceColumns(contest: Contest): ChoiceColumn[] {
  return ballotChoices(contest).flatMap((k): ChoiceColumn[] => {
    if (k.kind !== "party")
      return [
        {
          header: k.kind === "blank" ? `votes_${k.number}_kolom_kosong` : `votes_${k.number}`,
          value: (votes) => votes[String(k.number)] ?? 0,
        },
      ];
    const partyOf = (form: PartyForm | null) => {
      const p = form?.[String(k.number)];
      return typeof p === "object" ? p : null;
    };
    return [
      { header: `party_${k.number}_total`, value: (votes) => votes[String(k.number)] ?? 0 },
      { header: `party_${k.number}_only`, value: (_v, form) => partyOf(form)?.party ?? null },
      ...(k.candidates ?? []).map((c) => ({
        header: `party_${k.number}_candidate_${c.number}`,
        value: (_v: Record<string, number>, form: PartyForm | null) =>
          partyOf(form)?.candidates?.[String(c.number)] ?? null,
      })),
    ];
  });
}

/**
 * One row per TPS and contest it votes in (missing ones too), inside a region scope (null = all), for one
 * contest or all; the choice columns are the union of the contests' (a column another ballot has stays empty).
 * Written for a spreadsheet set to Indonesian.
 */
export async function resultsCsv(
  sql: Db,
  {
    scope,
    contest = null,
    separator = ";",
  }: { scope: string | null; contest?: string | null; separator?: CsvSeparator },
) {
  const contests = (await listContests(sql)).filter((c) => contest === null || c.code === contest);
  const columnsOf = new Map(contests.map((c) => [c.code, choiceColumns(c)]));
  const headers = [...new Set(contests.flatMap((c) => columnsOf.get(c.code)!.map((col) => col.header)))];
  const rows = contests.length
    ? await sql<ResultExportRow[]>`
    select t.code, kel.name as kelurahan, kel.kind as kelurahan_kind, kec.name as kecamatan, city.name as city,
      city.kind as city_kind, c.code as contest, coalesce(r.status, 'missing') as status, r.completeness,
      s.revision, s.source, r.votes, r.form, r.invalid, r.updated_at, t.dpt, t.dptb, t.dpk
    from tps t join regions kel on kel.code = t.kelurahan_code join regions kec on kec.code = kel.parent_code
    left join regions city on city.code = kec.parent_code
    join contests c on c.code in ${sql(contests.map((x) => x.code))} and ${votesInContest(sql, "t.kelurahan_code", "c.code")}
    left join results r on r.tps_code = t.code and r.contest_code = c.code
    left join submissions s on s.id = r.submission_id
    where ${insideArea(sql, "t.kelurahan_code", scope)}
    order by t.code, c.position, c.code`
    : [];
  const header = [
    "tps_code",
    "kelurahan",
    "kecamatan",
    "kabupaten_kota",
    "contest",
    "status",
    "completeness",
    "revision",
    "source",
    "dpt",
    "dptb",
    "dpk",
    ...headers,
    "valid",
    "invalid",
    "updated_at",
  ];
  return toCsv(
    [
      header,
      ...rows.map((r) => {
        const votes: Record<string, number> = r.votes ?? {};
        const form = (r.form?.votes ?? null) as PartyForm | null;
        const cells = new Map(columnsOf.get(r.contest)!.map((col) => [col.header, col]));
        const valid = r.votes ? Object.values(votes).reduce((a, b) => a + b, 0) : null;
        return [
          r.code,
          regionLabel(r.kelurahanKind, r.kelurahan),
          regionLabel("kecamatan", r.kecamatan),
          r.city ? regionLabel(r.cityKind, r.city) : null,
          r.contest,
          r.status,
          r.completeness,
          r.revision,
          r.source,
          r.dpt,
          r.dptb,
          r.dpk,
          ...headers.map((h) => (r.votes && cells.has(h) ? cells.get(h)!.value(votes, form) : null)),
          valid,
          r.invalid,
          r.updatedAt ? r.updatedAt.toISOString() : null,
        ];
      }),
    ],
    separator,
  );
}

/** The recap table of one contest over its area as CSV, one column per choice (legislative: party and
 *  candidate columns), for a spreadsheet set to Indonesian. */
export async function recapCsv(
  sql: Db,
  {
    level,
    contest,
    scope,
    separator = ";",
  }: { level: RecapLevel; contest: Contest; scope: string | null; separator?: CsvSeparator },
) {
  const choices = ballotChoices(contest);
  const partyList = ballotStructure(contest.type) === "parties";
  const { rows, total } = await getRecap(sql, {
    level,
    contest: contest.code,
    scope,
    candidates: choices.map((k) => k.number),
    partyList,
  });
  const columns = choiceColumns(contest);
  const header = [
    "area_code",
    "area_name",
    "tps",
    "tps_in",
    ...(partyList ? ["tps_complete"] : []),
    ...RESULT_STATUSES.map((s) => `status_${s}`),
    "registered",
    ...columns.map((c) => c.header),
    "valid",
    "invalid",
    "turnout",
  ];
  const line = (r: typeof total, code = r.code, name = regionLabel(r.kind, r.name)) => {
    // The recap's party-only and candidate sums, in the shape of a form's section IV.
    const form: PartyForm = Object.fromEntries(
      choices.map((p) => [
        String(p.number),
        {
          party: r.partyOnly[String(p.number)] ?? 0,
          candidates: Object.fromEntries(
            (p.candidates ?? []).map((c) => [String(c.number), r.candidates[`${p.number}.${c.number}`] ?? 0]),
          ),
        },
      ]),
    );
    return [
      code,
      name,
      r.tps,
      r.tpsIn,
      ...(partyList ? [r.completeIn] : []),
      ...RESULT_STATUSES.map((s) => r.status[s]),
      r.registered,
      ...columns.map((c) => c.value(r.votes, form)),
      r.valid,
      r.invalid,
      r.turnout === null ? null : Math.round(r.turnout * 10000) / 10000,
    ];
  };
  return toCsv([header, ...rows.map((r) => line(r)), line(total, "TOTAL", "")], separator);
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
export async function auditCsv(sql: Db, { separator = ";" }: { separator?: CsvSeparator } = {}) {
  const rows = await sql<AuditExportRow[]>`
    select a.id, a.at, a.actor_id, u.login as actor_login, a.action, a.entity, a.before, a.after, a.prev_hash, a.hash
    from audit_log a left join users u on u.id = a.actor_id order by a.id`;
  return toCsv(
    [
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
    ],
    separator,
  );
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
  handledBy: string | null;
  steps: TimelineExportStep[] | null;
};

/** Incidents with their workflow times and response times (seconds), who handles each (`handled_by`) and its
 *  whole timeline in one cell (`timeline`: app/lib/incidents.ts timelineCell); a citizen's contact is never
 *  exported. */
export async function incidentsCsv(
  sql: Db,
  { scope, separator = ";" }: { scope: string | null; separator?: CsvSeparator },
) {
  const rows = await sql<IncidentExportRow[]>`
    select i.id, i.created_at, i.occurred_at, i.source, i.category, i.severity, i.status, i.tps_code, i.region_code,
      i.description, i.lat, i.lng, u.login as reporter_login, c.tracking_code,
      (select string_agg(r.login, ' ' order by r.login) from incident_assignments a join users r on r.id = a.responder_id where a.incident_id = i.id) as responders,
      i.acknowledged_at, i.dispatched_at, i.on_scene_at, i.resolved_at, i.rejected_at, h.login as handled_by,
      (select json_agg(json_build_object('at', t.at, 'action', t.action, 'actor', a.login, 'note', t.note,
          'from', f.login, 'responders', (select array_agg(r.login order by r.login) from users r where r.id = any(t.responder_ids)))
        order by t.id)
       from incident_transitions t left join users a on a.id = t.actor_id left join users f on f.id = t.claimed_from
       where t.incident_id = i.id) as steps
    from incidents i left join users u on u.id = i.reporter_id left join citizen_reports c on c.incident_id = i.id
      left join users h on h.id = i.claimed_by
    where ${insideArea(sql, "i.region_code", scope)}
    order by i.created_at, i.id`;
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  const secs = (a: Date | null, b: Date | null) => (a && b ? Math.round((b.getTime() - a.getTime()) / 1000) : null);
  return toCsv(
    [
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
        "handled_by",
        "timeline",
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
        r.handledBy,
        timelineCell(r.steps ?? []),
      ]),
    ],
    separator,
  );
}
