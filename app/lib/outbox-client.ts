// The page's side of the outbox: put an action in, send at once, again on reconnect, on app start, on a
// timer while the app is open, and through Background Sync (the service worker) where the browser has it.
// It sends only for the officer logged in on this page, knows whether the server can be reached (a light
// probe while something waits), and tells the command post what this phone still holds per TPS.
import { useEffect, useState, useSyncExternalStore } from "react";
import {
  belongsTo,
  flush,
  heldPerTps,
  newItem,
  nextDueIn,
  type FlushResult,
  type Officer,
  type OutboxItem,
} from "./outbox";
import { exclusively, idbStore, OUTBOX_CHANNEL, requestBackgroundSync } from "./outbox-idb";

const POLL_MS = 15_000;
/** While something waits or the server was unreachable, it is asked this often whether it answers again. */
const PROBE_MS = 3_000;
/** A probe without an answer this long means signal but no data. */
const PROBE_TIMEOUT_MS = 4_000;
const DEVICE_KEY = "pantau-device";

/** The officer this page sends for: set by the app shell from the session, null when nobody is logged in. */
let officer: Officer | null = null;

/** What the page knows of the link: whether the server answered last time, and whether a round is running. */
export interface NetworkState {
  server: "up" | "down" | null;
  sending: boolean;
}
let network: NetworkState = { server: null, sending: false };
const listeners = new Set<() => void>();
function setNetwork(next: Partial<NetworkState>) {
  if (Object.entries(next).every(([k, v]) => network[k as keyof NetworkState] === v)) return;
  network = { ...network, ...next };
  for (const listener of listeners) listener();
}
const SERVER_STATE: NetworkState = { server: null, sending: false };

/** The page's knowledge of the server (re-rendered when it changes); the browser's own signal is apart. */
export function useNetworkState(): NetworkState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => network,
    () => SERVER_STATE,
  );
}

/** Whether the browser has a signal at all (navigator.onLine), kept current. */
export function useOnline() {
  const [online, setOnline] = useState(true);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    update();
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);
  return online;
}

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

let retryTimer: ReturnType<typeof setTimeout> | undefined;
/** The running round's abort: a server that answers again ends a round stuck on a dead link. */
let round: AbortController | null = null;

/** The page's fetch for a round: ended when the round is aborted or the request times out. */
const roundFetch = (round: AbortSignal) => (url: string, init: RequestInit) => {
  // By hand rather than AbortSignal.any, which older Android WebViews lack.
  const either = new AbortController();
  for (const signal of [round, init.signal]) {
    if (signal?.aborted) either.abort();
    else signal?.addEventListener("abort", () => either.abort(), { once: true });
  }
  return fetch(url, { ...init, signal: either.signal });
};

/**
 * Sends what is due for the logged-in officer; `force` also sends items still waiting out their backoff
 * (reconnect, a tap, the server back); `queue` waits for another sender to finish instead of leaving the
 * work to it.
 */
export async function flushNow(force = false, queue = false) {
  const who = officer;
  if (!who?.account) return;
  const result = await exclusively(async (): Promise<FlushResult> => {
    const abort = new AbortController();
    round = abort;
    const due = (await idbStore.all()).some((i) => i.state === "pending" && belongsTo(i, who));
    if (due) setNetwork({ sending: true });
    try {
      return await flush(idbStore, { who, fetcher: roundFetch(abort.signal), force });
    } finally {
      if (round === abort) round = null;
      setNetwork({ sending: false });
    }
  }, queue);
  if (result === null) {
    // Someone else (another tab, the service worker) is sending: look again shortly.
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => void flushNow(force), 1000);
    return;
  }
  if (result.server) setNetwork({ server: result.server });
  const due = nextDueIn((await idbStore.all()).filter((i) => belongsTo(i, who)));
  clearTimeout(retryTimer);
  if (due !== null) retryTimer = setTimeout(() => void flushNow(), Math.max(due, 1000));
  if (result.waiting) void requestBackgroundSync();
  void reportHeld();
}

/** A cheap request that any running server answers: anything below 500 means data gets through. */
async function probe(): Promise<boolean> {
  try {
    const res = await fetch("/api/v1/session", {
      cache: "no-store",
      credentials: "same-origin",
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    await res.arrayBuffer();
    return res.status < 500;
  } catch {
    return false;
  }
}

let probing = false;
/** While something waits or the server was down: ask the server, and send everything once it answers. */
async function probeIfWaiting() {
  const who = officer;
  if (probing || !who?.account || !navigator.onLine) return;
  const waiting = (await idbStore.all()).some((i) => i.state === "pending" && belongsTo(i, who));
  if (!waiting && network.server !== "down") return;
  probing = true;
  try {
    const up = await probe();
    const wasDown = network.server === "down";
    setNetwork({ server: up ? "up" : "down" });
    if (up && wasDown && waiting) {
      // Back: a round stuck on the dead link gives way to one that sends everything now.
      round?.abort();
      void flushNow(true, true);
    }
  } finally {
    probing = false;
  }
}

/** A random id of this phone (kept on it), so the command post can tell phones apart. No personal data. */
function deviceId(): string {
  let id = localStorage.getItem(DEVICE_KEY);
  if (!id) {
    id = crypto.randomUUID();
    localStorage.setItem(DEVICE_KEY, id);
  }
  return id;
}

let lastHeld: string | null = null;
/**
 * Tells the server what this phone holds unsent per TPS (counts and the oldest time, every account's items),
 * whenever that changed: the command post then sees a report stuck on a phone, even another officer's. The
 * logout awaits it, so the last word the server hears before the session ends is the true one.
 */
export async function reportHeld() {
  if (!officer?.account) return;
  try {
    const held = heldPerTps(await idbStore.all());
    const shown = JSON.stringify(held);
    if (shown === lastHeld) return;
    const res = await fetch("/api/v1/outbox-held", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      credentials: "same-origin",
      body: JSON.stringify({ device: deviceId(), held }),
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    // Read to the end: an unread answer keeps its request open until the timeout aborts it.
    await res.arrayBuffer();
    if (res.ok) lastHeld = shown;
  } catch {
    // No network: reported on the next round.
  }
}

let started = false;
/**
 * App start and every change of who is logged in: send what is waiting for this officer (another officer's
 * items stay until they log in), and keep sending on every chance the browser gives.
 */
export function startOutbox(who: Officer | null) {
  if (typeof window === "undefined" || !("indexedDB" in window)) return;
  const changed = who?.account !== officer?.account || who?.tps !== officer?.tps;
  officer = who?.account ? who : null;
  // Nobody logged in yet (the login page, the command post): nothing to send, nothing to listen for.
  if (!officer && !started) return;
  if (changed) {
    lastHeld = null;
    setNetwork({ server: null });
    if (officer) void flushNow(true).then(() => probeIfWaiting());
  }
  if (started) return;
  started = true;
  window.addEventListener("online", () => void flushNow(true));
  window.addEventListener("offline", () => round?.abort());
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") void flushNow();
  });
  setInterval(() => {
    if (navigator.onLine) void flushNow();
  }, POLL_MS);
  setInterval(() => void probeIfWaiting(), PROBE_MS);
}

export async function discard(id: string) {
  await idbStore.delete(id);
  void reportHeld();
}

/** The outbox items of the logged-in officer, newest first, kept current across tabs and the service worker. */
export function useOutbox(who: Officer): {
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
