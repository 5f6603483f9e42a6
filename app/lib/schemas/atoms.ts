// The pieces request shapes are built from, defined once: codes, ids, timestamps and bounded text. Every
// string a client sends is read through `string()` (the linter refuses a bare `z.string()` elsewhere), so no
// field can carry a control character into the database, a page or a log; numbers and times are range-checked
// here so that nothing that passes reaches PostgreSQL only to be refused there (docs/decisions/028).
import { z } from "zod";

/**
 * Control characters a text may not hold: the C0 controls except tab, line feed and carriage return
 * (U+0000 NUL, which PostgreSQL cannot store, ESC, which starts terminal escapes, ...), DEL and the C1
 * controls U+0080-U+009F (invisible, and CSI U+009B is a terminal escape too). No form, file or SMS
 * written by a person contains them.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** The field problem code of a text holding a control character. */
export const CONTROL_CHARACTER_CODE = "control_character";
export const hasControlCharacter = (value: string) => CONTROL_CHARACTER.test(value);
const WITHOUT_CONTROL = new RegExp(`^[^${CONTROL_CHARACTER.source.slice(1, -1)}]*$`);

/** Any string from a client: refuses control characters (checked before `.trim()` or any other check). */
export const string = () => z.string().regex(WITHOUT_CONTROL, CONTROL_CHARACTER_CODE);

export const TPS_CODE = /^\d{10}-\d{3}$/;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A Kemendagri region code of any level: 16, 16.73, 16.73.01, 16.73.01.1001. */
export const REGION_CODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;
/** A lower-case code an admin chooses (categories, checklist items, contests). */
export const SLUG = /^[a-z0-9_-]{1,40}$/;
/** An incident category code (the admin's `incident.categories` setting). */
export const CATEGORY_CODE = /^[a-z0-9_]{1,40}$/;

/** A TPS code, e.g. 1673021001-001 (kelurahan code + TPS number). */
export const tpsCode = string().max(20).regex(TPS_CODE);
/** A client-made id (requests are idempotent on it). */
export const uuid = string().uuid();
/** A contest code as sent by clients. */
export const contestCode = string().min(1).max(40);

/**
 * The largest whole number Pantau reads: ids and sequence numbers are PostgreSQL bigints, and past 2^53 a
 * JavaScript number is no longer exact (so it could name another row than the one sent).
 */
export const MAX_WHOLE = Number.MAX_SAFE_INTEGER;
/**
 * A whole number written as a client writes one: decimal digits only. No sign, exponent, fraction,
 * hexadecimal (`0x10` is not 16), `Infinity` or blanks, which `Number()` would all read as something.
 * Null when it is not one or is beyond `max`.
 */
export function readWholeNumber(raw: string, max = MAX_WHOLE): number | null {
  if (!/^\d{1,16}$/.test(raw)) return null;
  const n = Number(raw);
  return n <= max ? n : null;
}
/** A whole number in a JSON body or a form: a number, or (forms) a string of digits, within [min, max]. */
export const wholeNumber = (min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (readWholeNumber(v.trim()) ?? v) : v),
    z.number().int().min(min).max(max),
  );
/** A row id (PostgreSQL bigserial) as sent by a client. */
export const rowId = z.number().int().min(1).max(MAX_WHOLE);
/** An event sequence number to read after (`resume`, GET /api/v1/events). */
export const eventCursor = z.number().int().min(0).max(MAX_WHOLE);

/**
 * When something happened, with its offset: ISO 8601 as zod checks it, and then what PostgreSQL also needs:
 * a year from 0001 (there is no year 0000), an offset within +-14:00, the widest in use (zod lets +99:99
 * through) and a bounded length (PostgreSQL refuses a timestamp of more than 128 characters).
 */
export const timestamp = string()
  .max(40)
  .datetime({ offset: true })
  .regex(/^(?!0000)/, "year")
  .regex(/(Z|[+-](0\d|1[0-3])(:?[0-5]\d)?|[+-]14(:?00)?)$/i, "offset");
/** A time of day on the election's clock, "HH:MM" (24 hours). */
export const clockTime = string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "HH:MM");
/** Trimmed text of at most `max` characters. */
export const text = (max: number) => string().trim().max(max);
export const latitude = z.number().min(-90).max(90);
export const longitude = z.number().min(-180).max(180);
/** A GPS accuracy in metres. */
export const accuracy = z.number().min(0).max(100_000);
