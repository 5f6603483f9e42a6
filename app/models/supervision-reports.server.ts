// The TPS supervision report (Form A; decision 048) and the staff archive: the officer's day read for the
// report, a submission (idempotent on the outbox item's id; a new version replaces the current one until
// the command post accepts it, every version kept), acceptance, and the archive's search over reports,
// C.Hasil photos and the documents store by area, date and kind. Who may do what is the routes' question
// (app/lib/access.ts); area filters go through insideArea.
import { canReportFor } from "~/lib/access";
import { checklistPhases } from "~/lib/checklists";
import { problem } from "~/lib/problems";
import {
  ARCHIVE_PAGE_SIZE,
  type ArchiveKind,
  composeReport,
  type ComposedReport,
  type ReportDay,
  type ReportNotes,
  type SupervisionReportBody,
} from "~/lib/supervision-report";
import type { Db } from "~/utils/db.server";
import type { WriteContext } from "~/utils/writer.server";
import { insideArea } from "./area.server";
import { checklistAnswers } from "./checklists.server";
import { contestsForTps, getTps } from "./election.server";
import { incidentTimeline, listIncidents } from "./incidents.server";
import { bodyHash } from "./results.server";
import { getSetting } from "./settings.server";
import type { SessionUser } from "./users.server";
import { quickChoiceList } from "~/lib/c1-layout";

/** The owner kind of a signed, scanned report in the documents store. */
export const REPORT_DOCUMENT_KIND = "supervision_report";

/** The officer's day as the report needs it, read from the database. */
export async function getReportDay(sql: Db, { tpsCode }: { tpsCode: string }): Promise<ReportDay | undefined> {
  const tps = await getTps(sql, { code: tpsCode });
  if (!tps) return undefined;
  const [[city], [kelurahan], officers, [checkin], setting, answers, categories, incidents, contests, results, photos] =
    await Promise.all([
      sql<{ code: string; name: string; kind: string }[]>`
        select c.code, c.name, c.kind from regions k join regions c on c.code = k.parent_code
        where k.code = ${tps.kecamatanCode}`,
      sql<{ kind: string }[]>`select kind from regions where code = ${tps.kelurahanCode}`,
      sql<{ name: string; login: string }[]>`
        select name, login from users where tps_code = ${tpsCode} and role = 'officer' and not disabled
        order by login limit 1`,
      sql<{ capturedAt: Date; distanceM: number | null; note: string | null }[]>`
        select captured_at, distance_m, note from checkins where tps_code = ${tpsCode}
        order by received_at desc limit 1`,
      getSetting(sql, "checklist"),
      checklistAnswers(sql, { tpsCode }),
      getSetting(sql, "incident.categories"),
      // The officer's report holds what the officer may see: a citizen's report staff kept back is not in it.
      listIncidents(sql, { scope: null, tpsCode, officerView: true, limit: 100 }),
      contestsForTps(sql, { kelurahanCode: tps.kelurahanCode }),
      sql<
        {
          contestCode: string;
          status: string;
          completeness: string;
          votes: Record<string, unknown>;
          invalid: number;
          revision: number;
          source: string;
          receivedAt: Date;
          warnings: ReportDay["results"][number]["warnings"];
        }[]
      >`
        select r.contest_code, r.status, r.completeness, r.votes, r.invalid, s.revision, s.source, s.received_at,
          s.warnings
        from results r join submissions s on s.id = r.submission_id where r.tps_code = ${tpsCode}`,
      sql<{ id: string; contestCode: string | null; receivedAt: Date }[]>`
        select id, contest_code, received_at from photos where tps_code = ${tpsCode} and purpose = 'c1'
        order by received_at limit 200`,
    ]);
  const steps = await Promise.all(incidents.map((i) => incidentTimeline(sql, { id: i.id })));
  const byContest = new Map(results.map((r) => [r.contestCode, r]));
  return {
    tps: {
      code: tps.code,
      address: tps.address,
      kelurahan: { code: tps.kelurahanCode, name: tps.kelurahanName, kind: kelurahan?.kind ?? tps.kelurahanKind },
      kecamatan: { code: tps.kecamatanCode, name: tps.kecamatanName },
      city: city ?? null,
      dpt: tps.dpt,
      dptb: tps.dptb,
      dpk: tps.dpk,
    },
    officer: officers[0] ?? null,
    checkin: checkin
      ? { at: checkin.capturedAt.toISOString(), distanceM: checkin.distanceM, note: checkin.note }
      : null,
    phases: checklistPhases(setting),
    answers,
    categories: categories.map((c) => ({ code: c.code, id: c.id, en: c.en })),
    incidents: incidents.map((i, n) => ({
      id: i.id,
      category: i.category,
      severity: i.severity,
      status: i.status,
      description: i.description,
      occurredAt: i.occurredAt,
      steps: steps[n].map((s) => ({
        action: s.action,
        toStatus: s.toStatus,
        at: s.at,
        note: s.note,
        actor: s.actor?.name ?? null,
      })),
    })),
    results: contests.flatMap((c) => {
      const r = byContest.get(c.code);
      if (!r) return [];
      return [
        {
          contest: c.code,
          contestName: c.name,
          status: r.status,
          completeness: r.completeness,
          revision: r.revision,
          source: r.source,
          receivedAt: r.receivedAt.toISOString(),
          votes: r.votes,
          invalid: r.invalid,
          choices: quickChoiceList(c).map(({ number, name }) => ({ number, name })),
          warnings: r.warnings ?? [],
          photos: photos
            .filter((p) => p.contestCode === c.code || p.contestCode === null)
            .map((p) => ({ id: p.id, receivedAt: p.receivedAt.toISOString() })),
        },
      ];
    }),
  };
}

