// The page's side of the outbox: put an action in, send at once, again on reconnect, on app start, on a
// timer while the app is open, and through Background Sync (the service worker) where the browser has it.
import { useEffect, useState } from "react";
import { belongsTo, flush, newItem, nextDueIn, type OutboxItem } from "./outbox";
import { exclusively, idbStore, OUTBOX_CHANNEL, SYNC_TAG } from "./outbox-idb";

const POLL_MS = 15_000;

/**
 * Stores the item first (on disk when this resolves), then tries to send it; `waitMs` waits that long for
 * the first try, so a screen can show the server's answer when the network is good.
 */
export async function enqueue(init: Parameters<typeof newItem>[0], { waitMs = 0 } = {}): Promise<OutboxItem> {
  const item = newItem(init);
  await idbStore.put(item);
  const sending = flushNow(false, true);
  if (waitMs) await Promise.race([sending, new Promise((resolve) => setTimeout(resolve, waitMs))]);
  return item;
}

async function requestBackgroundSync() {
  try {
    const reg = await navigator.serviceWorker?.getRegistration();
    const sync = (reg as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined)
      ?.sync;
    await sync?.register(SYNC_TAG);
  } catch {
    // No Background Sync (Firefox, Safari) or no service worker: the page's own triggers still send.
  }
}

let retryTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Sends what is due; `force` also sends items still waiting out their backoff (reconnect, a tap); `queue`
 * waits for another sender to finish instead of leaving the work to it.
 */
export async function flushNow(force = false, queue = false) {
  const result = await exclusively(() => flush(idbStore, { fetcher: (url, init) => fetch(url, init), force }), queue);
  if (result === null) {
    // Someone else (another tab, the service worker) is sending: look again shortly.
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => void flushNow(force), 1000);
    return;
  }
  const due = nextDueIn(await idbStore.all());
  clearTimeout(retryTimer);
  if (due !== null) retryTimer = setTimeout(() => void flushNow(), Math.max(due, 1000));
  if (result.waiting) void requestBackgroundSync();
}

let started = false;
/** App start: send what is waiting, and keep sending on every chance the browser gives. */
export function startOutbox() {
  if (started || typeof window === "undefined" || !("indexedDB" in window)) return;
  started = true;
  void flushNow(true);
  window.addEventListener("online", () => void flushNow(true));
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") void flushNow();
  });
  setInterval(() => {
    if (navigator.onLine) void flushNow();
  }, POLL_MS);
}

export async function discard(id: string) {
  await idbStore.delete(id);
}

/** The outbox items of the logged-in officer, newest first, kept current across tabs and the service worker. */
export function useOutbox(who: { account: number | null; tps: string | null }): {
  items: OutboxItem[];
  loaded: boolean;
} {
  const { account, tps } = who;
  const [items, setItems] = useState<OutboxItem[]>([]);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    let alive = true;
    const load = () =>
      idbStore
        .all()
        .then((all) => {
          if (!alive) return;
          setItems(all.filter((i) => belongsTo(i, { account, tps })).sort((a, b) => b.createdAt - a.createdAt));
          setLoaded(true);
        })
        .catch(() => setLoaded(true));
    void load();
    const channel = typeof BroadcastChannel !== "undefined" ? new BroadcastChannel(OUTBOX_CHANNEL) : null;
    channel?.addEventListener("message", () => void load());
    // A light poll as a safety net (and to refresh the ages shown).
    const timer = setInterval(load, 5000);
    return () => {
      alive = false;
      channel?.close();
      clearInterval(timer);
    };
  }, [account, tps]);
  return { items, loaded };
}
