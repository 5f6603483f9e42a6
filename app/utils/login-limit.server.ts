// Login rate limit: failed attempts are counted per login name and per client address in a sliding
// 15-minute window; past the limit a login answers 429 with the minutes to wait, before any secret is checked.
// Per address the limit is ten times higher: officers at many TPS share a mobile operator's NAT address.
// Kept in memory per instance (bounded); with several instances behind a sticky proxy a client meets the same one.
const WINDOW_MS = 15 * 60_000;
const MAX_KEYS = 100_000;
const failures = new Map<string, number[]>();

const keysOf = (login: string, clientIp: string | undefined) =>
  [[`login:${login.trim().toLowerCase()}`, 1], ...(clientIp ? [[`ip:${clientIp}`, 10]] : [])] as [string, number][];

function recent(key: string, now: number) {
  const list = (failures.get(key) ?? []).filter((t) => t > now - WINDOW_MS);
  if (list.length) failures.set(key, list);
  else failures.delete(key);
  return list;
}

/** Seconds until the next attempt is allowed; 0 when it is allowed now. */
export function loginRetryAfter(login: string, clientIp: string | undefined, limit: number, now = Date.now()): number {
  let wait = 0;
  for (const [key, factor] of keysOf(login, clientIp)) {
    const list = recent(key, now);
    if (list.length >= limit * factor)
      wait = Math.max(wait, Math.ceil((list[list.length - limit * factor] + WINDOW_MS - now) / 1000));
  }
  return wait;
}

export function noteLoginOutcome(login: string, clientIp: string | undefined, ok: boolean, now = Date.now()) {
  const keys = keysOf(login, clientIp);
  if (ok) {
    failures.delete(keys[0][0]);
    return;
  }
  for (const [key] of keys) {
    if (!failures.has(key) && failures.size >= MAX_KEYS) failures.delete(failures.keys().next().value!);
    const list = recent(key, now);
    list.push(now);
    failures.set(key, list.slice(-1000));
  }
}