export interface StoredReport {
  tpsCode: string;
  kelurahanCode: string;
  version: number;
  id: string;
  notes: ReportNotes;
  content: ComposedReport;
  submittedBy: string;
  submittedAt: string;
  acceptedBy: string | null;
  acceptedAt: string | null;
}

/** A stored report as read: its times as dates. */
type ReportRow = Omit<StoredReport, "submittedAt" | "acceptedAt"> & { submittedAt: Date; acceptedAt: Date | null };

const toStored = (r: ReportRow): StoredReport => ({
  ...r,
  submittedAt: r.submittedAt.toISOString(),
  acceptedAt: r.acceptedAt ? r.acceptedAt.toISOString() : null,
});

const SELECT_REPORT = (sql: Db) => sql`
  select r.tps_code, r.kelurahan_code, r.version, v.id, v.notes, v.content, s.name as submitted_by,
    r.submitted_at, a.name as accepted_by, r.accepted_at
  from supervision_reports r join supervision_report_versions v on v.id = r.current_id
    join users s on s.id = r.submitted_by left join users a on a.id = r.accepted_by`;

/** The current version of a TPS's report, or undefined when none was submitted. */
export async function getReport(sql: Db, { tpsCode }: { tpsCode: string }): Promise<StoredReport | undefined> {
  const [row] = await sql<[ReportRow?]>`${SELECT_REPORT(sql)} where r.tps_code = ${tpsCode}`;
  return row ? toStored(row) : undefined;
}

/** The reports of an area (current versions, by TPS code), at most `limit`, and how many there are in all. */
export async function reportsOfArea(
  sql: Db,
  { area, limit, offset = 0 }: { area: string | null; limit: number; offset?: number },
) {
  const [rows, [{ count }]] = await Promise.all([
    sql<ReportRow[]>`${SELECT_REPORT(sql)} where ${insideArea(sql, "r.kelurahan_code", area)}
      order by r.tps_code limit ${limit} offset ${offset}`,
    sql<[{ count: number }]>`select count(*)::int as count from supervision_reports r
      where ${insideArea(sql, "r.kelurahan_code", area)}`,
  ]);
  return { reports: rows.map(toStored), count };
}

