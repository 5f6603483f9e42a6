// Accounts: staff with a role and an area, officers per TPS; create, disable/enable,
// reset; random PINs for officers, set when their credential letters are printed. Secrets are shown once
// (on the screen that made them) and stored only as scrypt hashes; a reset or disable ends open sessions.
import { insideArea } from "./area.server";
import { forgetGuesses } from "./guess-limits.server";
import { randomBytes, randomInt } from "node:crypto";
import type { StaffBody } from "~/lib/schemas/admin";
import type { Role } from "./users.server";
import type { Db } from "~/utils/db.server";
import { hashSecret } from "~/utils/password.server";
import type { WriteContext } from "~/utils/writer.server";

export const newPin = () => String(randomInt(0, 1_000_000)).padStart(6, "0");
export const newPassword = () => randomBytes(9).toString("base64url");

export interface AccountRow {
  id: number;
  login: string;
  name: string;
  role: Role;
  tpsCode: string | null;
  regionCode: string | null;
  phone: string | null;
  nip: string | null;
  disabled: boolean;
}

export async function listAccounts(
  sql: Db,
  { role, q, limit = 200 }: { role?: Role | null; q?: string | null; limit?: number },
): Promise<AccountRow[]> {
  const like = q ? `%${q.replace(/[%_\\]/g, "\\$&")}%` : null;
  return await sql<AccountRow[]>`
    select id, login, name, role, tps_code, region_code, phone, nip, disabled from users
    where ${role ? sql`role = ${role}` : sql`true`}
      and ${like ? sql`(login ilike ${like} or name ilike ${like} or coalesce(nip, '') ilike ${like})` : sql`true`}
    order by array_position(array['admin', 'operator', 'supervisor', 'responder', 'officer'], role), login limit ${limit}`;
}

/**
 * A new staff account, or null when the login is taken. `oneTime`: the secret must be changed at first login
 * (the first admin, made by `npm run admin:create` with no actor).
 */
export async function createStaff(
  { tx, audit }: WriteContext,
  {
    body,
    secretHash,
    actorId,
    oneTime = false,
  }: { body: StaffBody; secretHash: string; actorId: number | null; oneTime?: boolean },
) {
  const [row] = await tx<[{ id: number }?]>`
    insert into users (login, name, role, region_code, phone, secret_hash, must_change_secret)
    values (${body.login}, ${body.name}, ${body.role}, ${body.regionCode}, ${body.phone}, ${secretHash}, ${oneTime})
    on conflict (login) do nothing returning id`;
  if (!row) return null;
  audit({
    actorId,
    action: "account.create",
    entity: `user:${row.id}`,
    after: {
      login: body.login,
      name: body.name,
      role: body.role,
      regionCode: body.regionCode,
      ...(oneTime ? { mustChangeSecret: true } : {}),
    },
  });
  return row.id;
}

export async function setDisabled(
  { tx, audit, emit }: WriteContext,
  { userId, disabled, actorId }: { userId: number; disabled: boolean; actorId: number },
) {
  const [row] =
    await tx`update users set disabled = ${disabled} where id = ${userId} and id <> ${actorId} returning login`;
  if (!row) return false;
  if (disabled) {
    await tx`delete from sessions where user_id = ${userId}`;
    emit("accounts:signed-out", null, { userIds: [userId] });
  }
  audit({
    actorId,
    action: disabled ? "account.disable" : "account.enable",
    entity: `user:${userId}`,
    before: { disabled: !disabled },
    after: { disabled },
  });
  return true;
}

/** Sets new secrets (hashes made beforehand, outside the transaction) and ends the accounts' sessions. */
export async function setSecrets(
  { tx, audit, emit }: WriteContext,
  { hashes, actorId, action }: { hashes: { id: number; hash: string }[]; actorId: number; action: string },
) {
  for (const { id, hash } of hashes) await tx`update users set secret_hash = ${hash} where id = ${id}`;
  if (hashes.length) {
    await forgetGuesses(tx, { userIds: hashes.map((h) => h.id) });
    await tx`delete from sessions where user_id = any(${hashes.map((h) => h.id)})`;
    emit("accounts:signed-out", null, { userIds: hashes.map((h) => h.id) });
  }
  audit({ actorId, action, entity: "users", after: { userIds: hashes.map((h) => h.id) } });
}

