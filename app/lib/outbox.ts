// The officer's outbox (docs/decisions/007-offline-outbox.md): every action is stored first and sent when the network
// allows. This module is the logic only, shared by the page and the service worker (Background Sync) and
// tested in Node: what to send next, how to read the server's answer, when to try again. The IndexedDB
// store lives in outbox-idb.ts. Relative imports only: the service worker is bundled without the ~ alias.
//
// Rules: items go in the order they were made (a photo before the incident that lists it); a 2xx marks an
// item sent; a 4xx marks it rejected and keeps it with the server's message until the officer fixes or
// discards it; a network failure, 408, 429 or 5xx keeps it pending and retries with backoff; 401 keeps it
// pending too (the officer logs in again, nothing is lost). Retries are safe: each item carries the
// client-made UUID the server is idempotent on.

export type OutboxKind = "quick-count" | "checkin" | "checklist" | "day-status" | "incident" | "photo";
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
  attempts: number;
  nextAt: number;
  state: OutboxState;
  lastTriedAt?: number;
  sentAt?: number;
  error?: { status: number; message: string; errors?: OutboxFieldError[] } | null;
  response?: unknown;
}

export interface OutboxStore {
  all(): Promise<OutboxItem[]>;
  get(id: string): Promise<OutboxItem | undefined>;
  put(item: OutboxItem): Promise<void>;
  delete(id: string): Promise<void>;
}

export type Fetcher = (url: string, init: RequestInit) => Promise<Response>;

const MAX_BACKOFF_MS = 5 * 60_000;
/** Sent items stay listed this long, then they are pruned. */
export const KEEP_SENT_MS = 3 * 24 * 3600_000;

/** Wait before the next try after `attempts` failures: 2 s, 4 s, 8 s ... up to 5 min, with ±20% jitter. */
export function backoffMs(attempts: number, random = Math.random): number {
  const base = Math.min(MAX_BACKOFF_MS, 2000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** What an HTTP status means for an item. */
export function classify(status: number): "sent" | "rejected" | "retry" | "login" {
  if (status >= 200 && status < 300) return "sent";
  if (status === 401) return "login";
  if (status === 408 || status === 425 || status === 429 || status >= 500) return "retry";
  return "rejected";
}

export function newItem(
  init: Pick<OutboxItem, "id" | "kind" | "url" | "label" | "tps" | "account"> & Partial<OutboxItem>,
  now = Date.now(),
): OutboxItem {
  return { attempts: 0, nextAt: now, state: "pending", createdAt: now, error: null, ...init };
}

export function requestFor(item: OutboxItem): RequestInit {
  if (item.form) {
    const data = new FormData();
    for (const [k, v] of Object.entries(item.form.fields)) data.set(k, v);
    data.set("photo", item.form.file, item.form.fileName);
    return { method: "POST", body: data, credentials: "same-origin" };
  }
  return {
    method: "POST",
    body: JSON.stringify(item.body),
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    credentials: "same-origin",
  };
}

async function readAnswer(
  res: Response,
): Promise<{ message?: string; errors?: OutboxFieldError[] } & Record<string, unknown>> {
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
export const belongsTo = (item: OutboxItem, who: { account: number | null; tps: string | null }) =>
  item.account !== null ? item.account === who.account : item.tps !== null && item.tps === who.tps;

/** The items not yet sent, oldest first: what the officer sees as "waiting". */
export const unsent = (items: OutboxItem[]) =>
  items.filter((i) => i.state !== "sent").sort((a, b) => a.createdAt - b.createdAt);

export interface FlushResult {
  sent: number;
  rejected: number;
  waiting: number;
  offline: boolean;
}

/**
 * Sends due items one by one, oldest first. Stops at the first network failure or server error (the next
 * items would meet the same fate, and order is kept). `force` ignores the backoff (a reconnect or a tap).
 */
export async function flush(
  store: OutboxStore,
  {
    fetcher,
    base = "",
    now = Date.now,
    force = false,
    onChange,
  }: {
    fetcher: Fetcher;
    base?: string;
    now?: () => number;
    force?: boolean;
    onChange?: (item: OutboxItem) => void;
  },
): Promise<FlushResult> {
  const result: FlushResult = { sent: 0, rejected: 0, waiting: 0, offline: false };
  const tried = new Set<string>();
  for (;;) {
    const items = await store.all();
    await prune(store, items, now());
    const next = unsent(items).find((i) => i.state === "pending" && !tried.has(i.id) && (force || i.nextAt <= now()));
    if (!next) break;
    tried.add(next.id);
    let res: Response;
    try {
      res = await fetcher(base + next.url, requestFor(next));
    } catch {
      await retryLater(store, next, now(), { status: 0, message: "offline" });
      result.offline = true;
      onChange?.(next);
      break;
    }
    const answer = await readAnswer(res);
    // The item may have been discarded or fixed while it was in flight.
    const current = await store.get(next.id);
    if (!current) continue;
    const verdict = classify(res.status);
    if (verdict === "sent") {
      Object.assign(current, { state: "sent", sentAt: now(), response: answer, error: null, lastTriedAt: now() });
      await store.put(current);
      result.sent++;
    } else if (verdict === "rejected") {
      Object.assign(current, {
        state: "rejected",
        lastTriedAt: now(),
        error: {
          status: res.status,
          message: String(answer.message ?? `HTTP ${res.status}`),
          errors: Array.isArray(answer.errors) ? answer.errors : undefined,
        },
      });
      await store.put(current);
      result.rejected++;
    } else {
      await retryLater(store, current, now(), {
        status: res.status,
        message: String(answer.message ?? `HTTP ${res.status}`),
      });
      onChange?.(current);
      break;
    }
    onChange?.(current);
  }
  result.waiting = unsent(await store.all()).filter((i) => i.state === "pending").length;
  return result;
}

async function retryLater(
  store: OutboxStore,
  item: OutboxItem,
  now: number,
  error: { status: number; message: string },
) {
  const current = (await store.get(item.id)) ?? item;
  current.attempts += 1;
  current.lastTriedAt = now;
  current.nextAt = now + backoffMs(current.attempts);
  current.error = error;
  await store.put(current);
}

async function prune(store: OutboxStore, items: OutboxItem[], now: number) {
  for (const i of items) if (i.state === "sent" && (i.sentAt ?? 0) < now - KEEP_SENT_MS) await store.delete(i.id);
}

/** When the next pending item falls due (ms from now), or null when nothing waits. */
export function nextDueIn(items: OutboxItem[], now = Date.now()): number | null {
  const due = items.filter((i) => i.state === "pending").map((i) => i.nextAt - now);
  return due.length ? Math.max(0, Math.min(...due)) : null;
}