/** TPS of an area without a submitted report, by code (for the PDF's cover), at most `limit`. */
export async function tpsWithoutReport(sql: Db, { area, limit }: { area: string | null; limit: number }) {
  const rows = await sql<{ code: string }[]>`
    select t.code from tps t where ${insideArea(sql, "t.kelurahan_code", area)}
      and not exists (select 1 from supervision_reports r where r.tps_code = t.code)
    order by t.code limit ${limit}`;
  return rows.map((r) => r.code);
}

/**
 * The officer submits the report: the day is composed now, with the notes, as a new version. The same id
 * with the same body is answered as the first time (200); the same id with another body is a 409; a report
 * the command post has accepted is not replaced (409 `report_accepted`).
 */
export async function submitReport(
  ctx: WriteContext,
  { user, body }: { user: SessionUser; body: SupervisionReportBody },
) {
  const { tx } = ctx;
  await tx`select pg_advisory_xact_lock(hashtext(${"report/" + body.tpsCode}))`;
  const tps = await getTps(tx, { code: body.tpsCode });
  if (!tps) throw problem.invalidField("tpsCode", "unknown_tps", { tps: body.tpsCode });
  if (!canReportFor(user, tps)) throw problem.otherTps(user.tpsCode);
  const hash = bodyHash(body);
  const [existing] = await tx<[{ tpsCode: string; bodyHash: string; version: number }?]>`
    select tps_code, body_hash, version from supervision_report_versions where id = ${body.id}`;
  if (existing) {
    if (existing.tpsCode === body.tpsCode && existing.bodyHash === hash)
      return { httpStatus: 200, body: { id: body.id, tpsCode: body.tpsCode, version: existing.version } };
    throw problem.idConflict();
  }
  const [current] = await tx<[{ version: number; acceptedAt: Date | null; currentId: string }?]>`
    select version, accepted_at, current_id from supervision_reports where tps_code = ${tps.code} for update`;
  if (current?.acceptedAt) throw problem.conflict("report_accepted", { tps: tps.code });
  const day = (await getReportDay(tx, { tpsCode: tps.code }))!;
  const content = composeReport(day);
  const version = (current?.version ?? 0) + 1;
  const notes = Object.fromEntries(Object.entries(body.notes).filter(([, v]) => v)) as ReportNotes;
  await tx`
    insert into supervision_report_versions (id, tps_code, version, body_hash, notes, content, submitted_by, captured_at)
    values (${body.id}, ${tps.code}, ${version}, ${hash}, ${tx.json(notes as never)}, ${tx.json(content as never)},
      ${user.id}, ${body.capturedAt})`;
  await tx`
    insert into supervision_reports (tps_code, kelurahan_code, version, current_id, submitted_by, submitted_at)
    values (${tps.code}, ${tps.kelurahanCode}, ${version}, ${body.id}, ${user.id}, now())
    on conflict (tps_code) do update set version = excluded.version, current_id = excluded.current_id,
      submitted_by = excluded.submitted_by, submitted_at = excluded.submitted_at`;
  ctx.audit({
    actorId: user.id,
    action: "supervision_report.submit",
    entity: `tps:${tps.code}`,
    before: current ? { version: current.version, id: current.currentId } : null,
    after: { version, id: body.id, notes },
  });
  return { httpStatus: 201, body: { id: body.id, tpsCode: tps.code, version } };
}

/** The command post accepts the current version: from now on the officer cannot replace it. */
export async function acceptReport(ctx: WriteContext, { user, tpsCode }: { user: SessionUser; tpsCode: string }) {
  const [row] = await ctx.tx<[{ version: number; acceptedAt: Date | null; kelurahanCode: string }?]>`
    select version, accepted_at, kelurahan_code from supervision_reports where tps_code = ${tpsCode} for update`;
  if (!row) throw problem.notFound();
  if (row.acceptedAt) throw problem.conflict("report_accepted", { tps: tpsCode });
  await ctx.tx`update supervision_reports set accepted_by = ${user.id}, accepted_at = now() where tps_code = ${tpsCode}`;
  ctx.audit({
    actorId: user.id,
    action: "supervision_report.accept",
    entity: `tps:${tpsCode}`,
    after: { version: row.version },
  });
  return { tpsCode, version: row.version };
}

