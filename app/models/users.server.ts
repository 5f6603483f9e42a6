import type { Db } from "~/utils/db.server";

import type { Role } from "~/lib/access";

export type { Role };

export interface SessionUser {
  id: number;
  login: string;
  name: string;
  role: Role;
  tpsCode: string | null;
  regionCode: string | null;
}

/** A user as the login form checks them: who they are, their secret's hash and whether they may sign in. */
export interface LoginCandidate extends SessionUser {
  secretHash: string;
  disabled: boolean;
}

export async function findUserForLogin(sql: Db, { login }: { login: string }): Promise<LoginCandidate | undefined> {
  const [row] = await sql<[LoginCandidate?]>`
    select id, login, name, role, tps_code, region_code, secret_hash, disabled
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

export async function getUserBySession(
  sql: Db,
  { tokenHash }: { tokenHash: string },
): Promise<SessionUser | undefined> {
  const [row] = await sql<[SessionUser?]>`
    select u.id, u.login, u.name, u.role, u.tps_code, u.region_code
    from sessions s join users u on u.id = s.user_id
    where s.token_hash = ${tokenHash} and s.expires_at > now() and not u.disabled`;
  return row;
}

export async function deleteSession(sql: Db, { tokenHash }: { tokenHash: string }) {
  await sql`delete from sessions where token_hash = ${tokenHash}`;
}
