// A small province for tests of contests over their own areas: the demo city (Kota Lubuklinggau, 16.73,
// with the governor over the province 16 and its mayor) plus a second one, Kabupaten Musi Rawas (16.05), with
// its own regent (a single pair: the ballot has the blank column) and a DPRD dapil over one of its kecamatan
// (a party list). Inserted with SQL into a test server's database.
import { randomUUID } from "node:crypto";
import type { Sql } from "postgres";
import { rebuildTotalsNow } from "~/models/region-totals.server";

export const MURA = {
  city: "16.05",
  kecamatan: "16.05.01",
  /** Kecamatan outside the DPRD dapil. */
  otherKecamatan: "16.05.02",
  desa: ["16.05.01.2001", "16.05.01.2002", "16.05.02.2001"],
  /** TPS of the dapil's kecamatan, then one outside it. */
  tps: ["1605012001-001", "1605012001-002", "1605012002-001", "1605022001-001"],
  regent: "bupati-mura",
  dprd: "dprd-mura-1",
  supervisor: "pengawas-mura",
} as const;

/** A supervisor of the whole Kota Lubuklinggau (the demo city's supervisors each have one kecamatan). */
export const CITY_SUPERVISOR = "pengawas-kota";

export async function addSecondCity(sql: Sql) {
  await sql`insert into regions (code, parent_code, level, name) values
    ('16.05', '16', 'city', 'Kabupaten Musi Rawas'),
    ('16.05.01', '16.05', 'kecamatan', 'Muara Beliti'),
    ('16.05.02', '16.05', 'kecamatan', 'Tuah Negeri'),
    ('16.05.01.2001', '16.05.01', 'kelurahan', 'Air Beliti'),
    ('16.05.01.2002', '16.05.01', 'kelurahan', 'Muara Beliti Baru'),
    ('16.05.02.2001', '16.05.02', 'kelurahan', 'Kota Baru')`;
  for (const code of MURA.tps) {
    const [kel, number] = code.split("-");
    const kelurahan = `${kel.slice(0, 2)}.${kel.slice(2, 4)}.${kel.slice(4, 6)}.${kel.slice(6)}`;
    await sql`insert into tps (code, kelurahan_code, number, address, lat, lng, dpt, dpt_men, dpt_women)
      values (${code}, ${kelurahan}, ${Number(number)}, ${"Balai desa " + code}, -3.2, 102.9, 300, 150, 150)`;
  }
  await sql`insert into contests (code, name, type, position) values
    (${MURA.regent}, 'Bupati dan Wakil Bupati Musi Rawas', 'bupati', 3)`;
  await sql`insert into contests (code, name, type, dapil, position) values
    (${MURA.dprd}, 'DPRD Kabupaten Musi Rawas', 'dprd_kabkota', 'Musi Rawas 1', 4)`;
  await sql`insert into contest_areas (contest_code, region_code) values
    (${MURA.regent}, '16.05'), (${MURA.dprd}, '16.05.01')`;
  await sql`insert into candidates (contest_code, party_number, ballot_number, name) values
    (${MURA.regent}, 0, 1, 'H. Ratna Machmud & Suwarti')`;
  await sql`insert into parties (number, name, abbrev) values (1, 'Partai Pelita', 'PLT'), (2, 'Partai Samudra', 'SMD')
    on conflict (number) do nothing`;
  await sql`insert into candidates (contest_code, party_number, ballot_number, name) values
    (${MURA.dprd}, 1, 1, 'Andi Saputra'), (${MURA.dprd}, 1, 2, 'Sri Wahyuni'),
    (${MURA.dprd}, 2, 1, 'Budi Santoso'), (${MURA.dprd}, 2, 2, 'Citra Lestari')`;
  // Officers share the demo officers' PIN; staff the demo secret.
  const [officer] = await sql`select secret_hash from users where role = 'officer' limit 1`;
  const [staff] = await sql`select secret_hash from users where login = 'posko'`;
  for (const code of MURA.tps) {
    const [kel] = await sql`select kelurahan_code from tps where code = ${code}`;
    await sql`insert into users (login, name, role, secret_hash, tps_code, region_code)
      values (${code}, ${"Petugas TPS " + code}, 'officer', ${officer.secretHash}, ${code}, ${kel.kelurahanCode})`;
  }
  await sql`insert into users (login, name, role, secret_hash, region_code) values
    (${MURA.supervisor}, 'Pengawas Kabupaten Musi Rawas', 'supervisor', ${staff.secretHash}, '16.05'),
    (${CITY_SUPERVISOR}, 'Pengawas Kota Lubuklinggau', 'supervisor', ${staff.secretHash}, '16.73')`;
  // As an admin's import does: the running totals count the new regions, TPS and contests.
  await rebuildTotalsNow(sql);
}

/** A complete C.Hasil of the DPRD ballot at a 300-voter TPS of the fixture whose arithmetic holds. */
export function dprdForm(votes: { [party: string]: { party: number; candidates: Record<string, number> } }) {
  const byParty = Object.fromEntries(
    Object.entries(votes).map(([p, v]) => [
      p,
      { ...v, total: v.party + Object.values(v.candidates).reduce((a, b) => a + b, 0) },
    ]),
  );
  const valid = Object.values(byParty).reduce((a, v) => a + v.total, 0);
  const invalid = 10;
  const used = valid + invalid;
  const half = Math.floor(used / 2);
  return {
    voters: {
      dpt: { m: 150, f: 150, total: 300 },
      dptUsed: { m: half, f: used - half, total: used },
      dptbUsed: { m: 0, f: 0, total: 0 },
      dpkUsed: { m: 0, f: 0, total: 0 },
      used: { m: half, f: used - half, total: used },
    },
    ballots: { received: 306, used, damaged: 0, unused: 306 - used },
    disabled: { m: 0, f: 0, total: 0 },
    votes: byParty,
    valid,
    invalid,
    total: used,
  };
}

/** A quick-count body for a TPS and contest (a justification so that plausibility warnings do not refuse it). */
export function quickBody(tpsCode: string, contest: string, fields: Record<string, unknown>) {
  return {
    id: randomUUID(),
    tpsCode,
    contest,
    capturedAt: new Date().toISOString(),
    justification: "Sesuai yang tertulis di C.Hasil, sudah dicek ulang.",
    ...fields,
  };
}
