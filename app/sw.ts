// Pantau's service worker, built by scripts/build-sw.ts (esbuild, with the precache list of the officer's
// screens filled in) into build/client/sw.js and served at /sw.js with Cache-Control: no-cache
// (server/app.ts). Why it works this way: docs/decisions/024-ready-offline-within-seconds.md.
// - Installs in a moment on a fresh phone: only the offline page, so a lost signal shows Pantau's own page
//   (with a quick-count form) from the first seconds on. The officer screens' code (never the command
//   post's, the admin's or the map's) follows right after, several files at a time; an update downloads it
//   all before it waits for the officer ("Perbarui sekarang"), reusing unchanged files from the old version.
// - After login it fetches the officer's kit (who, the ballots and the pages to keep) and warms those pages
//   at once, home and the quick counts first, then tells the pages "ready"; it warms again only what is
//   missing or stale (a new build, a new login), not on every visit.
// - Officer pages: network first (5 s), then the cached page, matched without its query too (the installed
//   app's start URL), then the offline page; other pages fall back to the offline page when unreachable.
// - Logout forgets the officer on the phone at once; when the server is unreachable the logout is kept and
//   reaches the server before anything else goes out with that session cookie.
// - Background Sync sends the outbox (IndexedDB) when the browser regains the network, with no tab open.
// Relative imports only: this file is bundled by esbuild without Vite's ~ alias.
import { flush, type Officer } from "./lib/outbox";
import { exclusively, idbStore, SYNC_TAG } from "./lib/outbox-idb";
import {
  isOfficerPage,
  KIT_URL,
  OFFLINE_PAGE,
  PAGES_CACHE,
  readKit,
  LOGOUT_PENDING,
  STATE_CACHE,
  type OfflineKit,
  type OfflineState,
  type OfflineStateMessage,
  type PrecacheEntry,
} from "./lib/offline-kit";
import { wipeVoterList } from "./lib/voter-wipe";

interface ExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface SyncEvent extends ExtendableEvent {
  tag: string;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(r: Promise<Response> | Response): void;
}
interface MessageEventLike extends ExtendableEvent {
  data: unknown;
}
interface WindowClientLike {
  postMessage(message: unknown): void;
  visibilityState: string;
  focus(): Promise<unknown>;
  navigate(url: string): Promise<unknown>;
}
interface NotificationEventLike extends ExtendableEvent {
  notification: { data: unknown; close(): void };
}
declare const self: {
  registration: { active: unknown };
  skipWaiting(): Promise<void>;
  clients: {
    claim(): Promise<void>;
    matchAll(options: { includeUncontrolled: boolean; type: "window" }): Promise<WindowClientLike[]>;
    openWindow(url: string): Promise<unknown>;
  };
  addEventListener(type: "install" | "activate", fn: (e: ExtendableEvent) => void): void;
  addEventListener(type: "sync", fn: (e: SyncEvent) => void): void;
  addEventListener(type: "fetch", fn: (e: FetchEvent) => void): void;
  addEventListener(type: "message", fn: (e: MessageEventLike) => void): void;
  addEventListener(type: "notificationclick", fn: (e: NotificationEventLike) => void): void;
};

/** Filled in by scripts/build-sw.ts: the offline page first, then the officer screens' files. */
declare const __PRECACHE__: { version: string; essential: PrecacheEntry[]; shell: PrecacheEntry[] };
const { version: VERSION, essential: ESSENTIAL, shell: SHELL_FILES } = __PRECACHE__;
const SHELL_CACHE = `pantau-shell-${VERSION}`;
/** Written once the pages are warmed by this version: its absence means "missing or stale". */
const WARMED = "/officer/__warmed";
/** An officer waiting for a page: slower than this counts as no signal (a link that carries nothing). */
const NETWORK_TIMEOUT_MS = 5000;
/** Downloads in the background queue behind each other on a slow link: only a dead link takes this long. */
const BACKGROUND_TIMEOUT_MS = 30_000;
/** Files fetched at a time: the browser's own limit per server, so none waits behind a slow one for long. */
const PARALLEL = 6;

