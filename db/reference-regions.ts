// The real regions of Indonesia (Kepmendagri 300.2.2-2138/2025, from the cahyadsn/wilayah data set, MIT
// licence): 38 provinces, 514 kabupaten/kota, 7,285 kecamatan, 83,762 desa/kelurahan with their codes,
// levels, kinds and names. Kept gzipped in the repository (0.8 MB instead of 4.4 MB); the generators hang
// their TPS on these regions so that generated elections have real names, kinds and proportions.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { parseCsv } from "../app/lib/csv";
import type { RegionKind } from "../app/lib/contests";

export interface ReferenceRegion {
  code: string;
  parent_code: string | null;
  level: "province" | "city" | "kecamatan" | "kelurahan";
  kind: RegionKind;
  name: string;
}

const FILE = new URL("./reference/regions-indonesia-2025.csv.gz", import.meta.url);
let cache: ReferenceRegion[] | null = null;

/** Every region of Indonesia, parents before children; `prefix` keeps one province (e.g. "16"). */
export function referenceRegions(prefix?: string): ReferenceRegion[] {
  cache ??= parseCsv(gunzipSync(readFileSync(FILE)).toString("utf8"))
    .slice(1)
    .map(([code, parent, level, kind, name]) => ({
      code,
      parent_code: parent || null,
      level: level as ReferenceRegion["level"],
      kind: kind as RegionKind,
      name,
    }))
    // Codes nest and sort so that a parent comes before its children.
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return prefix ? cache.filter((r) => r.code === prefix || r.code.startsWith(prefix + ".")) : cache;
}
