// Recap (rekapitulasi): results summed per kelurahan, kecamatan or city for one contest,
// with TPS status counts and turnout. The public summary uses the same sums, so every screen agrees.
import { areaWithin, type AccessUser } from "~/lib/access";
import { insideArea } from "./area.server";
import type { ResultStatus } from "~/lib/events";
import type { Db } from "~/utils/db.server";

import { RESULT_STATUSES, type RecapLevel } from "~/lib/recap";

export { RECAP_LEVELS, RESULT_STATUSES, type RecapLevel } from "~/lib/recap";

export interface RecapRow {
  code: string;
  name: string;
  tps: number;
  /** DPT + DPTb + DPK of every TPS in the area. */
  registered: number;
  status: Record<ResultStatus, number>;
  /** TPS with a result (any status but missing). */
  tpsIn: number;
  votes: Record<string, number>;
  valid: number;
  invalid: number;
  /** (valid + invalid) / registered voters of the TPS that are in; null before any. */
  turnout: number | null;
}

/** One area's counts as the recap query sums them (name is null for a code with no region row). */
type AreaSums = {
  code: string;
  name: string | null;
  tps: number;
  registered: number;
  tpsIn: number;
  registeredIn: number;
  invalid: number;
  sMissing: number;
  sSubmitted: number;
  sFlagged: number;
  sConflict: number;
  sVerified: number;
};

/** One candidate's votes in one area (the number as the jsonb key it is stored under). */
type AreaVotes = { code: string; number: string; votes: number };

const emptyStatus = () => Object.fromEntries(RESULT_STATUSES.map((s) => [s, 0])) as Record<ResultStatus, number>;

/** The area a recap covers: what the caller asked for, kept inside a supervisor's own region. */
export function recapScope(user: AccessUser, area: string | null): string | null {
  const asked = area && /^\d{2}(\.\d{2}){0,2}(\.\d{4})?$/.test(area) ? area : null;
  return areaWithin(user, asked);
}

/**
 * The kecamatan a recap can be narrowed to: for a supervisor those inside their area and the one that
 * holds it (a kelurahan supervisor still sees their kecamatan in the list); everyone else sees all.
 */
export async function listRecapKecamatan(
  sql: Db,
  { area }: { area: string | null },
): Promise<{ code: string; name: string }[]> {
  return await sql<{ code: string; name: string }[]>`
    select code, name from regions where level = 'kecamatan'
      and ${area === null ? sql`true` : sql`(code = ${area} or code like ${area + ".%"} or ${area} like code || '.%')`}
    order by code`;
}

/** The region column of a TPS at a level (kelurahan, its kecamatan, its city). */
function areaColumn(sql: Db, level: RecapLevel) {
  return level === "kelurahan" ? sql`kel.code` : level === "kecamatan" ? sql`kec.code` : sql`kec.parent_code`;
}

export async function getRecap(
  sql: Db,
  {
    level,
    contest,
    scope = null,
    candidates,
  }: {
    level: RecapLevel;
    contest: string;
    scope?: string | null;
    candidates: number[];
  },
): Promise<{ rows: RecapRow[]; total: RecapRow }> {
  const area = areaColumn(sql, level);
  const inScope = insideArea(sql, "kel.code", scope);
  const base = sql`from tps t join regions kel on kel.code = t.kelurahan_code join regions kec on kec.code = kel.parent_code
    left join results r on r.tps_code = t.code and r.contest_code = ${contest}`;
  const [areas, sums] = await Promise.all([
    sql<AreaSums[]>`
      select a.*, g.name from (select ${area} as code,
        count(*)::int as tps, sum(t.dpt + t.dptb + t.dpk)::int as registered,
        count(r.tps_code) filter (where r.status <> 'missing')::int as tps_in,
        coalesce(sum(t.dpt + t.dptb + t.dpk) filter (where r.status is not null and r.status <> 'missing'), 0)::int as registered_in,
        coalesce(sum(r.invalid), 0)::int as invalid,
        count(*) filter (where r.status is null or r.status = 'missing')::int as s_missing,
        count(*) filter (where r.status = 'submitted')::int as s_submitted,
        count(*) filter (where r.status = 'flagged')::int as s_flagged,
        count(*) filter (where r.status = 'conflict')::int as s_conflict,
        count(*) filter (where r.status = 'verified')::int as s_verified
      ${base} where ${inScope}
      group by 1) a left join regions g on g.code = a.code order by a.code`,
    sql<AreaVotes[]>`
      select ${area} as code, v.key as number, sum(v.value::int)::int as votes
      ${base}, jsonb_each_text(r.votes) v
      where ${inScope} group by 1, 2`,
  ]);
  const votesOf = new Map<string, Record<string, number>>();
  for (const s of sums) {
    if (!votesOf.has(s.code)) votesOf.set(s.code, {});
    votesOf.get(s.code)![s.number] = s.votes;
  }
  const blankVotes = () => Object.fromEntries(candidates.map((n) => [String(n), 0]));
  const rows: (RecapRow & { registeredIn: number })[] = areas.map((a) => {
    const votes = { ...blankVotes(), ...(votesOf.get(a.code) ?? {}) };
    const valid = Object.values(votes).reduce((x, y) => x + y, 0);
    return {
      code: a.code,
      name: a.name ?? a.code,
      tps: a.tps,
      registered: a.registered,
      status: {
        missing: a.sMissing,
        submitted: a.sSubmitted,
        flagged: a.sFlagged,
        conflict: a.sConflict,
        verified: a.sVerified,
      },
      tpsIn: a.tpsIn,
      votes,
      valid,
      invalid: a.invalid,
      registeredIn: a.registeredIn,
      turnout: a.registeredIn > 0 ? (valid + a.invalid) / a.registeredIn : null,
    };
  });
  const total = rows.reduce(
    (t, r) => {
      t.tps += r.tps;
      t.registered += r.registered;
      t.tpsIn += r.tpsIn;
      t.valid += r.valid;
      t.invalid += r.invalid;
      t.registeredIn += r.registeredIn;
      for (const s of RESULT_STATUSES) t.status[s] += r.status[s];
      for (const [k, n] of Object.entries(r.votes)) t.votes[k] = (t.votes[k] ?? 0) + n;
      return t;
    },
    {
      code: scope ?? "*",
      name: "",
      tps: 0,
      registered: 0,
      status: emptyStatus(),
      tpsIn: 0,
      votes: blankVotes(),
      valid: 0,
      invalid: 0,
      registeredIn: 0,
      turnout: null as number | null,
    },
  );
  total.turnout = total.registeredIn > 0 ? (total.valid + total.invalid) / total.registeredIn : null;
  const strip = ({ registeredIn: _r, ...row }: RecapRow & { registeredIn: number }): RecapRow => row;
  return { rows: rows.map(strip), total: strip(total) };
}
