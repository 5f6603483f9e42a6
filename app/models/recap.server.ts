// Recap (rekapitulasi): results summed per kelurahan, kecamatan or city for one contest over its own area
// (only the TPS that vote in it), with TPS status counts and turnout, and for party lists the party-only and
// per-candidate votes of the complete forms, as the official recap (D.Hasil) lists them. The public summary
// uses the same sums, so every screen agrees.
import { areaWithin, type AccessUser } from "~/lib/access";
import { insideArea, votesInContestCode } from "./area.server";
import type { ResultStatus } from "~/lib/events";
import type { Db } from "~/utils/db.server";

import { RESULT_STATUSES, type RecapLevel } from "~/lib/recap";

export { RECAP_LEVELS, RESULT_STATUSES, type RecapLevel } from "~/lib/recap";

export interface RecapRow {
  code: string;
  name: string;
  /** The region's kind (kabupaten/kota, kecamatan, desa/kelurahan) for its printed name; null for the total. */
  kind: string | null;
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
  /** Party lists: TPS whose complete C.Hasil is in (the per-candidate votes come from these only). */
  completeIn: number;
  /** Party lists: votes for the party only, by party number (complete forms). */
  partyOnly: Record<string, number>;
  /** Party lists: votes per candidate, keyed "<party>.<candidate>" (complete forms). */
  candidates: Record<string, number>;
}

/** One area's counts as the recap query sums them (name is null for a code with no region row). */
type AreaSums = {
  code: string;
  name: string | null;
  kind: string | null;
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
  completeIn: number;
};

/** One candidate's votes in one area (the number as the jsonb key it is stored under). */
type AreaVotes = { code: string; number: string; votes: number };
/** A party list's party-only (candidate "") or candidate votes in one area, from complete forms. */
type AreaListVotes = { code: string; party: string; candidate: string; votes: number };

const strip = ({ registeredIn: _r, ...row }: RecapRow & { registeredIn: number }): RecapRow => row;

/** Rows of a recap grouped under the region that holds them, with that region's subtotal. */
export interface RecapGroup {
  code: string;
  rowCodes: string[];
  subtotal: RecapRow;
}

const emptyStatus = () => Object.fromEntries(RESULT_STATUSES.map((s) => [s, 0])) as Record<ResultStatus, number>;

/** The area a recap covers: what the caller asked for, kept inside a supervisor's own region. */
export function recapScope(user: AccessUser, area: string | null): string | null {
  const asked = area && /^\d{2}(\.\d{2}){0,2}(\.\d{4})?$/.test(area) ? area : null;
  return areaWithin(user, asked);
}

/**
 * The areas a recap can be narrowed to (kabupaten/kota and kecamatan): for a supervisor those inside their area
 * and the ones that hold it (a kelurahan supervisor still sees their kecamatan in the list); everyone else all.
 */
