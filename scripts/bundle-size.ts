// Prints the JavaScript a browser downloads for each screen (gzip), from the production build's Remix
// manifest. `npm run build` first; `npm run bench:bundle [-- routes/officer._index ...]`.
import { gzipSync } from "node:zlib";
import { OFFICER_SCREENS, readClientFile, readManifest, screenFiles } from "./client-manifest";

const DEFAULT_ROUTES = [
  ...OFFICER_SCREENS,
  "routes/posko._index",
  "routes/admin.impor",
  "routes/publik._index",
  "routes/login",
];

const manifest = readManifest();
if (!manifest) throw new Error("No Remix manifest in build/client/assets: run `npm run build` first.");

const gzipBytes = (file: string) => gzipSync(readClientFile(file)).length;
const routes = process.argv.slice(2).length ? process.argv.slice(2) : DEFAULT_ROUTES;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
console.log("screen (route id)                          JS files   gzip");
for (const route of routes) {
  const files = screenFiles(manifest, route);
  const total = [...files].reduce((sum, file) => sum + gzipBytes(file), 0);
  console.log(`${route.padEnd(42)} ${String(files.size).padStart(8)}   ${kib(total).padStart(9)}`);
}
