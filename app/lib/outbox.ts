// The officer's outbox (docs/decisions/007-offline-outbox.md, 023-outbox-on-a-shared-phone.md): every action
// is stored first and sent when the network allows. This module is the logic only, shared by the page and
// the service worker (Background Sync) and tested in Node: what to send next, how to read the server's
// answer, when to try again. The IndexedDB store lives in outbox-idb.ts. Relative imports only: the service
// worker is bundled without the ~ alias.
//
// Rules: an item is only ever sent for the officer who made it (`belongsTo`), with a header naming that
// account so the server refuses it under anyone else's session (409 other_account: kept, never refused).
// Items go oldest first, but one failing item does not hold the others: a 5xx or a timeout of one item backs
// that item off alone; only an incident waits for the photos it lists. A 2xx marks an item sent; a 4xx marks
// it rejected and keeps it with the server's message until the officer fixes or discards it; 401 keeps it
// pending until the officer logs in again. No answer at all (no signal, server unreachable) ends the round
// without growing anyone's backoff: the page probes the server and sends everything once it answers.
// Retries are safe: each item carries the client-made UUID the server is idempotent on.

export type OutboxKind =
  | "quick-count"
  | "checkin"
  | "checklist"
  | "day-status"
  | "incident"
  | "photo"
  | "broadcast-read"
  // A lookup in the voter list, audited once sent (decision 047).
  | "voter-check"
  // The TPS supervision report (Form A, decision 048).
  | "supervision-report";
export type OutboxState = "pending" | "rejected" | "sent";

export interface OutboxFieldError {
  field: string;
  code: string;
  message: string;
}

export interface OutboxItem {
  /** The client UUID the server is idempotent on. */
  id: string;
  kind: OutboxKind;
  url: string;
  /** JSON body; photos use `form` instead. */
  body?: unknown;
  form?: { fields: Record<string, string>; file: Blob; fileName: string };
  /** Short text for the list (e.g. the contest's name). */
  label: string;
  /** The TPS the item is for. */
  tps: string | null;
  /**
   * The account (user id) that made the item: it is only ever sent with that account's session, and listed
   * only to that account. Null for items stored before accounts were recorded (they belong to the TPS).
   */
  account: number | null;
  /** Where the officer can fix a rejected item (e.g. the quick-count form). */
  fixUrl?: string;
  createdAt: number;
  /** Every try, for the list ("3× dicoba"). */
  attempts: number;
  /** Tries that failed on this item's own account (5xx, timeout): its backoff grows with these only. */
  failures?: number;
  nextAt: number;
  /**
   * Not sent before this time, not even by a forced send (a reconnect, a tap, Background Sync): the window in
   * which the officer can still take a change back (see the day-status card's undo).
   */
  holdUntil?: number;
  state: OutboxState;
  lastTriedAt?: number;
  sentAt?: number;
  error?: { status: number; message: string; code?: string; errors?: OutboxFieldError[] } | null;
  response?: unknown;
}

export interface OutboxStore {
  all(): Promise<OutboxItem[]>;
  get(id: string): Promise<OutboxItem | undefined>;
  put(item: OutboxItem): Promise<void>;
  delete(id: string): Promise<void>;
}

export type Fetcher = (url: string, init: RequestInit) => Promise<Response>;

/** Who is sending: the logged-in officer's account and TPS (each null when nobody is). */
export interface Officer {
  account: number | null;
  tps: string | null;
}

/** Names the account an item belongs to; the server refuses it under another account's session. */
export const ACCOUNT_HEADER = "X-Pantau-Account";
/** The server's code for a request whose account header is not the session's. */
export const OTHER_ACCOUNT = "other_account";

const MAX_BACKOFF_MS = 5 * 60_000;
/** After no answer at all, an item is due again this soon (the page's probe usually sends it sooner). */
export const NETWORK_RETRY_MS = 5_000;
/** A request without an answer this long is given up, so a link that swallows data cannot stall the queue. */
export const REQUEST_TIMEOUT_MS = 20_000;
/** A photo gets this much longer per byte: 20 kB/s, the slowest link an officer still works on. */
const PHOTO_MS_PER_BYTE = 1 / 20;
/** Two timeouts in a row: the link is gone, not the item; the round ends instead of waiting on each. */
const TIMEOUTS_BEFORE_GIVING_UP = 2;
/** Sent items stay listed this long, then they are pruned. */
export const KEEP_SENT_MS = 3 * 24 * 3600_000;

