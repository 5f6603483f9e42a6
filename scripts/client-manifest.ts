// Reads the production build's Remix manifest: which JavaScript files the browser loads for a screen
// (the entry, the root route and every route from the root down to the screen, with the modules they
// import, each counted once). Shared by `npm run bench:bundle` and the test that keeps the officer
// screens free of other features' messages.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

type ManifestEntry = { module: string; imports?: string[]; parentId?: string };
type Manifest = { entry: ManifestEntry; routes: Record<string, ManifestEntry> };

/** The screens an officer's phone opens on election day. */
export const OFFICER_SCREENS = [
  "routes/officer._index",
  "routes/officer.quick-count.$contest",
  "routes/officer.incident",
];

export const CLIENT_BUILD = path.resolve("build/client");

/** The manifest of the production build, or null when there is no build yet. */
export function readManifest(client = CLIENT_BUILD): Manifest | null {
  const assets = path.join(client, "assets");
  if (!existsSync(assets)) return null;
  const manifestFile = readdirSync(assets).find((name) => /^manifest-.*\.js$/.test(name));
  if (!manifestFile) return null;
  const text = readFileSync(path.join(assets, manifestFile), "utf8");
  return JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)) as Manifest;
}

/** The files (paths under build/client) a browser downloads to show `routeId`. */
export function screenFiles(manifest: Manifest, routeId: string): Set<string> {
  const files = new Set<string>([manifest.entry.module, ...(manifest.entry.imports ?? [])]);
  for (let id: string | undefined = routeId; id; id = manifest.routes[id]?.parentId) {
    const route = manifest.routes[id];
    if (!route) throw new Error(`No route ${id} in the manifest.`);
    files.add(route.module);
    for (const file of route.imports ?? []) files.add(file);
  }
  return files;
}

/** The text of one built file. */
export const readClientFile = (file: string, client = CLIENT_BUILD) => readFileSync(path.join(client, file));
