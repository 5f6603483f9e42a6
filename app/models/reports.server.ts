// Public reports (laporan masyarakat): anyone can report a violation; it becomes an
// incident with source 'citizen' and status 'new' (unverified) in the command post's feed, where an
// operator acknowledges (verifies) or rejects it through the incident workflow. The reporter follows it
// with a tracking code that shows the status only: never the contact, the description or a name.
import { createHash, randomInt, randomUUID } from "node:crypto";
import type { IncidentStatus } from "~/lib/incidents";
import type { ReportBody } from "~/lib/schemas/public-report";
import type { Db } from "~/utils/db.server";
import type { WriteContext } from "~/utils/writer.server";
import type { CaseReportExtra } from "~/lib/schemas/cases";
import { fileLaporan, type EvidenceFile } from "./cases.server";
import { getTps } from "./election.server";
import { getIncident } from "./incidents.server";
import { getSetting } from "./settings.server";

export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;
export const MAX_REPORT_BYTES = MAX_PHOTO_BYTES + 64 * 1024;
/**
 * Per client address: at most `perClient` reports per window. Past `floodAt` reports from everyone in the
 * window, reports are still accepted but queued: shown to operators after the others, so a flood neither
 * switches reporting off nor hides real reports (docs/decisions/030-guessing-and-flooding.md). Only past
 * `queueCap` (storage stays bounded) is a report refused, with a message that says so.
 */
export const RATE = { perClient: 5, floodAt: 600, queueCap: 6000, windowMinutes: 10 };

// Unambiguous letters and digits (no 0/O, 1/I/L): read over the phone without mistakes.
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const newTrackingCode = () =>
  "LP-" + Array.from({ length: 8 }, (_, i) => (i === 4 ? "-" : "") + ALPHABET[randomInt(ALPHABET.length)]).join("");
export const TRACKING_CODE = /^LP-[A-Z2-9]{4}-[A-Z2-9]{4}$/;

/** The client address as a salted hash (the salt is made once per database by migration 0004). */
export async function hashClient(sql: Db, ip: string) {
  const [row] = await sql<[{ value: unknown }?]>`select value from settings where key = 'report.salt'`;
  return createHash("sha256")
    .update(String(row?.value ?? ""))
    .update(ip)
    .digest("hex");
}

export type ReportOutcome =
  | {
      ok: true;
      trackingCode: string;
      id: string;
      queued: boolean;
      caseId: string;
      late: boolean;
      reportWindowEnds: string | null;
    }
  | { ok: false; code: "rate_limited" | "busy" | "unknown_tps" | "unknown_category" | "disabled" };

/**
 * Files a citizen's report: the incident the command post sees (as in version 1) and the laporan the case
 * officers handle (docs/decisions/044-violation-cases.md), under one tracking code. `extra` holds the formal
 * requirements of the report form (its reporter's identity goes to the case only, never to the incident).
 */
