// One region's running totals and those of each of its children: what the command post and the public page
// show at every level of the drill-down (the whole election -> province -> kabupaten/kota -> kecamatan ->
// kelurahan -> TPS), and what `GET /api/v1/regions/:code/summary` answers (SPEC section 7). Its size is
// bounded at every level: a region lists its own contests and its children, never the TPS below them, except
// a kelurahan, which lists its few TPS. Shared by the server, the browser and the benchmarks.
import type { ContestType, RegionKind } from "./contests";
import type { ResultStatus } from "./events";

/** The code of the root of the drill-down: every region the election has (all of Indonesia nationally). */
export const ELECTION_ROOT = "ID";

export type SummaryLevel = "election" | "province" | "city" | "kecamatan" | "kelurahan";

/** Results per status; `missing` is `tps` minus `reporting`. */
export type StatusCounts = Record<Exclude<ResultStatus, "missing">, number>;

/**
 * The running totals of one contest in one region, or of a group of contests of one type that share the
 * region between them (the DPR dapils of a province at the national level: `key` is `type:dpr`).
 */
export interface ContestProgress {
  /** A contest code, or `type:<type>` for a group of contests of one type. */
  key: string;
  type: ContestType;
  /** The contest's name, or the type's name for a group. */
  name: string;
  /** How many contests this entry counts (1 for a single contest). */
  contests: number;
  /** TPS of the region that vote in it (in any contest of the group). */
  tps: number;
  /** Of those, TPS with a result (any status but missing). */
  reporting: number;
  status: StatusCounts;
  /** Reporting TPS whose result is a quick entry only, and those with the complete C.Hasil. */
  quick: number;
  complete: number;
  /**
   * Votes per choice of section IV (pairs by ballot number, DPD candidates, party totals by party number),
   * summed over the region's TPS; null for a group whose contests have different choices (DPD per province).
   */
  votes: Record<string, number> | null;
  invalid: number;
}

export interface AreaTotals {
  /** A region code, or ELECTION_ROOT. */
  code: string;
  name: string;
  level: SummaryLevel;
  kind: RegionKind | "election";
  /** Where the map puts the region's marker: the mean of its TPS's coordinates; null without any. */
  centre: [number, number] | null;
  /** TPS in the region. */
  tps: number;
  contests: ContestProgress[];
  /** Incidents not yet resolved or rejected in the region; null where the reader may not see incidents. */
  openIncidents: number | null;
}

/** A TPS in a kelurahan's summary. */
export interface SummaryTps {
  code: string;
  number: number;
  lat: number | null;
  lng: number | null;
  /** Its result status per contest code it votes in. */
  status: Record<string, ResultStatus>;
}

export interface RegionSummary {
  area: AreaTotals;
  /** The regions above it, from the top: the breadcrumb of the drill-down. */
  parents: { code: string; name: string; level: SummaryLevel; kind: RegionKind | "election" }[];
  /** Its child regions (none for a kelurahan). */
  children: AreaTotals[];
  /** A kelurahan's TPS (empty above that level). */
  tps: SummaryTps[];
  /** The event log's sequence the totals include: live updates and catching up continue after it. */
  seq: number;
  /** When the totals were read (ISO 8601). */
  asOf: string;
}

/** Share of a contest's TPS that reported, 0..1 (0 for none). */
export const shareReported = (c: Pick<ContestProgress, "tps" | "reporting">) => (c.tps > 0 ? c.reporting / c.tps : 0);
