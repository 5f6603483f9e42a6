// CSV in and out (RFC 4180): the admin imports read it, every export and the open data write it, through the
// one writer below (docs/decisions/041-papers-numbers-and-csv.md).

export type CsvSeparator = ";" | ",";
type Cell = string | number | boolean | null | undefined;

/** One record of a file and the 1-based line it starts on (blank lines and line breaks inside quoted cells
 *  counted, so an error names the line a person sees in their editor). */
export interface CsvRow {
  line: number;
  cells: string[];
}

/** Parses CSV text into records with their line numbers: quoted cells, doubled quotes, CRLF or LF, a leading
 *  BOM; cells separated by commas or, as a spreadsheet set to Indonesian saves them, by semicolons. Blank
 *  lines are skipped. */
export function parseCsvRows(text: string, separator: CsvSeparator = ","): CsvRow[] {
  const rows: CsvRow[] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    row.push(cell);
    if (row.some((c) => c.trim() !== "")) rows.push({ line: rowLine, cells: row });
    row = [];
    cell = "";
  };
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n")) line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === "") quoted = true;
    else if (ch === separator) {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRow();
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (cell !== "" || row.length) endRow();
  return rows;
}

/** Rows of cells, without their line numbers. */
export function parseCsv(text: string, separator: CsvSeparator = ","): string[][] {
  return parseCsvRows(text, separator).map((r) => r.cells);
}

/** The separator a file uses, sniffed from its header line: the one it has more of outside quotes (a
 *  spreadsheet set to Indonesian saves semicolons, since the comma is its decimal mark). */
export function csvSeparator(text: string): CsvSeparator {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch === ",") commas++;
    else if (!quoted && ch === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}

/** Rows as objects keyed by the (lower-cased, trimmed) header; `line` is the 1-based line in the file. */
export function csvRecords(text: string): {
  header: string[];
  records: { line: number; values: Record<string, string> }[];
} {
  const [head, ...rest] = parseCsvRows(text, csvSeparator(text));
  const header = (head?.cells ?? []).map((h) => h.trim().toLowerCase());
  return {
    header,
    records: rest.map(({ line, cells }) => ({
      line,
      values: Object.fromEntries(header.map((h, j) => [h, (cells[j] ?? "").trim()])),
    })),
  };
}

/** The byte order mark every CSV starts with: Excel reads the names' letters right only with it. */
export const CSV_BOM = "\ufeff";

/**
 * The separator an export is written with, from its `sep` query parameter: `comma` (or `,`) for programs and
 * spreadsheets set to English; anything else, and by default, the semicolon that a spreadsheet set to
 * Indonesian (Excel, LibreOffice with id-ID) splits columns on, since the comma is its decimal mark.
 */
export function csvSeparatorParam(value: string | null | undefined): CsvSeparator {
  return value === "comma" || value === "," ? "," : ";";
}

/**
 * Lines of CSV without the byte order mark, each ending in CRLF (for a file written in parts). Whole numbers
 * are written plainly (no thousands dots, which a spreadsheet would keep as text); decimals with the decimal
 * mark of the separator's convention (a comma beside semicolons, a dot beside commas). Cells a spreadsheet
 * would run as a formula get a leading ' (CSV injection).
 */
export function csvLines(rows: Cell[][], separator: CsvSeparator = ";"): string {
  const cell = (v: Cell) => {
    if (typeof v === "number")
      return Number.isInteger(v) || separator === "," ? String(v) : String(v).replace(".", ",");
    let s = v == null ? "" : String(v);
    if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+([.,]\d+)?$/.test(s)) s = "'" + s;
    return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(cell).join(separator) + "\r\n").join("");
}

/** A whole CSV file: the byte order mark, then the lines (semicolons unless asked otherwise). */
export function toCsv(rows: Cell[][], separator: CsvSeparator = ";"): string {
  return CSV_BOM + csvLines(rows, separator);
}
