// Builds the service worker and the offline page after `remix vite:build`:
// 1. the offline page: its script (app/offline-page.ts, bundled to build/client/offline.js) and its HTML
//    (worded from app/lib/messages/offline.ts), self-contained so it works before anything else is cached;
// 2. the precache list of the officer's screens from the Remix build (scripts/precache-list.ts);
// 3. app/sw.ts bundled with that list into build/client/sw.js.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import type { ServerBuild } from "@remix-run/node";
import { OFFLINE_PAGE } from "../app/lib/offline-kit";
import { offlinePageHtml } from "../app/lib/offline-page-html";
import { precacheList } from "./precache-list";

const CLIENT = path.resolve("build/client");
const OFFLINE_SCRIPT = "/offline.js";
const bundle = (entry: string, outfile: string, define: Record<string, string> = {}) =>
  build({
    entryPoints: [entry],
    bundle: true,
    format: "iife",
    target: "es2020",
    minify: true,
    outfile,
    define: { "process.env.NODE_ENV": '"production"', ...define },
    logLevel: "warning",
  });

await bundle("app/offline-page.ts", path.join(CLIENT, OFFLINE_SCRIPT));
writeFileSync(path.join(CLIENT, OFFLINE_PAGE), offlinePageHtml(OFFLINE_SCRIPT));

const server = (await import(pathToFileURL(path.resolve("build/server/index.js")).href)) as ServerBuild;
const rootLinks = (server.routes.root?.module.links?.() ?? []) as { rel?: string; href?: string }[];
const read = (url: string) => readFileSync(path.join(CLIENT, url));
const list = precacheList({
  manifest: server.assets,
  rootLinks,
  webManifest: read("/manifest.webmanifest").toString("utf8"),
  essential: [OFFLINE_PAGE, OFFLINE_SCRIPT],
  read,
  isPage: (id) => id === "root" || typeof server.routes[id]?.module.default === "function",
});

await bundle("app/sw.ts", path.join(CLIENT, "sw.js"), { __PRECACHE__: JSON.stringify(list) });
const files = [...list.essential, ...list.shell];
const bytes = files.reduce((sum, f) => sum + read(f.url).length, 0);
console.log(`service worker: build/client/sw.js precaches ${files.length} files (${Math.round(bytes / 1024)} KiB)`);
// The server build was imported only to read its routes' links; it holds no handles, but be sure.
process.exit(0);
