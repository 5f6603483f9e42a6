// A region's public summary (aggregates only: `regionSummary` with audience "public") for the public page and
// `GET /api/v1/public/regions/:code/summary`, computed once per region for every reader at a time: on the
// evening of a national election thousands read the same few regions, so a reading is kept for up to
// CACHE_MS and dropped when a result or setting changes on this node (server/admin-effects.ts), as the
// public summary is; a change written by another node shows here within CACHE_MS. The totals it reads are
// kept by the writer (region_totals), so a computation is a few indexed reads, not a sum over results. The cache hangs on the pool under a
// global symbol because the server and the Remix build each load their own copy of this module, and holds
// at most MAX_ENTRIES regions (the oldest are dropped first).
import type { Contest } from "~/lib/contests";
import type { RegionSummary } from "~/lib/region-summary";
import type { Sql } from "postgres";
import { contestsByCode } from "./election.server";
import { regionSummary } from "./region-summary.server";

const CACHE_MS = 2000;
const MAX_ENTRIES = 5000;
const CACHE = Symbol.for("pantau.publicRegionCache");
type Entry = { at: number; summary: Promise<RegionSummary | undefined> };
const slot = (sql: Sql) => {
  const holder = sql as unknown as Record<symbol, Map<string, Entry> | undefined>;
  return (holder[CACHE] ??= new Map());
};

/** The public summary of a region code or ELECTION_ROOT; undefined for an unknown region. */
export function getPublicRegionSummary(sql: Sql, { code }: { code: string }): Promise<RegionSummary | undefined> {
  const cache = slot(sql);
  const hit = cache.get(code);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.summary;
  const summary = regionSummary(sql, { code, view: { scope: null }, audience: "public" });
  const entry = { at: Date.now(), summary };
  cache.delete(code);
  cache.set(code, entry);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  summary.catch(() => {
    if (cache.get(code) === entry) cache.delete(code);
  });
  return summary;
}

/** Drops every kept reading: the public feed calls it as it tells the public pages that results changed. */
export function invalidatePublicRegionSummaries(sql: Sql) {
  slot(sql).clear();
}

/**
 * The contests a summary shows, each under its key (a contest code, or `type:<type>` for a group, which gets
 * one contest of that type for its choices): the labels of the page. At national scale the election has
 * thousands of contests; a page shows a few.
 */
export async function contestsShown(sql: Sql, summary: RegionSummary): Promise<Record<string, Contest>> {
  const keys = new Set([
    ...[summary.area, ...summary.children].flatMap((a) => a.contests.map((c) => c.key)),
    ...summary.tps.flatMap((t) => Object.keys(t.status)),
  ]);
  const types = [...keys].filter((k) => k.startsWith("type:")).map((k) => k.slice(5));
  const firstOfType = types.length
    ? await sql<{ code: string }[]>`
        select distinct on (type) code from contests where type = any(${types}) order by type, position, code`
    : [];
  const codes = [...[...keys].filter((k) => !k.startsWith("type:")), ...firstOfType.map((r) => r.code)];
  const contests = codes.length ? await contestsByCode(sql, { codes }) : [];
  const shown: Record<string, Contest> = {};
  for (const c of contests) {
    if (keys.has(c.code)) shown[c.code] = c;
    if (keys.has(`type:${c.type}`) && !shown[`type:${c.type}`]) shown[`type:${c.type}`] = c;
  }
  return shown;
}