// --- the archive ------------------------------------------------------------------------------------------

export interface ArchiveItem {
  kind: ArchiveKind;
  /** The report's TPS, the photo's or the document's id. */
  id: string;
  tpsCode: string | null;
  regionCode: string | null;
  /** For documents: the owner kind (`supervision_report`, a case's, a dispute's ...), listed by its label. */
  ownerKind: string | null;
  label: string;
  at: string;
  sizeBytes: number | null;
  mime: string | null;
}

/**
 * One page of the archive: reports, C.Hasil photos and documents of an area (null: all), from..until (dates
 * of when they came in), of the kinds asked, newest first, and how many match in all.
 */
export async function searchArchive(
  sql: Db,
  {
    area,
    from,
    until,
    kinds,
    page,
  }: { area: string | null; from: Date | null; until: Date | null; kinds: ArchiveKind[]; page: number },
) {
  const when = (column: string) =>
    sql`${from ? sql`and ${sql.unsafe(column)} >= ${from}` : sql``} ${until ? sql`and ${sql.unsafe(column)} < ${until}` : sql``}`;
  const parts = [];
  if (kinds.includes("report"))
    parts.push(sql`
      select 'report' as kind, r.tps_code as id, r.tps_code, r.kelurahan_code as region_code, null as owner_kind,
        'Form A v' || r.version as label, r.submitted_at as at, null::int as size_bytes, null as mime
      from supervision_reports r where ${insideArea(sql, "r.kelurahan_code", area)} ${when("r.submitted_at")}`);
  if (kinds.includes("photo"))
    parts.push(sql`
      select 'photo', p.id::text, p.tps_code, t.kelurahan_code, null, coalesce(p.contest_code, ''), p.received_at,
        p.size_bytes, p.mime
      from photos p join tps t on t.code = p.tps_code
      where p.purpose = 'c1' and ${insideArea(sql, "t.kelurahan_code", area)} ${when("p.received_at")}`);
  if (kinds.includes("document"))
    parts.push(sql`
      select 'document', d.id::text, null, d.region_code, d.owner_kind, d.label, d.created_at, d.size_bytes, d.mime
      from documents d where ${area === null ? sql`true` : insideArea(sql, "d.region_code", area)}
        ${when("d.created_at")}`);
  if (!parts.length) return { items: [] as ArchiveItem[], count: 0 };
  const union = parts.reduce((acc, part) => sql`${acc} union all ${part}`);
  const [rows, [{ count }]] = await Promise.all([
    sql<(Omit<ArchiveItem, "at"> & { at: Date })[]>`
      select * from (${union}) a order by at desc, id limit ${ARCHIVE_PAGE_SIZE} offset ${page * ARCHIVE_PAGE_SIZE}`,
    sql<[{ count: number }]>`select count(*)::int as count from (${union}) a`,
  ]);
  return { items: rows.map((r) => ({ ...r, at: r.at.toISOString() })), count };
}

/** A document's region, for the area check before it is served from the archive. */
export async function documentRegion(sql: Db, { id }: { id: string }) {
  const [row] = await sql<[{ regionCode: string | null; ownerKind: string }?]>`
    select region_code, owner_kind from documents where id = ${id}`;
  return row;
}

/** The archive's drill-down: an area's region and the regions one level below it (the top ones for null). */
export async function areaAndChildren(sql: Db, { area }: { area: string | null }) {
  const [region, children] = await Promise.all([
    area
      ? sql<{ code: string; name: string; kind: string | null; parentCode: string | null }[]>`
          select code, name, kind, parent_code from regions where code = ${area}`.then(([r]) => r ?? null)
      : Promise.resolve(null),
    sql<{ code: string; name: string; kind: string | null }[]>`
      select code, name, kind from regions where ${area ? sql`parent_code = ${area}` : sql`parent_code is null`}
      order by code limit 500`,
  ]);
  return { region, children };
}
