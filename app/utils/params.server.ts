// Query and path parameters, read one way. Every request's parameters are checked for control characters
// before any route runs (the request boundary, server/request-boundary.ts, asks `parameterProblems`), and a
// whole-number parameter is read by `wholeNumberParam`: digits only and within range, else a 400 naming the
// parameter, so nothing a client puts in an address reaches SQL as NUL, as 16 for `0x10`, or as a number
// beyond bigint.
import { problem, type FieldProblem } from "~/lib/problems";
import { ELECTION_ROOT } from "~/lib/region-summary";
import { hasControlCharacter, MAX_WHOLE, readWholeNumber, REGION_CODE } from "~/lib/schemas/atoms";

/** A path segment as the router reads it: percent-decoded, or as it is when that is not percent-encoding. */
export const decodedSegment = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

/** The parameters of a request's URL (path segments and query) holding a control character, each named. */
export function parameterProblems(url: URL): FieldProblem[] {
  const found: FieldProblem[] = [];
  const flag = (field: string) => {
    if (!found.some((f) => f.field === field))
      found.push({ field, code: "control_character", key: "input.parameterControlCharacter" });
  };
  // Percent-decoded as the router decodes them; `%00` and a raw control byte are both refused.
  if (url.pathname.split("/").some((segment) => hasControlCharacter(decodedSegment(segment)))) flag("path");
  for (const [name, value] of url.searchParams) {
    if (hasControlCharacter(name) || hasControlCharacter(value)) flag(hasControlCharacter(name) ? "query" : name);
  }
  return found;
}

/**
 * A whole-number query parameter (a cursor, an id): `fallback` when absent or empty, else decimal digits
 * within [min, max]; anything else (`-1`, `1.5`, `0x10`, `+5`, `1e3`, `Infinity`, beyond bigint) is a 400.
 */
export function wholeNumberParam(
  url: URL,
  name: string,
  { min = 0, max = MAX_WHOLE, fallback }: { min?: number; max?: number; fallback: number | null },
): number | null {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === "") return fallback;
  const n = readWholeNumber(raw, max);
  if (n === null || n < min)
    throw problem.badParameters([
      { field: name, code: "invalid", key: "input.parameterWholeNumber", params: { min, max } },
    ]);
  return n;
}

/** A repeatable query parameter (`?contest=a&contest=b`): its distinct values, at most `max` of them, else a 400. */
export function listParam(url: URL, name: string, { max }: { max: number }): string[] {
  const values = [...new Set(url.searchParams.getAll(name))];
  if (values.length > max)
    throw problem.badParameters([{ field: name, code: "invalid", key: "input.parameterTooMany", params: { max } }]);
  return values;
}

/** A region code path parameter (`16`, `16.73`, `16.73.01`, `16.73.01.1001`) or ELECTION_ROOT; else a 400. */
export function regionCodeParam(value: string | undefined, name = "code"): string {
  if (value === ELECTION_ROOT || (value !== undefined && REGION_CODE.test(value))) return value;
  throw problem.badParameters([{ field: name, code: "invalid", key: "input.parameterRegionCode" }]);
}

/** A required query parameter that must be one of `choices` or match `pattern`; else a 400 naming it. */
export function choiceParam<T extends string>(url: URL, name: string, allowed: readonly T[] | RegExp): T {
  const raw = url.searchParams.get(name) ?? "";
  const ok = Array.isArray(allowed) ? allowed.includes(raw as T) : (allowed as RegExp).test(raw);
  if (!ok) throw problem.badParameters([{ field: name, code: "invalid", key: "api.invalidField" }]);
  return raw as T;
}

/** `?wilayah=`: a region code, or the whole election when absent or ELECTION_ROOT (null); else a 400. */
export function areaParam(url: URL, name = "wilayah"): string | null {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === "" || raw === ELECTION_ROOT) return null;
  return regionCodeParam(raw, name);
}
