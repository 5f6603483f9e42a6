// `npm run bench:posko -- [--tps 100000] [--burst 500] [--json FILE]`
// `npm run bench:posko -- --national [N] [--keep-db DIR | --db URL] [--json FILE] [--waterfall]`
// The command-post page (/posko) in a real browser with a big generated region. A fresh
// embedded PostgreSQL seeded with `--tps` generated TPS, Pantau's production build (`npm run build` first)
// without map tiles (TILE_URL empty: nothing offline serves them, the map draws without), and Debian's
// Chromium logged in as `posko`. It prints: navigation to the map showing clusters and the totals, the JS
// heap, DOM markers drawn, a zoom and a pan redrawing the clusters, and a burst of `--burst` quick counts
// posted over HTTP until the page's totals show them, with the long tasks (main thread blocked > 50 ms) of
// each phase; then the public page (/publik) and its summary as a visitor opens them.
// With `--national` (820,000 TPS unless N is given) it seeds the national election instead and opens the
// command post and the public page at every level of the drill-down (the country, its biggest province, that
// province's biggest kabupaten/kota, kecamatan and kelurahan), printing per level the time until the page
// shows its figures, the bytes on the wire, the JS heap and the markers drawn. `--keep-db DIR` keeps the
// seeded database in DIR and reuses it on the next run; `--db URL` uses a database seeded beforehand
// (`npm run db:generate -- national 820000`). Loopback only; every wait is bounded in time, every loop in count.
import os from "node:os";
import fs from "node:fs/promises";
import { randomUUID } from "node:crypto";
import { chromium, type Browser, type Cookie, type Page } from "@playwright/test";
import { DEMO_SECRET } from "../db/seed";
import {
  formatTable,
  freePort,
  HOST,
  log,
  mintSessions,
  now,
  request,
  sleep,
  startLoadDatabase,
  startPantau,
  stopChild,
  withDeadline,
} from "./load-kit";

function option(name: string, fallback: number, min: number, max: number) {
  const i = process.argv.indexOf(`--${name}`);
  const value = Number(i > 0 ? process.argv[i + 1] : fallback);
  if (!Number.isInteger(value) || value < min || value > max) {
    console.error(`--${name} must be a whole number from ${min} to ${max}`);
    process.exit(2);
  }
  return value;
}
const textOption = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? "") : "";
};
/** `--national` alone means the whole country's 820,000 TPS; `--national 100000` a smaller country. */
function nationalOption() {
  const i = process.argv.indexOf("--national");
  if (i < 0) return 0;
  const next = process.argv[i + 1];
  return next && /^\d+$/.test(next) ? option("national", 820_000, 1_000, 2_000_000) : 820_000;
}
const opts = {
  tps: option("tps", 10_000, 100, 200_000),
  burst: option("burst", 500, 1, 5_000),
  json: textOption("json"),
  national: nationalOption(),
  /** Keep the generated database in this folder and reuse it next time (seeding the country takes minutes). */
  keepDb: textOption("keep-db"),
  /** Use this database, already migrated and seeded, as it is. */
  db: textOption("db"),
  /** Print each level's requests with their start and end, from the navigation (where the time goes). */
  waterfall: process.argv.includes("--waterfall"),
};
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
];
/** Every wait on the page: a page slower than this is reported as a failure, not waited on for ever. */
const PAGE_WAIT_MS = 180_000;

