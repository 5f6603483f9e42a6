// Guessing limits for secrets (web sign-in and SMS PINs), counted in the database so every instance applies
// them alike (docs/decisions/030-guessing-and-flooding.md). Three keys slow a guesser without locking the
// owner out:
// - the source and the account together (an address, an SMS sender, or a device the account used before):
//   a few failures in 15 minutes, then that source waits for that account only;
// - the source across all accounts (an address, an SMS sender across every TPS);
// - the account from every source it never signed in from: a small budget per 24 hours, then only the
//   account's own devices and phone number are heard. A stranger's guesses never refuse the owner's device.
// Unusual rates raise a `security:alert` event the command post shows live.
import { createHash } from "node:crypto";
import type { SecurityAlert } from "~/lib/events";
import type { Sql } from "postgres";
import type { Db } from "~/utils/db.server";
import type { Writer } from "~/utils/writer.server";

export type GuessChannel = "web" | "sms";

/** The limits one check applies; the account-wide budget is shared by both channels. */
export interface GuessLimits {
  /** Failures of one source on one account within WINDOW_MINUTES. */
  perPair: number;
  /** Failures of one source over all accounts within WINDOW_MINUTES. */
  perSource: number;
  /** Failures on one account from sources it never signed in from, within 24 hours. */
  perAccountDay: number;
}

export const WINDOW_MINUTES = 15;
const DAY_MINUTES = 24 * 60;

/** From how many failures a rate is unusual enough to tell the command post (per window). */
export const ALERT_AT = { address: 20, sender: 10 } as const;

export type GuessRefusal = {
  /** pair: this source on this account; source: this source on every account; account: strangers on this account. */
  key: "pair" | "source" | "account";
  retryAfter: number;
};

export const deviceHash = (token: string) => createHash("sha256").update(token).digest("hex");

/** Whether a device (the hash of its cookie token) signed in to this account before. */
export async function isKnownDevice(sql: Db, { login, deviceHash: hash }: { login: string; deviceHash: string }) {
  const rows = await sql`
    select 1 from login_devices d join users u on u.id = d.user_id where u.login = ${login} and d.device_hash = ${hash}`;
  return rows.length > 0;
}

/** Remembers that this device signed in to this account (the owner's device from now on). */
export async function rememberDevice(sql: Db, { userId, deviceHash: hash }: { userId: number; deviceHash: string }) {
  await sql`
    insert into login_devices (device_hash, user_id) values (${hash}, ${userId})
    on conflict (device_hash, user_id) do update set last_used_at = now()`;
}

/** The digits of a phone number in international form (08xx and +628xx are one number). */
export const phoneDigits = (phone: string) => phone.replace(/\D/g, "").replace(/^0/, "62");

/** Whether an SMS sender is the phone number registered for this account. */
export async function isOwnNumber(sql: Db, { login, sender }: { login: string; sender: string }) {
  const [row] = await sql<[{ phone: string | null }?]>`select phone from users where login = ${login}`;
  const own = row?.phone ? phoneDigits(row.phone) : "";
  return own.length >= 8 && own === phoneDigits(sender);
}

type Attempt = { channel: GuessChannel; account: string; source: string; known: boolean };

/**
 * Whether this attempt may go on to check the secret: a refusal (which limit, seconds until it may try again),
 * or the id of a failure recorded in advance, which `settleGuess` keeps (wrong secret) or drops (right one).
 * Recording first, under a lock per account and per source, means parallel requests cannot all pass the
 * check before any failure is counted: no more secrets are checked than the limits allow. `known` sources
 * (the account's own devices and number) are refused only by their own pair limit.
 */
export async function reserveGuess(
  sql: Sql,
  attempt: Attempt,
  limits: GuessLimits,
): Promise<{ refusal: GuessRefusal } | { id: number }> {
  const account = attempt.account.slice(0, 200);
  const source = attempt.source.slice(0, 200);
  return await sql.begin(async (tx) => {
    // Account first, then source, in every transaction: no two wait for each other in a cycle.
    await tx`select pg_advisory_xact_lock(hashtext(${"guess-account:" + account}))`;
    await tx`select pg_advisory_xact_lock(hashtext(${`guess-source:${attempt.channel}:${source}`}))`;
    const [row] = await tx<
      [
        {
          pair: number;
          pairOldest: Date | null;
          source: number;
          sourceOldest: Date | null;
          account: number;
          accountOldest: Date | null;
        },
      ]
    >`
      with pair as (
        select at from guess_failures
        where account = ${account} and channel = ${attempt.channel} and source = ${source}
          and at > now() - make_interval(mins => ${WINDOW_MINUTES})
        order by at desc limit ${limits.perPair}
      ), src as (
        select at from guess_failures
        where channel = ${attempt.channel} and source = ${source} and at > now() - make_interval(mins => ${WINDOW_MINUTES})
        order by at desc limit ${limits.perSource}
      ), acct as (
        select at from guess_failures
        where account = ${account} and not known and at > now() - make_interval(mins => ${DAY_MINUTES})
        order by at desc limit ${limits.perAccountDay}
      )
      select (select count(*)::int from pair) as pair, (select min(at) from pair) as pair_oldest,
        (select count(*)::int from src) as source, (select min(at) from src) as source_oldest,
        (select count(*)::int from acct) as account, (select min(at) from acct) as account_oldest`;
    // Seconds until the oldest of the last `limit` failures leaves its window.
    const wait = (oldest: Date | null, minutes: number) =>
      Math.max(1, Math.ceil(((oldest?.getTime() ?? Date.now()) + minutes * 60_000 - Date.now()) / 1000));
    if (row.pair >= limits.perPair)
      return { refusal: { key: "pair", retryAfter: wait(row.pairOldest, WINDOW_MINUTES) } };
    if (!attempt.known && row.source >= limits.perSource)
      return { refusal: { key: "source", retryAfter: wait(row.sourceOldest, WINDOW_MINUTES) } };
    if (!attempt.known && row.account >= limits.perAccountDay)
      return { refusal: { key: "account", retryAfter: wait(row.accountOldest, DAY_MINUTES) } };
    const [added] = await tx<[{ id: string }]>`
      insert into guess_failures (channel, account, source, known)
      values (${attempt.channel}, ${account}, ${source}, ${attempt.known}) returning id`;
    return { id: Number(added.id) };
  });
}

