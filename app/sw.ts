// Pantau's service worker, built by scripts/build-sw.ts (esbuild + workbox-build injectManifest) into
// build/client/sw.js and served at /sw.js with Cache-Control: no-cache (server/app.ts).
// - Precaches the client build (JS, CSS, icons, manifest, offline page).
// - Officer screens, the pocket guide and paper forms: network-first, cached on every successful visit and
//   warmed at install, so they open offline after one online visit (precache alone cannot do it: the
//   server-rendered HTML is not in the client build).
// - Background Sync: sends the outbox (IndexedDB) when the browser regains the network, even with no tab open.
// - Updates wait until the officer agrees (SKIP_WAITING from the page); the outbox is in IndexedDB and is
//   not touched by an update.
// Relative imports only: this file is bundled by esbuild without Vite's ~ alias.
import { precacheAndRoute, cleanupOutdatedCaches } from "workbox-precaching";
import { registerRoute } from "workbox-routing";
import { NetworkFirst } from "workbox-strategies";
import { flush, type Officer } from "./lib/outbox";
import { exclusively, idbStore, SYNC_TAG } from "./lib/outbox-idb";

interface ExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface SyncEvent extends ExtendableEvent {
  tag: string;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
}
interface MessageEventLike extends ExtendableEvent {
  data: unknown;
}
declare const self: {
  __WB_MANIFEST: (string | { url: string; revision: string | null })[];
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void>; matchAll(o: { type: "window" }): Promise<{ visibilityState: string }[]> };
  addEventListener(type: "install" | "activate", fn: (e: ExtendableEvent) => void): void;
  addEventListener(type: "sync", fn: (e: SyncEvent) => void): void;
  addEventListener(type: "fetch", fn: (e: FetchEvent) => void): void;
  addEventListener(type: "message", fn: (e: MessageEventLike) => void): void;
};

const PAGES = "pantau-pages";
/** Screens an officer needs offline; the quick-count forms are added by the page (WARM message). */
const OFFICER_PAGES = [
  "/officer",
  "/officer/checkin",
  "/officer/checklist",
  "/officer/incident",
  "/officer/incidents",
  "/officer/contacts",
  "/officer/guide",
  "/officer/paper",
];

cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);

const isOfflinePage = (url: URL) => url.pathname === "/officer" || url.pathname.startsWith("/officer/");

/** Only real pages of the logged-in officer: not a redirect to the login page, not an error. */
const onlyGoodPages = {
  cacheWillUpdate: async ({ response }: { response: Response }) =>
    response.status === 200 && !response.redirected && response.type === "basic" ? response : null,
};

const pages = new NetworkFirst({ cacheName: PAGES, networkTimeoutSeconds: 5, plugins: [onlyGoodPages] });

registerRoute(
  ({ request, url }) =>
    request.method === "GET" &&
    url.origin === location.origin &&
    isOfflinePage(url) &&
    (request.mode === "navigate" || url.pathname.endsWith(".data")),
  async (options) => {
    try {
      return await pages.handle(options);
    } catch {
      // Never seen online and no network: a page that says so, instead of the browser's error.
      return (await caches.match("/offline.html", { ignoreSearch: true })) ?? Response.error();
    }
  },
);

async function warm(urls: string[]) {
  const cache = await caches.open(PAGES);
  await Promise.all(
    urls.map(async (url) => {
      try {
        const res = await fetch(url, { credentials: "same-origin" });
        if (await onlyGoodPages.cacheWillUpdate({ response: res })) await cache.put(url, res);
      } catch {
        // offline or logged out: the page is cached on its next visit instead
      }
    }),
  );
}

self.addEventListener("install", (event) => {
  // Warm the officer screens (if the officer is logged in, the cookie comes along).
  event.waitUntil(warm(OFFICER_PAGES));
});

self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("message", (event) => {
  const data = event.data as { type?: string; urls?: unknown } | null;
  if (data?.type === "SKIP_WAITING") void self.skipWaiting();
  if (data?.type === "WARM" && Array.isArray(data.urls)) {
    const urls = data.urls
      .filter((u): u is string => typeof u === "string" && isOfflinePage(new URL(u, location.origin)))
      .slice(0, 30);
    event.waitUntil(warm(urls));
  }
  if (data?.type === "CLEAR_PAGES") event.waitUntil(caches.delete(PAGES));
});

// A logout must not leave one officer's pages for the next person on this phone.
self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  // (a plain form posts to /logout, Remix's fetch to /logout.data)
  if (event.request.method === "POST" && (url.pathname === "/logout" || url.pathname === "/logout.data"))
    event.waitUntil(caches.delete(PAGES));
});

self.addEventListener("sync", (event) => {
  if (event.tag !== SYNC_TAG) return;
  event.waitUntil(
    (async () => {
      // An open page sends by itself (and sees the server come back sooner); this is for when none is open.
      const pages = await self.clients.matchAll({ type: "window" });
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
