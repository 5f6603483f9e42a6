import { describe, expect, it } from "vitest";
import { regionLabel } from "./regions";

describe("regionLabel", () => {
  it("prints the kind as the official forms do", () => {
    expect(regionLabel("kota", "Lubuklinggau")).toBe("Kota Lubuklinggau");
    expect(regionLabel("kabupaten", "Musi Rawas")).toBe("Kabupaten Musi Rawas");
    expect(regionLabel("desa", "Air Beliti")).toBe("Desa Air Beliti");
    expect(regionLabel("kelurahan", "Taba Jemekeh")).toBe("Kel. Taba Jemekeh");
    expect(regionLabel("kecamatan", "Lubuklinggau Barat I")).toBe("Kec. Lubuklinggau Barat I");
    expect(regionLabel("province", "Sumatera Selatan")).toBe("Provinsi Sumatera Selatan");
  });

  it("does not double a kind the imported name already carries", () => {
    expect(regionLabel("kota", "Kota Lubuklinggau")).toBe("Kota Lubuklinggau");
    expect(regionLabel("kabupaten", "Kabupaten Ogan Komering Ulu")).toBe("Kabupaten Ogan Komering Ulu");
    expect(regionLabel("kecamatan", "Kecamatan 1-1")).toBe("Kec. 1-1");
    expect(regionLabel("kelurahan", "Kelurahan Pasar Satelit")).toBe("Kel. Pasar Satelit");
  });

  it("keeps words of another level that are part of the name", () => {
    expect(regionLabel("desa", "Kota Baru")).toBe("Desa Kota Baru");
    expect(regionLabel("kecamatan", "Kota Padang")).toBe("Kec. Kota Padang");
  });

  it("prints the bare name when the kind is unknown", () => {
    expect(regionLabel(null, "Lubuklinggau")).toBe("Lubuklinggau");
    expect(regionLabel("something", "X")).toBe("X");
  });

  it("writes the kind out on letters: Desa for a desa, Kelurahan for a kelurahan, by the region's kind", () => {
    expect(regionLabel("desa", "Air Beliti", { full: true })).toBe("Desa Air Beliti");
    expect(regionLabel("kelurahan", "Kel. Taba Jemekeh", { full: true })).toBe("Kelurahan Taba Jemekeh");
    expect(regionLabel("kecamatan", "Lubuklinggau Barat I", { full: true })).toBe("Kecamatan Lubuklinggau Barat I");
    expect(regionLabel("kelurahan", "Taba Jemekeh")).toBe("Kel. Taba Jemekeh");
  });
});