/**
 * Settles a reserved guess: a right secret drops the failure recorded in advance; a wrong one keeps it and
 * raises an alert on the command post when it makes a rate unusual (the account's budget for strangers spent,
 * or an address or SMS sender past ALERT_AT). One alert per subject and window, however many instances count.
 */
export async function settleGuess(
  { sql, writer }: { sql: Db; writer: Writer },
  { id, ok, attempt, limits }: { id: number; ok: boolean; attempt: Attempt; limits: GuessLimits },
) {
  if (ok) {
    await sql`delete from guess_failures where id = ${id}`;
    return;
  }
  const account = attempt.account.slice(0, 200);
  const source = attempt.source.slice(0, 200);
  const [counts] = await sql<[{ account: number; source: number }]>`
    select
      (select count(*)::int from guess_failures where account = ${account} and not known
        and at > now() - make_interval(mins => ${DAY_MINUTES})) as account,
      (select count(*)::int from guess_failures where channel = ${attempt.channel} and source = ${source}
        and at > now() - make_interval(mins => ${WINDOW_MINUTES})) as source`;
  // Old failures count for nothing; the table keeps about a day (a cheap delete now and then).
  if (Math.random() < 0.01) await sql`delete from guess_failures where at < now() - interval '25 hours'`;
  if (attempt.known) return;
  const raise: Omit<SecurityAlert, "id" | "at">[] = [];
  if (counts.account >= limits.perAccountDay)
    raise.push({ kind: "account", subject: account, channel: attempt.channel, failures: counts.account });
  if (counts.source >= (attempt.channel === "web" ? ALERT_AT.address : ALERT_AT.sender))
    raise.push({
      kind: attempt.channel === "web" ? "address" : "sender",
      subject: source.replace(/^ip:/, ""),
      channel: attempt.channel,
      failures: counts.source,
    });
  for (const alert of raise) await raiseAlert(writer, alert);
}

async function raiseAlert(writer: Writer, alert: Omit<SecurityAlert, "id" | "at">) {
  const minutes = alert.kind === "account" ? DAY_MINUTES : WINDOW_MINUTES;
  await writer.write(async ({ tx, emit }) => {
    const [row] = await tx<[{ id: number; raisedAt: Date }?]>`
      insert into security_alerts (kind, subject, channel, failures, window_start)
      values (${alert.kind}, ${alert.subject.slice(0, 200)}, ${alert.channel}, ${alert.failures},
        date_bin(make_interval(mins => ${minutes}), now(), timestamptz '2000-01-01'))
      on conflict (kind, subject, window_start) do nothing returning id, raised_at`;
    // Election-wide (no region, no TPS field): only the whole election's command post receives it.
    if (row) emit("security:alert", null, { ...alert, id: Number(row.id), at: row.raisedAt.toISOString() });
  });
}

/** The alerts of the last 24 hours, newest first, for the command post's first render. */
export async function recentSecurityAlerts(sql: Db): Promise<SecurityAlert[]> {
  const rows = await sql<(Omit<SecurityAlert, "at"> & { raisedAt: Date })[]>`
    select id, kind, subject, channel, failures, raised_at from security_alerts
    where raised_at > now() - interval '24 hours' order by raised_at desc limit 50`;
  return rows.map(({ raisedAt, ...a }) => ({ ...a, id: Number(a.id), at: raisedAt.toISOString() }));
}

/** A new secret makes the guesses at the old one worthless: the account's budget starts again. */
export async function forgetGuesses(sql: Db, { userIds }: { userIds: number[] }) {
  await sql`delete from guess_failures where account in (select login from users where id = any(${userIds}))`;
}