/** Long tasks and DOM mutations of the map, recorded by the page from its first script on. */
declare global {
  interface Window {
    __bench: { longTasks: { start: number; duration: number }[]; lastMapMutation: number };
  }
}
const RECORDER = () => {
  window.__bench = { longTasks: [], lastMapMutation: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask", buffered: true });
};

async function pageNow(page: Page) {
  return page.evaluate(() => performance.now());
}
/** Long tasks since `from` (page clock): count, longest, total. */
async function longTasksSince(page: Page, from: number) {
  const tasks = await page.evaluate((t0) => window.__bench.longTasks.filter((t) => t.start >= t0), from);
  return {
    count: tasks.length,
    max: Math.round(Math.max(0, ...tasks.map((t) => t.duration))),
    total: Math.round(tasks.reduce((s, t) => s + t.duration, 0)),
  };
}
/** DOM markers: Leaflet div icons (clusters, responders) and SVG paths (single TPS, incidents); all elements. */
async function domCounts(page: Page) {
  return page.evaluate(() => ({
    clusters: document.querySelectorAll(".tps-cluster").length,
    tpsMarkers: document.querySelectorAll("path.tps-marker").length,
    markers:
      document.querySelectorAll(".leaflet-marker-icon").length +
      document.querySelectorAll(".leaflet-overlay-pane path").length,
    elements: document.getElementsByTagName("*").length,
  }));
}
async function heapMb(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  await cdp.detach();
  return Math.round(usedSize / 1e5) / 10;
}
/** Runs `act` (a click, a drag) and waits until the map's panes have not changed for `quietMs`: the time
 *  from the end of `act` (mouse up) to the last change is the redraw. */
async function redrawTime(page: Page, act: () => Promise<void>, quietMs = 600) {
  await page.evaluate(() => {
    const pane = document.querySelector(".leaflet-map-pane")!;
    const observer = new MutationObserver(() => (window.__bench.lastMapMutation = performance.now()));
    observer.observe(pane, { subtree: true, childList: true, attributes: true });
    (window as unknown as { __observer: MutationObserver }).__observer = observer;
  });
  const before = await domCounts(page);
  const t0 = await pageNow(page);
  await act();
  const actEnd = await pageNow(page);
  await page.waitForFunction(
    ({ t0, quietMs }) => {
      const last = window.__bench.lastMapMutation;
      return last > t0 && performance.now() - last > quietMs;
    },
    { t0, quietMs },
    { timeout: PAGE_WAIT_MS, polling: 100 },
  );
  const ms = Math.max(
    0,
    Math.round(
      (await page.evaluate(() => {
        (window as unknown as { __observer: MutationObserver }).__observer.disconnect();
        return window.__bench.lastMapMutation;
      })) - actEnd,
    ),
  );
  return { ms, longTasks: await longTasksSince(page, t0), before, after: await domCounts(page) };
}
const readVotes = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .innerText()
    .then((text) => Number(text.replace(/\D/g, "")));

async function main() {
  const loadAtStart = os.loadavg()[0];
  const db = await startLoadDatabase({
    tpsCount: opts.tps,
    keepDir: opts.keepDb || undefined,
    url: opts.db || undefined,
  });
  const port = await freePort();
  const server = await startPantau(db.databaseUrl, port, { TILE_URL: "" });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const base = `http://${HOST}:${port}`;
    const context = await browser.newContext({
      baseURL: base,
      locale: "id-ID",
      viewport: { width: 1366, height: 800 },
    });
    await context.addInitScript(RECORDER);
    const page = await context.newPage();
    page.on("pageerror", (e) => log(`page error: ${e.message}`));
    page.setDefaultTimeout(PAGE_WAIT_MS);
    await page.goto("/login");
    await page.getByLabel("Nama pengguna atau kode TPS").fill("posko");
    await page.getByLabel("Kata sandi atau PIN").fill(DEMO_SECRET);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));

    // 0. The page's HTML alone (server render with the snapshot inside), as the browser's HTTP client gets it.
    const htmlStart = now();
    const htmlAnswer = await context.request.get("/posko");
    const page0 = {
      ms: Math.round(now() - htmlStart),
      bytes: (await htmlAnswer.body()).length,
      status: htmlAnswer.status(),
    };

    // 1. Navigation to a usable map: clusters drawn, totals shown, live.
    const navStart = now();
    await page.goto("/posko", { waitUntil: "commit" });
    await page.waitForLoadState("domcontentloaded");
    const html = Math.round(now() - navStart);
    await page.locator(".tps-cluster").first().waitFor();
    await page.getByTestId("votes-gubernur-1").waitFor();
    const mapShown = Math.round(now() - navStart);
    await page.getByTestId("live-status").filter({ hasText: "Langsung" }).waitFor();
    const live = Math.round(now() - navStart);
    const load = await longTasksSince(page, 0);
    const drawn = await domCounts(page);
    const heap = await heapMb(page);
    log(
      `map shown in ${mapShown} ms, live in ${live} ms; ${drawn.clusters} clusters, ${drawn.tpsMarkers} single TPS; heap ${heap} MB`,
    );

    // 2. Zoom in one step and pan: clusters redrawn.
    const zoom = await redrawTime(page, () => page.locator(".leaflet-control-zoom-in").click());
    const box = (await page.getByTestId("map").boundingBox())!;
    const pan = await redrawTime(page, async () => {
      const x = box.x + box.width / 2;
      const y = box.y + box.height / 2;
      await page.mouse.move(x, y);
      await page.mouse.down();
      for (let i = 1; i <= 10; i++) await page.mouse.move(x - i * 30, y - i * 15);
      await page.mouse.up();
    });
    log(`zoom redraw ${zoom.ms} ms, pan redraw ${pan.ms} ms`);

    // 3. A burst of quick counts from `--burst` officers (one first result each, posted 25 at a time over
    // HTTP) until the page's totals show every one of them.
    const officers = await db.sql<{ code: string; dpt: number; userId: number }[]>`
      select t.code, t.dpt, u.id as user_id from tps t join users u on u.tps_code = t.code order by t.code limit ${opts.burst}`;
    const tokens = await mintSessions(
      db.sql,
      officers.map((o) => o.userId),
    );
    const startVotes = await readVotes(page, "votes-gubernur-1");
    let expected = startVotes;
    const bodies = officers.map((o) => {
      const used = Math.round(o.dpt * 0.6);
      const one = Math.round(used * 0.5);
      expected += one;
      return {
        id: randomUUID(),
        tpsCode: o.code,
        contest: "gubernur",
        votes: { "1": one, "2": used - one - 3 },
        invalid: 3,
        capturedAt: new Date().toISOString(),
      };
    });
    // BENCH_POSKO_PROFILE=FILE writes a Chromium CPU profile of the burst (open it in DevTools).
    const profiler = process.env.BENCH_POSKO_PROFILE ? await context.newCDPSession(page) : null;
    if (profiler) {
      await profiler.send("Profiler.enable");
      await profiler.send("Profiler.start");
    }
    const burstStart = now();
    const burstPageStart = await pageNow(page);
    let errors = 0;
    for (let i = 0; i < bodies.length; i += 25) {
      const answers = await Promise.all(
        bodies.slice(i, i + 25).map((body, k) => request(port, "POST", "/api/v1/quick-counts", body, tokens[i + k])),
      );
      errors += answers.filter((a) => a.status !== 201).length;
    }
    const posted = Math.round(now() - burstStart);
    if (errors) throw new Error(`${errors} of ${bodies.length} quick counts were refused`);
    await page.waitForFunction(
      (want) =>
        Number(document.querySelector("[data-testid=votes-gubernur-1]")?.textContent?.replace(/\D/g, "")) === want,
      expected,
      { timeout: PAGE_WAIT_MS, polling: 50 },
    );
    const shown = Math.round(now() - burstStart);
    if (profiler)
      await fs.writeFile(
        process.env.BENCH_POSKO_PROFILE!,
        JSON.stringify((await profiler.send("Profiler.stop")).profile),
      );
    const burstTasks = await longTasksSince(page, burstPageStart);
    const heapAfter = await heapMb(page);

    // 4. The public page, as a visitor without an account opens it: its HTML, and every contest's totals shown.
    const [{ contests }] = await db.sql<[{ contests: number }]>`select count(*)::int as contests from contests`;
    const visitor = await browser.newContext({
      baseURL: base,
      locale: "id-ID",
      viewport: { width: 1366, height: 800 },
    });
    const summaryStart = now();
    const summaryAnswer = await visitor.request.get("/api/v1/public/summary");
    const summary = {
      ms: Math.round(now() - summaryStart),
      bytes: (await summaryAnswer.body()).length,
      status: summaryAnswer.status(),
    };
    const publicPage = await visitor.newPage();
    publicPage.setDefaultTimeout(PAGE_WAIT_MS);
    const publicStart = now();
    await publicPage.goto("/publik", { waitUntil: "domcontentloaded" });
    await publicPage.getByTestId("public-gubernur").waitFor();
    const publicShown = Math.round(now() - publicStart);
    const publicSections = await publicPage.locator("section[data-testid^=public-]").count();
    await visitor.close();
    const result = {
      tps: opts.tps,
      burst: opts.burst,
      page0,
      html,
      mapShown,
      live,
      load,
      drawn,
      heap,
      zoom,
      pan,
      posted,
      shown,
      burstTasks,
      heapAfter,
      contests,
      summary,
      publicShown,
      publicSections,
      cpus: os.cpus().length,
      loadAtStart,
      loadAtEnd: os.loadavg()[0],
    };
    report(result);
    if (opts.json) await fs.writeFile(opts.json, JSON.stringify(result, null, 2));
    await context.close();
  } finally {
    await browser.close();
    await stopChild(server);
    await db.close();
  }
}

