import { afterEach, describe, expect, it } from "vitest";
import {
  addCountedDays,
  countedDaysBetween,
  deadlineAt,
  deadlineState,
  electionDate,
  isCountedDay,
  withinDays,
  type DayRule,
} from "./deadlines";
import { ELECTION_TIME_ZONE, setElectionZone } from "./format";

const calendar: DayRule = { basis: "calendar", holidays: [] };
// February 2024: the 14th (a Wednesday) was election day and a holiday; the 8th and 10th were holidays too.
const working: DayRule = { basis: "working", holidays: ["2024-02-08", "2024-02-10", "2024-02-14"] };

afterEach(() => setElectionZone(ELECTION_TIME_ZONE));

describe("counting days as the supervisory body does", () => {
  it("counts every day on the calendar basis, across a month's end", () => {
    expect(addCountedDays("2024-02-27", 2, calendar)).toBe("2024-02-29");
    expect(addCountedDays("2024-02-27", 7, calendar)).toBe("2024-03-05");
    expect(addCountedDays("2024-02-27", 0, calendar)).toBe("2024-02-27");
  });

  it("skips weekends and holidays on the working basis", () => {
    expect(isCountedDay("2024-02-12", working)).toBe(true); // Monday
    expect(isCountedDay("2024-02-17", working)).toBe(false); // Saturday
    expect(isCountedDay("2024-02-14", working)).toBe(false); // holiday
    // From Tuesday 13th: Wed 14th is a holiday, so 2 working days end on Friday 16th.
    expect(addCountedDays("2024-02-13", 2, working)).toBe("2024-02-16");
    // 3 working days from Friday 16th: Mon 19, Tue 20, Wed 21.
    expect(addCountedDays("2024-02-16", 3, working)).toBe("2024-02-21");
    // Holidays only change the working basis.
    expect(addCountedDays("2024-02-13", 2, calendar)).toBe("2024-02-15");
  });

  it("counts the counted days between two dates", () => {
    expect(countedDaysBetween("2024-02-13", "2024-02-16", working)).toBe(2);
    expect(countedDaysBetween("2024-02-13", "2024-02-16", calendar)).toBe(3);
    expect(countedDaysBetween("2024-02-16", "2024-02-13", calendar)).toBe(0);
  });

  it("ends a deadline at midnight after its last day on the election's clock", () => {
    // Known at 20:00 WIB on 1 March: 7 calendar days end at midnight WIB after 8 March.
    expect(deadlineAt("2024-03-01T13:00:00Z", 7, calendar)).toBe("2024-03-08T17:00:00.000Z");
    // 01:00 UTC on 1 March is already 1 March in Jakarta but 09:00 in Jayapura, same date; 20:00 UTC on
    // 29 February is 1 March in Jayapura, so the count starts a day later there.
    expect(electionDate("2024-02-29T20:00:00Z")).toBe("2024-03-01");
    setElectionZone("Asia/Jayapura");
    expect(electionDate("2024-02-29T20:00:00Z")).toBe("2024-03-01");
    expect(deadlineAt("2024-02-29T20:00:00Z", 2, calendar)).toBe("2024-03-03T15:00:00.000Z");
  });

  it("says whether a report came within its days", () => {
    const known = "2024-03-01T03:00:00Z";
    expect(withinDays(known, "2024-03-08T16:59:00Z", 7, calendar)).toBe(true); // 23.59 WIB on the 8th
    expect(withinDays(known, "2024-03-08T17:00:00Z", 7, calendar)).toBe(false); // midnight after
  });

  it("tells on-time, due-soon and overdue apart, on working days across a holiday", () => {
    // Registered Tuesday 13 February 2024; 2 working days (Wed 14th is a holiday) end with Friday 16th.
    const due = deadlineAt("2024-02-13T03:00:00Z", 2, working);
    expect(due).toBe("2024-02-16T17:00:00.000Z");
    expect(deadlineState(due, "2024-02-13T04:00:00Z", working)).toBe("on_time"); // Thu and Fri still ahead
    expect(deadlineState(due, "2024-02-14T04:00:00Z", working)).toBe("on_time"); // the holiday: Thu, Fri ahead
    expect(deadlineState(due, "2024-02-15T04:00:00Z", working)).toBe("due_soon"); // Fri is the last
    expect(deadlineState(due, "2024-02-16T16:00:00Z", working)).toBe("due_soon"); // the last day
    expect(deadlineState(due, "2024-02-16T17:00:00Z", working)).toBe("overdue");
    // The same dates on the calendar basis: 2 days end with Thursday 15th.
    const dueCalendar = deadlineAt("2024-02-13T03:00:00Z", 2, calendar);
    expect(deadlineState(dueCalendar, "2024-02-15T10:00:00Z", calendar)).toBe("due_soon");
    expect(deadlineState(dueCalendar, "2024-02-16T10:00:00Z", calendar)).toBe("overdue");
    expect(deadlineState(dueCalendar, "2024-02-13T10:00:00Z", calendar, 0)).toBe("on_time");
  });
});
