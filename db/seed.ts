// Demo data (docs/overview.md, "Demo data"): the region, two contests, and the demo accounts. Also loads generated
// regions for benchmarks. Seeding happens once, on a database without regions; `reset` wipes and reseeds.
import type { Sql } from "postgres";
import type { Db } from "../app/utils/db.server";
import { hashSecret } from "../app/utils/password.server";
import { demoCity, generatedProvince, type GeneratedRegion } from "./demo-region";

export const DEMO_SECRET = "pantau-demo";
export const DEMO_OFFICER_PIN = "123456";

export const DEMO_CONTESTS = [
  {
    code: "gubernur",
    name: "Gubernur dan Wakil Gubernur",
    type: "gubernur",
    area: ["16"],
    position: 1,
    candidates: ["H. Ahmad Fauzi & Dr. Rina Marlina", "Ir. Bambang Sutrisno & Hj. Siti Aminah"],
  },
  {
    code: "walikota",
    name: "Wali Kota dan Wakil Wali Kota",
    type: "walikota",
    area: ["16.73"],
    position: 2,
    candidates: [
      "Drs. Hendra Gunawan & Yuliana, S.E.",
      "H. Rudi Hartono & dr. Maya Sari",
      "Agus Salim, S.H. & Dewi Lestari, M.Pd.",
    ],
  },
];

/** Tables in an order that respects foreign keys when truncated together. */
const ALL_TABLES = [
  "audit_log",
  "events",
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

async function insertChunks(sql: Db, table: string, rows: readonly object[], size = 5000) {
  for (let i = 0; i < rows.length; i += size) {
    await sql`insert into ${sql(table)} ${sql(rows.slice(i, i + size) as Record<string, unknown>[])}`;
  }
}

export async function seed(sql: Sql, options: { tpsCount?: number } = {}) {
  const region: GeneratedRegion = options.tpsCount ? generatedProvince(options.tpsCount) : demoCity();
  const staffHash = await hashSecret(DEMO_SECRET);
  // One hash serves every demo officer: they share the demo PIN, and hashing hundreds of thousands of
  // PINs one by one would make the first start take minutes. Real imports give each officer its own PIN.
  const officerHash = await hashSecret(DEMO_OFFICER_PIN);
  const kecamatan = region.regions.filter((r) => r.level === "kecamatan").slice(0, 8);

  await sql.begin(async (tx) => {
    await insertChunks(tx, "regions", region.regions);
    await insertChunks(tx, "tps", region.tps);
    for (const contest of DEMO_CONTESTS) {
      await tx`insert into contests (code, name, type, position) values (${contest.code}, ${contest.name}, ${contest.type}, ${contest.position})`;
      await insertChunks(
        tx,
        "contest_areas",
        // A generated province has no 16.73: its mayor's contest takes the first kabupaten/kota instead.
        (options.tpsCount ? [contest.type === "gubernur" ? "16" : "16.01"] : contest.area).map((region_code) => ({
          contest_code: contest.code,
          region_code,
        })),
      );
      await insertChunks(
        tx,
        "candidates",
        contest.candidates.map((name, i) => ({
          contest_code: contest.code,
          ballot_number: i + 1,
          name,
        })),
      );
    }
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
      ...[1, 2, 3, 4].map((n) => ({
        login: `tim-${n}`,
        name: `Tim Reaksi Cepat ${n}`,
        role: "responder",
        region_code: null,
      })),
    ];
    await insertChunks(
      tx,
      "users",
      staff.map((s) => ({ ...s, secret_hash: staffHash, tps_code: null })),
    );
    await insertChunks(
      tx,
      "users",
      region.tps.map((t) => ({
        login: t.code,
        name: `Petugas TPS ${t.code}`,
        role: "officer",
        secret_hash: officerHash,
        tps_code: t.code,
        region_code: t.kelurahan_code,
      })),
    );
  });
  return { regions: region.regions.length, tps: region.tps.length };
}
