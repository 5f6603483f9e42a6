// The SMS format (app/lib/sms.ts): what the parser reads, and the precise error for what it cannot.
import { describe, expect, it } from "vitest";
import { normaliseSms, parseSms, receiptCode } from "./sms";

describe("parseSms", () => {
  it("reads a quick count with votes, invalid and PIN", () => {
    expect(parseSms("QC 1673021001-001 walikota 120 95 33 4 123456")).toEqual({
      ok: true,
      lang: "id",
      kind: "QC",
      tpsCode: "1673021001-001",
      contest: "walikota",
      numbers: [120, 95, 33, 4],
      pin: "123456",
      justification: null,
    });
  });

  it("takes any case, extra spaces, # and commas as separators, and an English marker", () => {
    const parsed = parseSms("  en qc#1673021001-001#Gubernur,200,150,  7 ;123456 ");
    expect(parsed).toMatchObject({
      ok: true,
      lang: "en",
      kind: "QC",
      contest: "gubernur",
      numbers: [200, 150, 7],
      pin: "123456",
    });
  });

  it("keeps a reason after ALASAN for results with warnings", () => {
    expect(parseSms("QC 1673021001-001 gubernur 300 0 1 123456 ALASAN semua pemilih memilih calon 1")).toMatchObject({
      ok: true,
      numbers: [300, 0, 1],
      justification: "semua pemilih memilih calon 1",
    });
  });

  it("reads an incident with free text", () => {
    expect(parseSms("INC 1673021001-001 vote_buying high ada pembagian uang di depan TPS 123456")).toEqual({
      ok: true,
      lang: "id",
      kind: "INC",
      tpsCode: "1673021001-001",
      category: "vote_buying",
      severity: "high",
      text: "ada pembagian uang di depan TPS",
      pin: "123456",
    });
  });

  it.each([
    ["", "empty"],
    ["HALO apa kabar", "unknown_keyword"],
    ["QC 167302-001 walikota 1 2 3 4 123456", "bad_tps"],
    ["QC 1673021001-001 walikota 123456", "too_short"],
    ["QC 1673021001-001 walikota 12O 95 33 4 123456", "bad_number"],
    ["QC 1673021001-001 walikota 120 95 33 4", "bad_pin_format"],
    ["QC 1673021001-001 walikota 120 95 33 4 pin", "bad_pin_format"],
    ["INC 1673021001-001 violence high 123456", "no_text"],
  ])("refuses %j with %s", (text, code) => {
    expect(parseSms(text)).toMatchObject({ ok: false, code });
  });

  it("sees the same message however it was spaced or cased", () => {
    expect(normaliseSms("qc  1673021001-001 walikota#1 2 3 4 123456")).toBe(
      normaliseSms("QC 1673021001-001 WALIKOTA 1 2 3 4 123456"),
    );
    expect(receiptCode("QC", "1a2b3c4d-0000-4000-8000-000000000000")).toBe("QC-1A2B3C4D");
  });
});
