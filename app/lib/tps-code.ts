// What a person types as a TPS code, read as the canonical code `1673011009-001` (the 10-digit kelurahan code,
// a dash, the 3-digit TPS number). Officers copy the code from a letter, a list or a poster, so dots, spaces,
// other dashes, "TPS" in front, a short TPS number and full-width digits all occur. Shared by the login page
// (to open the numeric keypad) and the server (to find the account). docs/decisions/025-login-by-tps-code.md
// says what is refused as unclear and why.

/** How a TPS code is written in examples and hints. */
export const TPS_CODE_EXAMPLE = "1673011009-001";

export type TpsCodeReading =
  /** A TPS code, in its canonical form. */
  | { code: string }
  /** Looks like a TPS code but cannot be read without guessing (e.g. 12 digits with no separator). */
  | { unclear: true };

const KELURAHAN_DIGITS = 10;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;

const canonical = (kelurahan: string, number: string) => ({ code: `${kelurahan}-${number.padStart(3, "0")}` });

/**
 * The TPS code `typed` stands for, `{ unclear: true }` when it looks like one but is not unambiguous, or
 * null when it is not a TPS code at all (a staff login name).
 */
export function readTpsCode(typed: string): TpsCodeReading | null {
  const text = typed
    .normalize("NFKC")
    .replace(DASHES, "-")
    .trim()
    .replace(/^tps(?![a-z])[\s.:#-]*/i, "");
  // Only digits and separators: anything else (a letter, an underscore) makes it a login name.
  if (!/^[\d\s.-]+$/.test(text)) return null;
  const groups = text.split(/[\s.-]+/).filter(Boolean);
  const digits = groups.join("");
  // Fewer digits than a kelurahan code: not a TPS code (staff may have numeric logins).
  if (digits.length < KELURAHAN_DIGITS) return null;
  const last = groups[groups.length - 1];
  const rest = digits.slice(0, digits.length - last.length);
  // The separator before the last group marks the TPS number when the rest is a whole kelurahan code.
  if (groups.length > 1 && rest.length === KELURAHAN_DIGITS && last.length <= 3) return canonical(rest, last);
  // An explicit dash before the last group that does not split that way is a mistake, not a format.
  if (groups.length > 1 && /-[\s.]*\d+\s*$/.test(text)) return { unclear: true };
  // Thirteen digits are the code without its dash (spaces for readability anywhere).
  if (digits.length === KELURAHAN_DIGITS + 3) return canonical(digits.slice(0, 10), digits.slice(10));
  // Eleven or twelve digits in a row: a short TPS number, or a 13-digit code with a digit missing.
  return { unclear: true };
}

/** The canonical code `typed` stands for, or null. */
export function tpsCodeOf(typed: string): string | null {
  const reading = readTpsCode(typed);
  return reading && "code" in reading ? reading.code : null;
}

/** The dotted code of a TPS's kelurahan: `1673011001-003` -> `16.73.01.1001`. */
export const kelurahanOfTps = (code: string) =>
  `${code.slice(0, 2)}.${code.slice(2, 4)}.${code.slice(4, 6)}.${code.slice(6, KELURAHAN_DIGITS)}`;
