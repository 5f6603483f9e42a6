// Printable paper forms: what one sheet needs per TPS (its regions with their kinds, as the C.Hasil's head
// names them), with its code as a QR (SVG, made here so the page prints the same offline from the service
// worker's cache), and the contests; each TPS's sheets are the contests it votes in.
import { insideArea } from "./area.server";
import QRCode from "qrcode";
import type { Db } from "~/utils/db.server";
import { contestsForTps } from "./election.server";
import { getSetting } from "./settings.server";

export interface PaperTps {
  code: string;
  number: number;
  address: string;
  kelurahanCode: string;
  kelurahanName: string;
  /** "desa" or "kelurahan" (printed "Desa"/"Kel."). */
  kelurahanKind: string;
  kecamatanName: string;
  cityName: string;
  /** "kabupaten" or "kota". */
  cityKind: string;
  provinceName: string;
  dpt: number;
  dptb: number;
  dpk: number;
  qrSvg: string;
}

export async function paperFormsFor(sql: Db, { tpsCode, kelurahanCode }: { tpsCode?: string; kelurahanCode?: string }) {
  const rows = await sql<Omit<PaperTps, "qrSvg">[]>`
    select t.code, t.number, t.address, t.dpt, t.dptb, t.dpk, t.kelurahan_code, kel.name as kelurahan_name,
      kel.kind as kelurahan_kind, kec.name as kecamatan_name, coalesce(city.name, '') as city_name,
      coalesce(city.kind, 'kota') as city_kind, coalesce(prov.name, '') as province_name
    from tps t join regions kel on kel.code = t.kelurahan_code join regions kec on kec.code = kel.parent_code
      left join regions city on city.code = kec.parent_code left join regions prov on prov.code = city.parent_code
    where ${tpsCode ? sql`t.code = ${tpsCode}` : sql`t.kelurahan_code = ${kelurahanCode ?? ""}`}
    order by t.code limit 200`;
  const tps: PaperTps[] = await Promise.all(
    rows.map(async (r) => ({
      code: r.code,
      number: r.number,
      address: r.address,
      kelurahanCode: r.kelurahanCode,
      kelurahanName: r.kelurahanName,
      kelurahanKind: r.kelurahanKind,
      kecamatanName: r.kecamatanName,
      cityName: r.cityName,
      cityKind: r.cityKind,
      provinceName: r.provinceName,
      dpt: r.dpt,
      dptb: r.dptb,
      dpk: r.dpk,
      qrSvg: await QRCode.toString(r.code, { type: "svg", margin: 1, errorCorrectionLevel: "M" }),
    })),
  );
  const categories = (await getSetting(sql, "incident.categories")).filter((c) => c.active);
  // One kelurahan's TPS all vote in the same contests: those whose area holds the kelurahan.
  const contests = rows.length ? await contestsForTps(sql, { kelurahanCode: rows[0].kelurahanCode }) : [];
  return { tps, contests, categories };
}

export interface KelurahanSheet {
  code: string;
  name: string;
  /** "desa" or "kelurahan". */
  kind: string;
  kecamatanName: string;
  /** How many TPS it has. */
  tps: number;
}

export async function listKelurahan(sql: Db, { scope }: { scope: string | null }): Promise<KelurahanSheet[]> {
  const rows = await sql<KelurahanSheet[]>`
    select kel.code, kel.name, kel.kind, kec.name as kecamatan_name, (select count(*)::int from tps where kelurahan_code = kel.code) as tps
    from regions kel join regions kec on kec.code = kel.parent_code
    where kel.level = 'kelurahan' and ${insideArea(sql, "kel.code", scope || null)}
    order by kel.code`;
  return rows.map((r) => ({ code: r.code, name: r.name, kind: r.kind, kecamatanName: r.kecamatanName, tps: r.tps }));
}