/** Unchanging names (hashed, under /assets/) are their own key; the others carry their revision. */
const keyOf = (e: PrecacheEntry) => (e.revision ? `${e.url}?__v=${e.revision}` : e.url);
const precached = new Map([...ESSENTIAL, ...SHELL_FILES].map((e) => [e.url, e]));

async function inParallel<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function withTimeout(request: Request | string, init: RequestInit = {}, ms = NETWORK_TIMEOUT_MS): Promise<Response> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), ms);
  return fetch(request, { ...init, signal: abort.signal }).finally(() => clearTimeout(timer));
}

const isGood = (res: Response | null | undefined): res is Response =>
  !!res && res.status === 200 && !res.redirected && res.type === "basic";

// --- the shell: the officer screens' code, styles, icons and the offline page -----------------------------

const downloading = new Map<string, Promise<boolean>>();

/** One file into this version's cache: copied from an older version when unchanged, else downloaded once. */
function precacheOne(cache: Cache, entry: PrecacheEntry): Promise<boolean> {
  const key = keyOf(entry);
  let job = downloading.get(key);
  if (!job) {
    job = (async () => {
      if (await cache.match(key)) return true;
      const old = await caches.match(key);
      if (old) {
        await cache.put(key, old);
        return true;
      }
      // A revisioned file must not come from the HTTP cache (it may hold the previous build's for an hour).
      const res = await fetch(entry.url, { cache: entry.revision ? "reload" : "default" }).catch(() => null);
      if (!isGood(res)) return false;
      await cache.put(key, res);
      return true;
    })().finally(() => downloading.delete(key));
    downloading.set(key, job);
  }
  return job;
}

let shellJob: Promise<boolean> | null = null;
/** The whole shell in this version's cache; tried again on the next call if something failed. */
function ensureShell(): Promise<boolean> {
  return (shellJob ??= (async () => {
    const cache = await caches.open(SHELL_CACHE);
    const ok = (await inParallel([...ESSENTIAL, ...SHELL_FILES], PARALLEL, (e) => precacheOne(cache, e))).every(
      Boolean,
    );
    if (!ok) shellJob = null;
    return ok;
  })());
}

async function offlinePage(): Promise<Response> {
  const entry = precached.get(OFFLINE_PAGE);
  return (
    (entry && (await caches.match(keyOf(entry)))) ??
    (await caches.match(OFFLINE_PAGE, { ignoreSearch: true })) ??
    Response.error()
  );
}

// --- the officer's pages ------------------------------------------------------------------------------------

/**
 * The officer's pages warmed by this version: true when they all are, false when some could not be fetched
 * (no signal), null when nobody is logged in as an officer (nothing to keep).
 */
async function warmOfficerPages(): Promise<boolean | null> {
  // A logout or a new login meanwhile: what this run fetched belongs to nobody any more.
  const session = officerGeneration;
  const current = () => session === officerGeneration;
  const cache = await caches.open(PAGES_CACHE);
  const fresh = (await (await cache.match(WARMED))?.text()) === VERSION;
  let kit = await readKit(cache);
  const cached = async (url: string) => !!(await cache.match(url, { ignoreVary: true }));
  if (fresh && kit && (await Promise.all(kit.pages.map(cached))).every(Boolean)) return true;

  const res = await withTimeout(KIT_URL, { redirect: "manual", cache: "no-store" }, BACKGROUND_TIMEOUT_MS).catch(
    () => null,
  );
  if (!res) return false;
  if (!isGood(res)) return null; // a redirect to the login page: not an officer's session
  kit = (await res.clone().json()) as OfflineKit;
  if (!current()) return false;
  await cache.put(KIT_URL, res);
  const warmed = await inParallel(kit.pages, PARALLEL, async (url) => {
    // Same version: only what is missing. A new version: every page (their HTML names the new files).
    if (fresh && (await cached(url))) return true;
    const page = await withTimeout(url, { redirect: "manual" }, BACKGROUND_TIMEOUT_MS).catch(() => null);
    if (!isGood(page) || !current()) return false;
    await cache.put(url, page);
    return true;
  });
  const ok = warmed.every(Boolean) && current();
  if (ok) await cache.put(WARMED, new Response(VERSION));
  return ok;
}

