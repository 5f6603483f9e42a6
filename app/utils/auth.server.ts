// Sessions: a random token, given to the browser as an HttpOnly cookie and to API clients as a bearer
// token (also accepted as Socket.IO auth.token). Only its SHA-256 is stored. Whether the user may do
// something is asked in app/utils/permissions.server.ts.
import { Problem, problem, type ProblemParams } from "~/lib/problems";
import type { ProblemMessageKey } from "~/lib/problem-messages";
import { readTpsCode, TPS_CODE_EXAMPLE } from "~/lib/tps-code";
import { getTps } from "~/models/election.server";
import { createHash, randomBytes } from "node:crypto";
import type { Sql } from "postgres";
import {
  createSession,
  deleteSession,
  findUserForLogin,
  getUserBySession,
  oneTimeFlag,
  type SessionUser,
} from "~/models/users.server";
import type { Env } from "./env.server";
import { loginRetryAfter, noteLoginOutcome } from "./login-limit.server";
import { verifyAgainstNothing, verifySecret } from "./password.server";

export const SESSION_COOKIE = "pantau_session";

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export function readCookie(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** The session token of a request: Authorization: Bearer first, then the cookie. */
export function tokenFrom(headers: { authorization?: string | null; cookie?: string | null }): string | null {
  const auth = headers.authorization;
  if (auth?.toLowerCase().startsWith("bearer ")) return auth.slice(7).trim() || null;
  return readCookie(headers.cookie, SESSION_COOKIE);
}

export async function userFromToken(sql: Sql, token: string | null): Promise<SessionUser | null> {
  if (!token || token.length > 200) return null;
  return (await getUserBySession(sql, { tokenHash: hashToken(token) })) ?? null;
}

export function getRequestUser(request: Request, sql: Sql) {
  return userFromToken(
    sql,
    tokenFrom({ authorization: request.headers.get("Authorization"), cookie: request.headers.get("Cookie") }),
  );
}

/**
 * The name an account is found by: a TPS code in its canonical form however it was typed
 * (app/lib/tps-code.ts), a staff login as typed. The rate limit counts by it too, so writing one TPS code
 * in ten ways is still ten attempts at one login.
 */
function loginName(typed: string) {
  const reading = readTpsCode(typed);
  if (!reading) return { name: typed.trim(), tps: null };
  return "code" in reading
    ? { name: reading.code, tps: reading.code }
    : { name: typed.trim(), tps: "unclear" as const };
}

const refusal = (field: "login" | "secret", code: string, key: ProblemMessageKey, params: ProblemParams) =>
  new Problem("login_failed", { fields: [{ field, code, key, params }] });

/**
 * A new session for these credentials, or a `login_failed` problem (429 `too_many_attempts` past the limit,
 * app/utils/login-limit.server.ts). Staff get one message whatever was wrong; a TPS code is public, so an
 * officer is told whether the code or the PIN was wrong (docs/decisions/025-login-by-tps-code.md).
 */
export async function login(sql: Sql, env: Env, credentials: { login: string; secret: string }, clientIp?: string) {
  const { name, tps } = loginName(credentials.login);
  const wait = loginRetryAfter(name, clientIp, env.LOGIN_ATTEMPTS_PER_15_MIN);
  if (wait > 0) throw problem.tooManyAttempts(wait);
  const user = tps === "unclear" ? undefined : await findUserForLogin(sql, { login: name });
  const ok =
    user && !user.disabled
      ? await verifySecret(credentials.secret, user.secretHash)
      : await verifyAgainstNothing(credentials.secret);
  noteLoginOutcome(name, clientIp, !!(user && ok));
  if (!user || !ok) {
    if (tps === "unclear")
      throw refusal("login", "tps_code_unclear", "login.unclearTps", { example: TPS_CODE_EXAMPLE });
    if (tps && !(await getTps(sql, { code: tps }))) throw refusal("login", "unknown_tps", "login.unknownTps", { tps });
    if (tps) throw refusal("secret", "wrong_pin", "login.wrongPin", { tps });
    throw problem.loginFailed();
  }
  const token = randomBytes(32).toString("base64url");
  await createSession(sql, { userId: user.id, tokenHash: hashToken(token), ttlHours: env.SESSION_TTL_HOURS });
  const { secretHash: _s, disabled: _d, ...sessionUser } = user;
  return { token, user: oneTimeFlag(sessionUser as SessionUser) };
}

export async function logout(sql: Sql, token: string | null) {
  if (token) await deleteSession(sql, { tokenHash: hashToken(token) });
}

export function sessionCookie(env: Env, token: string) {
  const maxAge = Math.round(env.SESSION_TTL_HOURS * 3600);
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${env.COOKIE_SECURE ? "; Secure" : ""}`;
}

export function clearSessionCookie(env: Env) {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${env.COOKIE_SECURE ? "; Secure" : ""}`;
}

/** The change-secret page, the only one open to a session with a one-time secret. */
export const CHANGE_SECRET_PATH = "/sandi";

export function homeFor(user: SessionUser) {
  if (user.mustChangeSecret) return CHANGE_SECRET_PATH;
  switch (user.role) {
    case "officer":
      return "/officer";
    case "responder":
      return "/responder";
    default:
      return "/posko";
  }
}
