// The officer roster: who holds each TPS's officer account in an area, when the TPS checked in, how long its
// phone has been silent, and the changes of person (docs/decisions/038-officer-roster.md). The account and
// everything sent under it belong to the TPS; a replacement or a move changes the person on it, signs the
// old person out and leaves the TPS's check-ins, results, incidents, photos and outbox holdings where they are.
import { problem } from "~/lib/problems";
import type { RosterChange, RosterFilter, RosterRow } from "~/lib/roster";
import type { Db } from "~/utils/db.server";
import type { WriteContext } from "~/utils/writer.server";
import { insideArea } from "./area.server";
import { forgetGuesses } from "./guess-limits.server";

export interface RosterQuery {
  /** A region code (kelurahan or wider) or null for the whole election. */
  area: string | null;
  /** Only these TPS (still inside `area`): the stale list asks for the officers of the TPS it shows. */
  tpsCodes?: string[] | null;
  filter: RosterFilter;
  /** For "silent": heard from before, not in more than this many minutes. */
  silentMinutes: number;
  now: Date;
  limit: number;
  offset: number;
}

function filterCondition(sql: Db, { filter, silentMinutes, now }: RosterQuery) {
  switch (filter) {
    case "not_checked_in":
      return sql`not exists (select 1 from checkins c where c.tps_code = t.code)`;
    case "silent":
      return sql`t.last_seen_at is not null and t.last_seen_at < ${new Date(now.getTime() - silentMinutes * 60_000)}`;
    case "replaced":
      return sql`exists (select 1 from officer_changes oc where oc.tps_code = t.code)`;
    case "vacant":
      return sql`u.vacant_since is not null`;
    default:
      return sql`true`;
  }
}

/** One page of the roster in TPS order, with the number of rows the filter holds in all. */
export async function listRoster(sql: Db, query: RosterQuery): Promise<{ rows: RosterRow[]; total: number }> {
  const only = query.tpsCodes ? sql`t.code = any(${query.tpsCodes})` : sql`true`;
  const where = sql`${insideArea(sql, "t.kelurahan_code", query.area)} and ${only} and ${filterCondition(sql, query)}`;
  const from = sql`tps t left join users u on u.login = t.code and u.role = 'officer'`;
  const [rows, [{ total }]] = await Promise.all([
    sql<(Omit<RosterRow, "vacantSince" | "checkedInAt" | "lastSeenAt"> & Record<string, Date | null>)[]>`
      select t.code as tps_code, t.kelurahan_code, kel.name as kelurahan, kec.name as kecamatan,
        u.id as user_id, nullif(u.name, '') as name, u.phone, u.vacant_since, t.last_seen_at,
        (select max(c.received_at) from checkins c where c.tps_code = t.code) as checked_in_at,
        (select count(*) from officer_changes oc where oc.tps_code = t.code)::int as changes
      from ${from} join regions kel on kel.code = t.kelurahan_code join regions kec on kec.code = kel.parent_code
      where ${where} order by t.code limit ${query.limit} offset ${query.offset}`,
    sql<[{ total: number }]>`select count(*)::int as total from ${from} where ${where}`,
  ]);
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    total,
    rows: rows.map((r) => ({
      ...r,
      userId: r.userId === null ? null : Number(r.userId),
      vacantSince: iso(r.vacantSince),
      lastSeenAt: iso(r.lastSeenAt),
      checkedInAt: iso(r.checkedInAt),
    })) as RosterRow[],
  };
}

/** The changes of person at these TPS, oldest first. */
export async function rosterChanges(sql: Db, { tpsCodes }: { tpsCodes: string[] }): Promise<RosterChange[]> {
  if (!tpsCodes.length) return [];
  const rows = await sql<(Omit<RosterChange, "at"> & { at: Date })[]>`
    select tps_code, kind, old_name, new_name, other_tps, reason, at from officer_changes
    where tps_code = any(${tpsCodes}) order by at, id`;
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}

/** Officer phones of some TPS (the stale list, the sample desk), keyed by TPS code. */
export async function officerPhones(
  sql: Db,
  { tpsCodes }: { tpsCodes: string[] },
): Promise<Map<string, { name: string | null; phone: string | null }>> {
  if (!tpsCodes.length) return new Map();
  const rows = await sql<{ login: string; name: string | null; phone: string | null }[]>`
    select login, nullif(name, '') as name, phone from users
    where login = any(${tpsCodes}) and role = 'officer' and vacant_since is null`;
  return new Map(rows.map((r) => [r.login, { name: r.name, phone: r.phone }]));
}

type Seat = { id: number | null; name: string; kelurahanCode: string; vacant: boolean; nip: string | null };

/** The TPS and its officer account, locked for the change; 404 for a TPS that does not exist. */
async function lockSeat(ctx: WriteContext, tpsCode: string): Promise<Seat> {
  const [row] = await ctx.tx<
    [{ kelurahanCode: string; id: string | null; name: string | null; vacant: boolean; nip: string | null }?]
  >`
    select t.kelurahan_code, u.id, u.name, u.vacant_since is not null as vacant, u.nip
    from tps t left join users u on u.login = t.code and u.role = 'officer'
    where t.code = ${tpsCode} for update of t`;
  if (!row) throw problem.notFound();
  return {
    id: row.id === null ? null : Number(row.id),
    name: row.name ?? "",
    kelurahanCode: row.kelurahanCode,
    vacant: row.vacant,
    nip: row.nip,
  };
}