// ---------- --national: the drill-down at every level ----------
/** How long one level may take to show before it is reported as not shown (the target is 2 s). */
const LEVEL_WAIT_MS = 60_000;
/** The page is taken as shown once no HTTP request has been in flight for this long. */
const QUIET_MS = 1_000;

interface Level {
  level: string;
  code: string;
  name: string;
  tps: number;
}
interface LevelFigures {
  page: "posko" | "publik";
  level: string;
  code: string;
  status: number | null;
  /** Navigation to the page showing its figures (see `openLevel`), or null when it did not within LEVEL_WAIT_MS. */
  shownMs: number | null;
  /** Bytes on the wire (gzip where the server compressed) of every HTTP request of the navigation. */
  httpBytes: number;
  requests: number;
  /** WebSocket frames received (Socket.IO: the live totals pushed after the page opened). */
  wsBytes: number;
  heapMb: number | null;
  domElements: number | null;
  /** Markers the map draws (regions as aggregates, or TPS). */
  markers: number | null;
  /** The request that took longest, and how long. */
  slowest: string;
  note: string;
}

/** The drill-down's levels, each the biggest (most TPS) inside the one above: what a page must carry at worst. */
async function biggestLevels(sql: Awaited<ReturnType<typeof startLoadDatabase>>["sql"]): Promise<Level[]> {
  const levels: Level[] = [];
  const [{ tps }] = await sql<[{ tps: number }]>`select count(*)::int as tps from tps`;
  levels.push({ level: "national", code: "ID", name: "Indonesia", tps });
  let within = "";
  for (const [level, parts] of [
    ["province", 1],
    ["kabupaten/kota", 2],
    ["kecamatan", 3],
    ["kelurahan", 4],
  ] as const) {
    const [row] = await sql<{ code: string; tps: number }[]>`
      select array_to_string((string_to_array(kelurahan_code, '.'))[1:${parts}], '.') as code, count(*)::int as tps
      from tps where ${within ? sql`kelurahan_code like ${within + ".%"} or kelurahan_code = ${within}` : sql`true`}
      group by 1 order by 2 desc, 1 limit 1`;
    if (!row) break;
    const [region] = await sql<{ name: string }[]>`select name from regions where code = ${row.code}`;
    levels.push({ level, code: row.code, name: region?.name ?? row.code, tps: row.tps });
    within = row.code;
  }
  return levels;
}