/** Deletes every cache but this version's: once nothing cached refers to an older version's files. */
async function cleanup() {
  const keep = new Set([SHELL_CACHE, PAGES_CACHE, STATE_CACHE]);
  for (const name of await caches.keys()) if (!keep.has(name)) await caches.delete(name);
}

async function tell(state: OfflineState) {
  const message: OfflineStateMessage = { type: "OFFLINE_STATE", state };
  for (const client of await self.clients.matchAll({ includeUncontrolled: true, type: "window" }))
    client.postMessage(message);
}

let pagesWanted = 0;
/** Counts logins and logouts seen. */
let officerGeneration = 0;
let pagesJob: Promise<boolean | null> | null = null;
/**
 * Warms the officer's pages, once more after the current run if asked meanwhile: a login while a run
 * that found nobody logged in is still going must not be missed.
 */
function warmPagesSoon(): Promise<boolean | null> {
  pagesWanted++;
  return (pagesJob ??= (async () => {
    try {
      let done = 0;
      let result: boolean | null = null;
      while (done < pagesWanted) {
        done = pagesWanted;
        result = await warmOfficerPages();
      }
      return result;
    } finally {
      pagesJob = null;
    }
  })());
}

/** Shell and pages ready for offline use, telling the pages how far it got. */
async function prepare(): Promise<void> {
  let told = false;
  // Say "preparing" only when it is not ready at once (a visit of a ready phone stays quiet).
  const slow = setTimeout(() => {
    told = true;
    void tell("preparing");
  }, 300);
  try {
    const [shell, pages] = await Promise.all([ensureShell(), warmPagesSoon()]);
    if (shell && pages !== false) await cleanup();
    if (pages !== null || told) await tell(shell && pages ? "ready" : "incomplete");
  } finally {
    clearTimeout(slow);
  }
}

/** A new login or a logout: nothing of the previous officer stays on the phone, their voter list included. */
async function forgetOfficer() {
  officerGeneration++;
  pagesWanted++;
  await caches.delete(PAGES_CACHE);
  await wipeVoterList("logout").catch(() => undefined);
}

async function officerPage(event: FetchEvent, request: Request, navigation: boolean): Promise<Response> {
  const cache = await caches.open(PAGES_CACHE);
  const network = fetch(request).then(async (res) => {
    if (isGood(res)) await cache.put(request, res.clone());
    return res;
  });
  // The page is still stored when it arrives after the timeout.
  event.waitUntil(network.catch(() => undefined));
  const within = (ms: number) =>
    Promise.race([network, new Promise<null>((resolve) => setTimeout(() => resolve(null), ms))]).catch(() => null);
  const res = await within(NETWORK_TIMEOUT_MS);
  if (res) return res;
  const cached =
    (await cache.match(request, { ignoreVary: true })) ??
    // The installed app's start URL and links with a query open the page cached without it.
    (navigation ? await cache.match(request, { ignoreVary: true, ignoreSearch: true }) : undefined);
  if (cached) return cached;
  // Nothing stored: a slow link may still deliver it; a dead one gets Pantau's offline page after a while.
  if (!navigation) return network.catch(() => Response.error());
  return (await within(BACKGROUND_TIMEOUT_MS / 2)) ?? offlinePage();
}

