// CSV import kinds and columns (docs/import.md), shared by the import screen and the server.
export const IMPORT_KINDS = ["regions", "tps", "officers"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 100_000;

export const IMPORT_COLUMNS: Record<ImportKind, { required: string[]; optional: string[] }> = {
  regions: { required: ["code", "parent_code", "level", "name"], optional: [] },
  tps: { required: ["kelurahan_code", "number", "lat", "lng", "dpt"], optional: ["code", "address", "dptb", "dpk"] },
  officers: { required: ["tps_code", "name"], optional: ["nip", "phone"] },
};

export interface ImportError {
  line: number;
  field: string;
  message: string;
}
export interface ImportReport {
  kind: ImportKind;
  rows: number;
  created: number;
  updated: number;
  errors: ImportError[];
  applied: boolean;
}