/**
 * Opens one page at one level in a fresh browser context (nothing cached: what a first visit downloads) and
 * waits until it shows its figures: the document loaded, no HTTP request in flight for QUIET_MS (the loader's
 * data and any summary the page fetches have arrived), and, where the page has a map, markers on it. Shown is
 * the later of the last HTTP response and the first markers; bytes are every HTTP response's encoded length
 * from Chromium's network events (compressed, headers included) and WebSocket frames apart.
 */
async function openLevel(
  browser: Browser,
  base: string,
  page: "posko" | "publik",
  level: Level,
  cookies: Cookie[],
): Promise<LevelFigures> {
  const context = await browser.newContext({ baseURL: base, locale: "id-ID", viewport: { width: 1366, height: 768 } });
  if (cookies.length) await context.addCookies(cookies);
  const tab = await context.newPage();
  tab.on("pageerror", (e) => log(`${page} ${level.code}: page error: ${e.message}`));
  const cdp = await context.newCDPSession(tab);
  await cdp.send("Network.enable");
  const inFlight = new Map<string, { url: string; start: number }>();
  let slowest = { url: "", ms: 0 };
  let httpBytes = 0;
  let requests = 0;
  let wsBytes = 0;
  let lastResponse = 0;
  const waterfall: { url: string; start: number; end: number }[] = [];
  cdp.on("Network.requestWillBeSent", (e) => {
    if (e.type === "WebSocket") return;
    inFlight.set(e.requestId, { url: e.request.url, start: now() });
    requests++;
  });
  const done = (id: string) => {
    const request = inFlight.get(id);
    if (!request) return;
    inFlight.delete(id);
    lastResponse = now();
    waterfall.push({ url: request.url, start: request.start, end: lastResponse });
    if (lastResponse - request.start > slowest.ms)
      slowest = { url: request.url, ms: Math.round(lastResponse - request.start) };
  };
  cdp.on("Network.loadingFinished", (e) => {
    if (inFlight.has(e.requestId)) httpBytes += e.encodedDataLength;
    done(e.requestId);
  });
  cdp.on("Network.loadingFailed", (e) => done(e.requestId));
  cdp.on("Network.webSocketFrameReceived", (e) => (wsBytes += e.response.payloadData.length));
  const figures: LevelFigures = {
    page,
    level: level.level,
    code: level.code,
    status: null,
    shownMs: null,
    httpBytes: 0,
    requests: 0,
    wsBytes: 0,
    heapMb: null,
    domElements: null,
    markers: null,
    slowest: "",
    note: "",
  };
  try {
    const start = now();
    const answer = await tab.goto(`/${page}?wilayah=${encodeURIComponent(level.code)}`, {
      waitUntil: "load",
      timeout: LEVEL_WAIT_MS,
    });
    figures.status = answer?.status() ?? null;
    const endAt = start + LEVEL_WAIT_MS;
    let firstMarkers = 0;
    while (now() < endAt) {
      const seen = await tab.evaluate(() => ({
        map: !!document.querySelector(".leaflet-container"),
        markers:
          document.querySelectorAll(".leaflet-marker-icon").length +
          document.querySelectorAll(".leaflet-overlay-pane path").length,
      }));
      if (seen.markers && !firstMarkers) firstMarkers = now();
      const quiet = inFlight.size === 0 && now() - Math.max(lastResponse, start) >= QUIET_MS;
      if (quiet && (!seen.map || firstMarkers)) {
        figures.shownMs = Math.round(Math.max(lastResponse, firstMarkers) - start);
        break;
      }
      await sleep(50);
    }
    if (opts.waterfall) {
      for (const r of waterfall.sort((a, b) => a.start - b.start)) {
        const url = new URL(r.url);
        log(`  ${Math.round(r.start - start)}-${Math.round(r.end - start)} ms ${url.pathname}${url.search}`);
      }
      log(`  first markers at ${firstMarkers ? Math.round(firstMarkers - start) : "-"} ms`);
    }
    if (figures.shownMs === null)
      figures.note = `not shown within ${LEVEL_WAIT_MS / 1000} s; in flight: ${[...inFlight.values()].map((r) => new URL(r.url).pathname).join(" ")}`;
    const counted = await domCounts(tab);
    figures.domElements = counted.elements;
    figures.markers = counted.markers;
    figures.heapMb = await heapMb(tab);
    if (figures.status !== 200) figures.note ||= `status ${figures.status}`;
  } catch (error) {
    figures.note = (error as Error).message.split("\n")[0].slice(0, 80);
  } finally {
    figures.httpBytes = httpBytes;
    figures.requests = requests;
    figures.wsBytes = wsBytes;
    figures.slowest = slowest.url
      ? `${new URL(slowest.url).pathname}${new URL(slowest.url).search} ${slowest.ms} ms`
      : "";
    await context.close();
  }
  return figures;
}

