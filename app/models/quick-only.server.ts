// The TPS whose result is still a quick entry only (section IV + invalid), per contest over its area and
// inside a reviewer's scope: the posko chases their complete C.Hasil (SPEC 4 and 6).
import type { Db } from "~/utils/db.server";
import { insideArea, votesInContest } from "./area.server";

export interface QuickOnlyList {
  contest: string;
  name: string;
  count: number;
  /** The first TPS codes, in code order. */
  tps: string[];
}

export async function listQuickOnly(
  sql: Db,
  { scope, limit = 50 }: { scope: string | null; limit?: number },
): Promise<QuickOnlyList[]> {
  const rows = await sql<{ contest: string; name: string; count: number; tps: string[] }[]>`
    select c.code as contest, c.name, count(*)::int as count,
      (array_agg(r.tps_code order by r.tps_code))[1:${limit}] as tps
    from results r join contests c on c.code = r.contest_code join tps t on t.code = r.tps_code
    where r.completeness = 'quick' and r.status <> 'missing'
      and ${insideArea(sql, "t.kelurahan_code", scope)} and ${votesInContest(sql, "t.kelurahan_code", "r.contest_code")}
    group by c.code, c.name, c.position order by c.position, c.code`;
  return rows;
}