/** Wait before the next try after `failures` failures: 2 s, 4 s, 8 s ... up to 5 min, with ±20% jitter. */
export function backoffMs(failures: number, random = Math.random): number {
  const base = Math.min(MAX_BACKOFF_MS, 2000 * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** What an HTTP answer means for an item. */
export function classify(status: number, code?: unknown): "sent" | "rejected" | "retry" | "login" | "other-account" {
  if (status >= 200 && status < 300) return "sent";
  if (status === 401) return "login";
  if (status === 409 && code === OTHER_ACCOUNT) return "other-account";
  if (status === 408 || status === 425 || status === 429 || status >= 500) return "retry";
  return "rejected";
}

export function newItem(
  init: Pick<OutboxItem, "id" | "kind" | "url" | "label" | "tps" | "account"> & Partial<OutboxItem>,
  now = Date.now(),
): OutboxItem {
  return { attempts: 0, nextAt: now, state: "pending", createdAt: now, error: null, ...init };
}

/** The request for an item, sent for `account` (the item's own, or for an item of no account the officer's). */
export function requestFor(item: OutboxItem, account: number | null = item.account): RequestInit {
  const owner: Record<string, string> = account !== null ? { [ACCOUNT_HEADER]: String(account) } : {};
  if (item.form) {
    const data = new FormData();
    for (const [k, v] of Object.entries(item.form.fields)) data.set(k, v);
    data.set("photo", item.form.file, item.form.fileName);
    return { method: "POST", body: data, headers: owner, credentials: "same-origin" };
  }
  return {
    method: "POST",
    body: JSON.stringify(item.body),
    headers: { "Content-Type": "application/json", Accept: "application/json", ...owner },
    credentials: "same-origin",
  };
}

async function readAnswer(
  res: Response,
): Promise<{ message?: string; code?: string; errors?: OutboxFieldError[] } & Record<string, unknown>> {
  try {
    const body = await res.json();
    return body && typeof body === "object" ? body : {};
  } catch {
    return {};
  }
}

/** Items as stored by an older version (with `owner`, the TPS code) read as items of that TPS, of no account. */
export function upgradeItem(item: OutboxItem & { owner?: string | null }): OutboxItem {
  if (item.tps !== undefined) return item;
  const { owner, ...rest } = item;
  return { ...rest, tps: owner ?? null, account: null };
}

/** Whether the officer `who` made this item (or, for an item of no recorded account, works at its TPS). */
export const belongsTo = (item: OutboxItem, who: Officer) =>
  item.account !== null ? item.account === who.account : item.tps !== null && item.tps === who.tps;

/** The items not yet sent, oldest first: what the officer sees as "waiting". */
export const unsent = (items: OutboxItem[]) =>
  items.filter((i) => i.state !== "sent").sort((a, b) => a.createdAt - b.createdAt);

/** Whether `photo` is one that `item` lists (an incident's `photoIds`): the item waits until it is sent. */
function listsPhoto(item: OutboxItem, photo: OutboxItem): boolean {
  if (photo.kind !== "photo" || item.kind !== "incident") return false;
  const ids = (item.body as { photoIds?: unknown } | undefined)?.photoIds;
  return Array.isArray(ids) && ids.includes(photo.id);
}

/**
 * Why an incident waits for its photos and nothing else waits for anything: the incident lists the photos by
 * id and the command post opens them from it, so they go first; a quick count does not wait for its C1
 * photo (the photo names the count, the server takes either first, and the numbers matter most).
 */
const waitsForPhoto = (item: OutboxItem, items: OutboxItem[]) =>
  items.some((p) => p.state === "pending" && listsPhoto(item, p));

/** How long a request may go without an answer: longer for a photo, by its size. */
export function timeoutFor(item: OutboxItem): number {
  return REQUEST_TIMEOUT_MS + Math.round((item.form?.file.size ?? 0) * PHOTO_MS_PER_BYTE);
}

class Timeout extends Error {}

/** The fetch, ended after `ms` without an answer (aborted where the fetcher honours the signal). */
async function fetchWithin(fetcher: Fetcher, url: string, init: RequestInit, ms: number): Promise<Response> {
  const abort = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort();
      reject(new Timeout());
    }, ms);
  });
  try {
    return await Promise.race([fetcher(url, { ...init, signal: abort.signal }), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface FlushResult {
  sent: number;
  rejected: number;
  /** Items of this officer still pending after the round. */
  waiting: number;
  /** Whether the round ended because nothing answered (no signal, server unreachable, a dead link). */
  offline: boolean;
  /**
   * What the round learned of the server: "up" when it answered anything but a 5xx, "down" when every try
   * failed (no answer, a timeout, a 5xx), null when nothing was tried.
   */
  server: "up" | "down" | null;
}

/**
 * Sends the due items of officer `who`, oldest first; items of anyone else stay as they are. One item's
 * failure backs off that item alone; no answer at all ends the round. `force` ignores the backoff (a
 * reconnect, a tap, the server answering again).
 */
export async function flush(
  store: OutboxStore,
  {
    who,
    fetcher,
    base = "",
    now = Date.now,
    force = false,
    timeout = timeoutFor,
    onChange,
  }: {
    who: Officer | null;
    fetcher: Fetcher;
    base?: string;
    now?: () => number;
    force?: boolean;
    /** How long a request of an item may go without an answer. */
    timeout?: (item: OutboxItem) => number;
    onChange?: (item: OutboxItem) => void;
  },
): Promise<FlushResult> {
  const result: FlushResult = { sent: 0, rejected: 0, waiting: 0, offline: false, server: null };
  const tried = new Set<string>();
  const mine = (i: OutboxItem) => who !== null && who.account !== null && belongsTo(i, who);
  let timeoutsInARow = 0;
  for (;;) {
    const items = await store.all();
    await prune(store, items, now());
    const next = unsent(items).find(
      (i) =>
        i.state === "pending" &&
        mine(i) &&
        !tried.has(i.id) &&
        (i.holdUntil ?? 0) <= now() &&
        (force || i.nextAt <= now()) &&
        !waitsForPhoto(i, items),
    );
    if (!next) break;
    tried.add(next.id);
    let res: Response;
    try {
      res = await fetchWithin(fetcher, base + next.url, requestFor(next, next.account ?? who!.account), timeout(next));
    } catch (error) {
      result.server ??= "down";
      if (error instanceof Timeout) {
        // Possibly this item alone (a large photo on a slow link): it backs off by itself, the next goes.
        await retryLater(store, next, now(), { status: 0, message: "timeout" }, { own: true });
        onChange?.(next);
        if (++timeoutsInARow < TIMEOUTS_BEFORE_GIVING_UP) continue;
      } else {
        await retryLater(store, next, now(), { status: 0, message: "offline" }, { own: false });
        onChange?.(next);
      }
      result.offline = true;
      break;
    }
    timeoutsInARow = 0;
    const answer = await readAnswer(res);
    if (res.status < 500) result.server = "up";
    else result.server ??= "down";
    // The item may have been discarded or fixed while it was in flight.
    const current = await store.get(next.id);
    if (!current) continue;
    const verdict = classify(res.status, answer.code);
    const error = {
      status: res.status,
      message: String(answer.message ?? `HTTP ${res.status}`),
      ...(typeof answer.code === "string" ? { code: answer.code } : {}),
    };
    if (verdict === "sent") {
      Object.assign(current, { state: "sent", sentAt: now(), response: answer, error: null, lastTriedAt: now() });
      await store.put(current);
      result.sent++;
    } else if (verdict === "rejected") {
      current.attempts += 1;
      Object.assign(current, {
        state: "rejected",
        lastTriedAt: now(),
        error: { ...error, errors: Array.isArray(answer.errors) ? answer.errors : undefined },
      });
      await store.put(current);
      result.rejected++;
    } else if (verdict === "retry") {
      // This item's own failure: it waits, the others go on.
      await retryLater(store, current, now(), error, { own: true });
    } else {
      // 401 (the session ended) or 409 other_account (the session is someone else's): every item of this
      // officer would meet the same answer. Kept pending, not backed off; a login sends them again.
      await retryLater(store, current, now(), error, { own: false });
      onChange?.(current);
      break;
    }
    onChange?.(current);
  }
  result.waiting = unsent(await store.all()).filter((i) => i.state === "pending" && mine(i)).length;
  return result;
}

async function retryLater(
  store: OutboxStore,
  item: OutboxItem,
  now: number,
  error: NonNullable<OutboxItem["error"]>,
  { own }: { own: boolean },
) {
  const current = (await store.get(item.id)) ?? item;
  current.attempts += 1;
  if (own) current.failures = (current.failures ?? 0) + 1;
  current.lastTriedAt = now;
  current.nextAt = now + (own ? backoffMs(current.failures ?? 1) : NETWORK_RETRY_MS);
  current.error = error;
  await store.put(current);
}

async function prune(store: OutboxStore, items: OutboxItem[], now: number) {
  for (const i of items) if (i.state === "sent" && (i.sentAt ?? 0) < now - KEEP_SENT_MS) await store.delete(i.id);
}

/** When the next pending item falls due (ms from now), or null when nothing waits. */
export function nextDueIn(items: OutboxItem[], now = Date.now()): number | null {
  const due = items.filter((i) => i.state === "pending").map((i) => Math.max(i.nextAt, i.holdUntil ?? 0) - now);
  return due.length ? Math.max(0, Math.min(...due)) : null;
}

/** What a phone holds per TPS, for the command post: how many items are unsent and since when. No content. */
export interface HeldReport {
  tpsCode: string;
  count: number;
  oldestAt: string;
}

export function heldPerTps(items: OutboxItem[]): HeldReport[] {
  const byTps = new Map<string, { count: number; oldest: number }>();
  for (const item of unsent(items)) {
    if (!item.tps) continue;
    const seen = byTps.get(item.tps);
    if (seen) seen.count++;
    else byTps.set(item.tps, { count: 1, oldest: item.createdAt });
  }
  return [...byTps]
    .map(([tpsCode, { count, oldest }]) => ({ tpsCode, count, oldestAt: new Date(oldest).toISOString() }))
    .sort((a, b) => a.tpsCode.localeCompare(b.tpsCode));
}
