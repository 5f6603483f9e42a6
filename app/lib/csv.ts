// CSV in and out (RFC 4180): the admin imports read it, the exports and the open data write it.

/** Parses CSV text into rows of cells: quoted cells, doubled quotes, CRLF or LF, a leading BOM; cells are
 *  separated by commas or, as a spreadsheet set to Indonesian saves them, by semicolons. */
export function parseCsv(text: string, separator: "," | ";" = ","): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"' && cell === "") quoted = true;
    else if (ch === separator) {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ""));
}

/** The separator a file uses: the one its header line has more of (a spreadsheet set to Indonesian saves
 *  semicolons, since the comma is its decimal mark). */
export function csvSeparator(text: string): "," | ";" {
  const header = text.slice(0, text.search(/\r|\n|$/));
  const count = (ch: string) => header.split(ch).length - 1;
  return count(";") > count(",") ? ";" : ",";
}

/** Rows as objects keyed by the (lower-cased, trimmed) header; `line` is the 1-based line in the file. */
export function csvRecords(text: string): {
  header: string[];
  records: { line: number; values: Record<string, string> }[];
} {
  const [head = [], ...rest] = parseCsv(text, csvSeparator(text));
  const header = head.map((h) => h.trim().toLowerCase());
  return {
    header,
    records: rest.map((cells, i) => ({
      line: i + 2,
      values: Object.fromEntries(header.map((h, j) => [h, (cells[j] ?? "").trim()])),
    })),
  };
}

/** RFC 4180 CSV; cells a spreadsheet would run as a formula get a leading ' (CSV injection). */
export function toCsv(rows: (string | number | boolean | null | undefined)[][]): string {
  const cell = (v: string | number | boolean | null | undefined) => {
    let s = v == null ? "" : String(v);
    if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = "'" + s;
    return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}

/**
 * CSV for a spreadsheet set to Indonesian (Excel, LibreOffice with the id-ID locale): the list separator there
 * is the semicolon and the decimal mark the comma, so a comma-separated file opens as one column and "0.45"
 * as text or a thousand. A UTF-8 byte order mark makes Excel read the names' letters right. Decimals are
 * written with a comma; whole numbers plainly (no thousands dots, which a spreadsheet would keep as text).
 */
export function toSpreadsheetCsv(rows: (string | number | boolean | null | undefined)[][]): string {
  return SPREADSHEET_BOM + spreadsheetCsvLines(rows);
}

/** The byte order mark that starts a spreadsheet CSV (written once, before the first line). */
export const SPREADSHEET_BOM = "\ufeff";

/** Lines of a spreadsheet CSV without the byte order mark, each ending in CRLF: for a file written in parts. */
export function spreadsheetCsvLines(rows: (string | number | boolean | null | undefined)[][]): string {
  const cell = (v: string | number | boolean | null | undefined) => {
    if (typeof v === "number") return Number.isInteger(v) ? String(v) : String(v).replace(".", ",");
    let s = v == null ? "" : String(v);
    if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+([.,]\d+)?$/.test(s)) s = "'" + s;
    return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(cell).join(";") + "\r\n").join("");
}
