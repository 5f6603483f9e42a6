// Prints the JavaScript a browser downloads for each screen (gzip), from the production build's Remix
// manifest: the entry, the root route and every route from the root down to the screen, with the modules
// they import, each counted once. `npm run build` first; `npm run bench:bundle [-- routes/officer._index ...]`.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

type ManifestEntry = { module: string; imports?: string[]; parentId?: string };
type Manifest = { entry: ManifestEntry; routes: Record<string, ManifestEntry> };

const client = path.resolve("build/client");
const assets = path.join(client, "assets");
const manifestFile = readdirSync(assets).find((name) => /^manifest-.*\.js$/.test(name));
if (!manifestFile) throw new Error("No Remix manifest in build/client/assets: run `npm run build` first.");
const manifestText = readFileSync(path.join(assets, manifestFile), "utf8");
const manifest = JSON.parse(
  manifestText.slice(manifestText.indexOf("{"), manifestText.lastIndexOf("}") + 1),
) as Manifest;

const OFFICER = ["routes/officer._index", "routes/officer.quick-count.$contest", "routes/officer.incident"];
const DEFAULT_ROUTES = [
  ...OFFICER,
  "routes/posko._index",
  "routes/admin.impor",
  "routes/publik._index",
  "routes/login",
];

function modulesOf(routeId: string): Set<string> {
  const files = new Set<string>([manifest.entry.module, ...(manifest.entry.imports ?? [])]);
  for (let id: string | undefined = routeId; id; id = manifest.routes[id]?.parentId) {
    const route = manifest.routes[id];
    if (!route) throw new Error(`No route ${id} in the manifest.`);
    files.add(route.module);
    for (const file of route.imports ?? []) files.add(file);
  }
  return files;
}

const gzipBytes = (file: string) => gzipSync(readFileSync(path.join(client, file))).length;
const routes = process.argv.slice(2).length ? process.argv.slice(2) : DEFAULT_ROUTES;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
console.log("screen (route id)                          JS files   gzip");
for (const route of routes) {
  const files = modulesOf(route);
  const total = [...files].reduce((sum, file) => sum + gzipBytes(file), 0);
  console.log(`${route.padEnd(42)} ${String(files.size).padStart(8)}   ${kib(total).padStart(9)}`);
}
