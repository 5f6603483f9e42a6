import type { Db } from "~/utils/db.server";
import type { WriteContext } from "~/utils/writer.server";

import type { Role } from "~/lib/access";

export type { Role };

export interface SessionUser {
  id: number;
  login: string;
  name: string;
  role: Role;
  tpsCode: string | null;
  regionCode: string | null;
  /** Signed in with a one-time secret (npm run admin:create): may do nothing but change it. */
  mustChangeSecret?: boolean;
}

/** A user as the login form checks them: who they are, their secret's hash and whether they may sign in. */
export interface LoginCandidate extends SessionUser {
  secretHash: string;
  disabled: boolean;
}

export async function findUserForLogin(sql: Db, { login }: { login: string }): Promise<LoginCandidate | undefined> {
  const [row] = await sql<[LoginCandidate?]>`
    select id, login, name, role, tps_code, region_code, secret_hash, disabled, must_change_secret
    from users where login = ${login}`;
  return row;
}

export async function createSession(
  sql: Db,
  { userId, tokenHash, ttlHours }: { userId: number; tokenHash: string; ttlHours: number },
) {
  await sql`
    insert into sessions (token_hash, user_id, expires_at)
    values (${tokenHash}, ${userId}, now() + make_interval(hours => ${ttlHours}))`;
}

/** A live session: its user and how long it has left by the database's clock (the clock that decides). */
export async function getSession(
  sql: Db,
  { tokenHash }: { tokenHash: string },
): Promise<{ user: SessionUser; expiresInMs: number } | undefined> {
  const [row] = await sql<[(SessionUser & { expiresInMs: number })?]>`
    select u.id, u.login, u.name, u.role, u.tps_code, u.region_code, u.must_change_secret,
      ceil(extract(epoch from s.expires_at - now()) * 1000)::float8 as expires_in_ms
    from sessions s join users u on u.id = s.user_id
    where s.token_hash = ${tokenHash} and s.expires_at > now() and not u.disabled`;
  if (!row) return undefined;
  const { expiresInMs, ...user } = row;
  return { user: oneTimeFlag(user), expiresInMs };
}

/** `mustChangeSecret` is present only when true: clients see it on a one-time login and never otherwise. */
export function oneTimeFlag<U extends { mustChangeSecret?: boolean }>({ mustChangeSecret, ...user }: U) {
  return (mustChangeSecret ? { ...user, mustChangeSecret } : user) as U;
}

/**
 * Ends one session (logout) and tells every instance to close the live connections opened with it
 * (server/admin-effects.ts signOutSockets): `socketId` names them (app/lib/access.ts sessionRoom).
 */
export async function endSession(
  { tx, emit }: WriteContext,
  { tokenHash, socketId }: { tokenHash: string; socketId: string },
) {
  const deleted = await tx`delete from sessions where token_hash = ${tokenHash} returning user_id`;
  if (deleted.length) emit("accounts:signed-out", null, { userIds: [], sessions: [socketId] });
}

/** The secret hash of a signed-in user, to check the one they type again. */
export async function getSecretHash(sql: Db, { userId }: { userId: number }): Promise<string | undefined> {
  const [row] = await sql<[{ secretHash: string }?]>`select secret_hash from users where id = ${userId}`;
  return row?.secretHash;
}

/** Replaces a user's own secret (hashed beforehand) and lifts the one-time secret's restriction. */
export async function setOwnSecret({ tx, audit }: WriteContext, { userId, hash }: { userId: number; hash: string }) {
  const [row] = await tx<[{ login: string; mustChangeSecret: boolean }?]>`
    update users u set secret_hash = ${hash}, must_change_secret = false
    from users old where u.id = old.id and u.id = ${userId}
    returning u.login, old.must_change_secret`;
  if (!row) return false;
  audit({
    actorId: userId,
    action: "account.secret_change",
    entity: `user:${userId}`,
    before: { mustChangeSecret: row.mustChangeSecret },
    after: { mustChangeSecret: false },
  });
  return true;
}
