// Recap levels and status columns, shared by the recap screen and the server (app/models/recap.server.ts).
import type { ResultStatus } from "./events";

export type RecapLevel = "kelurahan" | "kecamatan" | "city";
export const RECAP_LEVELS: RecapLevel[] = ["kelurahan", "kecamatan", "city"];
export const RESULT_STATUSES: ResultStatus[] = ["missing", "submitted", "flagged", "conflict", "verified"];
