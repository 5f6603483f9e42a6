// Registers the service worker (production builds only: in development Vite serves modules the worker
// would cache stale) and tells the page when a new version waits, so the officer decides when to update.
import type { Workbox } from "workbox-window";

let wb: Workbox | null = null;
let waiting = false;
const listeners = new Set<() => void>();

export function registerServiceWorker() {
  if (!import.meta.env.PROD || typeof navigator === "undefined" || !("serviceWorker" in navigator) || wb) return;
  void import("workbox-window").then(({ Workbox }) => {
    wb = new Workbox("/sw.js");
    wb.addEventListener("waiting", () => {
      waiting = true;
      for (const l of listeners) l();
    });
    void wb.register();
  });
}

export const updateWaiting = () => waiting;

export function onUpdateWaiting(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/**
 * Switches to the waiting version and reloads. Safe for unsent data: the outbox lives in IndexedDB, which
 * the update does not touch, and open forms keep drafts (see useDraft).
 */
export function applyUpdate() {
  if (!wb) return;
  wb.addEventListener("controlling", () => window.location.reload());
  wb.messageSkipWaiting();
}

/**
 * Asks the service worker to cache these officer pages now (e.g. the quick-count forms of each contest).
 * Waits for an active worker: on the first visit it installs while the page loads (often on the login
 * page, where its own warming at install finds no session).
 */
export async function warmPages(urls: string[]) {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  const reg = await navigator.serviceWorker.ready;
  reg.active?.postMessage({ type: "WARM", urls });
}
