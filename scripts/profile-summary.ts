// Summarises V8 CPU profiles (.cpuprofile, from `node --cpu-prof`, e.g. the bench's BENCH_NODE_ARGS) by area of
// the code: self time (where the CPU was) and inclusive time (what was on the stack), per package or part of
// Pantau. Time in Node's own code and in natives is also charged to the nearest caller of ours ("charged"),
// which answers "what does this layer cost" better than the leaf alone.
//   npx tsx scripts/profile-summary.ts /tmp/prof-api/*.cpuprofile
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

// First match wins: packages before Pantau's own code, whose build is one bundle named by function.
const AREAS: [string, RegExp][] = [
  ["Remix server-runtime", /@remix-run\/server-runtime|@remix-run\/node/],
  ["Remix router", /@remix-run\/router/],
  [
    "Express",
    /node_modules\/(express|router|body-parser|send|serve-static|finalhandler|proxy-addr|accepts|type-is|qs|depd|on-finished|parseurl|fresh|etag|range-parser|setprototypeof|content-type|cookie|vary|mime)/,
  ],
  ["compression", /node_modules\/(compression|compressible|on-headers|negotiator|bytes)/],
  ["postgres.js", /node_modules\/postgres\//],
  ["zod", /node_modules\/zod/],
  ["socket.io", /node_modules\/(socket\.io|engine\.io|ws)/],
  ["undici (Fetch API)", /node:internal\/deps\/undici|undici/],
  ["web streams", /node:internal\/webstreams/],
  ["Node http/net", /node:(_http|http|net|internal\/http|internal\/stream_base|internal\/streams|stream|events)/],
  ["Pantau app (build)", /\/build\/server\//],
  ["request boundary", /\/server\/request-boundary/],
  ["security headers", /\/server\/security/],
  ["API router", /\/server\/api-router/],
  ["Remix adapter (server/remix-handler)", /\/server\/remix-handler/],
  ["server glue", /\/server\//],
  ["other node_modules", /node_modules/],
  ["node internals", /^node:/],
];

function areaOf(frame: ProfileNode["callFrame"]): string {
  if (frame.functionName === "(garbage collector)") return "GC";
  if (frame.functionName === "(idle)") return "idle";
  if (frame.functionName === "(program)") return "(program)";
  if (frame.functionName === "(root)") return "(root)";
  if (!frame.url) return /^JSON\.|^(parse|stringify)$/.test(frame.functionName) ? "JSON" : "native";
  for (const [name, pattern] of AREAS) if (pattern.test(frame.url)) return name;
  return "other";
}

const INTERNAL = new Set(["native", "node internals", "web streams", "Node http/net", "JSON", "undici (Fetch API)"]);

const self = new Map<string, number>();
const charged = new Map<string, number>();
const inclusive = new Map<string, number>();
const functions = new Map<string, number>();
let busy = 0;
const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);

for (const file of process.argv.slice(2)) {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const leaf = byId.get(id)!;
    const leafArea = areaOf(leaf.callFrame);
    if (leafArea === "idle") return;
    busy += dt;
    add(self, leafArea, dt);
    add(
      functions,
      `${leaf.callFrame.functionName || "(anonymous)"} ${leaf.callFrame.url.replace(/.*node_modules\//, "")}:${leaf.callFrame.lineNumber}`,
      dt,
    );
    const seen = new Set<string>();
    let chargedTo: string | undefined = INTERNAL.has(leafArea) ? undefined : leafArea;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const area = areaOf(byId.get(at)!.callFrame);
      if (!seen.has(area) && area !== "(root)") {
        seen.add(area);
        add(inclusive, area, dt);
      }
      if (!chargedTo && !INTERNAL.has(area) && !["(program)", "(root)", "other"].includes(area)) chargedTo = area;
    }
    add(
      charged,
      chargedTo ?? (INTERNAL.has(leafArea) ? "Node alone (HTTP parsing, socket reads, timers)" : leafArea),
      dt,
    );
  });
}

const pct = (v: number) => `${((100 * v) / busy).toFixed(1).padStart(5)} %`;
const table = (title: string, m: Map<string, number>, top = 30) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(v)}  ${k}`);
};
console.log(`busy ${(busy / 1e6).toFixed(1)} s of CPU samples (idle left out)`);
table("self time by area", self);
table("self time, Node's own code and natives charged to the nearest caller of ours", charged);
table("inclusive time by area (on the stack)", inclusive);
table("self time by function (top 25)", functions, 25);
