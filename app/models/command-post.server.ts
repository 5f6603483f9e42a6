// Read models for the command post: the TPS detail panel and the stale-TPS setting.
import type { Db } from "~/utils/db.server";
import { DEFAULT_STALE_CONFIG, localTimeToday, type StaleConfig } from "~/lib/stale";
import { insideArea } from "./area.server";
import { checklistsOfTps } from "./checklists.server";
import type { ResultStatus } from "~/lib/events";
import { getTps } from "./election.server";
import { listIncidents } from "./incidents.server";
import { heldAt } from "./outbox-held.server";
import type { Source } from "./results.server";
import { getSetting } from "./settings.server";

interface TpsResultRow {
  contestCode: string;
  contestName: string;
  status: ResultStatus;
  votes: Record<string, number>;
  invalid: number;
  updatedAt: Date;
  revision: number;
  source: Source;
}

export async function getTpsDetail(sql: Db, { code }: { code: string }) {
  const tps = await getTps(sql, { code });
  if (!tps) return undefined;
  const [officers, results, incidents, photos, [checkin], held] = await Promise.all([
    sql<{ name: string; login: string; phone: string | null }[]>`
      select name, login, phone from users where tps_code = ${code} and role = 'officer' and not disabled order by login`,
    sql<TpsResultRow[]>`
      select r.contest_code, c.name as contest_name, r.status, r.votes, r.invalid, r.updated_at, s.revision, s.source
      from results r join contests c on c.code = r.contest_code join submissions s on s.id = r.submission_id
      where r.tps_code = ${code} order by c.position, c.code`,
    listIncidents(sql, { scope: null, tpsCode: code, limit: 50 }),
    tpsPhotos(sql, { tpsCode: code }),
    // The latest check-in: without GPS, the officer's note is all that says where they were.
    sql<{ capturedAt: Date; distanceM: number | null; note: string | null }[]>`
      select captured_at, distance_m, note from checkins where tps_code = ${code} order by received_at desc limit 1`,
    heldAt(sql, { tpsCode: code }),
  ]);
  const checklists = await checklistsOfTps(sql, { tpsCode: code });
  return {
    tps: { ...tps, lastSeenAt: tps.lastSeenAt ? tps.lastSeenAt.toISOString() : null },
    officers,
    checkin: checkin
      ? { at: checkin.capturedAt.toISOString(), distanceM: checkin.distanceM, note: checkin.note }
      : null,
    results: results.map((r) => ({
      contest: r.contestCode,
      contestName: r.contestName,
      status: r.status,
      votes: r.votes,
      invalid: r.invalid,
      revision: r.revision,
      source: r.source,
      updatedAt: r.updatedAt.toISOString(),
    })),
    incidents,
    photoIds: [...new Set([...photos.map((p) => p.id), ...incidents.flatMap((i) => i.photoIds)])],
    /** Reports of this TPS still on officers' phones, unsent (null: none known). */
    held,
    /** Every phase's checklist with this TPS's answers and their times. */
    checklists,
  };
}
export type TpsDetail = NonNullable<Awaited<ReturnType<typeof getTpsDetail>>>;

/** The stale rule's times: the admin setting `election.times`. */
export async function getStaleConfig(sql: Db): Promise<StaleConfig> {
  const { opening, closing, staleAfterMinutes } = await getSetting(sql, "election.times");
  return { ...DEFAULT_STALE_CONFIG, opening, closing, staleAfterMinutes };
}

/**
 * At an upper level of the drill-down, where the page holds no TPS: the TPS of an area whose officer has not
 * arrived `staleAfterMinutes` after opening (the first of the stale rules, app/lib/stale.ts), the first
 * `limit` by code and how many in all; none before that time.
 */
export async function notArrived(
  sql: Db,
  { scope, config, limit, now = new Date() }: { scope: string | null; config: StaleConfig; limit: number; now?: Date },
): Promise<{ count: number; tps: string[] }> {
  const due =
    localTimeToday(now, config.opening, config.utcOffsetMinutes).getTime() + config.staleAfterMinutes * 60_000;
  if (now.getTime() < due) return { count: 0, tps: [] };
  // Both read only the TPS not arrived, few once the day has started (partial indexes of migration 0015):
  // the whole election's codes in code order, stopping after `limit`; an area's by kelurahan code prefix.
  const notHere = sql`day_status = 'not_arrived' and ${insideArea(sql, "kelurahan_code", scope)}`;
  // Inside an area its rows are read first and then sorted (`offset 0` keeps the planner from walking the
  // whole election's code order and filtering: 300 ms for one kabupaten in the morning at 820,000 TPS).
  const codes =
    scope === null
      ? sql`select code from tps where ${notHere} order by code limit ${limit}`
      : sql`select code from (select code from tps where ${notHere} offset 0) area order by code limit ${limit}`;
  const [[row], tps] = await Promise.all([
    sql<[{ count: number }]>`select count(*)::int as count from tps where ${notHere}`,
    sql<{ code: string }[]>`${codes}`,
  ]);
  return { count: row.count, tps: tps.map((t) => t.code) };
}

export interface TpsPhoto {
  id: string;
  purpose: string;
  contest: string | null;
  submissionId: string | null;
  incidentId: string | null;
}

type PhotoRow = {
  id: string;
  purpose: string;
  contestCode: string | null;
  quickCountId: string | null;
  incidentId: string | null;
};

/**
 * Photos of a TPS (C1 forms and incidents) from the officer app's `photos` table (migration 0002), newest first;
 * none while that table does not exist. `contest` narrows C1 photos to one contest.
 */
export async function tpsPhotos(
  sql: Db,
  { tpsCode, contest }: { tpsCode: string; contest?: string },
): Promise<TpsPhoto[]> {
  const [has] = await sql<[{ present: boolean }]>`select to_regclass('photos') is not null as present`;
  if (!has.present) return [];
  const rows = await sql<PhotoRow[]>`
    select id, purpose, contest_code, quick_count_id, incident_id from photos
    where tps_code = ${tpsCode} ${contest ? sql`and purpose = 'c1' and (contest_code = ${contest} or contest_code is null)` : sql``}
    order by received_at desc limit 40`;
  return rows.map((r) => ({
    id: r.id,
    purpose: r.purpose,
    contest: r.contestCode ?? null,
    submissionId: r.quickCountId ?? null,
    incidentId: r.incidentId ?? null,
  }));
}
