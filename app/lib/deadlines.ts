// Legal deadlines in days, as the supervisory body counts them (SPEC section 9). Whether a "day" is a
// calendar day or a working day depends on the law in force for the election (the general election's and
// the Pilkada's regulations differ), so the basis is a setting, with a list of public holidays that working
// days skip. Days are counted on the election's wall clock: the day something happens is day 0 and the
// deadline is the end of the n-th counted day after it ("paling lama 7 hari sejak diketahui").
// Shared by violation cases and process disputes; pure, so the browser shows the same dates the server keeps.
import { formatDate, fromElectionWallClock, toElectionWallClock } from "./format";
import type { Lang } from "./i18n";

export const DAY_BASES = ["calendar", "working"] as const;
export type DayBasis = (typeof DAY_BASES)[number];

export interface DayRule {
  basis: DayBasis;
  /** Public holidays ("2024-02-08"), skipped when counting working days. */
  holidays: readonly string[];
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const toUtc = (date: string) =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY_MS = 24 * 60 * 60 * 1000;

/** The date after `date` ("2024-02-29" -> "2024-03-01"). */
export const nextDate = (date: string) => fromUtc(toUtc(date) + DAY_MS);

/** Whether a date counts: every day on the calendar basis; Monday to Friday except holidays on the working one. */
export function isCountedDay(date: string, rule: DayRule): boolean {
  if (rule.basis === "calendar") return true;
  const weekday = new Date(toUtc(date)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !rule.holidays.includes(date);
}

/** The election-zone date an instant falls on ("2024-02-14"). */
export const electionDate = (iso: string) => toElectionWallClock(iso).slice(0, 10);

/** The date `days` counted days after `date` (the start day itself is not counted). */
export function addCountedDays(date: string, days: number, rule: DayRule): string {
  let current = date;
  for (let counted = 0; counted < days;) {
    current = nextDate(current);
    if (isCountedDay(current, rule)) counted++;
  }
  return current;
}

/** How many counted days lie after `from` up to and including `to` (0 when `to` is not after `from`). */
export function countedDaysBetween(from: string, to: string, rule: DayRule): number {
  let count = 0;
  for (let current = from; current < to;) {
    current = nextDate(current);
    if (isCountedDay(current, rule)) count++;
  }
  return count;
}

/** The instant a deadline of `days` counted days from `startIso` ends: midnight after its last day, on the
 *  election's clock. */
export function deadlineAt(startIso: string, days: number, rule: DayRule): string {
  const lastDay = addCountedDays(electionDate(startIso), days, rule);
  return fromElectionWallClock(`${nextDate(lastDay)}T00:00`)!.toISOString();
}

export type DeadlineState = "on_time" | "due_soon" | "overdue";

/**
 * Where a deadline stands at `nowIso`: overdue once it has passed; due soon when at most `soonDays` counted
 * days are left after today (so with 1, on its last day and on the counted day before).
 */
export function deadlineState(dueIso: string, nowIso: string, rule: DayRule, soonDays = 1): DeadlineState {
  if (Date.parse(nowIso) >= Date.parse(dueIso)) return "overdue";
  const lastDay = electionDate(new Date(Date.parse(dueIso) - 1).toISOString());
  return countedDaysBetween(electionDate(nowIso), lastDay, rule) <= soonDays ? "due_soon" : "on_time";
}

/** Whether something that became known at `knownIso` is still reported in time at `reportedIso`. */
export const withinDays = (knownIso: string, reportedIso: string, days: number, rule: DayRule) =>
  Date.parse(reportedIso) < Date.parse(deadlineAt(knownIso, days, rule));

/** A deadline as people write it: its last counted day ("paling lambat 1 Maret 2024"), not the midnight
 *  after it at which it ends ("2 Maret 2024, 00.00"). */
export const lastDay = (dueIso: string, lang: Lang) => formatDate(new Date(Date.parse(dueIso) - 1).toISOString(), lang);