/**
 * `--national [N]`: the generated national election, the command post and the public page opened at the
 * whole country, its biggest province, that province's biggest kabupaten/kota, and so on down to a kelurahan.
 * Targets: shown in under 2 s, under 500 KB on the wire, at every level.
 */
async function nationalLevels() {
  const loadAtStart = os.loadavg()[0];
  const db = await startLoadDatabase({
    tpsCount: opts.national,
    election: "national",
    keepDir: opts.keepDb || undefined,
    url: opts.db || undefined,
  });
  const port = await freePort();
  const server = await startPantau(db.databaseUrl, port, { TILE_URL: "" });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const base = `http://${HOST}:${port}`;
    const levels = await biggestLevels(db.sql);
    log(`levels: ${levels.map((l) => `${l.level} ${l.code} ${l.name} (${l.tps} TPS)`).join("; ")}`);
    // The drill-down needs the region summaries (SPEC section 7): without them a page at the national level
    // would try to carry every TPS of the country, which is what this bench exists to rule out.
    const probe = await request(port, "GET", "/api/v1/public/regions/ID/summary");
    const rows: LevelFigures[] = [];
    if (probe.status === 404 || probe.status === 405) {
      console.log(
        `bench:posko --national: skipped the pages: this build has no GET /api/v1/public/regions/:code/summary (status ${probe.status}); merge the running totals and the drill-down first`,
      );
    } else {
      const login = await browser.newContext({ baseURL: base, locale: "id-ID" });
      const tab = await login.newPage();
      await tab.goto("/login");
      await tab.getByLabel("Nama pengguna atau kode TPS").fill("posko");
      await tab.getByLabel("Kata sandi atau PIN").fill(DEMO_SECRET);
      await tab.getByRole("button", { name: "Masuk" }).click();
      await tab.waitForURL((url) => !url.pathname.startsWith("/login"));
      const cookies = await login.cookies();
      await login.close();
      for (const level of levels) {
        for (const page of ["posko", "publik"] as const) {
          const figures = await openLevel(browser, base, page, level, page === "posko" ? cookies : []);
          log(
            `${page} ${level.level} ${level.code}: ${figures.shownMs ?? "-"} ms, ${Math.round(figures.httpBytes / 1024)} KB ${figures.note}`,
          );
          rows.push(figures);
        }
      }
    }
    const result = {
      tps: opts.national,
      levels,
      rows,
      cpus: os.cpus().length,
      loadAtStart,
      loadAtEnd: os.loadavg()[0],
    };
    reportLevels(result);
    if (opts.json) await fs.writeFile(opts.json, JSON.stringify(result, null, 2));
  } finally {
    await browser.close();
    await stopChild(server);
    await db.close();
  }
}

