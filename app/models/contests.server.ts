// Admin edits of contests and their candidates. A contest's ballot numbers cannot be
// removed once results exist for it: those results refer to them.
import type { ContestBody } from "~/lib/schemas/admin";
import type { Db } from "~/utils/db.server";
import type { WriteContext } from "~/utils/writer.server";
import { getContest } from "./election.server";

/** Creates or updates a contest; returns an error code when candidates with results would disappear. */
export async function saveContest(
  { tx, audit }: WriteContext,
  { body, actorId }: { body: ContestBody; actorId: number },
): Promise<"ok" | "in_use"> {
  const before = await getContest(tx, { code: body.code });
  const removed = (before?.candidates ?? [])
    .filter((c) => !body.candidates.some((k) => k.number === c.number))
    .map((c) => c.number);
  if (removed.length) {
    const [used] = await tx<
      [{ used: boolean }]
    >`select exists (select 1 from results where contest_code = ${body.code}) as used`;
    if (used.used) return "in_use";
    await tx`delete from candidates where contest_code = ${body.code} and party_number = 0 and ballot_number = any(${removed})`;
  }
  await tx`insert into contests (code, name, type, position) values (${body.code}, ${body.name}, ${body.type}, ${body.position})
    on conflict (code) do update set name = excluded.name, type = excluded.type, position = excluded.position`;
  // The area: the regions given, or (none given) every top-level region, so the contest covers the election.
  await tx`delete from contest_areas where contest_code = ${body.code}`;
  await tx`insert into contest_areas (contest_code, region_code)
    select ${body.code}, code from regions
    where ${body.area.length > 0} and code = any(${body.area}) or ${body.area.length === 0} and parent_code is null`;
  for (const c of body.candidates) {
    await tx`insert into candidates (contest_code, ballot_number, name) values (${body.code}, ${c.number}, ${c.name})
      on conflict (contest_code, party_number, ballot_number) do update set name = excluded.name`;
  }
  audit({
    actorId,
    action: before ? "contest.update" : "contest.create",
    entity: `contest:${body.code}`,
    before: before ?? null,
    after: body,
  });
  return "ok";
}

/** Each contest's place in the list (contest code -> position). */
export async function contestPositions(sql: Db): Promise<Map<string, number>> {
  const rows = await sql<{ code: string; position: number }[]>`select code, position from contests`;
  return new Map(rows.map((r) => [r.code, r.position]));
}
