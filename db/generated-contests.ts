// Contests of generated elections (docs/decisions/020-election-model.md): a province's simultaneous Pilkada
// (the governor over the province, a regent or mayor per kabupaten/kota) and the national election's five
// ballots with dapil areas and party lists. Candidates are made-up names; parties are the 18 national
// parties of the 2024 ballot with their numbers.
import type { ContestType } from "../app/lib/contests";
import { seededRandom } from "../app/lib/random";
import type { ReferenceRegion } from "./reference-regions";

export interface SeedCandidate {
  /** 0 for pairs and DPD candidates. */
  party: number;
  number: number;
  name: string;
}
export interface SeedContest {
  code: string;
  name: string;
  type: ContestType;
  dapil: string | null;
  position: number;
  area: string[];
  candidates: SeedCandidate[];
}
export interface SeedParty {
  number: number;
  name: string;
  abbrev: string;
}

export const NATIONAL_PARTIES: SeedParty[] = [
  { number: 1, name: "Partai Kebangkitan Bangsa", abbrev: "PKB" },
  { number: 2, name: "Partai Gerakan Indonesia Raya", abbrev: "Gerindra" },
  { number: 3, name: "Partai Demokrasi Indonesia Perjuangan", abbrev: "PDI-P" },
  { number: 4, name: "Partai Golongan Karya", abbrev: "Golkar" },
  { number: 5, name: "Partai NasDem", abbrev: "NasDem" },
  { number: 6, name: "Partai Buruh", abbrev: "Buruh" },
  { number: 7, name: "Partai Gelombang Rakyat Indonesia", abbrev: "Gelora" },
  { number: 8, name: "Partai Keadilan Sejahtera", abbrev: "PKS" },
  { number: 9, name: "Partai Kebangkitan Nusantara", abbrev: "PKN" },
  { number: 10, name: "Partai Hati Nurani Rakyat", abbrev: "Hanura" },
  { number: 11, name: "Partai Garda Republik Indonesia", abbrev: "Garuda" },
  { number: 12, name: "Partai Amanat Nasional", abbrev: "PAN" },
  { number: 13, name: "Partai Bulan Bintang", abbrev: "PBB" },
  { number: 14, name: "Partai Demokrat", abbrev: "Demokrat" },
  { number: 15, name: "Partai Solidaritas Indonesia", abbrev: "PSI" },
  { number: 16, name: "Partai Persatuan Indonesia", abbrev: "Perindo" },
  { number: 17, name: "Partai Persatuan Pembangunan", abbrev: "PPP" },
  { number: 24, name: "Partai Ummat", abbrev: "Ummat" },
];

const GIVEN = [
  "Ahmad",
  "Budi",
  "Citra",
  "Dewi",
  "Eko",
  "Fitri",
  "Gunawan",
  "Hendra",
  "Indah",
  "Joko",
  "Kartika",
  "Lestari",
  "Muhammad",
  "Nurul",
  "Putri",
  "Rahmat",
  "Sari",
  "Taufik",
  "Utami",
  "Wahyu",
  "Yusuf",
  "Zainal",
];
const FAMILY = [
  "Hidayat",
  "Saputra",
  "Siregar",
  "Nasution",
  "Wijaya",
  "Pratama",
  "Harahap",
  "Santoso",
  "Lubis",
  "Rahman",
  "Kusuma",
  "Hasibuan",
  "Simanjuntak",
  "Setiawan",
  "Gultom",
  "Maulana",
  "Purba",
  "Syahputra",
];

function namer(seed: number) {
  const rnd = seededRandom(seed);
  const pick = (list: string[]) => list[Math.floor(rnd() * list.length)];
  return {
    rnd,
    person: () => `${pick(GIVEN)} ${pick(FAMILY)}`,
    pair: () => `${pick(GIVEN)} ${pick(FAMILY)} & ${pick(GIVEN)} ${pick(FAMILY)}`,
  };
}

/** "Kabupaten Ogan Komering Ulu" -> "Ogan Komering Ulu", "Kota Palembang" -> "Palembang". */
const placeName = (name: string) => name.replace(/^(Kabupaten|Kota)\s+/i, "");
const compact = (code: string) => code.replaceAll(".", "");

/** The demo's pairs, kept for the contests the demo city and the benchmarks address by code. */
export const DEMO_PAIRS = {
  gubernur: ["H. Ahmad Fauzi & Dr. Rina Marlina", "Ir. Bambang Sutrisno & Hj. Siti Aminah"],
  walikota: [
    "Drs. Hendra Gunawan & Yuliana, S.E.",
    "H. Rudi Hartono & dr. Maya Sari",
    "Agus Salim, S.H. & Dewi Lestari, M.Pd.",
  ],
};

const pairs = (names: string[]): SeedCandidate[] => names.map((name, i) => ({ party: 0, number: i + 1, name }));

/**
 * A province's simultaneous Pilkada: `gubernur` over the province, and per kabupaten/kota a regent's
 * (`bupati-1601`) or mayor's (`walikota-1674`) contest whose area is that city. Kota Lubuklinggau keeps the
 * demo's code `walikota` and pairs. Every seventh city has a single pair (the ballot's blank column).
 */
