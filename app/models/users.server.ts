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

export async function findUserForLogin(sql: Db, { login }: { login: string }) {
  const [row] = await sql`
    select id, login, name, role, tps_code, region_code, secret_hash, disabled
    from users where login = ${login}`;
  return row as (SessionUser & { secretHash: string; disabled: boolean }) | undefined;
}

export async function createSession(
  sql: Db,
  { userId, tokenHash, ttlHours }: { userId: number; tokenHash: string; ttlHours: number },
) {
  await sql`
    insert into sessions (token_hash, user_id, expires_at)
    values (${tokenHash}, ${userId}, now() + make_interval(hours => ${ttlHours}))`;
}

export async function getUserBySession(sql: Db, { tokenHash }: { tokenHash: string }) {
  const [row] = await sql`
    select u.id, u.login, u.name, u.role, u.tps_code, u.region_code
    from sessions s join users u on u.id = s.user_id
    where s.token_hash = ${tokenHash} and s.expires_at > now() and not u.disabled`;
  return row as SessionUser | undefined;
}

export async function deleteSession(sql: Db, { tokenHash }: { tokenHash: string }) {
  await sql`delete from sessions where token_hash = ${tokenHash}`;
}