export async function createCitizenReport(
  ctx: WriteContext,
  {
    body,
    photo,
    ipHash,
    extra = null,
    evidence = [],
  }: {
    body: ReportBody;
    photo: { bytes: Uint8Array; type: string } | null;
    ipHash: string;
    extra?: { data: CaseReportExtra; regionCode: string } | null;
    evidence?: EvidenceFile[];
  },
): Promise<ReportOutcome> {
  const { tx, emit, audit } = ctx;
  const options = await getSetting(tx, "public");
  if (!options.reportsEnabled) return { ok: false, code: "disabled" };
  // Serialise the rate check per client so parallel requests cannot slip past it.
  await tx`select pg_advisory_xact_lock(hashtext(${"report/" + ipHash}))`;
  const [recent] = await tx<[{ mine: number; everyone: number }]>`
    select count(*) filter (where ip_hash = ${ipHash})::int as mine, count(*)::int as everyone
    from citizen_reports where created_at > now() - make_interval(mins => ${RATE.windowMinutes})`;
  if (recent.mine >= RATE.perClient) return { ok: false, code: "rate_limited" };
  if (recent.everyone >= RATE.queueCap) return { ok: false, code: "busy" };
  const queued = recent.everyone >= RATE.floodAt;
  const categories = await getSetting(tx, "incident.categories");
  if (!categories.some((c) => c.code === body.category && c.active)) return { ok: false, code: "unknown_category" };
  const tps = body.tpsCode ? await getTps(tx, { code: body.tpsCode }) : null;
  if (body.tpsCode && !tps) return { ok: false, code: "unknown_tps" };

  const regionCode = tps?.kelurahanCode ?? extra?.regionCode ?? null;
  const id = randomUUID();
  const trackingCode = newTrackingCode();
  const description = body.place ? `${body.description}\n— ${body.place}` : body.description;
  const response = { id, status: "new" };
  await tx`
    insert into incidents (id, tps_code, region_code, category, severity, description, reporter_id, source, occurred_at, body_hash, response, queued)
    values (${id}, ${tps?.code ?? null}, ${regionCode}, ${body.category}, 'medium', ${description}, null, 'citizen',
      now(), ${createHash("sha256").update(JSON.stringify(body)).digest("hex")}, ${tx.json(response)}, ${queued})`;
  await tx`insert into incident_transitions (incident_id, action, from_status, to_status, actor_id) values (${id}, 'create', null, 'new', null)`;
  await tx`
    insert into citizen_reports (incident_id, tracking_code, place, contact, photo, photo_type, ip_hash)
    values (${id}, ${trackingCode}, ${body.place}, ${body.contact}, ${photo ? Buffer.from(photo.bytes) : null}, ${photo?.type ?? null}, ${ipHash})`;
  const incident = (await getIncident(tx, { id }))!;
  emit("incident:created", incident.regionCode, incident);
  // The audit row records the report, not the reporter's contact.
  audit({
    actorId: null,
    action: "incident.citizen_report",
    entity: `incident:${id}`,
    after: { ...incident, hasContact: !!body.contact, hasPhoto: !!photo },
  });
  const laporan = await fileLaporan(ctx, {
    trackingCode,
    incidentId: id,
    category: body.category,
    description: body.description,
    place: { regionCode, tpsCode: tps?.code ?? null, text: body.place },
    extra: extra?.data ?? null,
    evidence,
  });
  return {
    ok: true,
    trackingCode,
    id,
    queued,
    caseId: laporan.id,
    late: laporan.late,
    reportWindowEnds: laporan.reportWindowEnds,
  };
}

export interface ReportStatus {
  trackingCode: string;
  status: IncidentStatus;
  category: string;
  tpsCode: string | null;
  createdAt: string;
  updatedAt: string;
  /** Each status the report went through, with its time (no names, no notes). */
  history: { status: IncidentStatus; at: string }[];
}

type ReportRow = {
  trackingCode: string;
  id: string;
  status: IncidentStatus;
  category: string;
  tpsCode: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export async function getReportStatus(
  sql: Db,
  { trackingCode }: { trackingCode: string },
): Promise<ReportStatus | null> {
  const [row] = await sql<[ReportRow?]>`
    select c.tracking_code, i.id, i.status, i.category, i.tps_code, i.created_at, i.updated_at
    from citizen_reports c join incidents i on i.id = c.incident_id where c.tracking_code = ${trackingCode}`;
  if (!row) return null;
  const steps = await sql<
    { toStatus: IncidentStatus; at: Date }[]
  >`select to_status, at from incident_transitions where incident_id = ${row.id} order by id`;
  return {
    trackingCode: row.trackingCode,
    status: row.status,
    category: row.category,
    tpsCode: row.tpsCode ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    history: steps.map((s) => ({ status: s.toStatus, at: s.at.toISOString() })),
  };
}

/** What the command post sees besides the incident: place, contact and whether there is a photo. */
export interface ReportPrivate {
  trackingCode: string;
  place: string | null;
  contact: string | null;
  hasPhoto: boolean;
  photoType: string | null;
  photo: Buffer | null;
}

export async function getReportPrivate(
  sql: Db,
  { incidentId }: { incidentId: string },
): Promise<ReportPrivate | undefined> {
  const [row] = await sql<[ReportPrivate?]>`
    select tracking_code, place, contact, photo is not null as has_photo, photo_type, photo
    from citizen_reports where incident_id = ${incidentId}`;
  return row;
}
