// CSV import kinds and columns (docs/import.md), shared by the import screen and the server. The order is
// the order to import in: each kind refers to the ones before it.
import { toCsv, type CsvSeparator } from "./csv";
import { combineMessages, translate, type Lang, type MessageKey, type MessageParams } from "./i18n";
import { importMessages } from "./messages/imports";
import { inputCheckMessages } from "./messages/input-checks";

const importReportMessages = combineMessages(importMessages, inputCheckMessages);

export const IMPORT_KINDS = [
  "regions",
  "tps",
  "officers",
  "parties",
  "contests",
  "candidates",
  // The data centre's TPS vulnerability map (kerawanan TPS).
  "vulnerability",
  // The voters of a TPS for the officer's offline check (docs/PRIVACY.md).
  "voters",
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 100_000;
/** Voter lists come a whole city at a time (about 250,000 voters, some 25 MB): they get more room. */
export const MAX_VOTER_IMPORT_BYTES = 40 * 1024 * 1024;
export const MAX_VOTER_IMPORT_ROWS = 400_000;
export const importBytesOf = (kind: ImportKind) => (kind === "voters" ? MAX_VOTER_IMPORT_BYTES : MAX_IMPORT_BYTES);

export const IMPORT_COLUMNS: Record<ImportKind, { required: string[]; optional: string[] }> = {
  regions: { required: ["code", "parent_code", "level", "name"], optional: ["kind"] },
  tps: {
    required: ["kelurahan_code", "number", "lat", "lng", "dpt"],
    optional: ["code", "address", "dpt_men", "dpt_women", "dptb", "dpk"],
  },
  officers: { required: ["tps_code", "name"], optional: ["nip", "phone"] },
  parties: { required: ["number", "name", "abbrev"], optional: [] },
  contests: { required: ["code", "name", "type", "area"], optional: ["dapil", "position"] },
  candidates: { required: ["contest", "number", "name"], optional: ["party"] },
  vulnerability: { required: ["tps_code", "indicators"], optional: [] },
  // The TPS by its code, or by kelurahan code and TPS number; the birth date or the age (docs/import.md).
  voters: {
    required: ["row", "nik", "name", "sex", "status"],
    optional: ["tps_code", "kelurahan_code", "tps_number", "birth_date", "age", "rt", "rw", "disability"],
  },
};

/** A row's problem as the checks find it: which message, with what; worded for the reader by `wordImportReport`. */
export interface ImportProblem {
  line: number;
  field: string;
  key: MessageKey<typeof importReportMessages>;
  params?: MessageParams;
}
/** What a check or a run found, before it is worded. */
export interface ImportCheck {
  kind: ImportKind;
  rows: number;
  created: number;
  updated: number;
  problems: ImportProblem[];
  applied: boolean;
}

export interface ImportError {
  line: number;
  field: string;
  message: string;
}
/** The report the admin reads (and the API answers), in their language. */
export interface ImportReport {
  kind: ImportKind;
  rows: number;
  created: number;
  updated: number;
  errors: ImportError[];
  applied: boolean;
}

/** The screen lists this many of a report's errors; with more, it offers all of them as a CSV file. */
export const IMPORT_ERRORS_SHOWN = 500;

/** Every error of a report as a CSV file (semicolons and a BOM, like every export): line, column, problem. */
export function importErrorsCsv(errors: ImportError[], separator: CsvSeparator = ";"): string {
  return toCsv([["line", "field", "problem"], ...errors.map((e) => [e.line, e.field, e.message])], separator);
}

export function wordImportReport(lang: Lang, { problems, ...check }: ImportCheck): ImportReport {
  const errors = problems.map(({ line, field, key, params }) => ({
    line,
    field,
    message: translate(lang, importReportMessages, key, params),
  }));
  return { ...check, errors };
}
