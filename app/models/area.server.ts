// The database side of "inside this area" (app/lib/access.ts inArea): a region column equal to the area
// or below it. Every query that limits rows to a user's area uses this, so the rule has one spelling.
import type { Db } from "~/utils/db.server";

/** A condition on `column` (an identifier such as "t.kelurahan_code"); a null area is the whole election. */
export function insideArea(sql: Db, column: string, area: string | null) {
  if (area === null) return sql`true`;
  return sql`(${sql(column)} = ${area} or ${sql(column)} like ${area + ".%"})`;
}
