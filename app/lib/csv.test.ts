// CSV in and out: what spreadsheets export must import, and what we export must not run as a formula.
import { describe, expect, it } from "vitest";
import { csvRecords, parseCsv, toCsv, toSpreadsheetCsv } from "./csv";

describe("csv", () => {
  it("parses quotes, doubled quotes, commas and line breaks in cells, CRLF, a BOM and blank lines", () => {
    const text = '\uFEFFcode,name\r\n1,"Jl. Garuda No. 10, ""Blok A"""\r\n\r\n2,"dua\nbaris"\n';
    expect(parseCsv(text)).toEqual([
      ["code", "name"],
      ["1", 'Jl. Garuda No. 10, "Blok A"'],
      ["2", "dua\nbaris"],
    ]);
    expect(csvRecords(" Code ,NAME\n7, Tujuh \n")).toEqual({
      header: ["code", "name"],
      records: [{ line: 2, values: { code: "7", name: "Tujuh" } }],
    });
  });

  it("reads a spreadsheet's semicolon-separated file, with a BOM, commas and semicolons inside quoted cells", () => {
    const text = '\uFEFFnumber;lat;name\r\n1;-3,29;"Kel. Air Kuti, Timur"\r\n2;-3,3;"a;b"\r\n';
    expect(csvRecords(text).records.map((r) => r.values)).toEqual([
      { number: "1", lat: "-3,29", name: "Kel. Air Kuti, Timur" },
      { number: "2", lat: "-3,3", name: "a;b" },
    ]);
  });

  it("writes RFC 4180 and defuses spreadsheet formulas, leaving negative numbers alone", () => {
    expect(toCsv([["a,b", 'say "hi"', null, 3, -4, "=SUM(A1)", "+62 812", "@x"]])).toBe(
      '"a,b","say ""hi""",,3,-4,\'=SUM(A1),\'+62 812,\'@x\r\n',
    );
    expect(parseCsv(toCsv([["x,y", 'z"q']]))).toEqual([["x,y", 'z"q']]);
  });
});

describe("toSpreadsheetCsv", () => {
  it("writes what a spreadsheet set to Indonesian opens in columns: semicolons, decimal commas, a BOM", () => {
    const text = toSpreadsheetCsv([
      ["wilayah", "suara", "partisipasi"],
      ["Kota Lubuklinggau; Kec. Barat", 1234, 0.4521],
      ["=1+1", -5, null],
    ]);
    expect(text.startsWith("\ufeffwilayah;suara;partisipasi\r\n")).toBe(true);
    expect(text).toContain('"Kota Lubuklinggau; Kec. Barat";1234;0,4521\r\n');
    expect(text).toContain("'=1+1;-5;\r\n");
    expect(parseCsv(text, ";")[1]).toEqual(["Kota Lubuklinggau; Kec. Barat", "1234", "0,4521"]);
  });
});
