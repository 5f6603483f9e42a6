// What an officer's phone keeps to work without signal (docs/decisions/024-ready-offline-within-seconds.md):
// the officer's pages in the "pantau-pages" cache, and beside them the kit, a small JSON the service worker
// fetches once per login: who the officer is, the ballots of their TPS with their choices (so Pantau's own
// offline page can still record a quick count before the pages are cached) and the pages to warm, most
// important first. Shared by the kit's route, the service worker and the offline page.
// Relative imports only: the service worker and the offline page are bundled without the ~ alias.
import type { Lang } from "./i18n";

/** The officer's pages and the kit: cleared at logout and at the next login, so they never outlive a session. */
export const PAGES_CACHE = "pantau-pages";
/** Where the kit is served (an officer page, so only the logged-in officer gets it) and cached. */
export const KIT_URL = "/officer/offline-kit";
/** The offline page, precached before anything else. */
export const OFFLINE_PAGE = "/offline.html";

export interface OfflineKit {
  account: number;
  tps: string;
  lang: Lang;
  contests: { code: string; name: string; choices: { number: number; name: string }[] }[];
  /** The officer pages to keep offline, most important first. */
  pages: string[];
}

/** The kit kept in the pages cache, or null when there is none (nobody logged in yet, or a logout since). */
export async function readKit(cache?: Cache): Promise<OfflineKit | null> {
  try {
    const res = await (cache ?? (await caches.open(PAGES_CACHE))).match(KIT_URL);
    return res ? ((await res.json()) as OfflineKit) : null;
  } catch {
    return null;
  }
}

/** The officer's pages in the order they are warmed: home and the quick counts first, the rest after. */
export function officerPages(contestCodes: string[], screens: string[]): string[] {
  return [
    "/officer",
    ...contestCodes.map((c) => `/officer/quick-count/${c}`),
    ...screens,
    ...contestCodes.map((c) => `/officer/c-hasil/${c}`),
  ];
}

/** Pages of the officer app: the only navigations whose answers are kept for offline use. */
export const isOfficerPage = (pathname: string) => pathname === "/officer" || pathname.startsWith("/officer/");

/** What the service worker tells the pages about being ready offline. */
export type OfflineState = "preparing" | "ready" | "incomplete";
export interface OfflineStateMessage {
  type: "OFFLINE_STATE";
  state: OfflineState;
}

/** Small facts the service worker keeps across restarts (a logout waiting for the signal). */
export const STATE_CACHE = "pantau-state";
/** Present while a logout made without signal has not reached the server yet. */
export const LOGOUT_PENDING = "/__pantau/logout-pending";

/** A file the service worker precaches; `revision` for names without a content hash. */
export interface PrecacheEntry {
  url: string;
  revision: string | null;
}
