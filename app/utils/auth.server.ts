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
  endSession,
  findUserForLogin,
  getSession,
  oneTimeFlag,
  type SessionUser,
} from "~/models/users.server";
import type { Env } from "./env.server";
import type { Writer } from "./writer.server";
import type { Services } from "./context.server";
import { DEVICE_COOKIE, deviceCookie, guardLogin, type LoginSource } from "./login-limit.server";
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

/** The opaque id that names a session's live connections (never the token or its stored hash). */
export const socketIdOf = (tokenHash: string) => hashToken("socket:" + tokenHash).slice(0, 32);

/** A session token's session: its user, the stored hash and how long it has left; null when it has ended. */
export async function sessionFromToken(sql: Sql, token: string | null) {
  if (!token || token.length > 200) return null;
  const tokenHash = hashToken(token);
  const session = await getSession(sql, { tokenHash });
  return session ? { ...session, tokenHash } : null;
}

/** A session still open, by its stored hash: a live connection checks its own again (`resume`, expiry). */
export async function sessionOfHash(sql: Sql, tokenHash: string) {
  return (await getSession(sql, { tokenHash })) ?? null;
}

export async function userFromToken(sql: Sql, token: string | null): Promise<SessionUser | null> {
  return (await sessionFromToken(sql, token))?.user ?? null;
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
 * A new session for these credentials, or a `login_failed` problem (429 `too_many_attempts` past a limit,
 * app/utils/login-limit.server.ts). Staff get one message whatever was wrong; a TPS code is public, so an
 * officer is told whether the code or the PIN was wrong (docs/decisions/025-login-by-tps-code.md).
 * `device` is the token for the browser's device cookie (the owner's device from now on).
 */
export async function login(services: Services, credentials: { login: string; secret: string }, source: LoginSource) {
  const { sql, env } = services;
  const { name, tps } = loginName(credentials.login);
  const guard = await guardLogin(services, name, source);
  const user = tps === "unclear" ? undefined : await findUserForLogin(sql, { login: name });
  const ok =
    user && !user.disabled
      ? await verifySecret(credentials.secret, user.secretHash)
      : await verifyAgainstNothing(credentials.secret);
  if (!user || !ok) {
    await guard.failed();
    if (tps === "unclear")
      throw refusal("login", "tps_code_unclear", "login.unclearTps", { example: TPS_CODE_EXAMPLE });
    if (tps && !(await getTps(sql, { code: tps }))) throw refusal("login", "unknown_tps", "login.unknownTps", { tps });
    if (tps) throw refusal("secret", "wrong_pin", "login.wrongPin", { tps });
    throw problem.loginFailed();
  }
  const device = await guard.succeeded(user.id);
  const token = randomBytes(32).toString("base64url");
  await createSession(sql, { userId: user.id, tokenHash: hashToken(token), ttlHours: env.SESSION_TTL_HOURS });
  const { secretHash: _s, disabled: _d, ...sessionUser } = user;
  return { token, user: oneTimeFlag(sessionUser as SessionUser), device };
}

/** The device cookie's token a request carries, if any. */
export const deviceTokenOf = (request: Request) => readCookie(request.headers.get("Cookie"), DEVICE_COOKIE);

/** Ends the session of `token` and, on every instance, closes the live connections opened with it. */
export async function logout({ writer }: { writer: Writer }, token: string | null) {
  if (!token || token.length > 200) return;
  const tokenHash = hashToken(token);
  await writer.write((ctx) => endSession(ctx, { tokenHash, socketId: socketIdOf(tokenHash) }));
}

export function sessionCookie(env: Env, token: string) {
  const maxAge = Math.round(env.SESSION_TTL_HOURS * 3600);
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${env.COOKIE_SECURE ? "; Secure" : ""}`;
}

/** The cookies of a new session: the session's and the device's (app/utils/login-limit.server.ts). */
export function loginCookies(env: Env, session: { token: string; device: string }): Headers {
  const headers = new Headers();
  headers.append("Set-Cookie", sessionCookie(env, session.token));
  headers.append("Set-Cookie", deviceCookie(env, session.device));
  return headers;
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
