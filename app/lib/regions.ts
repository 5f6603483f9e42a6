// Regions as they are printed on official forms and recaps: the kind in front of the name ("Kota
// Lubuklinggau", "Kabupaten Musi Rawas", "Kel. Taba Jemekeh", "Desa Air Beliti"). Kabupaten and kota share the
// level `city`, desa and kelurahan the level `kelurahan` (docs/decisions/020-election-model.md), so only the
// kind tells which word to print. Pure, shared by the browser, the server and the paper forms.
import type { RegionKind } from "./contests";

/** The word printed before a region's name, per kind (the abbreviations the KPU's forms use). */
export const REGION_PREFIX: Record<RegionKind, string> = {
  province: "Provinsi",
  kabupaten: "Kabupaten",
  kota: "Kota",
  kecamatan: "Kec.",
  desa: "Desa",
  kelurahan: "Kel.",
};

// Imports may carry the kind in the name already ("Kota Lubuklinggau", "Kecamatan 1-1"): it is not doubled.
// Only the words of the region's own level are taken off: a village may well be called "Kota Baru".
const WRITTEN_PREFIX: Record<RegionKind, RegExp> = {
  province: /^(provinsi|prov\.)\s+(?=\S)/i,
  kabupaten: /^(kabupaten|kab\.|kota)\s+(?=\S)/i,
  kota: /^(kabupaten|kab\.|kota)\s+(?=\S)/i,
  kecamatan: /^(kecamatan|kec\.)\s+(?=\S)/i,
  desa: /^(desa|kelurahan|kel\.)\s+(?=\S)/i,
  kelurahan: /^(desa|kelurahan|kel\.)\s+(?=\S)/i,
};

/**
 * "Kota Lubuklinggau", "Kabupaten Musi Rawas", "Kec. Lubuklinggau Barat I", "Desa Air Beliti", "Kel. Taba
 * Jemekeh". An unknown kind (data from before kinds existed) prints the name as it is.
 */
export function regionLabel(
  kind: string | null | undefined,
  name: string,
  { full = false }: { full?: boolean } = {},
): string {
  if (!kind || !Object.hasOwn(REGION_PREFIX, kind)) return name;
  const k = kind as RegionKind;
  return `${(full ? FULL_PREFIX : REGION_PREFIX)[k]} ${name.replace(WRITTEN_PREFIX[k], "")}`;
}

/** The words written out, for letters and handover lists addressed to people ("Kelurahan Taba Jemekeh"). */
const FULL_PREFIX: Record<RegionKind, string> = { ...REGION_PREFIX, kecamatan: "Kecamatan", kelurahan: "Kelurahan" };
