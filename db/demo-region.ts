// Deterministic region generators: the demo city of docs/overview.md (Kota Lubuklinggau-like, code 16.73,
// 8 kecamatan, 72 kelurahan, 635 TPS) and, for benchmarks, the real province of Sumatera Selatan with any
// number of TPS (10,000, 100,000...) hung on its real kelurahan and desa.

import { seededRandom } from "../app/lib/random";
import { referenceRegions, type ReferenceRegion } from "./reference-regions";

export type RegionRow = ReferenceRegion;
export interface TpsRow {
  code: string;
  kelurahan_code: string;
  number: number;
  address: string;
  lat: number;
  lng: number;
  dpt: number;
  dptb: number;
  dpk: number;
  /** DPT by sex; the demo city leaves them out (the rules then check the total only). */
  dpt_men?: number;
  dpt_women?: number;
}
export interface GeneratedRegion {
  regions: ReferenceRegion[];
  tps: TpsRow[];
}

const KECAMATAN = [
  "Lubuklinggau Barat I",
  "Lubuklinggau Barat II",
  "Lubuklinggau Selatan I",
  "Lubuklinggau Selatan II",
  "Lubuklinggau Timur I",
  "Lubuklinggau Timur II",
  "Lubuklinggau Utara I",
  "Lubuklinggau Utara II",
];
const NAME_HEADS = [
  "Air",
  "Batu",
  "Bukit",
  "Karya",
  "Lubuk",
  "Muara",
  "Pasar",
  "Sido",
  "Suka",
  "Taba",
  "Tanjung",
  "Wira",
];
const NAME_TAILS = [
  "Jaya",
  "Makmur",
  "Rejo",
  "Mulya",
  "Indah",
  "Baru",
  "Kencana",
  "Permai",
  "Sari",
  "Asri",
  "Harapan",
  "Raya",
];

export function tpsCode(kelurahanCode: string, number: number) {
  return `${kelurahanCode.replaceAll(".", "")}-${String(number).padStart(3, "0")}`;
}

function kelurahanName(index: number) {
  const head = NAME_HEADS[index % NAME_HEADS.length];
  const tail = NAME_TAILS[Math.floor(index / NAME_HEADS.length) % NAME_TAILS.length];
  const round = Math.floor(index / (NAME_HEADS.length * NAME_TAILS.length));
  return round === 0 ? `${head} ${tail}` : `${head} ${tail} ${round + 1}`;
}

/** Splits `total` into `parts` near-equal whole numbers, larger ones first. */
function spread(total: number, parts: number) {
  const base = Math.floor(total / parts);
  return Array.from({ length: parts }, (_, i) => base + (i < total % parts ? 1 : 0));
}