export function pilkadaContests(regions: readonly ReferenceRegion[], seed = 16): SeedContest[] {
  const { rnd, pair } = namer(seed);
  const province = regions.find((r) => r.level === "province")!;
  const contests: SeedContest[] = [
    {
      code: "gubernur",
      name: "Gubernur dan Wakil Gubernur",
      type: "gubernur",
      dapil: null,
      position: 1,
      area: [province.code],
      candidates: pairs(DEMO_PAIRS.gubernur),
    },
  ];
  regions
    .filter((r) => r.level === "city")
    .forEach((city, i) => {
      const type = city.kind === "kota" ? "walikota" : "bupati";
      const demo = city.code === "16.73";
      const count = i % 7 === 6 ? 1 : 2 + Math.floor(rnd() * 3);
      contests.push({
        code: demo ? "walikota" : `${type}-${compact(city.code)}`,
        name: `${type === "walikota" ? "Wali Kota dan Wakil Wali Kota" : "Bupati dan Wakil Bupati"} ${placeName(city.name)}`,
        type,
        dapil: null,
        position: 2,
        area: [city.code],
        candidates: pairs(demo ? DEMO_PAIRS.walikota : Array.from({ length: count }, pair)),
      });
    });
  return contests;
}

/** Splits a list into `Math.round(length / size)` (at least one) consecutive groups of near-equal length. */
export function groups<T>(list: readonly T[], size: number): T[][] {
  const count = Math.max(1, Math.round(list.length / size));
  return Array.from({ length: count }, (_, g) =>
    list.slice(Math.floor((g * list.length) / count), Math.floor(((g + 1) * list.length) / count)),
  ).filter((group) => group.length > 0);
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"];
const roman = (n: number) => ROMAN[n - 1] ?? String(n);

/**
 * The national election's five ballots: `presiden` over every province; `dpd-11` per province;
 * `dpr-11-1` per DPR dapil (about six kabupaten/kota of one province); `dprdprov-11-1` per provincial dapil
 * (about two kabupaten/kota); `dprdkab-1101-1` per regency/city dapil (about three kecamatan). Dapil areas
 * of one type partition the country, so every TPS votes in exactly five contests. Each party puts up as many
 * candidates as the dapil has seats (3-8; 3-6 in a regency/city). Jakarta's cities have no DPRD of their
 * own in reality; here they get one so that every TPS has the same five ballots.
 */
export function nationalContests(regions: readonly ReferenceRegion[], seed = 2024) {
  const { rnd, person, pair } = namer(seed);
  const provinces = regions.filter((r) => r.level === "province");
  const citiesOf = new Map<string, ReferenceRegion[]>();
  const kecamatanOf = new Map<string, ReferenceRegion[]>();
  for (const r of regions) {
    const map = r.level === "city" ? citiesOf : r.level === "kecamatan" ? kecamatanOf : null;
    if (map) map.set(r.parent_code!, [...(map.get(r.parent_code!) ?? []), r]);
  }
  const partyLists = (seats: number) =>
    NATIONAL_PARTIES.flatMap((p) =>
      Array.from({ length: seats }, (_, i) => ({ party: p.number, number: i + 1, name: person() })),
    );
  const contests: SeedContest[] = [
    {
      code: "presiden",
      name: "Presiden dan Wakil Presiden",
      type: "presiden",
      dapil: null,
      position: 1,
      area: provinces.map((p) => p.code),
      candidates: pairs(Array.from({ length: 3 }, pair)),
    },
  ];
  for (const province of provinces) {
    const cities = citiesOf.get(province.code) ?? [];
    groups(cities, 6).forEach((group, g) =>
      contests.push({
        code: `dpr-${province.code}-${g + 1}`,
        name: `DPR RI ${province.name} ${roman(g + 1)}`,
        type: "dpr",
        dapil: `${province.name} ${roman(g + 1)}`,
        position: 2,
        area: group.map((c) => c.code),
        candidates: partyLists(3 + Math.floor(rnd() * 6)),
      }),
    );
    contests.push({
      code: `dpd-${province.code}`,
      name: `DPD RI ${province.name}`,
      type: "dpd",
      dapil: null,
      position: 3,
      area: [province.code],
      candidates: Array.from({ length: 10 + Math.floor(rnd() * 13) }, (_, i) => ({
        party: 0,
        number: i + 1,
        name: person(),
      })),
    });
    groups(cities, 2).forEach((group, g) =>
      contests.push({
        code: `dprdprov-${province.code}-${g + 1}`,
        name: `DPRD Provinsi ${province.name} ${g + 1}`,
        type: "dprd_prov",
        dapil: `${province.name} ${g + 1}`,
        position: 4,
        area: group.map((c) => c.code),
        candidates: partyLists(3 + Math.floor(rnd() * 6)),
      }),
    );
    for (const city of cities) {
      groups(kecamatanOf.get(city.code) ?? [], 3).forEach((group, g) =>
        contests.push({
          code: `dprdkab-${compact(city.code)}-${g + 1}`,
          name: `DPRD ${city.name} ${g + 1}`,
          type: "dprd_kabkota",
          dapil: `${placeName(city.name)} ${g + 1}`,
          position: 5,
          area: group.map((k) => k.code),
          candidates: partyLists(3 + Math.floor(rnd() * 4)),
        }),
      );
    }
  }
  return { parties: NATIONAL_PARTIES, contests };
}
