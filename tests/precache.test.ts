// What the service worker precaches, from the production build: everything an officer's screen loads, the
// offline page first, each file once, and nothing of the command post, the admin or the map.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_BUILD, readManifest, screenFiles } from "../scripts/client-manifest";
import { precacheList, type RemixManifest } from "../scripts/precache-list";

const manifest = readManifest();
const skipped = manifest ? "" : " (SKIPPED: no production build in build/; run `npm run build` first)";
const read = (url: string) => readFileSync(path.join(CLIENT_BUILD, url));

/** The list the build gave the service worker (build/client/sw.js). */
function builtList() {
  const sw = read("/sw.js").toString("utf8");
  return [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]);
}

describe.skipIf(!manifest)(`the service worker's precache${skipped}`, () => {
  const officerRoutes = Object.keys(manifest!.routes).filter(
    (id) => id.startsWith("routes/officer.") && id !== "routes/officer.offline-kit",
  );
  const urls = builtList();

  it("starts with the offline page and lists each file once", () => {
    expect(urls.slice(0, 2)).toEqual(["/offline.html", "/offline.js"]);
    expect(new Set(urls).size).toBe(urls.length);
  });

  it.each(officerRoutes)("holds every file %s loads", (route) => {
    for (const file of screenFiles(manifest!, route)) expect(urls, file).toContain(file);
  });

  it("holds the Remix manifest, which every page loads before its code runs", () => {
    const file = readdirSync(path.join(CLIENT_BUILD, "assets")).find((name) => /^manifest-.*\.js$/.test(name));
    expect(urls).toContain(`/assets/${file}`);
  });

  it("holds the stylesheet, the icons and the web manifest", () => {
    expect(urls.some((u) => /^\/assets\/styles-.*\.css$/.test(u))).toBe(true);
    expect(urls).toEqual(expect.arrayContaining(["/manifest.webmanifest", "/icons/icon-192.png", "/favicon.svg"]));
  });

  it("holds nothing only the command post, the admin, the public pages or the map load", () => {
    const officerFiles = new Set(officerRoutes.flatMap((route) => [...screenFiles(manifest!, route)]));
    const others = ["routes/posko._index", "routes/admin.impor", "routes/admin.surat", "routes/publik._index"];
    const foreign = others.flatMap((route) => [...screenFiles(manifest!, route)]).filter((f) => !officerFiles.has(f));
    expect(foreign.length).toBeGreaterThan(0);
    for (const file of foreign) expect(urls, file).not.toContain(file);
    expect(urls.filter((u) => /leaflet|map\.client|posko|admin/.test(u))).toEqual([]);
  });

  it("leaves out the empty modules of resource routes, and revisions the files without a hash", () => {
    const list = precacheList({
      manifest: manifest as unknown as RemixManifest,
      rootLinks: [{ rel: "stylesheet", href: urls.find((u) => u.endsWith(".css"))! }],
      webManifest: read("/manifest.webmanifest").toString("utf8"),
      essential: ["/offline.html"],
      read,
      isPage: (id) => id !== "routes/officer.offline-kit",
    });
    const kit = manifest!.routes["routes/officer.offline-kit"].module;
    expect(list.shell.map((e) => e.url)).not.toContain(kit);
    expect(list.essential).toEqual([{ url: "/offline.html", revision: expect.stringMatching(/^[0-9a-f]{12}$/) }]);
    for (const entry of list.shell) expect(entry.revision === null, entry.url).toBe(entry.url.startsWith("/assets/"));
  });
});
