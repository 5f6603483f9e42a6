// The command post's shift handover sheet: what happened in an area since the last handover (incidents
// opened and resolved, results received and verified) and what is still open, and the handovers themselves
// (a shift is closed once its sheet is printed, so the next sheet starts there).
import { insideArea } from "./area.server";
import type { Db } from "~/utils/db.server";
import type { WriteContext } from "~/utils/writer.server";

/** At most this many incidents are listed per part of the sheet; the counts are always whole. */
export const HANDOVER_LIST_MAX = 100;

export interface HandoverIncident {
  id: string;
  createdAt: Date;
  resolvedAt: Date | null;
  category: string;
  severity: string;
  status: string;
  tpsCode: string | null;
  description: string;
}

export interface HandoverContest {
  code: string;
  name: string;
  /** Submissions received in the period, and the TPS they came from. */
  received: number;
  receivedTps: number;
  /** Results verified in the period (verified now, last changed in it). */
  verified: number;
  /** Open now: results in conflict or flagged. */
  conflict: number;
  flagged: number;
}

export async function lastHandover(sql: Db, { area }: { area: string | null }) {
  const [row] = await sql<[{ closedAt: Date; since: Date; closedBy: string }?]>`
    select h.closed_at, h.since, u.name as closed_by from shift_handovers h join users u on u.id = h.closed_by
    where h.area is not distinct from ${area} order by h.closed_at desc limit 1`;
  return row;
}

export async function getHandover(sql: Db, { area, since, until }: { area: string | null; since: Date; until: Date }) {
  const incidentsIn = insideArea(sql, "i.region_code", area);
  const tpsIn = insideArea(sql, "t.kelurahan_code", area);
  const incidentColumns = sql`i.id, i.created_at, i.resolved_at, i.category, i.severity, i.status, i.tps_code, i.description`;
  const severityOrder = sql`array_position(array['critical', 'high', 'medium', 'low'], i.severity)`;
  const [opened, resolved, open, counts, contests] = await Promise.all([
    sql<HandoverIncident[]>`
      select ${incidentColumns} from incidents i
      where ${incidentsIn} and i.created_at >= ${since} and i.created_at < ${until}
      order by i.created_at limit ${HANDOVER_LIST_MAX}`,
    sql<HandoverIncident[]>`
      select ${incidentColumns} from incidents i
      where ${incidentsIn} and i.status = 'resolved' and i.resolved_at >= ${since} and i.resolved_at < ${until}
      order by i.resolved_at limit ${HANDOVER_LIST_MAX}`,
    sql<HandoverIncident[]>`
      select ${incidentColumns} from incidents i
      where ${incidentsIn} and i.status not in ('resolved', 'rejected')
      order by ${severityOrder}, i.created_at limit ${HANDOVER_LIST_MAX}`,
    sql<[{ opened: number; resolved: number; open: number }]>`
      select
        count(*) filter (where i.created_at >= ${since} and i.created_at < ${until})::int as opened,
        count(*) filter (where i.status = 'resolved' and i.resolved_at >= ${since} and i.resolved_at < ${until})::int as resolved,
        count(*) filter (where i.status not in ('resolved', 'rejected'))::int as open
      from incidents i where ${incidentsIn}`,
    sql<HandoverContest[]>`
      select c.code, c.name,
        coalesce(s.received, 0)::int as received, coalesce(s.received_tps, 0)::int as received_tps,
        coalesce(r.verified, 0)::int as verified, coalesce(r.conflict, 0)::int as conflict,
        coalesce(r.flagged, 0)::int as flagged
      from contests c
      left join (
        select s.contest_code, count(*) as received, count(distinct s.tps_code) as received_tps
        from submissions s join tps t on t.code = s.tps_code
        where ${tpsIn} and s.received_at >= ${since} and s.received_at < ${until}
        group by 1) s on s.contest_code = c.code
      left join (
        select r.contest_code,
          count(*) filter (where r.status = 'verified' and r.updated_at >= ${since} and r.updated_at < ${until}) as verified,
          count(*) filter (where r.status = 'conflict') as conflict,
          count(*) filter (where r.status = 'flagged') as flagged
        from results r join tps t on t.code = r.tps_code
        where ${tpsIn} group by 1) r on r.contest_code = c.code
      where s.received is not null or r.contest_code is not null
      order by c.position, c.code`,
  ]);
  return { opened, resolved, open, counts: counts[0], contests };
}

/** Closes a shift: the next handover sheet of the area starts at this moment. */
export async function closeShift(
  { tx, audit, now }: WriteContext,
  { area, since, actorId }: { area: string | null; since: Date; actorId: number },
) {
  const [row] = await tx<[{ id: number }]>`
    insert into shift_handovers (area, since, closed_at, closed_by) values (${area}, ${since}, ${now}, ${actorId})
    returning id`;
  audit({
    actorId,
    action: "shift.handover",
    entity: `handover:${row.id}`,
    after: { area, since: since.toISOString(), closedAt: now.toISOString() },
  });
  return { id: row.id, closedAt: now };
}