function addTps(
  out: TpsRow[],
  kelurahanCode: string,
  count: number,
  center: [number, number],
  radius: number,
  rnd: () => number,
  kelName: string,
) {
  for (let n = 1; n <= count; n++) {
    out.push({
      code: tpsCode(kelurahanCode, n),
      kelurahan_code: kelurahanCode,
      number: n,
      address: `Jl. ${kelName} No. ${Math.floor(rnd() * 150) + 1}`,
      lat: round6(center[0] + (rnd() - 0.5) * radius),
      lng: round6(center[1] + (rnd() - 0.5) * radius),
      dpt: 150 + Math.floor(rnd() * 451), // 150-600 registered voters
      dptb: Math.floor(rnd() * 6),
      dpk: Math.floor(rnd() * 4),
    });
  }
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** The demo city: exactly 8 kecamatan, 72 kelurahan, 635 TPS around -3.296, 102.862. */
export function demoCity(seed = 1673): GeneratedRegion {
  const rnd = seededRandom(seed);
  const regions: RegionRow[] = [
    { code: "16", parent_code: null, level: "province", kind: "province", name: "Sumatera Selatan" },
    { code: "16.73", parent_code: "16", level: "city", kind: "kota", name: "Kota Lubuklinggau" },
  ];
  const tps: TpsRow[] = [];
  const tpsPerKelurahan = spread(635, 72);
  let kelIndex = 0;
  KECAMATAN.forEach((name, k) => {
    const kecCode = `16.73.${String(k + 1).padStart(2, "0")}`;
    regions.push({ code: kecCode, parent_code: "16.73", level: "kecamatan", kind: "kecamatan", name });
    // kecamatan laid out on a ring around the city centre
    const angle = (k / KECAMATAN.length) * 2 * Math.PI;
    const kecCenter: [number, number] = [-3.296 + 0.03 * Math.sin(angle), 102.862 + 0.03 * Math.cos(angle)];
    for (let j = 0; j < 9; j++, kelIndex++) {
      const kelCode = `${kecCode}.${1001 + j}`;
      const kelName = kelurahanName(kelIndex);
      regions.push({ code: kelCode, parent_code: kecCode, level: "kelurahan", kind: "kelurahan", name: kelName });
      const kelCenter: [number, number] = [kecCenter[0] + (rnd() - 0.5) * 0.02, kecCenter[1] + (rnd() - 0.5) * 0.02];
      addTps(tps, kelCode, tpsPerKelurahan[kelIndex], kelCenter, 0.006, rnd, kelName);
    }
  });
  return { regions, tps };
}

/** Where a province's TPS are drawn around: its rough centre (the reference data has no coordinates). */
export type ProvinceCentre = (provinceCode: string) => [number, number];

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * TPS hung on real regions, in code order: `tpsCount` spread evenly over every desa/kelurahan (so each
 * kabupaten/kota gets its share even when there are fewer TPS than villages). Kabupaten/kota sit on a grid
 * around their province's centre, kecamatan and villages scattered around them, so a map shows clusters
 * where a real one would. A generator: the national election's 820,000 rows never sit in memory at once.
 */
export function* tpsOnRegions(
  regions: readonly ReferenceRegion[],
  tpsCount: number,
  centreOf: ProvinceCentre,
  seed: number,
): Generator<TpsRow> {
  const rnd = seededRandom(seed);
  const villages = regions.filter((r) => r.level === "kelurahan");
  const citiesOf = new Map<string, string[]>();
  for (const r of regions)
    if (r.level === "city") citiesOf.set(r.parent_code!, [...(citiesOf.get(r.parent_code!) ?? []), r.code]);
  const centres = new Map<string, [number, number]>();
  for (const [province, cities] of citiesOf) {
    const [lat, lng] = centreOf(province);
    const cols = Math.ceil(Math.sqrt(cities.length));
    const rows = Math.ceil(cities.length / cols);
    cities.forEach((city, i) => {
      const row = Math.floor(i / cols);
      const col = i % cols;
      centres.set(city, [lat + (row - (rows - 1) / 2) * 0.45, lng + (col - (cols - 1) / 2) * 0.45]);
    });
  }
  const near = (code: string, spread: number) => {
    let centre = centres.get(code);
    if (!centre) {
      const [lat, lng] = centres.get(code.slice(0, code.lastIndexOf(".")))!;
      centre = [lat + (rnd() - 0.5) * spread, lng + (rnd() - 0.5) * spread];
      centres.set(code, centre);
    }
    return centre;
  };
  for (let j = 0; j < villages.length; j++) {
    const count = Math.floor(((j + 1) * tpsCount) / villages.length) - Math.floor((j * tpsCount) / villages.length);
    if (count === 0) continue;
    const village = villages[j];
    near(village.parent_code!, 0.3);
    const [lat, lng] = near(village.code, 0.08);
    for (let n = 1; n <= count; n++) {
      const dpt = 150 + Math.floor(rnd() * 451); // 150-600 registered voters
      const men = Math.round(dpt * (0.46 + rnd() * 0.08));
      yield {
        code: tpsCode(village.code, n),
        kelurahan_code: village.code,
        number: n,
        address: `Jl. ${village.name} No. ${Math.floor(rnd() * 150) + 1}`,
        lat: round6(clamp(lat + (rnd() - 0.5) * 0.012, -10.9, 5.9)),
        lng: round6(clamp(lng + (rnd() - 0.5) * 0.012, 94.1, 141.9)),
        dpt,
        dpt_men: men,
        dpt_women: dpt - men,
        dptb: Math.floor(rnd() * 6),
        dpk: Math.floor(rnd() * 4),
      };
    }
  }
}

/** The real province of Sumatera Selatan (16): 17 kabupaten/kota, 241 kecamatan, 3,259 desa/kelurahan. */
export const SUMSEL = "16";
const SUMSEL_CENTRE: [number, number] = [-3.3, 104.0];

/**
 * Sumatera Selatan with `tpsCount` TPS for benchmarks and the province's simultaneous Pilkada: real codes,
 * names and kinds (its regions hold up to 3 million TPS at 999 per village).
 */
export function generatedProvince(tpsCount: number, seed = 16): GeneratedRegion {
  if (!Number.isInteger(tpsCount) || tpsCount < 1 || tpsCount > 2_000_000) {
    throw new Error(`tpsCount must be a whole number from 1 to 2,000,000, got ${tpsCount}`);
  }
  const regions = referenceRegions(SUMSEL);
  return { regions, tps: [...tpsOnRegions(regions, tpsCount, () => SUMSEL_CENTRE, seed)] };
}

/**
 * The real Kota Lubuklinggau (16.73, the demo's city: 8 kecamatan, 72 kelurahan) with `tpsCount` TPS, under
 * its province row: a city-sized benchmark with real names, the same two contests as the demo.
 */
export function generatedCity(tpsCount: number, seed = 1673): GeneratedRegion {
  if (!Number.isInteger(tpsCount) || tpsCount < 1 || tpsCount > 72_000) {
    throw new Error(`tpsCount must be a whole number from 1 to 72,000, got ${tpsCount}`);
  }
  const regions = [...referenceRegions(SUMSEL).filter((r) => r.code === SUMSEL), ...referenceRegions("16.73")];
  return { regions, tps: [...tpsOnRegions(regions, tpsCount, () => [-3.296, 102.862], seed)] };
}
