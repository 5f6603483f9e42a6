// The voter list on the officer's phone, encrypted (docs/decisions/047-voter-list-check.md): AES-GCM with a
// key made on the phone when the list is downloaded. The ciphertext is in IndexedDB (app/lib/voter-wipe.ts),
// the key in the pages cache, which every login and logout deletes; so the list survives a reload and works
// offline for its officer, and a copy of IndexedDB alone is unreadable. Loaded only by the check's screen.
import { PAGES_CACHE } from "./offline-kit";
import type { VoterListDownload } from "./voters";
import { readVoterLog, VOTER_CHANNEL, VOTER_KEY_URL, voterDb, type VoterLog } from "./voter-wipe";

interface StoredList {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

/** Encrypts and keeps the list for `account`; the log says when it was loaded. */
export async function saveVoterList(list: VoterListDownload, account: number, now = new Date()): Promise<VoterLog> {
  const key = await crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, true, ["encrypt", "decrypt"]);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv },
    key,
    new TextEncoder().encode(JSON.stringify(list)),
  );
  const raw = await crypto.subtle.exportKey("raw", key);
  await (
    await caches.open(PAGES_CACHE)
  ).put(VOTER_KEY_URL, new Response(raw, { headers: { "Content-Type": "application/octet-stream" } }));
  await voterDb("list", "readwrite", (s) => s.put({ iv, data } satisfies StoredList, "list"));
  const log: VoterLog = { tps: list.tpsCode, account, loadedAt: now.toISOString(), wipedAt: null, reason: null };
  await voterDb("log", "readwrite", (s) => s.put(log, "log"));
  if (typeof BroadcastChannel !== "undefined") {
    const channel = new BroadcastChannel(VOTER_CHANNEL);
    channel.postMessage("loaded");
    channel.close();
  }
  return log;
}

/** The list kept for `account`, decrypted; null when none is held (or its key is gone: then it is unreadable). */
export async function loadVoterList(account: number): Promise<VoterListDownload | null> {
  const log = await readVoterLog();
  if (!log || log.wipedAt || log.account !== account) return null;
  const stored = await voterDb("list", "readonly", (s) => s.get("list") as IDBRequest<StoredList | undefined>);
  const keyRes = await (await caches.open(PAGES_CACHE)).match(VOTER_KEY_URL);
  if (!stored || !keyRes) return null;
  try {
    const key = await crypto.subtle.importKey("raw", await keyRes.arrayBuffer(), "AES-GCM", false, ["decrypt"]);
    const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: stored.iv }, key, stored.data);
    return JSON.parse(new TextDecoder().decode(plain)) as VoterListDownload;
  } catch {
    return null;
  }
}

export { readVoterLog };
