// Registers the service worker (production builds only: in development Vite serves modules the worker
// would cache stale) and tells the page when a new version waits, so the officer decides when to update.
import type { Workbox } from "workbox-window";
import type { OfflineState, OfflineStateMessage } from "./offline-kit";

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
 * Asks the service worker to make the officer's phone ready offline (it fetches the kit and the pages it
 * lacks, docs/decisions/024-ready-offline-within-seconds.md) and reports its state to `onState`: at once
 * "preparing" on a phone the worker does not control yet, then what the worker says. Asks again when the
 * network comes back. Returns the function that stops listening; does nothing where there is no worker.
 */
export function prepareOffline(onState: (state: OfflineState) => void): () => void {
  if (!import.meta.env.PROD || typeof navigator === "undefined" || !("serviceWorker" in navigator)) return () => {};
  const container = navigator.serviceWorker;
  const listener = (event: MessageEvent) => {
    const data = event.data as Partial<OfflineStateMessage> | null;
    if (data?.type === "OFFLINE_STATE" && data.state) onState(data.state);
  };
  container.addEventListener("message", listener);
  if (!container.controller) onState("preparing");
  const ask = () => void container.ready.then((reg) => reg.active?.postMessage({ type: "PREPARE" }));
  ask();
  window.addEventListener("online", ask);
  return () => {
    container.removeEventListener("message", listener);
    window.removeEventListener("online", ask);
  };
}
