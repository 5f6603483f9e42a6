// Demo data (docs/overview.md, "Demo data"): the region, two contests, and the demo accounts. Also loads
// generated elections for benchmarks: a province's simultaneous Pilkada or the national election
// (README, "Other commands"). Seeding happens once, on a database without regions; `reset` wipes and reseeds.
import type { Sql } from "postgres";
import type { Db } from "../app/utils/db.server";
import { rebuildTotalsNow } from "../app/models/region-totals.server";
import { hashSecret } from "../app/utils/password.server";
import { demoCity, generatedCity, generatedProvince, type RegionRow, type TpsRow } from "./demo-region";
import { DEMO_PAIRS, pilkadaContests, type SeedContest, type SeedParty } from "./generated-contests";
import { nationalElection } from "./national-election";

export const DEMO_SECRET = "pantau-demo";
export const DEMO_OFFICER_PIN = "123456";

export const DEMO_CONTESTS: SeedContest[] = [
  {
    code: "gubernur",
    name: "Gubernur dan Wakil Gubernur",
    type: "gubernur",
    dapil: null,
    area: ["16"],
    position: 1,
    candidates: DEMO_PAIRS.gubernur.map((name, i) => ({ party: 0, number: i + 1, name })),
  },
  {
    code: "walikota",
    name: "Wali Kota dan Wakil Wali Kota",
    type: "walikota",
    dapil: null,
    area: ["16.73"],
    position: 2,
    candidates: DEMO_PAIRS.walikota.map((name, i) => ({ party: 0, number: i + 1, name })),
  },
];

/** Tables in an order that respects foreign keys when truncated together. */
const ALL_TABLES = [
  "audit_heads",
  "audit_log",
  "events",
  "region_totals",
  "region_centres",
  "result_changes",
  "results",
  "submissions",
  "sessions",
  "users",
  "candidates",
  "contest_areas",
  "contests",
  "parties",
  "tps",
  "regions",
];

export async function isSeeded(sql: Sql) {
  const [row] = await sql`select exists (select 1 from regions) as seeded`;
  return row.seeded as boolean;
}

/** Wipes every table and the event sequence. Used by the reset command and by tests. */
export async function wipe(sql: Sql) {
  await sql.begin(async (tx) => {
    await tx.unsafe(`truncate ${ALL_TABLES.join(", ")} restart identity cascade`);
    await tx`update event_head set seq = 0`;
  });
}

/** A value in COPY's text format: \N for null, backslash escapes for the characters that end a field. */
const copyValue = (v: unknown) =>
  v === null || v === undefined
    ? "\\N"
    : String(v).replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));

/**
 * Streams rows into a table with COPY, the fastest way in: 820,000 TPS take seconds where row-by-row
 * inserts take minutes. Rows may come from a generator, so they need not sit in memory together.
 */
async function copyRows<R extends object>(sql: Db, table: string, columns: (keyof R & string)[], rows: Iterable<R>) {
  // Table and column names are this file's constants, never input.
  const writable = await sql.unsafe(`copy ${table} (${columns.join(", ")}) from stdin`).writable();
  const done = new Promise<void>((resolve, reject) => {
    writable.on("finish", resolve);
    writable.on("error", reject);
  });
  let chunk = "";
  let count = 0;
  for (const row of rows) {
    chunk += columns.map((c) => copyValue(row[c])).join("\t") + "\n";
    count++;
    if (chunk.length > 1 << 16) {
      if (!writable.write(chunk)) await new Promise((resolve) => writable.once("drain", resolve));
      chunk = "";
    }
  }
  writable.end(chunk);
  await done;
  return count;
}

/** What `seed` loads: the demo city, or a generated city, province or national election of N TPS. */
export type SeedOptions = { tpsCount?: number; election?: "city" | "province" | "national" };

interface Election {
  regions: RegionRow[];
  tps: Iterable<TpsRow>;
  contests: SeedContest[];
  parties: SeedParty[];
  /** Where the demo case officer (Bawaslu) watches. */
  bawaslu: { name: string; region: string };
}

