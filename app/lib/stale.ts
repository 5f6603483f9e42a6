// Stale TPS: no check-in, or no result, by a configured time. Times are the region's
// local time (WIB, UTC+7 by default); the setting comes from admin's `election.times` (app/lib/settings.ts) when it
// exists, else these defaults. Pure, so it is tested with explicit clocks.
import { ballotsAt } from "./dashboard";

export interface StaleConfig {
  opening: string;
  closing: string;
  staleAfterMinutes: number;
  utcOffsetMinutes: number;
}
export const DEFAULT_STALE_CONFIG: StaleConfig = {
  opening: "07:00",
  closing: "13:00",
  staleAfterMinutes: 60,
  utcOffsetMinutes: 7 * 60,
};

export type StaleReason = "no_check_in" | "no_result" | "silent";

/** The instant `hh:mm` local time happens on the local day of `now`. */
export function localTimeToday(now: Date, hhmm: string, utcOffsetMinutes: number): Date {
  const [h, m] = hhmm.split(":").map(Number);
  const local = new Date(now.getTime() + utcOffsetMinutes * 60_000);
  const midnightUtc = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  return new Date(midnightUtc + (h * 60 + m - utcOffsetMinutes) * 60_000);
}

/**
 * Why a TPS is stale now, or null: not arrived `staleAfterMinutes` after opening; no complete result
 * `staleAfterMinutes` after closing; or its officer silent that long since opening while not done.
 */
export function staleReason(
  tps: StaleTps,
  contestCodes: string[],
  now: Date,
  config: StaleConfig = DEFAULT_STALE_CONFIG,
): StaleReason | null {
  return staleChecker(contestCodes, now, config)(tps);
}

/**
 * Whether a TPS's officer has been silent `minutes` at `now`: never checked in, or nothing received from them
 * for that long (a TPS that has reported is done, not silent). The one rule the stale list's "silent" and a
 * broadcast to the silent ones share.
 */
export function silentFor(tps: { dayStatus: string; lastSeenAt?: string | null }, now: Date, minutes: number): boolean {
  if (tps.dayStatus === "reported") return false;
  if (tps.dayStatus === "not_arrived" || !tps.lastSeenAt) return true;
  return now.getTime() - Date.parse(tps.lastSeenAt) > minutes * 60_000;
}

type StaleTps = {
  kelurahanCode?: string;
  dayStatus: string;
  lastSeenAt?: string | null;
  results: Record<string, string>;
};

/** staleReason for many TPS at one instant: the day's opening and closing are worked out once. */
export function staleChecker(
  contestCodes: string[],
  now: Date,
  config: StaleConfig = DEFAULT_STALE_CONFIG,
  /** Contest areas: a TPS is complete when the contests it votes in have a result. */
  areas?: Readonly<Record<string, string[]>>,
) {
  const grace = config.staleAfterMinutes * 60_000;
  const opening = localTimeToday(now, config.opening, config.utcOffsetMinutes).getTime();
  const closing = localTimeToday(now, config.closing, config.utcOffsetMinutes).getTime();
  const t = now.getTime();
  const afterOpening = t > opening + grace;
  const afterClosing = t > closing + grace;
  if (!afterOpening && !afterClosing) return () => null;
  return (tps: StaleTps): StaleReason | null => {
    const ballots = areas && tps.kelurahanCode ? ballotsAt(tps.kelurahanCode, contestCodes, areas) : contestCodes;
    const complete = ballots.every((c) => tps.results[c] && tps.results[c] !== "missing");
    if (tps.dayStatus === "not_arrived" && afterOpening) return "no_check_in";
    if (!complete && afterClosing) return "no_result";
    if (!complete && afterOpening && tps.lastSeenAt && silentFor(tps, now, config.staleAfterMinutes)) return "silent";
    return null;
  };
}

/** How many whole minutes past its deadline a stale TPS is at `now`: the check-in was due `staleAfterMinutes`
 *  after opening, the result that long after closing, a silent officer's next word that long after the last. */
export function overdueMinutes(
  reason: StaleReason,
  tps: { lastSeenAt?: string | null },
  now: Date,
  config: StaleConfig = DEFAULT_STALE_CONFIG,
): number {
  const grace = config.staleAfterMinutes * 60_000;
  const due =
    reason === "silent" && tps.lastSeenAt
      ? Date.parse(tps.lastSeenAt) + grace
      : localTimeToday(
          now,
          reason === "no_result" ? config.closing : config.opening,
          config.utcOffsetMinutes,
        ).getTime() + grace;
  return Math.max(0, Math.floor((now.getTime() - due) / 60_000));
}
