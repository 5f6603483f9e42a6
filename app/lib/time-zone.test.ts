import { afterEach, describe, expect, it } from "vitest";
import { ELECTION_TIME_ZONE, formatTime, setElectionZone, zoneOfRegion, zoneOfRegions } from "./format";

afterEach(() => setElectionZone(ELECTION_TIME_ZONE));

describe("the election's time zone, from its region", () => {
  it("names the zone of each part of Indonesia", () => {
    expect(zoneOfRegion("16.73")).toBe("Asia/Jakarta"); // Sumatera Selatan
    expect(zoneOfRegion("32")).toBe("Asia/Jakarta"); // Jawa Barat
    expect(zoneOfRegion("61.71")).toBe("Asia/Pontianak"); // Kalimantan Barat: WIB
    expect(zoneOfRegion("62")).toBe("Asia/Pontianak"); // Kalimantan Tengah: WIB
    expect(zoneOfRegion("63")).toBe("Asia/Makassar"); // Kalimantan Selatan
    expect(zoneOfRegion("65")).toBe("Asia/Makassar"); // Kalimantan Utara
    expect(zoneOfRegion("51.71")).toBe("Asia/Makassar"); // Bali
    expect(zoneOfRegion("53")).toBe("Asia/Makassar"); // NTT
    expect(zoneOfRegion("73.71")).toBe("Asia/Makassar"); // Sulawesi Selatan
    expect(zoneOfRegion("81")).toBe("Asia/Jayapura"); // Maluku
    expect(zoneOfRegion("94")).toBe("Asia/Jayapura"); // Papua Tengah
  });

  it("takes the one zone a Pilkada's regions share, and WIB for several", () => {
    expect(zoneOfRegions(["73"])).toBe("Asia/Makassar");
    expect(zoneOfRegions(["61", "62"])).toBe("Asia/Pontianak");
    expect(zoneOfRegions(["16", "73", "91"])).toBe("Asia/Jakarta");
  });

  it("writes every time in that zone with its name", () => {
    const at = "2026-02-14T03:05:09Z";
    expect(formatTime(at, "id")).toBe("10.05 WIB");
    setElectionZone("Asia/Makassar");
    expect(formatTime(at, "id", { seconds: true })).toBe("11.05.09 WITA");
    setElectionZone("Asia/Jayapura");
    expect(formatTime(at, "en")).toBe("12:05 WIT");
  });
});
