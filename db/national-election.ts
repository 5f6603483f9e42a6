// The national election for benchmarks: every real region of Indonesia (38 provinces, 514 kabupaten/kota,
// 7,285 kecamatan, 83,762 desa/kelurahan), up to 820,000 TPS on them, and the five ballots with their dapil
// areas and party lists (db/generated-contests.ts).
import { nationalContests } from "./generated-contests";
import { tpsOnRegions, type TpsRow } from "./demo-region";
import { referenceRegions } from "./reference-regions";

/** Rough centre of each province (latitude, longitude): where its generated TPS are drawn on the map. */
const PROVINCE_CENTRES: Record<string, [number, number]> = {
  "11": [4.4, 96.9],
  "12": [2.2, 99.1],
  "13": [-0.8, 100.5],
  "14": [0.5, 101.8],
  "15": [-1.6, 103.0],
  "16": [-3.3, 104.0],
  "17": [-3.6, 102.3],
  "18": [-4.9, 105.2],
  "19": [-2.5, 106.4],
  "21": [0.9, 104.5],
  "31": [-6.2, 106.8],
  "32": [-6.9, 107.6],
  "33": [-7.2, 110.1],
  "34": [-7.8, 110.4],
  "35": [-7.6, 112.5],
  "36": [-6.4, 106.1],
  "51": [-8.4, 115.2],
  "52": [-8.6, 117.4],
  "53": [-9.2, 121.5],
  "61": [-0.1, 111.1],
  "62": [-1.7, 113.4],
  "63": [-3.1, 115.3],
  "64": [0.5, 116.4],
  "65": [3.0, 116.2],
  "71": [1.0, 124.5],
  "72": [-1.4, 121.4],
  "73": [-4.0, 120.0],
  "74": [-4.1, 122.2],
  "75": [0.6, 122.4],
  "76": [-2.8, 119.2],
  "81": [-3.2, 129.5],
  "82": [1.6, 127.8],
  "91": [-2.5, 140.0],
  "92": [-1.3, 133.5],
  "93": [-7.0, 139.5],
  "94": [-3.5, 136.5],
  "95": [-4.0, 138.8],
  "96": [-1.0, 131.5],
};
export const MAX_NATIONAL_TPS = 2_000_000;

export function nationalElection(tpsCount: number, seed = 2024) {
  if (!Number.isInteger(tpsCount) || tpsCount < 1 || tpsCount > MAX_NATIONAL_TPS) {
    throw new Error(`tpsCount must be a whole number from 1 to ${MAX_NATIONAL_TPS}, got ${tpsCount}`);
  }
  const regions = referenceRegions();
  return {
    regions,
    ...nationalContests(regions, seed),
    /** The TPS, generated as they are read (820,000 of them never sit in memory at once). */
    tps: (): Iterable<TpsRow> => tpsOnRegions(regions, tpsCount, (p) => PROVINCE_CENTRES[p] ?? [-2.5, 118], seed),
  };
}
