// What the service worker precaches, read from the production build: the offline page first, then exactly
// what the officer's screens load (the entry, the root and the routes/officer.* routes with their imports,
// css, the files their code imports later, the root's stylesheet, icons and web manifest), each file once.
// The command post's, the admin's and the map's code stay out: an officer's phone never runs them, and on
// a slow link every byte delays the moment it works without signal.
import { createHash } from "node:crypto";
import type { PrecacheEntry } from "../app/lib/offline-kit";

type ManifestEntry = { module: string; imports?: string[]; css?: string[] };
/** The Remix manifest; `url` is its own file, which every page loads before it can run. */
export type RemixManifest = { url?: string; entry: ManifestEntry; routes: Record<string, ManifestEntry> };
type Link = { rel?: string; href?: string };

/** The officer's pages (resource routes have no code to run), the screens an officer opens first ahead. */
export function officerRoutes(manifest: RemixManifest, isPage: (routeId: string) => boolean = () => true): string[] {
  const first = ["root", "routes/officer._index", "routes/officer.quick-count.$contest"];
  const rest = Object.keys(manifest.routes)
    .filter((id) => id.startsWith("routes/officer.") && !first.includes(id))
    .sort();
  return [...first, ...rest].filter((id) => manifest.routes[id] && isPage(id));
}

/** Files a built module loads later by a relative name (`import("./workbox-window-x.js")`). */
const laterImports = (code: string) =>
  [...code.matchAll(/["'`]\.\/([\w.-]+\.(?:js|css))["'`]/g)].map((m) => `/assets/${m[1]}`);

export function precacheList({
  manifest,
  rootLinks,
  webManifest,
  essential,
  read,
  isPage,
}: {
  manifest: RemixManifest;
  /** Whether a route renders a page (a resource route's module is empty). */
  isPage?: (routeId: string) => boolean;
  /** The root route's `links()`: its stylesheet, icons and web manifest. */
  rootLinks: Link[];
  /** The web app manifest's text (its icons are precached). */
  webManifest: string;
  /** Files that must be cached before anything else (the offline page and its script). */
  essential: string[];
  /** A built file's bytes by its URL path. */
  read: (url: string) => Buffer;
}): { version: string; essential: PrecacheEntry[]; shell: PrecacheEntry[] } {
  const urls = new Set<string>();
  const add = (url: string) => {
    if (urls.has(url)) return;
    urls.add(url);
    if (url.endsWith(".js")) for (const later of laterImports(read(url).toString("utf8"))) add(later);
  };
  const addModule = (m: ManifestEntry) => [m.module, ...(m.imports ?? []), ...(m.css ?? [])].forEach(add);
  if (manifest.url) add(manifest.url);
  addModule(manifest.entry);
  for (const id of officerRoutes(manifest, isPage)) addModule(manifest.routes[id]);
  for (const link of rootLinks)
    if (link.href?.startsWith("/") && ["stylesheet", "icon", "manifest", "apple-touch-icon"].includes(link.rel ?? ""))
      add(link.href);
  for (const icon of (JSON.parse(webManifest) as { icons?: { src: string }[] }).icons ?? []) add(icon.src);
  for (const url of essential) urls.delete(url);

  // Names under /assets/ carry a content hash; the others get one as their revision.
  const entry = (url: string): PrecacheEntry => ({
    url,
    revision: url.startsWith("/assets/") ? null : createHash("sha256").update(read(url)).digest("hex").slice(0, 12),
  });
  const list = { essential: essential.map(entry), shell: [...urls].map(entry) };
  const version = createHash("sha256").update(JSON.stringify(list)).digest("hex").slice(0, 12);
  return { version, ...list };
}
