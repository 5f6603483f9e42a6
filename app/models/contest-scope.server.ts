// Which contests a view holds (SPEC 7: "the snapshot lists only the contests the caller's area votes in"):
// an officer's TPS votes in the contests whose area holds it; a supervisor's area concerns the contests whose
// area overlaps it (the governor's and their own kota's mayor, not a neighbouring kabupaten's regent); the
// whole election holds every contest.
import type { View } from "~/lib/access";
import type { Db } from "~/utils/db.server";
import { contestsForTps, contestsTouching, listContests, type Contest } from "./election.server";

export async function contestsInView(sql: Db, { scope, tpsCode }: View): Promise<Contest[]> {
  if (tpsCode) {
    const [tps] = await sql<[{ kelurahanCode: string }?]>`select kelurahan_code from tps where code = ${tpsCode}`;
    return tps ? await contestsForTps(sql, { kelurahanCode: tps.kelurahanCode }) : [];
  }
  // Read only what the view holds: the whole election has thousands of contests with their party lists.
  return scope === null ? await listContests(sql) : await contestsTouching(sql, { scope });
}