export async function listRecapAreas(
  sql: Db,
  { area }: { area: string | null },
): Promise<{ code: string; name: string; level: string; kind: string }[]> {
  return await sql<{ code: string; name: string; level: string; kind: string }[]>`
    select code, name, level, kind from regions where level in ('city', 'kecamatan')
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
    partyList = false,
  }: {
    level: RecapLevel;
    contest: string;
    scope?: string | null;
    /** The choices of section IV (pairs with 0 for the blank column, DPD candidates, or party numbers). */
    candidates: number[];
    /** A party-list ballot: also sum party-only and per-candidate votes of the complete forms. */
    partyList?: boolean;
  },
): Promise<{ rows: RecapRow[]; total: RecapRow; groups: RecapGroup[] }> {
  const area = areaColumn(sql, level);
  const inScope = sql`${insideArea(sql, "kel.code", scope)} and ${votesInContestCode(sql, "kel.code", contest)}`;
  const base = sql`from tps t join regions kel on kel.code = t.kelurahan_code join regions kec on kec.code = kel.parent_code
    left join results r on r.tps_code = t.code and r.contest_code = ${contest}`;
  const [areas, sums, listSums] = await Promise.all([
    sql<AreaSums[]>`
      select a.*, g.name, g.kind from (select ${area} as code,
        count(*)::int as tps, sum(t.dpt + t.dptb + t.dpk)::int as registered,
        count(r.tps_code) filter (where r.status <> 'missing')::int as tps_in,
        count(r.tps_code) filter (where r.status <> 'missing' and r.completeness = 'complete')::int as complete_in,
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
    partyList
      ? sql<AreaListVotes[]>`
      select ${area} as code, p.key as party, '' as candidate, sum((p.value->>'party')::int)::int as votes
      ${base}, jsonb_each(r.form->'votes') p
      where ${inScope} and r.completeness = 'complete' and jsonb_typeof(p.value) = 'object' group by 1, 2
      union all
      select ${area} as code, p.key as party, k.key as candidate, sum(k.value::int)::int as votes
      ${base}, jsonb_each(r.form->'votes') p, jsonb_each_text(p.value->'candidates') k
      where ${inScope} and r.completeness = 'complete' and jsonb_typeof(p.value) = 'object' group by 1, 2, 3`
      : [],
  ]);
  const listOf = new Map<string, { partyOnly: Record<string, number>; candidates: Record<string, number> }>();
  for (const s of listSums) {
    if (!listOf.has(s.code)) listOf.set(s.code, { partyOnly: {}, candidates: {} });
    const l = listOf.get(s.code)!;
    if (s.candidate === "") l.partyOnly[s.party] = s.votes;
    else l.candidates[`${s.party}.${s.candidate}`] = s.votes;
  }
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
      kind: a.kind,
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
      completeIn: a.completeIn,
      partyOnly: listOf.get(a.code)?.partyOnly ?? {},
      candidates: listOf.get(a.code)?.candidates ?? {},
    };
  });
  const sum = (part: typeof rows, code: string, name = "", kind: string | null = null) => {
    const t = part.reduce(
      (t, r) => {
        t.tps += r.tps;
        t.registered += r.registered;
        t.tpsIn += r.tpsIn;
        t.valid += r.valid;
        t.invalid += r.invalid;
        t.registeredIn += r.registeredIn;
        for (const s of RESULT_STATUSES) t.status[s] += r.status[s];
        for (const [k, n] of Object.entries(r.votes)) t.votes[k] = (t.votes[k] ?? 0) + n;
        t.completeIn += r.completeIn;
        for (const [k, n] of Object.entries(r.partyOnly)) t.partyOnly[k] = (t.partyOnly[k] ?? 0) + n;
        for (const [k, n] of Object.entries(r.candidates)) t.candidates[k] = (t.candidates[k] ?? 0) + n;
        return t;
      },
      {
        code,
        name,
        kind,
        tps: 0,
        registered: 0,
        status: emptyStatus(),
        tpsIn: 0,
        votes: blankVotes(),
        valid: 0,
        invalid: 0,
        registeredIn: 0,
        turnout: null as number | null,
        completeIn: 0,
        partyOnly: {} as Record<string, number>,
        candidates: {} as Record<string, number>,
      },
    );
    t.turnout = t.registeredIn > 0 ? (t.valid + t.invalid) / t.registeredIn : null;
    return t;
  };
  const total = sum(rows, scope ?? "*");
  // The printed recap groups kelurahan under their kecamatan, and kecamatan under their kabupaten/kota when it
  // spans more than one, each group with its subtotal (as the official recap forms do).
  const parentOf = (code: string) =>
    code
      .split(".")
      .slice(0, level === "kelurahan" ? 3 : 2)
      .join(".");
  const parentCodes = level === "city" ? [] : [...new Set(rows.map((r) => parentOf(r.code)))];
  const parents =
    parentCodes.length > 1
      ? await sql<{ code: string; name: string; kind: string }[]>`
          select code, name, kind from regions where code in ${sql(parentCodes)}`
      : [];
  const groups = parents.length
    ? parentCodes.map((code) => {
        const region = parents.find((p) => p.code === code);
        const members = rows.filter((r) => parentOf(r.code) === code);
        return {
          code,
          rowCodes: members.map((r) => r.code),
          subtotal: strip(sum(members, code, region?.name ?? code, region?.kind ?? null)),
        };
      })
    : [];
  return { rows: rows.map(strip), total: strip(total), groups };
}
