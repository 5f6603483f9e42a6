// Sign-in limits (docs/decisions/030-guessing-and-flooding.md), counted in the database by
// app/models/guess-limits.server.ts so every instance applies the same ones. A browser that signed in to an
// account before carries a device cookie; its attempts are the owner's and are counted apart from
// strangers', so a stranger's guesses never lock the owner out of their own device.
import { randomBytes } from "node:crypto";
import { problem } from "~/lib/problems";
import {
  deviceHash,
  isKnownDevice,
  rememberDevice,
  reserveGuess,
  settleGuess,
  type GuessLimits,
  type GuessRefusal,
} from "~/models/guess-limits.server";
import type { Services } from "./context.server";
import type { Env } from "./env.server";

export const DEVICE_COOKIE = "pantau_device";

/** The limits of web sign-in: a source on one login, an address over all logins, an account from strangers. */
export const webLimits = (env: Env): GuessLimits => ({
  perPair: env.LOGIN_ATTEMPTS_PER_15_MIN,
  // Officers at many TPS share a mobile operator's NAT address.
  perSource: env.LOGIN_ATTEMPTS_PER_15_MIN * 10,
  perAccountDay: env.LOGIN_FAILURES_PER_DAY,
});

/** Who is trying: a device the account signed in from before, or else the client address. */
export interface LoginSource {
  clientIp?: string;
  /** The device cookie's token, when the browser sent one. */
  deviceToken?: string | null;
}

const validToken = (token: string | null | undefined) => (token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null);

/** A refused attempt as the problem the caller sees: the account-wide one says how the owner gets in. */
function refusalProblem(refusal: GuessRefusal) {
  return refusal.key === "account"
    ? problem.tooManyAttempts(refusal.retryAfter, "limits.accountGuarded")
    : problem.tooManyAttempts(refusal.retryAfter);
}

/**
 * Checks the limits before a secret is checked (throws 429 `too_many_attempts`), and returns what to call with
 * the outcome: it counts a failure, or remembers the device of a success and returns its cookie token.
 */
export async function guardLogin({ sql, writer, env }: Services, login: string, source: LoginSource) {
  const token = validToken(source.deviceToken);
  const hash = token ? deviceHash(token) : null;
  const known = hash ? await isKnownDevice(sql, { login, deviceHash: hash }) : false;
  const attempt = {
    channel: "web" as const,
    account: login.trim().toLowerCase(),
    source: known ? `device:${hash}` : `ip:${source.clientIp ?? ""}`,
    known,
  };
  const limits = webLimits(env);
  const reserved = await reserveGuess(sql, attempt, limits);
  if ("refusal" in reserved) throw refusalProblem(reserved.refusal);
  const settle = (ok: boolean) => settleGuess({ sql, writer }, { id: reserved.id, ok, attempt, limits });
  return {
    failed: () => settle(false),
    /** Remembers the device (a new token when the browser had none) and returns the token for its cookie. */
    succeeded: async (userId: number) => {
      await settle(true);
      const kept = token ?? randomBytes(32).toString("base64url");
      await rememberDevice(sql, { userId, deviceHash: deviceHash(kept) });
      return kept;
    },
  };
}

/** The device cookie: long-lived, HttpOnly, not a session (logging out keeps it; it opens nothing by itself). */
export function deviceCookie(env: Env, token: string) {
  return `${DEVICE_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${400 * 24 * 3600}${env.COOKIE_SECURE ? "; Secure" : ""}`;
}
