// One TPS for the public (`GET /api/v1/public/tps/:code`, SPEC 7): where it is, the contests it votes in and,
// for each, the verified result with the photos of its C.Hasil (the official form is public once verified).
// Nothing else: no officer, no unverified numbers, no status history, no personal data.
import { ballotChoices } from "~/lib/ballot";
import { regionLabel } from "~/lib/regions";
import type { Db } from "~/utils/db.server";
import { contestsForTps, getTps } from "./election.server";
import { getSetting } from "./settings.server";

export interface PublicTpsResult {
  contest: string;
  name: string;
  type: string;
  dapil: string | null;
  /** Whether a verified result is published; the numbers below are null until it is. */
  verified: boolean;
  /** Per choice of section IV (pairs with 0 for the blank column, DPD candidates, party totals). */
  votes: { number: number; name: string; kind: string; votes: number }[] | null;
  valid: number | null;
  invalid: number | null;
  /** The complete C.Hasil (sections I-V) when it was sent, as verified. */
  form: unknown;
  completeness: "quick" | "complete" | null;
  verifiedAt: string | null;
  /** URLs of the C.Hasil photos of this TPS and contest (GET /api/v1/photos/:id serves them to anyone). */
  photos: string[];
}

export interface PublicTps {
  code: string;
  number: number;
  address: string;
  lat: number;
  lng: number;
  dpt: number;
  kelurahan: { code: string; name: string };
  kecamatan: { code: string; name: string };
  city: { code: string; name: string } | null;
  province: { code: string; name: string } | null;
  results: PublicTpsResult[];
  /** When anything shown here last changed (a result of any status, a C.Hasil photo); null before any. */
  lastChange: string | null;
}

type VerifiedRow = {
  contestCode: string;
  votes: Record<string, number>;
  invalid: number;
  form: unknown;
  completeness: "quick" | "complete";
  updatedAt: Date;
};

export async function getPublicTps(sql: Db, { code }: { code: string }): Promise<PublicTps | undefined> {
  const tps = await getTps(sql, { code });
  if (!tps) return undefined;
  // The admin's public-page options hide results from the public here too.
  const { showResults } = await getSetting(sql, "public");
  const [contests, verified, photos, [city], [last]] = await Promise.all([
    contestsForTps(sql, { kelurahanCode: tps.kelurahanCode }),
    sql<VerifiedRow[]>`
      select contest_code, votes, invalid, form, completeness, updated_at from results
      where tps_code = ${code} and status = 'verified' and ${showResults}`,
    verifiedResultPhotos(sql, { tpsCode: code }),
    sql<[{ code: string; name: string; kind: string; provinceCode: string | null; provinceName: string | null }?]>`
      select c.code, c.name, c.kind, p.code as province_code, p.name as province_name
      from regions k join regions c on c.code = k.parent_code left join regions p on p.code = c.parent_code
      where k.code = ${tps.kecamatanCode}`,
    // A result that stops being verified changes the page too, so every status counts here.
    sql<[{ at: Date | null }]>`
      select greatest((select max(updated_at) from results where tps_code = ${code}),
        (select max(received_at) from photos where tps_code = ${code} and purpose = 'c1')) as at`,
  ]);
  return {
    code: tps.code,
    number: tps.number,
    address: tps.address,
    lat: tps.lat,
    lng: tps.lng,
    dpt: tps.dpt,
    kelurahan: { code: tps.kelurahanCode, name: regionLabel(tps.kelurahanKind, tps.kelurahanName) },
    kecamatan: { code: tps.kecamatanCode, name: regionLabel("kecamatan", tps.kecamatanName) },
    city: city ? { code: city.code, name: regionLabel(city.kind, city.name) } : null,
    province:
      city?.provinceCode && city.provinceName
        ? { code: city.provinceCode, name: regionLabel("province", city.provinceName) }
        : null,
    results: contests.map((c) => {
      const r = verified.find((v) => v.contestCode === c.code);
      const votes = r
        ? ballotChoices(c).map((k) => ({
            number: k.number,
            name: k.kind === "blank" ? "Kolom kosong" : k.name,
            kind: k.kind,
            votes: r.votes[String(k.number)] ?? 0,
          }))
        : null;
      return {
        contest: c.code,
        name: c.name,
        type: c.type,
        dapil: c.dapil,
        verified: !!r,
        votes,
        valid: votes ? votes.reduce((a, k) => a + k.votes, 0) : null,
        invalid: r?.invalid ?? null,
        form: r?.completeness === "complete" ? r.form : null,
        completeness: r?.completeness ?? null,
        verifiedAt: r ? r.updatedAt.toISOString() : null,
        photos: r ? photos.filter((p) => p.contestCode === c.code).map((p) => `/api/v1/photos/${p.id}`) : [],
      };
    }),
    lastChange: last?.at ? last.at.toISOString() : null,
  };
}

/** The C.Hasil photos of a TPS's verified results. */
function verifiedResultPhotos(sql: Db, { tpsCode }: { tpsCode: string }) {
  return sql<{ id: string; contestCode: string }[]>`
    select p.id, p.contest_code from photos p
    join results r on r.tps_code = p.tps_code and r.contest_code = p.contest_code and r.status = 'verified'
    where p.tps_code = ${tpsCode} and p.purpose = 'c1'
    order by p.received_at, p.id`;
}
