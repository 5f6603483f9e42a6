// The TPS whose result is still a quick entry only (section IV + invalid), per contest over its area and
// inside a reviewer's scope: the posko chases their complete C.Hasil (SPEC 4 and 6).
import type { Db } from "~/utils/db.server";
import { ELECTION_ROOT } from "~/lib/region-summary";
import { insideArea } from "./area.server";

export interface QuickOnlyList {
  contest: string;
  name: string;
  count: number;
  /** The first TPS codes, in code order. */
  tps: string[];
}

/**
 * At 820,000 TPS it reads no more than it shows: the counts are the running totals of the area
 * (region_totals.quick, migration 0013), the codes the first `limit` of the partial index results_quick_only
 * (migration 0015) in code order, so the scan stops after them.
 */
export async function listQuickOnly(
  sql: Db,
  { scope, limit = 50 }: { scope: string | null; limit?: number },
): Promise<QuickOnlyList[]> {
  // Like the totals it counts, the list takes a result as the writer accepted it (only for a contest its TPS
  // votes in); the whole election reads the index alone.
  const inScope =
    scope === null
      ? sql`true`
      : sql`exists (select 1 from tps t where t.code = r.tps_code and ${insideArea(sql, "t.kelurahan_code", scope)})`;
  const rows = await sql<{ contest: string; name: string; count: number; tps: string[] }[]>`
    select c.code as contest, c.name, rt.quick as count,
      array(select r.tps_code from results r
        where r.contest_code = c.code and r.completeness = 'quick' and r.status <> 'missing' and ${inScope}
        order by r.tps_code limit ${limit}) as tps
    from region_totals rt join contests c on c.code = rt.contest_code
    where rt.region_code = ${scope ?? ELECTION_ROOT} and rt.quick > 0
    order by c.position, c.code`;
  return rows;
}
