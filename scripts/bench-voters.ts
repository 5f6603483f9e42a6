// `npm run bench -- voters` (or `npm run bench:voters`): the voter-list check's two costs (docs/decisions/047-voter-list-check.md).
// 1. The name search on the officer's phone, over a 600-row TPS list, against a baseline measured in the same
//    run: a plain case-insensitive substring scan, the least any search does. Figures per search.
// 2. `--import`: a city-sized voter file (every TPS of the demo city, 400 voters each: about 254,000 rows)
//    imported for real (checked, hashed, written) into a fresh embedded PostgreSQL, at the hash cost in
//    app/lib/voters.ts; with `--iterations 1000,2000,5000` the hashing alone at other costs, to choose one.
import { randomBytes } from "node:crypto";
import { indexVoters, searchVoters } from "../app/lib/voter-search";
import { NIK_HASH_ITERATIONS } from "../app/lib/voters";
import { importVoters } from "../app/models/voters.server";
import { auditKeyFrom } from "../app/utils/audit-key.server";
import { voterKeyFrom } from "../app/utils/voter-key.server";
import { createWriter } from "../app/utils/writer.server";
import { now, startLoadDatabase } from "./load-kit";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};

const FIRST = [
  "Ahmad",
  "Muhammad",
  "Siti",
  "Nur",
  "Dewi",
  "Budi",
  "Agus",
  "Sri",
  "Rina",
  "Hendra",
  "Yusuf",
  "Dedi",
  "Fitri",
  "Eko",
  "Joko",
  "Wahyu",
  "Indah",
  "Rahmat",
  "Sutrisno",
  "Suharti",
  "Djunaedi",
  "Tjahjono",
  "Chairul",
];
const LAST = [
  "Santoso",
  "Wijaya",
  "Saputra",
  "Lestari",
  "Hidayat",
  "Kurniawan",
  "Rahayu",
  "Pratama",
  "Anwar",
  "Setiawan",
  "Susanti",
  "Purnomo",
  "Hasibuan",
  "Siregar",
  "Nasution",
  "Harahap",
  "Marlina",
  "Fauzi",
];
const TITLES = ["", "", "", "", "H. ", "Hj. ", "Dr. ", "Ir. "];
const DEGREES = ["", "", "", "", ", S.Pd", ", S.E.", ", S.H."];

function randomName(i: number) {
  const pick = <T>(list: T[], salt: number) => list[(i * 7919 + salt * 104729) % list.length];
  return `${pick(TITLES, 1)}${pick(FIRST, 2)} ${pick(FIRST, 3)} ${pick(LAST, 4)}${pick(DEGREES, 5)}`;
}

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function benchSearch() {
  const voters = Array.from({ length: 600 }, (_, i) => ({ row: i + 1, name: randomName(i) }));
  const queries = [
    "ahmad",
    "siti rahayu",
    "muhamad yusuf",
    "djunaedi",
    "soeharti",
    "hj. indah lestari",
    "setiwan",
    "nur",
    "chairul anwar",
    "budi santoso s.pd",
    "zulkifli",
    "tjahjono pratama",
  ];
  const startIndex = now();
  const index = indexVoters(voters);
  const indexMs = now() - startIndex;
  const rounds = 200;
  const measure = (search: (q: string) => unknown) => {
    const times: number[] = [];
    for (let r = 0; r < rounds; r++)
      for (const q of queries) {
        const t = now();
        search(q);
        times.push(now() - t);
      }
    return { median: median(times), p99: [...times].sort((a, b) => a - b)[Math.floor(times.length * 0.99)] };
  };
  const baseline = measure((q) => {
    const lower = q.toLowerCase();
    return voters.filter((v) => v.name.toLowerCase().includes(lower)).slice(0, 20);
  });
  const ours = measure((q) => searchVoters(index, q));
  const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
  console.log(`name search over 600 voters, ${rounds * queries.length} searches each`);
  console.log(`  index built once per list: ${us(indexMs)}`);
  console.log(`  baseline (substring scan): median ${us(baseline.median)}, p99 ${us(baseline.p99)}`);
  console.log(`  tolerant search:           median ${us(ours.median)}, p99 ${us(ours.p99)}`);
  console.log(`  tolerant / baseline: ${(ours.median / baseline.median).toFixed(1)}x; a frame at 60 Hz is 16,667 µs`);
}

async function benchHashing(iterations: number[], count: number) {
  const key = voterKeyFrom(randomBytes(32).toString("base64url"));
  for (const it of iterations) {
    const start = now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < count) {
          const i = next++;
          await key.hashNik(`16730112078${String(i).padStart(5, "0")}`, `1673011001-00${i % 9}`, it);
        }
      }),
    );
    const perRow = (now() - start) / count;
    console.log(
      `hashing ${count} NIKs at ${it} iterations: ${perRow.toFixed(3)} ms per row -> a city of 254,000 rows in ${((perRow * 254_000) / 1000).toFixed(0)} s`,
    );
  }
}

async function benchImport() {
  const db = await startLoadDatabase({ tpsCount: 635 });
  try {
    const tps = (await db.sql<{ code: string }[]>`select code from tps order by code`).map((r) => r.code);
    const [admin] = await db.sql<{ id: number }[]>`select id from users where role = 'admin' limit 1`;
    const lines = ["tps_code,row,nik,name,sex,birth_date,rt,rw,status,disability"];
    let serial = 0;
    for (const code of tps)
      for (let row = 1; row <= 400; row++) {
        serial++;
        const female = serial % 2 === 0;
        const day = 1 + (serial % 28);
        const nik = `167301${String(female ? day + 40 : day).padStart(2, "0")}0785${String(serial % 10000 || 1).padStart(4, "0")}`;
        // A serial repeats every 10,000 rows: vary the month so every NIK stays unique.
        const month = String(1 + (Math.floor(serial / 10000) % 12)).padStart(2, "0");
        const unique = nik.slice(0, 8) + month + nik.slice(10);
        lines.push(
          `${code},${row},${unique},"${randomName(serial)}",${female ? "P" : "L"},1985-${month}-${String(day).padStart(2, "0")},001,002,DPT,`,
        );
      }
    const text = lines.join("\n");
    const writer = createWriter({
      sql: db.sql,
      onCommit: () => {},
      auditKey: auditKeyFrom(randomBytes(32).toString("base64url")),
    });
    const key = voterKeyFrom(randomBytes(32).toString("base64url"));
    console.log(
      `importing ${lines.length - 1} voters of ${tps.length} TPS (${(text.length / 1e6).toFixed(1)} MB), ${NIK_HASH_ITERATIONS} iterations`,
    );
    const start = now();
    const report = await importVoters({ sql: db.sql, writer }, { text, actorId: admin.id, hashNik: key.hashNik });
    const seconds = (now() - start) / 1000;
    if (!report.applied) console.log(report.problems.slice(0, 5));
    console.log(
      `  imported: ${report.applied}, ${report.rows} rows in ${seconds.toFixed(1)} s (${(report.rows / seconds).toFixed(0)} rows/s)`,
    );
    await writer.close();
  } finally {
    await db.close();
  }
}

benchSearch();
const costs = process.argv.includes("--iterations") ? arg("iterations", "").split(",").map(Number) : [];
if (costs.length) await benchHashing(costs, Number(arg("rows", "4000")));
if (process.argv.includes("--import")) await benchImport();