function reportLevels(r: {
  tps: number;
  levels: Level[];
  rows: LevelFigures[];
  cpus: number;
  loadAtStart: number;
  loadAtEnd: number;
}) {
  const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
  const tpsOf = new Map(r.levels.map((l) => [l.code, l]));
  const met = (row: LevelFigures) =>
    row.shownMs !== null && row.shownMs < 2000 && row.httpBytes < 500 * 1024 ? "yes" : "NO";
  console.log(
    [
      `The drill-down at every level — national election, ${r.tps} TPS, Chromium, ${r.cpus} CPUs, load average ${r.loadAtEnd.toFixed(1)} (${r.loadAtStart.toFixed(1)} at start)`,
      `Each page opened in a fresh browser (nothing cached); targets: shown < 2 s, < 500 KB on the wire`,
      formatTable(
        [
          "page",
          "level",
          "code",
          "name",
          "TPS",
          "status",
          "shown ms",
          "HTTP KB",
          "requests",
          "ws KB",
          "heap MB",
          "markers",
          "DOM",
          "target",
          "slowest request",
          "note",
        ],
        r.rows.map((row) => [
          `/${row.page}`,
          row.level,
          row.code,
          tpsOf.get(row.code)?.name.slice(0, 24) ?? "",
          tpsOf.get(row.code)?.tps ?? null,
          row.status,
          row.shownMs,
          kb(row.httpBytes),
          row.requests,
          kb(row.wsBytes),
          row.heapMb,
          row.markers,
          row.domElements,
          met(row),
          row.slowest.slice(0, 60),
          row.note,
        ]),
      ),
    ].join("\n"),
  );
}

