// Deterministic region generator: the demo city of docs/overview.md (Kota Lubuklinggau-like, code 16.73,
// 8 kecamatan, 72 kelurahan, 635 TPS) and larger made-up regions for benchmarks (10,000, 100,000 TPS...).

import { seededRandom } from "../app/lib/random";

export interface RegionRow {
  code: string;
  parent_code: string | null;
  level: string;
  name: string;
}
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
}
export interface GeneratedRegion {
  regions: RegionRow[];
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
    { code: "16", parent_code: null, level: "province", name: "Sumatera Selatan" },
    { code: "16.73", parent_code: "16", level: "city", name: "Kota Lubuklinggau" },
  ];
  const tps: TpsRow[] = [];
  const tpsPerKelurahan = spread(635, 72);
  let kelIndex = 0;
  KECAMATAN.forEach((name, k) => {
    const kecCode = `16.73.${String(k + 1).padStart(2, "0")}`;
    regions.push({ code: kecCode, parent_code: "16.73", level: "kecamatan", name });
    // kecamatan laid out on a ring around the city centre
    const angle = (k / KECAMATAN.length) * 2 * Math.PI;
    const kecCenter: [number, number] = [-3.296 + 0.03 * Math.sin(angle), 102.862 + 0.03 * Math.cos(angle)];
    for (let j = 0; j < 9; j++, kelIndex++) {
      const kelCode = `${kecCode}.${1001 + j}`;
      const kelName = kelurahanName(kelIndex);
      regions.push({ code: kelCode, parent_code: kecCode, level: "kelurahan", name: kelName });
      const kelCenter: [number, number] = [kecCenter[0] + (rnd() - 0.5) * 0.02, kecCenter[1] + (rnd() - 0.5) * 0.02];
      addTps(tps, kelCode, tpsPerKelurahan[kelIndex], kelCenter, 0.006, rnd, kelName);
    }
  });
  return { regions, tps };
}

/**
 * A made-up province of `tpsCount` TPS for benchmarks: cities of 15 kecamatan, kecamatan of 10 kelurahan,
 * kelurahan of about 9 TPS, like the demo city. Codes keep the Kemendagri pattern under province 16.
 */
export function generatedProvince(tpsCount: number, seed = 16): GeneratedRegion {
  if (!Number.isInteger(tpsCount) || tpsCount < 1 || tpsCount > 2_000_000) {
    throw new Error(`tpsCount must be a whole number from 1 to 2,000,000, got ${tpsCount}`);
  }
  const rnd = seededRandom(seed);
  const regions: RegionRow[] = [{ code: "16", parent_code: null, level: "province", name: "Provinsi Simulasi" }];
  const tps: TpsRow[] = [];
  const kelurahanCount = Math.ceil(tpsCount / 9);
  const perKelurahan = spread(tpsCount, kelurahanCount);
  const kecamatanCount = Math.ceil(kelurahanCount / 10);
  const cityCount = Math.ceil(kecamatanCount / 15);
  if (cityCount > 99) throw new Error("too many TPS for one province's city codes (at most 99 cities)");
  let kel = 0;
  for (let c = 0; c < cityCount && kel < kelurahanCount; c++) {
    const cityCode = `16.${String(c + 1).padStart(2, "0")}`;
    regions.push({ code: cityCode, parent_code: "16", level: "city", name: `Kabupaten Simulasi ${c + 1}` });
    const cityCenter: [number, number] = [-4.5 + (c % 10) * 0.3, 102 + Math.floor(c / 10) * 0.3];
    for (let k = 0; k < 15 && kel < kelurahanCount; k++) {
      const kecCode = `${cityCode}.${String(k + 1).padStart(2, "0")}`;
      regions.push({ code: kecCode, parent_code: cityCode, level: "kecamatan", name: `Kecamatan ${c + 1}-${k + 1}` });
      const kecCenter: [number, number] = [cityCenter[0] + (rnd() - 0.5) * 0.2, cityCenter[1] + (rnd() - 0.5) * 0.2];
      for (let j = 0; j < 10 && kel < kelurahanCount; j++, kel++) {
        const kelCode = `${kecCode}.${1001 + j}`;
        const kelName = kelurahanName(kel);
        regions.push({ code: kelCode, parent_code: kecCode, level: "kelurahan", name: kelName });
        const kelCenter: [number, number] = [kecCenter[0] + (rnd() - 0.5) * 0.05, kecCenter[1] + (rnd() - 0.5) * 0.05];
        addTps(tps, kelCode, perKelurahan[kel], kelCenter, 0.01, rnd, kelName);
      }
    }
  }
  return { regions, tps };
}