export async function getAccount(sql: Db, { id }: { id: number }): Promise<AccountRow | undefined> {
  const [row] = await sql<
    [AccountRow?]
  >`select id, login, name, role, tps_code, region_code, phone, nip, disabled from users where id = ${id}`;
  return row;
}

export interface Letter {
  id: number;
  login: string;
  name: string;
  nip: string | null;
  tpsCode: string;
  address: string;
  kelurahanCode: string;
  kelurahan: string;
  /** "desa" or "kelurahan": how the letter names the village. */
  kelurahanKind: string;
  kecamatan: string;
  pin: string;
}

/** Letters printed per batch: a batch's PINs are hashed and its QR codes drawn in one request, and a
 *  printout of a few hundred sheets is what a printer and a person handing them out manage at once. */
export const LETTERS_PER_BATCH = 500;

const lettersWhere = (sql: Db, area: string) =>
  sql`u.role = 'officer' and not u.disabled and (t.code = ${area} or ${insideArea(sql, "t.kelurahan_code", area)})`;

/** How many officers of an area (kelurahan/kecamatan/city prefix or one TPS code) get letters. */
export async function countOfficersForLetters(sql: Db, { area }: { area: string }): Promise<number> {
  const [row] = await sql<[{ n: number }]>`
    select count(*)::int as n from users u join tps t on t.code = u.tps_code where ${lettersWhere(sql, area)}`;
  return row.n;
}

/** One batch of an area's officers for their credential letters, in TPS code order (so per kelurahan). */
export async function officersForLetters(
  sql: Db,
  { area, offset = 0, limit = LETTERS_PER_BATCH }: { area: string; offset?: number; limit?: number },
): Promise<Omit<Letter, "pin">[]> {
  return await sql<Omit<Letter, "pin">[]>`
    select u.id, u.login, u.name, u.nip, t.code as tps_code, t.address, kel.code as kelurahan_code,
      kel.name as kelurahan, kel.kind as kelurahan_kind, kec.name as kecamatan
    from users u join tps t on t.code = u.tps_code
    join regions kel on kel.code = t.kelurahan_code join regions kec on kec.code = kel.parent_code
    where ${lettersWhere(sql, area)}
    order by t.code offset ${offset} limit ${limit}`;
}

/** A batch already issued under this form's token (a second submit), or undefined. */
export async function letterBatch(sql: Db, { token }: { token: string }) {
  const [row] = await sql<[{ issuedAt: Date; issuedBy: string; letters: number }?]>`
    select b.issued_at, u.name as issued_by, b.letters from letter_batches b join users u on u.id = b.issued_by
    where b.token = ${token}`;
  return row;
}

/**
 * Sets the batch's new PINs, once per form token: false (and nothing changed) when the token was used
 * before, so a double click or a repeated post never replaces the PINs a first printout carries.
 */
export async function issueLetters(
  ctx: WriteContext,
  {
    token,
    area,
    offset,
    hashes,
    actorId,
  }: { token: string; area: string; offset: number; hashes: { id: number; hash: string }[]; actorId: number },
): Promise<boolean> {
  const [taken] = await ctx.tx`
    insert into letter_batches (token, area, first_index, letters, issued_by)
    values (${token}, ${area}, ${offset}, ${hashes.length}, ${actorId})
    on conflict (token) do nothing returning token`;
  if (!taken) return false;
  await setSecrets(ctx, { hashes, actorId, action: "account.letters" });
  return true;
}

/** Hashes secrets a few at a time (scrypt is deliberately slow) without holding a transaction open. */
export async function hashAll<T extends { id: number }>(items: T[], secret: () => string) {
  const out: (T & { secret: string; hash: string })[] = [];
  for (let i = 0; i < items.length; i += 8) {
    out.push(
      ...(await Promise.all(
        items.slice(i, i + 8).map(async (item) => {
          const s = secret();
          return { ...item, secret: s, hash: await hashSecret(s) };
        }),
      )),
    );
  }
  return out;
}
