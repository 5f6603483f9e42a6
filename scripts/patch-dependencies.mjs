// postinstall: three small, idempotent patches to dependencies, each checked against the exact code it expects
// (a different version is left unchanged, with a warning). Remove a patch once a release carries its fix.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Applies `edit` to each file that exists and is not marked yet; `edit` returns null when the code is not as expected. */
function patch(name, files, mark, edit) {
  let patched = 0;
  for (const relative of files) {
    const file = path.join(root, "node_modules", relative);
    if (!existsSync(file)) continue;
    const text = readFileSync(file, "utf8");
    if (text.includes(mark)) continue;
    const edited = edit(text);
    if (edited === null) {
      console.warn(`patch-dependencies (${name}): ${file} is not the expected code, left unchanged`);
      continue;
    }
    writeFileSync(file, edited);
    patched++;
  }
  if (patched) console.log(`patch-dependencies: ${name} in ${patched} file(s)`);
}

// 1. postgres.js 3.4.9 crashes when PostgreSQL goes away under load (issue 6, fault test `npm run test:fault --
// postgres`). A small write is flushed from a setImmediate; when the connection closes first, `nextWrite`
// calls `socket.write` on null and the uncaught TypeError kills the server, and the timer left armed would
// keep that connection from ever writing again. Upstream reports and the same guard:
// https://github.com/porsager/postgres/issues/1154, #1208, pull requests #1168 and #1209.
const PG_MARK = "/* pantau: null-socket guard */";
patch(
  "postgres null-socket guard",
  ["postgres/src/connection.js", "postgres/cjs/src/connection.js", "postgres/cf/src/connection.js"],
  PG_MARK,
  (text) => {
    const guard = "  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)";
    if (!text.includes(guard) || (text.match(/clearImmediate\(nextWriteTimer\)\n/g) ?? []).length !== 3) return null;
    return text
      .replace(
        guard,
        `  function nextWrite(fn) {\n    ${PG_MARK}\n    if (!socket) {\n      chunk = nextWriteTimer = null\n      error(Errors.connection('CONNECTION_CLOSED', options))\n      return false\n    }\n    const x = socket.write(chunk, fn)`,
      )
      .replace(
        /(\n\s*)clearImmediate\(nextWriteTimer\)\n(?!\s*nextWriteTimer !== null)/g,
        (m, indent) => `${indent}clearImmediate(nextWriteTimer)${indent}nextWriteTimer = chunk = null\n`,
      );
  },
);

// 2. @remix-run/router 1.23 flattens and ranks the whole route tree again on every match, compiles each route's
// path to a regular expression again on every comparison, and Remix's server matches two or three times per
// request: measured at 14 % of the server's CPU under `npm run bench` (issue 6). The server's route tree is
// built once per build and never changed, so per tree (a WeakMap: a new build in dev gets a new tree) the
// ranked branches are cached, and the matches of recent paths (a fresh copy for each caller; at most 1,000
// paths, then the cache starts over); compiled paths are cached per pattern (patterns come from route files,
// not from requests; capped all the same). Only the server's CommonJS copy is patched; the browser bundle,
// whose tree grows when routes are discovered lazily, keeps the original.
const ROUTER_MARK = "/* pantau: ranked branches cached per route tree */";
patch("router match cache", ["@remix-run/router/dist/router.cjs.js"], ROUTER_MARK, (text) => {
  const ranking = "  let branches = flattenRoutes(routes);\n  rankRouteBranches(branches);\n";
  const matchLoop = "  let matches = null;\n  let decoded = decodePath(pathname);\n";
  const matchReturn =
    "    matches = matchRouteBranch(branches[i], decoded, allowPartial);\n  }\n  return matches;\n}\n";
  const matchDeclaration = "function matchRoutesImpl(routes, locationArg, basename, allowPartial) {\n";
  const compileDeclaration = "function compilePath(path, caseSensitive, end) {\n";
  if (
    [ranking, matchLoop, matchReturn, matchDeclaration, compileDeclaration].some(
      (code) => text.split(code).length !== 2,
    )
  )
    return null;
  return text
    .replace(
      matchDeclaration,
      [
        ROUTER_MARK,
        "const rankedBranches = new WeakMap();",
        "const matchesByPath = new WeakMap();",
        "const copyMatches = (matches) => matches && matches.map((m) => Object.assign({}, m, { params: Object.assign({}, m.params) }));",
        matchDeclaration,
      ].join("\n"),
    )
    .replace(
      matchLoop,
      [
        "  let recent = matchesByPath.get(routes);",
        "  if (!recent) matchesByPath.set(routes, (recent = new Map()));",
        '  const key = (allowPartial ? "p" : "-") + pathname;',
        "  if (recent.has(key)) return copyMatches(recent.get(key));",
        matchLoop,
      ].join("\n"),
    )
    .replace(
      matchReturn,
      [
        "    matches = matchRouteBranch(branches[i], decoded, allowPartial);",
        "  }",
        "  if (recent.size >= 1000) recent.clear();",
        "  recent.set(key, copyMatches(matches));",
        "  return matches;",
        "}",
        "",
      ].join("\n"),
    )
    .replace(
      ranking,
      "  let branches = rankedBranches.get(routes);\n  if (!branches) {\n    branches = flattenRoutes(routes);\n    rankRouteBranches(branches);\n    rankedBranches.set(routes, branches);\n  }\n",
    )
    .replace(
      compileDeclaration,
      [
        "const compiledPaths = new Map();",
        "function compilePath(path, caseSensitive, end) {",
        '  const key = (caseSensitive ? "i" : "-") + (end === false ? "-" : "e") + path;',
        "  let compiled = compiledPaths.get(key);",
        "  if (!compiled) {",
        "    compiled = compilePathUncached(path, caseSensitive, end);",
        "    if (compiledPaths.size < 1000) compiledPaths.set(key, compiled);",
        "  }",
        "  return compiled;",
        "}",
        "function compilePathUncached(path, caseSensitive, end) {",
        "",
      ].join("\n"),
    );
});

// 3. @remix-run/server-runtime 2.17 copies every request twice before a loader or action sees it, to strip
// `?index`, `?_data` or `?_routes` from its URL, also when the URL has none of them. Each copy is a new
// undici Request that follows the previous one's abort signal through a WeakRef and a FinalizationRegistry,
// which V8 clears only in a full garbage collection: the server's slow writes came in bursts right after
// each full collection (every 6-7 s under load), when the finalizers of thousands of requests run. Measured with `npm run bench` (500/s, 1,000 dashboards): ack p99 139-232 ms with the patch, 191-284 ms
// without. A URL without the parameter now passes the request itself, unchanged.
const STRIP_MARK = "/* pantau: no copy without a parameter to strip */";
patch(
  "request copies",
  ["@remix-run/server-runtime/dist/data.js", "@remix-run/server-runtime/dist/esm/data.js"],
  STRIP_MARK,
  (text) => {
    const strips = [
      ["stripIndexParam", "index"],
      ["stripDataParam", "_data"],
      ["stripRoutesParam", "_routes"],
    ];
    const heads = strips.map(([fn]) => `function ${fn}(request) {\n  let url = new URL(request.url);\n`);
    if (heads.some((head) => text.split(head).length !== 2)) return null;
    return strips.reduce(
      (edited, [, param], i) =>
        edited.replace(
          heads[i],
          `${i === 0 ? `${STRIP_MARK}\n` : ""}${heads[i]}  if (!url.searchParams.has(${JSON.stringify(param)})) return request;\n`,
        ),
      text,
    );
  },
);