/** Signs the account's sessions out everywhere, and forgets the PIN guesses made against it. */
async function signOut(ctx: WriteContext, userId: number) {
  await forgetGuesses(ctx.tx, { userIds: [userId] });
  await ctx.tx`delete from sessions where user_id = ${userId}`;
  ctx.emit("accounts:signed-out", null, { userIds: [userId] });
}

/** Puts a person on a TPS's account (a new one when the TPS never had one); the account's id. */
async function seat(
  ctx: WriteContext,
  {
    tpsCode,
    seat,
    name,
    phone,
    nip,
    secretHash,
  }: { tpsCode: string; seat: Seat; name: string; phone: string | null; nip: string | null; secretHash: string },
): Promise<number> {
  if (seat.id === null) {
    const [row] = await ctx.tx<[{ id: string }]>`
      insert into users (login, name, role, tps_code, region_code, phone, nip, secret_hash)
      values (${tpsCode}, ${name}, 'officer', ${tpsCode}, ${seat.kelurahanCode}, ${phone}, ${nip}, ${secretHash})
      returning id`;
    return Number(row.id);
  }
  await ctx.tx`update users set name = ${name}, phone = ${phone}, nip = ${nip}, secret_hash = ${secretHash},
      disabled = false, vacant_since = null, must_change_secret = false
    where id = ${seat.id}`;
  await signOut(ctx, seat.id);
  return seat.id;
}

/**
 * A reserve put in for a TPS's officer (or someone put in at a vacant TPS): the account gets the new name,
 * phone and PIN (hashed beforehand), the old person's sessions end. Area rights are the caller's to check.
 */
export async function replaceOfficer(
  ctx: WriteContext,
  {
    tpsCode,
    name,
    phone,
    reason,
    secretHash,
    actorId,
  }: { tpsCode: string; name: string; phone: string | null; reason: string; secretHash: string; actorId: number },
) {
  const current = await lockSeat(ctx, tpsCode);
  const userId = await seat(ctx, { tpsCode, seat: current, name, phone, nip: null, secretHash });
  const oldName = current.vacant || !current.name ? null : current.name;
  await ctx.tx`insert into officer_changes (tps_code, kind, old_name, new_name, reason, actor_id, at)
    values (${tpsCode}, 'replace', ${oldName}, ${name}, ${reason}, ${actorId}, ${ctx.now})`;
  // Names are the roster's; the phone stays out of the audit log (personal data, never in logs).
  ctx.audit({
    actorId,
    action: "officer.replace",
    entity: `tps:${tpsCode}`,
    before: { name: oldName },
    after: { name, userId, reason, phoneGiven: phone !== null },
  });
  ctx.emit("officer:changed", current.kelurahanCode, { tps: tpsCode, kind: "replace" });
  return { userId };
}

/**
 * Moves a TPS's officer to another TPS: the person (name, phone, NIP and PIN) goes to the other TPS's account,
 * whose previous holder, if any, is recorded as replaced; the TPS they left is vacant (cannot sign in) until
 * someone is put in. Both accounts' sessions end; the person signs in with the new TPS code and their PIN.
 */
export async function moveOfficer(
  ctx: WriteContext,
  { from, to, reason, actorId }: { from: string; to: string; reason: string; actorId: number },
) {
  if (from === to) throw problem.invalidField("to", "invalid");
  // Locked in code order, so two moves between the same TPS cannot wait on each other.
  const [a, b] = from < to ? [from, to] : [to, from];
  const seats = { [a]: await lockSeat(ctx, a), [b]: await lockSeat(ctx, b) };
  const source = seats[from];
  const target = seats[to];
  if (source.id === null || source.vacant) throw problem.conflict("vacant", { tps: from });
  const [person] = await ctx.tx<[{ name: string; phone: string | null; nip: string | null; secretHash: string }]>`
    update users set name = '', phone = null, nip = null, disabled = true, vacant_since = ${ctx.now}
    from users old where old.id = users.id and users.id = ${source.id}
    returning old.name, old.phone, old.nip, old.secret_hash`;
  await signOut(ctx, source.id);
  await seat(ctx, { tpsCode: to, seat: target, ...person });
  const displaced = target.vacant || !target.name ? null : target.name;
  await ctx.tx`insert into officer_changes (tps_code, kind, old_name, new_name, other_tps, reason, actor_id, at)
    values (${from}, 'move_out', ${person.name}, null, ${to}, ${reason}, ${actorId}, ${ctx.now}),
      (${to}, 'move_in', ${displaced}, ${person.name}, ${from}, ${reason}, ${actorId}, ${ctx.now})`;
  ctx.audit({
    actorId,
    action: "officer.move",
    entity: `tps:${from}`,
    before: { from, to, name: person.name, displaced },
    after: { from, to, name: person.name, reason },
  });
  ctx.emit("officer:changed", source.kelurahanCode, { tps: from, kind: "move_out" });
  ctx.emit("officer:changed", target.kelurahanCode, { tps: to, kind: "move_in" });
  return { name: person.name };
}
