// The database side of "inside this area" (app/lib/access.ts inArea): a region column equal to the area
// or below it. Every query that limits rows to a user's area uses this, so the rule has one spelling.
import type { Db } from "~/utils/db.server";

/**
 * A condition on `column` (an identifier such as "t.kelurahan_code"); a null area is the whole election.
 * "Below" is every code that starts with the area and a dot: the codes from `area.` up to `area/` ("/" is
 * the character after "."), compared byte by byte (~>=~, ~<~) so the text_pattern_ops indexes of migration
 * 0030 serve it whatever the collation; LIKE could not use them in a prepared statement.
 */
export function insideArea(sql: Db, column: string, area: string | null) {
  if (area === null) return sql`true`;
  const c = sql(column);
  return sql`(${c} = ${area} or (${c} ~>=~ ${area + "."} and ${c} ~<~ ${area + "/"}))`;
}

/**
 * A condition: the TPS whose kelurahan is `kelurahanColumn` votes in the contest `contestColumn` (one of the
 * kelurahan's ancestors, or itself, is in the contest's area; app/lib/contests.ts votesIn).
 */
export function votesInContest(sql: Db, kelurahanColumn: string, contestColumn: string) {
  return sql`exists (select 1 from contest_areas a where a.contest_code = ${sql(contestColumn)}
    and (${sql(kelurahanColumn)} = a.region_code or ${sql(kelurahanColumn)} like a.region_code || '.%'))`;
}

/** A condition: the TPS whose kelurahan is `kelurahanColumn` votes in the contest with this code. */
export function votesInContestCode(sql: Db, kelurahanColumn: string, contestCode: string) {
  return sql`exists (select 1 from contest_areas a where a.contest_code = ${contestCode}
    and (${sql(kelurahanColumn)} = a.region_code or ${sql(kelurahanColumn)} like a.region_code || '.%'))`;
}
