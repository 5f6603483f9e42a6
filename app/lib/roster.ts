// The officer roster's rules, for the page, the API and its CSV: which filters there are, how long an
// officer has been silent, and the lines of a TPS's history. Pure: times come in as parameters.
import { formatTime } from "./format";
import { translate, type Lang } from "./i18n";
import { rosterMessages } from "./messages/roster";

export const ROSTER_FILTERS = ["all", "not_checked_in", "silent", "replaced", "vacant"] as const;
export type RosterFilter = (typeof ROSTER_FILTERS)[number];

/** Rows per page of the roster (and per API call): never every officer of a province at once. */
export const ROSTER_PAGE = 50;
/** TPS one request may name (`?tps=`): the stale list's first entries. */
export const MAX_TPS_ASKED = 100;
/** The silence the "silent" filter starts from when the caller names none. */
export const DEFAULT_SILENT_MINUTES = 60;
export const MAX_SILENT_MINUTES = 24 * 60;

export interface RosterRow {
  tpsCode: string;
  kelurahanCode: string;
  kelurahan: string;
  kecamatan: string;
  /** The TPS's officer account; null when none was ever imported. */
  userId: number | null;
  name: string | null;
  /** +62... (staff inside the area only). */
  phone: string | null;
  /** Since when nobody holds the TPS (its officer moved away). */
  vacantSince: string | null;
  /** The TPS's latest check-in, whoever made it. */
  checkedInAt: string | null;
  /** The last thing received from the TPS's phone. */
  lastSeenAt: string | null;
  /** How often the person was changed. */
  changes: number;
}

export interface RosterChange {
  tpsCode: string;
  kind: "replace" | "move_out" | "move_in";
  oldName: string | null;
  newName: string | null;
  otherTps: string | null;
  reason: string;
  at: string;
}

/** Whole minutes since the phone was last heard at `now`; null when it never was. */
export function silentMinutes(lastSeenAt: string | null, now: Date): number | null {
  if (!lastSeenAt) return null;
  return Math.max(0, Math.floor((now.getTime() - Date.parse(lastSeenAt)) / 60_000));
}

/** Whether a row is silent: heard from before, and not for more than `minutes` at `now`. */
export function isSilent(row: Pick<RosterRow, "lastSeenAt">, now: Date, minutes: number): boolean {
  const silent = silentMinutes(row.lastSeenAt, now);
  return silent !== null && silent > minutes;
}

export const isRosterFilter = (value: string): value is RosterFilter =>
  (ROSTER_FILTERS as readonly string[]).includes(value);

/** One line of a TPS's history as the roster and its CSV write it: "diganti 10.42 WIB: Budi → Sari, alasan sakit". */
export function changeLine(change: RosterChange, lang: Lang): string {
  const nobody = translate(lang, rosterMessages, "roster.nobody");
  return translate(lang, rosterMessages, `roster.change.${change.kind}`, {
    time: formatTime(change.at, lang),
    old: change.oldName ?? nobody,
    new: change.newName ?? nobody,
    other: change.otherTps ?? "",
    reason: change.reason,
    oldPart: change.oldName ? translate(lang, rosterMessages, "roster.change.replacing", { old: change.oldName }) : "",
  });
}
