// Supervision activities (`/pengawasan`): one check of an activity's fields for the staff form and for every
// line of a CSV import, so both refuse the same things with the same words (422, a message per field). The
// area rule (inside the recorder's own region) is asked of the permission module's `inArea`.
import { inArea } from "./access";
import { ACTIVITY_KINDS, type ActivityKind } from "./data-centre";
import type { FieldProblem } from "./problems";
import { hasControlCharacter, REGION_CODE } from "./schemas/atoms";

export const ACTIVITY_COLUMNS = {
  required: ["kind", "held_on", "region_code", "title"],
  optional: ["events", "people", "findings"],
} as const;
export const ACTIVITY_TITLE_MAX = 200;
export const MAX_ACTIVITY_ROWS = 5000;
export const MAX_ACTIVITY_IMPORT_BYTES = 1024 * 1024;

export interface ActivityInput {
  kind: ActivityKind;
  heldOn: string;
  regionCode: string;
  title: string;
  events: number;
  people: number;
  findings: number;
}

/** A calendar date `YYYY-MM-DD` that exists, between 2000 and 2100. */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return (
    !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value && Number(m[1]) >= 2000 && Number(m[1]) <= 2100
  );
}

const NUMBERS = { events: [0, 9999, 1], people: [0, 999_999, 0], findings: [0, 9999, 0] } as const;

/**
 * Reads an activity from text fields (a form's, or a CSV line's by column name). `regions` says whether a
 * region code exists; `area` is the recorder's own (null: the whole election). Answers the activity or the
 * problems of its fields.
 */
export function readActivity(
  v: Record<string, string | undefined>,
  { area, regionExists }: { area: string | null; regionExists: (code: string) => boolean },
): { ok: true; value: ActivityInput } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const controlled = Object.keys(v).filter((k) => hasControlCharacter(v[k] ?? ""));
  if (controlled.length)
    return {
      ok: false,
      problems: controlled.map((field) => ({ field, code: "control_character", key: "act.err.control" })),
    };
  const kind = (v.kind ?? "").trim().toLowerCase();
  if (!(ACTIVITY_KINDS as readonly string[]).includes(kind))
    problems.push({ field: "kind", code: "invalid_enum", key: "act.err.kind" });
  const heldOn = (v.held_on ?? "").trim();
  if (!isCalendarDate(heldOn)) problems.push({ field: "held_on", code: "invalid_date", key: "act.err.date" });
  const regionCode = (v.region_code ?? "").trim();
  if (!REGION_CODE.test(regionCode) || !inArea(regionCode, area) || !regionExists(regionCode))
    problems.push({ field: "region_code", code: "other_area", key: "act.err.regionOutside" });
  const title = (v.title ?? "").trim();
  if (!title || title.length > ACTIVITY_TITLE_MAX)
    problems.push({ field: "title", code: "too_long", key: "act.err.title", params: { max: ACTIVITY_TITLE_MAX } });
  const numbers: Record<string, number> = {};
  for (const [field, [min, max, fallback]] of Object.entries(NUMBERS)) {
    const raw = (v[field] ?? "").trim();
    if (raw === "") numbers[field] = fallback;
    else if (!/^\d{1,7}$/.test(raw) || Number(raw) < min || Number(raw) > max)
      problems.push({ field, code: "out_of_range", key: "act.err.number", params: { min, max } });
    else numbers[field] = Number(raw);
  }
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: {
      kind: kind as ActivityKind,
      heldOn,
      regionCode,
      title,
      events: numbers.events,
      people: numbers.people,
      findings: numbers.findings,
    },
  };
}