async function shellFile(request: Request, url: URL): Promise<Response> {
  const entry = precached.get(url.pathname);
  const cached = await caches.match(entry ? keyOf(entry) : request, { ignoreVary: true });
  if (cached) return cached;
  if (entry && (await precacheOne(await caches.open(SHELL_CACHE), entry))) {
    const stored = await caches.match(keyOf(entry));
    if (stored) return stored;
  }
  return fetch(request);
}

// --- logout, also without signal ----------------------------------------------------------------------------

const state = caches.open(STATE_CACHE);
let logoutPending: boolean | null = null;
const logoutPendingLoaded = state
  .then((c) => c.match(LOGOUT_PENDING))
  .then((found) => {
    logoutPending ??= !!found;
  });

async function setLogoutPending(pending: boolean) {
  logoutPending = pending;
  const cache = await state;
  if (pending) await cache.put(LOGOUT_PENDING, new Response("1"));
  else await cache.delete(LOGOUT_PENDING);
}

let loggingOut: Promise<Response | null> | null = null;
/** Sends the pending logout (the browser adds the session cookie); the server's answer, or null unreachable. */
function sendLogout(request?: Request): Promise<Response | null> {
  return (loggingOut ??= (async () => {
    try {
      const res = await withTimeout(request ?? "/logout", { method: "POST", redirect: "manual" });
      // The server's redirect to the login page (or a page saying so): the session is gone there.
      const ended = res.type === "opaqueredirect" || (res.status >= 200 && res.status < 400);
      if (!ended) return null;
      await setLogoutPending(false);
      return res;
    } catch {
      return null;
    } finally {
      loggingOut = null;
    }
  })());
}

async function logout(request: Request, navigation: boolean): Promise<Response> {
  await setLogoutPending(true);
  await forgetOfficer();
  const res = await sendLogout(request);
  if (res) return res;
  // No signal: the phone has forgotten the officer; the offline page says the server will hear of it.
  return navigation ? Response.redirect(OFFLINE_PAGE, 303) : Response.error();
}

/** While a logout waits for the signal: what the phone holds, never the network. */
async function heldBack(request: Request, url: URL): Promise<Response> {
  if (request.mode === "navigate") return offlinePage();
  const entry = precached.get(url.pathname);
  return (await caches.match(entry ? keyOf(entry) : request, { ignoreVary: true })) ?? Response.error();
}

// --- the routes -------------------------------------------------------------------------------------------

type Handler = (event: FetchEvent) => Promise<Response>;

function routeOf(request: Request, url: URL): Handler | null {
  const navigation = request.mode === "navigate";
  const path = url.pathname;
  // Only Pantau's own pages log out through here: a form on another site posting to /logout would otherwise
  // be sent again by this worker as a same-origin request and pass the server's Origin check. Left to the
  // network, it carries the other site's Origin and is refused.
  if (request.method === "POST" && (path === "/logout" || path === "/logout.data"))
    return fromThisOrigin(request) ? () => logout(request, navigation) : null;
  if (request.method !== "GET") return null;
  if (isOfficerPage(path) && (navigation || path.endsWith(".data")))
    return (event) => {
      if (navigation) event.waitUntil(prepare());
      return officerPage(event, request, navigation);
    };
  if (isShellFile(path)) return () => shellFile(request, url);
  if (navigation) return () => fetch(request).catch(() => offlinePage());
  return null;
}

/** Whether a page of this origin made the request (Pantau sends its referrer to itself: Referrer-Policy same-origin). */
function fromThisOrigin(request: Request) {
  try {
    return new URL(request.referrer).origin === location.origin;
  } catch {
    return false;
  }
}

