// The outbox's IndexedDB store, used by the page and by the service worker. IndexedDB outlives reloads,
// closed tabs and service-worker updates, so nothing the officer entered depends on either.
// Relative imports only (bundled into the service worker too).
import { idbOpener } from "./idb";
import { upgradeItem, type OutboxItem, type OutboxStore } from "./outbox";

const DB_NAME = "pantau";
const STORE = "outbox";
/** Tells open pages (and the service worker) that the outbox changed. */
export const OUTBOX_CHANNEL = "pantau-outbox";
export const SYNC_TAG = "pantau-outbox";

const open = idbOpener(DB_NAME, (db) => {
  if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { keyPath: "id" });
});

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  return new Promise<T>((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const req = work(tx.objectStore(STORE));
    // Resolve on commit, not on the request's success: a written item is on disk when this returns.
    tx.oncomplete = () => resolve(req.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

function notify() {
  if (typeof BroadcastChannel === "undefined") return;
  const channel = new BroadcastChannel(OUTBOX_CHANNEL);
  channel.postMessage("changed");
  channel.close();
}

export const idbStore: OutboxStore = {
  all: async () => (await run("readonly", (s) => s.getAll() as IDBRequest<OutboxItem[]>)).map(upgradeItem),
  get: async (id) => {
    const item = await run("readonly", (s) => s.get(id) as IDBRequest<OutboxItem | undefined>);
    return item && upgradeItem(item);
  },
  put: async (item) => {
    await run("readwrite", (s) => s.put(item));
    notify();
  },
  delete: async (id) => {
    await run("readwrite", (s) => s.delete(id));
    notify();
  },
};

/**
 * Runs `fn` unless another tab or the service worker is already flushing (Web Locks where available);
 * with `wait`, runs it after the other one instead.
 */
export async function exclusively<T>(fn: () => Promise<T>, wait = false): Promise<T | null> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) return fn();
  return locks.request("pantau-outbox", { ifAvailable: !wait }, async (lock) => (lock ? fn() : null));
}

/**
 * Asks the browser to send the outbox through the service worker when it regains the network, even with no
 * page open (Background Sync, Chromium only; elsewhere the pages' own triggers send).
 */
export async function requestBackgroundSync() {
  try {
    const reg = (await navigator.serviceWorker?.getRegistration()) as
      (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined;
    await reg?.sync?.register(SYNC_TAG);
  } catch {
    // No Background Sync or no service worker: the pages' own triggers still send.
  }
}