type Tasks = { count: number; max: number; total: number };
function report(r: {
  tps: number;
  burst: number;
  page0: { ms: number; bytes: number; status: number };
  html: number;
  mapShown: number;
  live: number;
  load: Tasks;
  drawn: Awaited<ReturnType<typeof domCounts>>;
  heap: number;
  zoom: Awaited<ReturnType<typeof redrawTime>>;
  pan: Awaited<ReturnType<typeof redrawTime>>;
  posted: number;
  shown: number;
  burstTasks: Tasks;
  heapAfter: number;
  contests: number;
  summary: { ms: number; bytes: number; status: number };
  publicShown: number;
  publicSections: number;
  cpus: number;
  loadAtStart: number;
  loadAtEnd: number;
}) {
  const tasks = (t: Tasks) => `${t.count} long tasks, longest ${t.max} ms, ${t.total} ms in all`;
  console.log(
    [
      `Command post in the browser — ${r.tps} TPS, ${r.contests} contests, Chromium, ${r.cpus} CPUs, load average ${r.loadAtEnd.toFixed(1)} (${r.loadAtStart.toFixed(1)} at start)`,
      `  GET /posko (HTML)         ${r.page0.ms} ms, ${r.page0.bytes} bytes (status ${r.page0.status})`,
      `  HTML (domcontentloaded)   ${r.html} ms`,
      `  map clusters + totals     ${r.mapShown} ms after navigation (live at ${r.live} ms); ${tasks(r.load)}`,
      `  drawn                     ${r.drawn.clusters} clusters, ${r.drawn.tpsMarkers} single TPS markers, ${r.drawn.markers} map markers, ${r.drawn.elements} DOM elements`,
      `  JS heap                   ${r.heap} MB after load, ${r.heapAfter} MB after the burst`,
      `  zoom in, redrawn          ${r.zoom.ms} ms after the click (incl. Leaflet's 250 ms animation); ${tasks(r.zoom.longTasks)}; ${r.zoom.after.clusters} clusters, ${r.zoom.after.tpsMarkers} single TPS`,
      `  pan, redrawn              ${r.pan.ms} ms after the drag (300 × 150 px) ended; ${tasks(r.pan.longTasks)}`,
      `  burst of ${r.burst} quick counts  posted in ${r.posted} ms, all in the page's totals after ${r.shown} ms; ${tasks(r.burstTasks)}`,
      `Public page, a visitor without an account`,
      `  GET /api/v1/public/summary ${r.summary.ms} ms, ${r.summary.bytes} bytes (status ${r.summary.status})`,
      `  /publik, contests shown    ${r.publicShown} ms after navigation; ${r.publicSections} sections`,
    ].join("\n"),
  );
}

const guard = setTimeout(() => {
  console.error("bench:posko: overall time limit (15 min) reached");
  process.exit(1);
}, 15 * 60_000);
guard.unref();
try {
  await withDeadline("bench:posko", 15 * 60_000, opts.national ? nationalLevels() : main());
  process.exit(0);
} catch (error) {
  console.error(error);
  process.exit(1);
}