const isShellFile = (path: string) => precached.has(path) || path.startsWith("/assets/");

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== location.origin) return;
  // A new login: the previous officer's pages go (the next officer's are warmed after it).
  if (request.method === "POST" && (url.pathname === "/login" || url.pathname === "/login.data"))
    event.waitUntil(forgetOfficer());
  const handle = routeOf(request, url);
  if (logoutPending === false) {
    if (handle) event.respondWith(handle(event));
    return;
  }
  // A logout may wait for the signal: it goes first, and until it has gone nothing else goes out with the
  // session cookie (files this phone holds are still served).
  event.respondWith(
    (async () => {
      await logoutPendingLoaded;
      const isLogout = request.method === "POST" && /^\/logout(\.data)?$/.test(url.pathname);
      // What the phone holds needs no network: served at once, the logout is not waited for.
      if (logoutPending && request.method === "GET" && isShellFile(url.pathname)) return heldBack(request, url);
      if (logoutPending && !isLogout && !(await sendLogout())) return heldBack(request, url);
      return handle ? handle(event) : fetch(request);
    })(),
  );
});

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL_CACHE);
      if (!(await Promise.all(ESSENTIAL.map((e) => precacheOne(cache, e)))).every(Boolean))
        throw new Error("the offline page could not be cached");
      // An update waits for the officer anyway: it takes over only with everything in place. A first
      // install takes over at once and fetches the rest right after (prepare).
      if (self.registration.active && !(await ensureShell())) throw new Error("the shell could not be cached");
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(self.clients.claim());
  // Not in waitUntil: requests wait for activation to end, and these downloads take a while on a slow link.
  void prepare();
});

self.addEventListener("message", (event) => {
  const data = event.data as { type?: string } | null;
  if (data?.type === "SKIP_WAITING") void self.skipWaiting();
  if (data?.type === "PREPARE") event.waitUntil(prepare());
  if (data?.type === "CLEAR_PAGES") event.waitUntil(forgetOfficer());
});

// A checklist reminder (components/officer-home/checklist-reminder.tsx) opens its phase's checklist: in the
// officer's open page when there is one, else in a new one. Only Pantau's own paths are followed.
self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = (event.notification.data as { url?: unknown } | null)?.url;
  if (typeof url !== "string" || !url.startsWith("/officer/")) return;
  event.waitUntil(
    (async () => {
      const [page] = await self.clients.matchAll({ includeUncontrolled: false, type: "window" });
      if (page) await page.navigate(url).then(() => page.focus());
      else await self.clients.openWindow(url);
    })(),
  );
});

self.addEventListener("sync", (event) => {
  if (event.tag !== SYNC_TAG) return;
  event.waitUntil(
    (async () => {
      await logoutPendingLoaded;
      if (logoutPending && !(await sendLogout())) throw new Error("a logout waits for the signal");
      // An open page sends by itself (and sees the server come back sooner); this is for when none is open.
      const pages = await self.clients.matchAll({ includeUncontrolled: false, type: "window" });
      if (pages.some((p) => p.visibilityState === "visible")) return;
      // Only for the officer whose session this is: another account's reports wait for their owner.
      const who = await loggedInOfficer();
      if (!who) return;
      const result = await exclusively(() =>
        flush(idbStore, { who, fetcher: (url, init) => fetch(url, init), force: true }),
      );
      // Still waiting (server down): a rejected promise makes the browser schedule the sync again.
      if (result && result.waiting > 0) throw new Error("outbox still has items waiting");
    })(),
  );
});

/** The officer of this browser's session (GET /api/v1/session), or null for nobody or another role. */
async function loggedInOfficer(): Promise<Officer | null> {
  const res = await fetch("/api/v1/session", { credentials: "same-origin", cache: "no-store" });
  if (res.status === 401) {
    await res.arrayBuffer();
    return null;
  }
  // No answer from the server: the browser tries the sync again later.
  if (!res.ok) throw new Error(`session: HTTP ${res.status}`);
  const { user } = (await res.json()) as { user?: { id: number; role: string; tpsCode: string | null } };
  return user?.role === "officer" ? { account: user.id, tps: user.tpsCode } : null;
}
