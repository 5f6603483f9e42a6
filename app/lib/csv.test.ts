// CSV in and out: what spreadsheets export must import, and what we export must not run as a formula.
import { describe, expect, it } from "vitest";
import { csvRecords, csvSeparator, csvSeparatorParam, parseCsv, toCsv } from "./csv";

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
    expect(toCsv([["a,b", 'say "hi"', null, 3, -4, "=SUM(A1)", "+62 812", "@x", 0.5]], ",")).toBe(
      '\ufeff"a,b","say ""hi""",,3,-4,\'=SUM(A1),\'+62 812,\'@x,0.5\r\n',
    );
    expect(parseCsv(toCsv([["x,y", 'z"q']], ","))).toEqual([["x,y", 'z"q']]);
  });

  it("reports the line a record starts on, after blank lines and line breaks inside quoted cells", () => {
    const text = 'code;name\r\n\r\n1;"two\r\nlines"\r\n\n2;x\n3;"a\nb\nc"\n4;y\n';
    expect(csvRecords(text).records.map((r) => [r.line, r.values.code])).toEqual([
      [3, "1"],
      [6, "2"],
      [7, "3"],
      [10, "4"],
    ]);
  });

  it("sniffs the separator from the header line, ignoring separators inside quotes", () => {
    expect(csvSeparator("a;b;c\n1,5;2;3")).toBe(";");
    expect(csvSeparator("\ufeffa,b\n1;2;3;4")).toBe(",");
    expect(csvSeparator('"x;y;z",b,c\n')).toBe(",");
    expect(csvRecords("\ufeffkode;nama\n1;Satu\n").records[0]).toEqual({
      line: 2,
      values: { kode: "1", nama: "Satu" },
    });
  });
});

describe("the one CSV writer", () => {
  it("writes what a spreadsheet set to Indonesian opens in columns by default: semicolons, decimal commas, a BOM", () => {
    const text = toCsv([
      ["wilayah", "suara", "partisipasi"],
      ["Kota Lubuklinggau; Kec. Barat", 1234, 0.4521],
      ["=1+1", -5, null],
    ]);
    expect(text.startsWith("\ufeffwilayah;suara;partisipasi\r\n")).toBe(true);
    expect(text).toContain('"Kota Lubuklinggau; Kec. Barat";1234;0,4521\r\n');
    expect(text).toContain("'=1+1;-5;\r\n");
    expect(parseCsv(text, ";")[1]).toEqual(["Kota Lubuklinggau; Kec. Barat", "1234", "0,4521"]);
  });

  it("reads the separator an export is asked for: semicolons unless commas are asked", () => {
    expect(csvSeparatorParam(null)).toBe(";");
    expect(csvSeparatorParam("semicolon")).toBe(";");
    expect(csvSeparatorParam("comma")).toBe(",");
    expect(csvSeparatorParam(",")).toBe(",");
    expect(csvSeparatorParam("tab")).toBe(";");
  });
});
