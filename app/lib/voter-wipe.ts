// Where the officer's phone keeps a TPS's voter list, and how it is wiped (docs/decisions/047-voter-list-check.md).
// IndexedDB `pantau-voters` holds the list encrypted (AES-GCM, store `list`) and a log of when it was loaded and
// wiped (store `log`: times, TPS and reason, no personal data). The key that opens the list is not in
// IndexedDB: it sits in the officer's pages cache (Cache Storage), which the service worker deletes at every
// login and logout, so a copy of IndexedDB alone opens nothing and a logout wipes it even before this runs.
// Small on purpose: the app shell (every officer page) and the service worker import it; the screen's own
// code (search, decryption) is in the route loaded on demand. Relative imports only (bundled into the worker).
import { idbOpener } from "./idb";
import { PAGES_CACHE } from "./offline-kit";

export const VOTER_DB = "pantau-voters";
/** The list's AES key, raw, in the pages cache. */
export const VOTER_KEY_URL = "/__pantau/voter-key";
export type WipeReason = "reported" | "logout" | "other_tps" | "session" | "other_account";

export interface VoterLog {
  tps: string;
  account: number;
  loadedAt: string;
  wipedAt: string | null;
  reason: WipeReason | null;
}

export const openVoterDb = idbOpener(VOTER_DB, (db) => {
  for (const store of ["list", "log"]) if (!db.objectStoreNames.contains(store)) db.createObjectStore(store);
});

/** One request in its own transaction, resolved when the transaction is committed (on disk). */
export async function voterDb<T>(
  store: "list" | "log",
  mode: IDBTransactionMode,
  work: (s: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await openVoterDb();
  return new Promise<T>((resolve, reject) => {
    const tx = db.transaction(store, mode);
    const req = work(tx.objectStore(store));
    tx.oncomplete = () => resolve(req.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export const readVoterLog = () => voterDb("log", "readonly", (s) => s.get("log") as IDBRequest<VoterLog | undefined>);

/** Tells the screen (another tab, the worker's wipe) that the list changed. */
export const VOTER_CHANNEL = "pantau-voters";

/** Deletes the list and its key; the log keeps when and why. Does nothing when no list is held. */
export async function wipeVoterList(reason: WipeReason, now = new Date()): Promise<boolean> {
  if (indexedDB.databases && !(await indexedDB.databases()).some((d) => d.name === VOTER_DB)) return false;
  const log = await readVoterLog().catch(() => undefined);
  await voterDb("list", "readwrite", (s) => s.clear());
  try {
    await (await caches.open(PAGES_CACHE)).delete(VOTER_KEY_URL);
  } catch {
    // No Cache Storage: there is no key to delete either.
  }
  if (!log || log.wipedAt) return false;
  await voterDb("log", "readwrite", (s) => s.put({ ...log, wipedAt: now.toISOString(), reason }, "log"));
  if (typeof BroadcastChannel !== "undefined") {
    const channel = new BroadcastChannel(VOTER_CHANNEL);
    channel.postMessage("wiped");
    channel.close();
  }
  return true;
}

/** Whether a list is held now (loaded and not wiped since). */
export const holdsVoterList = (log: VoterLog | undefined): log is VoterLog => !!log && !log.wipedAt;

/**
 * On each contact with the server (an officer page loading, the outbox sending): wipes the list when nobody or
 * another account is logged in, when the session ended (401: logged out elsewhere, replaced or moved), when
 * the officer is no longer this TPS's, or when the TPS has reported every contest. Offline it waits.
 */
export async function checkVoterList(officer: { account: number | null } | null): Promise<void> {
  if (typeof indexedDB === "undefined") return;
  // Not on a browser that never held a list (the public, staff): no database is made for them.
  if (indexedDB.databases && !(await indexedDB.databases()).some((d) => d.name === VOTER_DB)) return;
  const log = await readVoterLog().catch(() => undefined);
  if (!holdsVoterList(log)) return;
  // Nobody logged in: a logout the service worker did not see, or a session ended by the command post
  // (the officer replaced or moved), which brought the phone back to the login page.
  if (!officer?.account) return void (await wipeVoterList("session"));
  if (officer.account !== log.account) return void (await wipeVoterList("other_account"));
  let res: Response;
  try {
    res = await fetch(`/api/v1/voter-status/${log.tps}`, {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch {
    return; // no signal: the phone learns it on its next contact
  }
  if (res.status === 401 || res.status === 403) return void (await wipeVoterList("session"));
  if (!res.ok) return;
  const status = (await res.json().catch(() => null)) as { keep?: boolean; reason?: WipeReason } | null;
  if (status && status.keep === false) await wipeVoterList(status.reason ?? "session");
}

/**
 * Watches from the app shell: checks at once and again whenever the outbox changed (a result sent may be the
 * last one the TPS owed) or the signal came back. Returns the way to stop.
 */
export function watchVoterList(officer: { account: number | null } | null, outboxChannel: string): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void checkVoterList(officer).catch(() => undefined), 300);
  };
  check();
  const channel = typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel(outboxChannel);
  channel?.addEventListener("message", check);
  window.addEventListener("online", check);
  return () => {
    clearTimeout(timer);
    channel?.close();
    window.removeEventListener("online", check);
  };
}
