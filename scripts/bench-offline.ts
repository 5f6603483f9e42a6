// `npm run bench:offline -- [--runs 3] [--tps 1673011001-001] [--kbps 400] [--rtt 400] [--cpu 4]`
// How long after the first login an officer's fresh phone on a slow link can work without signal. The
// production build (`npm run build` first) on a fresh seeded database, reached through the slowing TCP proxy
// of the end-to-end tests (every byte, the service worker's downloads included), in Debian's Chromium at
// Pixel 7 size with the CPU slowed by CDP. Each run is a new browser context (a phone that never opened
// Pantau) and a new link: open /login, log in as the officer, and time from the click until the phone is
// "ready offline", judged from outside so that any version of the app can be measured the same way:
//   the service worker controls the page, and every officer screen (home, check-in, checklist, incident,
//   incidents, contacts, guide, paper, and the quick-count and C.Hasil forms of each contest of the TPS) is
//   in Cache Storage together with every script and style its HTML loads.
// Prints each run and the median, with the bytes and HTTP requests that crossed the link from the first
// visit until ready. Every wait is bounded.
import diagnostics from "node:diagnostics_channel";
import { chromium, devices, type Page } from "@playwright/test";
import { parseEnv } from "../app/utils/env.server";
import { startPantau } from "../server/app";
import { createSql } from "../db/connect";
import { contestsForTps } from "../app/models/election.server";
import { startSlowLink } from "../e2e/support/slow-proxy";
import playwrightConfig from "../playwright.config";
import { createSeededDatabase, startTestPostgres } from "../tests/support/postgres";

function option(name: string, fallback: string) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}
const RUNS = Number(option("runs", "3"));
const TPS = option("tps", "1673011001-001");
const KBPS = Number(option("kbps", "400"));
const RTT_MS = Number(option("rtt", "400"));
const CPU = Number(option("cpu", "4"));
const PIN = "123456";
/** A run slower than this is reported as not ready, not waited on for ever. */
const READY_WITHIN_MS = 240_000;

const pg = await startTestPostgres();
const databaseUrl = await createSeededDatabase(pg.adminUrl, `pantau_bench_offline_${process.pid}`);
const sql = createSql(databaseUrl, { max: 1 });
const [tpsRow] = await sql<
  { kelurahanCode: string }[]
>`select kelurahan_code as "kelurahanCode" from tps where code = ${TPS}`;
if (!tpsRow) throw new Error(`No TPS ${TPS} in the demo data.`);
const contests = await contestsForTps(sql, { kelurahanCode: tpsRow.kelurahanCode });
await sql.end();
const pantau = await startPantau(
  parseEnv({
    ...process.env,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: "0",
    DATABASE_URL: databaseUrl,
    PANTAU_SEED: "none",
    COOKIE_SECURE: "false",
    TILE_URL: "",
    PANTAU_CLUSTER: "off",
  }),
  () => {},
);

// Every HTTP request the server receives (all of them crossed the link: the server listens on loopback
// and only the browser talks to it, through the proxy).
let requests = 0;
diagnostics.subscribe("http.server.request.start", () => void requests++);

// Listed here, not taken from the app, so that every version of the app is judged by the same pages.
const officerPages = [
  "/officer",
  "/officer/checkin",
  "/officer/checklist",
  "/officer/incident",
  "/officer/incidents",
  "/officer/contacts",
  "/officer/guide",
  "/officer/paper",
  ...contests.flatMap((c) => [`/officer/quick-count/${c.code}`, `/officer/c-hasil/${c.code}`]),
];

/** In the page: whether the worker controls it and every officer page and what its HTML loads is cached. */
async function readyOffline(page: Page): Promise<boolean> {
  return page
    .evaluate(async (pages) => {
      if (!navigator.serviceWorker?.controller) return false;
      for (const url of pages) {
        const res = await caches.match(url);
        if (!res) return false;
        const html = await res.text();
        const assets = new Set([...html.matchAll(/(?:href|src)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]));
        for (const asset of assets) if (!(await caches.match(asset, { ignoreSearch: true }))) return false;
        if (assets.size === 0) return false;
      }
      return true;
    }, officerPages)
    .catch(() => false); // the page is navigating: ask again
}

// The end-to-end tests' Chromium, with their flags.
const browser = await chromium.launch(playwrightConfig.use?.launchOptions);

interface Run {
  ms: number | null;
  bytes: number;
  requests: number;
}
const runs: Run[] = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const link = await startSlowLink({ port: pantau.port }, { kbps: KBPS, rttMs: RTT_MS });
    const context = await browser.newContext({ ...devices["Pixel 7"], locale: "id-ID", baseURL: link.url });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU });
    requests = 0;
    await page.goto("/login", { timeout: 120_000 });
    await page.getByLabel("Nama pengguna atau kode TPS").fill(TPS);
    await page.getByLabel("Kata sandi atau PIN").fill(PIN);
    const clicked = Date.now();
    await page.getByRole("button", { name: "Masuk" }).click();
    let ms: number | null = null;
    while (Date.now() - clicked < READY_WITHIN_MS) {
      if (await readyOffline(page)) {
        ms = Date.now() - clicked;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const run = { ms, bytes: link.bytes(), requests };
    runs.push(run);
    console.log(
      `run ${i + 1}: ${ms === null ? `not ready within ${READY_WITHIN_MS / 1000} s` : `ready offline ${(ms / 1000).toFixed(1)} s after the login click`}; ` +
        `${(run.bytes / 1024).toFixed(0)} KiB and ${run.requests} requests crossed the link`,
    );
    await context.close();
    await link.close();
  }
} finally {
  await browser.close();
  await pantau.close();
  await pg.stop();
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const done = runs.filter((r) => r.ms !== null);
console.log(
  `\n${KBPS} kbps, ${RTT_MS} ms RTT, CPU ${CPU}x slower, TPS ${TPS} (${contests.length} contests, ${officerPages.length} officer pages)`,
);
if (done.length === runs.length) {
  console.log(
    `median of ${runs.length}: ready offline ${(median(runs.map((r) => r.ms!)) / 1000).toFixed(1)} s after the login click, ` +
      `${(median(runs.map((r) => r.bytes)) / 1024).toFixed(0)} KiB and ${median(runs.map((r) => r.requests))} requests over the link`,
  );
} else {
  console.log(`${runs.length - done.length} of ${runs.length} runs never became ready offline`);
  process.exitCode = 1;
}
