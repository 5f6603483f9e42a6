// A region's public summary (aggregates only: `regionSummary` with audience "public") for the public page and
// `GET /api/v1/public/regions/:code/summary`, computed once per region for every reader at a time: on the
// evening of a national election thousands read the same few regions, so a reading is kept for up to
// CACHE_MS and dropped when a result or setting changes on this node (server/admin-effects.ts), as the
// public summary is; a change written by another node shows here within CACHE_MS. The totals it reads are
// kept by the writer (region_totals), so a computation is a few indexed reads, not a sum over results. The cache hangs on the pool under a
// global symbol because the server and the Remix build each load their own copy of this module, and holds
// at most MAX_ENTRIES regions (the oldest are dropped first).
import type { RegionSummary } from "~/lib/region-summary";
import type { Sql } from "postgres";
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
