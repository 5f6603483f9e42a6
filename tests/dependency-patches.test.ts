// The patches under patches/ must be in effect in the installed node_modules: a patch that was dropped, reverted
// by a reinstall or made for another version fails here instead of silently costing a crash or CPU in
// production. Every patch is checked for its code in every file it covers, and each is also run once to
// show what it does (in the build of the package this process loads).
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { describe, expect, inject, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const PATCHES = path.join(ROOT, "patches");
const require = createRequire(import.meta.url);

/** patch-package's file name: the package name with "/" as "+", then "+" and the version it was made against. */
function packageOf(patchFile: string) {
  const parts = patchFile.replace(/\.patch$/, "").split("+");
  return { name: parts.slice(0, -1).join("/"), version: parts[parts.length - 1] };
}

/** Each file a unified diff covers, with the text every hunk leaves behind (its context and added lines). */
function patchedTexts(diff: string) {
  const files: { file: string; hunks: string[][] }[] = [];
  for (const line of diff.split("\n")) {
    const current = files[files.length - 1];
    if (line.startsWith("diff --git ")) files.push({ file: line.slice(line.indexOf(" b/") + 3), hunks: [] });
    else if (line.startsWith("@@")) current.hunks.push([]);
    else if (current?.hunks.length && (line.startsWith(" ") || line.startsWith("+")))
      current.hunks[current.hunks.length - 1].push(line.slice(1));
  }
  return files.map(({ file, hunks }) => ({ file, hunks: hunks.map((lines) => lines.join("\n")) }));
}

const patchFiles = readdirSync(PATCHES).filter((f) => f.endsWith(".patch"));

describe("dependency patches", () => {
  it("has the three patches the server relies on", () => {
    expect(patchFiles.map((f) => packageOf(f).name).sort()).toEqual([
      "@remix-run/router",
      "@remix-run/server-runtime",
      "postgres",
    ]);
  });

  it.each(patchFiles)("%s was made for the installed version and is applied to every file it covers", (patchFile) => {
    const { name, version } = packageOf(patchFile);
    const installed = JSON.parse(readFileSync(path.join(ROOT, "node_modules", name, "package.json"), "utf8"));
    expect(installed.version, `${name} was upgraded: make the patch again or drop it`).toBe(version);
    const files = patchedTexts(readFileSync(path.join(PATCHES, patchFile), "utf8"));
    expect(files.length).toBeGreaterThan(0);
    for (const { file, hunks } of files) {
      const text = readFileSync(path.join(ROOT, file), "utf8");
      expect(hunks.length).toBeGreaterThan(0);
      for (const hunk of hunks) expect(text.includes(hunk), `${file} lacks:\n${hunk}`).toBe(true);
    }
  });

  it("a query sent in a transaction whose connection has closed fails instead of crashing the process", async () => {
    const sql = postgres(inject("adminUrl"), { max: 1, onnotice: () => {} });
    const admin = postgres(inject("adminUrl"), { max: 1, onnotice: () => {} });
    try {
      let connectionClosed!: () => void;
      const closed = new Promise<void>((resolve) => (connectionClosed = resolve));
      let reportLate!: (answer: Promise<string>) => void;
      const late = new Promise<string>((resolve) => (reportLate = resolve));
      const transaction = sql.begin(async (tx) => {
        const [{ pid }] = await tx<{ pid: number }[]>`select pg_backend_pid() as pid`;
        await admin`select pg_terminate_backend(${pid})`;
        await closed;
        // The transaction's code goes on after its connection is gone, as the writer's does when PostgreSQL
        // stops mid-batch: unpatched, this write is flushed to a null socket and the TypeError is uncaught.
        const answer = tx`select 1`.then(
          () => "answered",
          (error: { code?: string }) => String(error.code),
        );
        reportLate(answer);
        return answer;
      });
      await expect(transaction).rejects.toMatchObject({ code: "CONNECTION_CLOSED" });
      connectionClosed();
      const noAnswer = new Promise<string>((resolve) => setTimeout(() => resolve("no answer in 3 s"), 3000));
      expect(await Promise.race([late, noAnswer])).toBe("CONNECTION_CLOSED");
    } finally {
      await sql.end({ timeout: 1 });
      await admin.end({ timeout: 1 });
    }
  });

  it("the server's route matching ranks a route tree once and hands each caller its own matches", () => {
    const router = require("@remix-run/router") as typeof import("@remix-run/router");
    const routes = [{ id: "report", path: "/tps/:code" }];
    const first = router.matchRoutes(routes, "/tps/3171")!;
    expect(first[0].params).toEqual({ code: "3171" });
    (first[0].params as Record<string, string>).code = "edited by a caller";
    expect(router.matchRoutes(routes, "/tps/3171")![0].params).toEqual({ code: "3171" });
    // A route tree is ranked once: a route added to the same array later is not seen, a new array is.
    routes.push({ id: "late", path: "/late" });
    expect(router.matchRoutes(routes, "/late")).toBeNull();
    expect(router.matchRoutes([...routes], "/late")![0].route.id).toBe("late");
  });

  it("loaders and actions get the request itself when its URL has nothing for Remix to strip", async () => {
    type Handler = (args: { request: Request }) => unknown;
    type Call = (args: {
      loadContext: unknown;
      params: Record<string, string>;
      request: Request;
      routeId: string;
      singleFetch: boolean;
      loader?: Handler;
      action?: Handler;
    }) => Promise<unknown>;
    const data = require("@remix-run/server-runtime/dist/data.js") as { callRouteLoader: Call; callRouteAction: Call };
    for (const singleFetch of [true, false]) {
      const seen: Request[] = [];
      const handler: Handler = ({ request }) => (seen.push(request), null);
      const common = { loadContext: {}, params: {}, routeId: "routes/x", singleFetch };
      const plain = new Request("http://127.0.0.1/tps/3171?tab=c1");
      await data.callRouteLoader({ ...common, request: plain, loader: handler });
      await data.callRouteAction({ ...common, request: plain, action: handler });
      expect(seen).toEqual([plain, plain]);
      expect(seen[0]).toBe(plain);
      expect(seen[1]).toBe(plain);
      // A URL with something to strip still gets a copy without it.
      await data.callRouteLoader({
        ...common,
        request: new Request("http://127.0.0.1/tps/3171?index&_data=x&_routes=y&tab=c1"),
        loader: handler,
      });
      expect(seen[2].url).toBe(`http://127.0.0.1/tps/3171?${singleFetch ? "_data=x" : "_routes=y"}&tab=c1`);
    }
  });
});