function electionOf({ tpsCount, election = "province" }: SeedOptions): Election {
  if (!tpsCount) {
    const city = demoCity();
    return {
      ...city,
      contests: DEMO_CONTESTS,
      parties: [],
      bawaslu: { name: "Bawaslu Kota Lubuklinggau", region: "16.73" },
    };
  }
  if (election === "national") {
    const national = nationalElection(tpsCount);
    return {
      ...national,
      tps: national.tps(),
      bawaslu: { name: "Bawaslu Provinsi Sumatera Selatan", region: "16" },
    };
  }
  if (election === "city") {
    const city = generatedCity(tpsCount);
    return {
      ...city,
      contests: DEMO_CONTESTS,
      parties: [],
      bawaslu: { name: "Bawaslu Kota Lubuklinggau", region: "16.73" },
    };
  }
  const province = generatedProvince(tpsCount);
  return {
    ...province,
    contests: pilkadaContests(province.regions),
    parties: [],
    bawaslu: { name: "Bawaslu Provinsi Sumatera Selatan", region: "16" },
  };
}

export async function seed(sql: Sql, options: SeedOptions = {}) {
  const election = electionOf(options);
  const staffHash = await hashSecret(DEMO_SECRET);
  // One hash serves every demo officer: they share the demo PIN, and hashing hundreds of thousands of
  // PINs one by one would make the first start take minutes. Real imports give each officer its own PIN.
  const officerHash = await hashSecret(DEMO_OFFICER_PIN);
  const kecamatan = election.regions.filter((r) => r.level === "kecamatan").slice(0, 8);

  let tpsCount = 0;
  await sql.begin(async (tx) => {
    await copyRows(tx, "regions", ["code", "parent_code", "level", "kind", "name"], election.regions);
    tpsCount = await copyRows(
      tx,
      "tps",
      ["code", "kelurahan_code", "number", "address", "lat", "lng", "dpt", "dpt_men", "dpt_women", "dptb", "dpk"],
      election.tps,
    );
    await copyRows(tx, "parties", ["number", "name", "abbrev"], election.parties);
    await copyRows(tx, "contests", ["code", "name", "type", "dapil", "position"], election.contests);
    await copyRows(
      tx,
      "contest_areas",
      ["contest_code", "region_code"],
      election.contests.flatMap((c) => c.area.map((region_code) => ({ contest_code: c.code, region_code }))),
    );
    await copyRows(
      tx,
      "candidates",
      ["contest_code", "party_number", "ballot_number", "name"],
      (function* () {
        for (const c of election.contests)
          for (const k of c.candidates)
            yield { contest_code: c.code, party_number: k.party, ballot_number: k.number, name: k.name };
      })(),
    );
    const staff = [
      { login: "admin", name: "Admin TI Pemilu", role: "admin", region_code: null },
      { login: "posko", name: "Operator Posko 1", role: "operator", region_code: null },
      { login: "posko2", name: "Operator Posko 2", role: "operator", region_code: null },
      ...kecamatan.map((k, i) => ({
        login: `pengawas-${String(i + 1).padStart(2, "0")}`,
        name: `Pengawas ${k.name}`,
        role: "supervisor",
        region_code: k.code,
      })),
      // The supervisory body's case officer (SPEC section 1): reads the command post of its region.
      { login: "bawaslu", name: election.bawaslu.name, role: "case_officer", region_code: election.bawaslu.region },
      ...[1, 2, 3, 4].map((n) => ({
        login: `tim-${n}`,
        name: `Tim Reaksi Cepat ${n}`,
        role: "responder",
        region_code: null,
      })),
    ];
    await copyRows(
      tx,
      "users",
      ["login", "name", "role", "secret_hash", "region_code"],
      staff.map((s) => ({ ...s, secret_hash: staffHash })),
    );
    // Demo phones, +62 812 and the last nine digits of the TPS code, for the roster's call links.
    await tx`insert into users (login, name, role, secret_hash, tps_code, region_code, phone)
      select code, 'Petugas TPS ' || code, 'officer', ${officerHash}, code, kelurahan_code,
        '+62812' || substr(replace(code, '-', ''), 5)
      from tps order by code`;
  });
  // The running totals start from the loaded TPS and contest areas (TPS counts and centres per region).
  await rebuildTotalsNow(sql);
  return { regions: election.regions.length, tps: tpsCount, contests: election.contests.length };
}
