// Builds the service worker after `remix vite:build`: esbuild bundles app/sw.ts (Workbox and the outbox
// included), then workbox-build injects the precache manifest of build/client (injectManifest).
import { rmSync } from "node:fs";
import { build } from "esbuild";
import { injectManifest } from "workbox-build";

const bundled = "build/sw.bundle.js";
await build({
  entryPoints: ["app/sw.ts"],
  bundle: true,
  format: "iife",
  target: "es2020",
  minify: true,
  outfile: bundled,
  define: { "process.env.NODE_ENV": '"production"' },
  logLevel: "warning",
});
const { count, size, warnings } = await injectManifest({
  swSrc: bundled,
  swDest: "build/client/sw.js",
  globDirectory: "build/client",
  globPatterns: ["**/*.{js,css,png,svg,webmanifest,html}"],
  globIgnores: ["sw.js"],
  // hashed file names under /assets/ need no revision
  dontCacheBustURLsMatching: /^assets\//,
  maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
});
rmSync(bundled);
for (const w of warnings) console.warn(w);
console.log(`service worker: build/client/sw.js precaches ${count} files (${Math.round(size / 1024)} KiB)`);
