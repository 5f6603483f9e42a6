// Supervision activities (campaign supervision, prevention, socialisation) recorded by supervisory staff on
// /pengawasan, inside their own region; the public data centre counts them (./data-centre.server.ts). One
// activity from the form, or many from a CSV all-or-nothing; every addition audited. Who recorded an activity
// is staff-only: the list and its CSV carry it, the data centre never does.
import { randomUUID } from "node:crypto";
import { areaOf, type AccessUser } from "~/lib/access";
import { csvRecords } from "~/lib/csv";
import { problem, type FieldProblem } from "~/lib/problems";
import { ACTIVITY_COLUMNS, MAX_ACTIVITY_ROWS, readActivity, type ActivityInput } from "~/lib/supervision";
import type { ActivityKind } from "~/lib/data-centre";
import type { Db } from "~/utils/db.server";
import type { Tx, WriteContext } from "~/utils/writer.server";
import { insideArea } from "./area.server";

export interface ActivityRow {
  id: string;
  kind: ActivityKind;
  heldOn: string;
  regionCode: string;
  regionName: string;
  regionKind: string | null;
  title: string;
  events: number;
  people: number;
  findings: number;
  recordedBy: string;
  createdAt: string;
}

export interface ActivityFilters {
  kind?: ActivityKind | null;
  area?: string | null;
  from?: string | null;
  to?: string | null;
}

/** A line's problem in an import: the line in the file and the field's problem. */
export type ActivityLineProblem = FieldProblem & { line: number };

/** The region codes of `codes` that exist. */
async function existing(sql: Db | Tx, codes: string[]) {
  if (!codes.length) return new Set<string>();
  const rows = await sql<{ code: string }[]>`select code from regions where code = any(${[...new Set(codes)]})`;
  return new Set(rows.map((r) => r.code));
}

const own = (user: AccessUser) => areaOf(user);

async function insert(ctx: WriteContext, user: AccessUser, items: ActivityInput[]) {
  const rows = items.map((a) => ({
    id: randomUUID(),
    kind: a.kind,
    held_on: a.heldOn,
    region_code: a.regionCode,
    title: a.title,
    events: a.events,
    people: a.people,
    findings: a.findings,
    recorded_by: user.id,
    created_at: ctx.now,
  }));
  for (let i = 0; i < rows.length; i += 1000)
    await ctx.tx`insert into supervision_activities ${ctx.tx(rows.slice(i, i + 1000))}`;
  return rows;
}

/** Records one activity from the form's fields: 422 with a problem per field, nothing written. */
export async function recordActivity(
  ctx: WriteContext,
  { user, fields }: { user: AccessUser; fields: Record<string, string | undefined> },
): Promise<{ id: string }> {
  const known = await existing(ctx.tx, [fields.region_code ?? ""].filter(Boolean));
  const read = readActivity(fields, { area: own(user), regionExists: (c) => known.has(c) });
  if (!read.ok) throw problem.invalidFields(read.problems);
  const [row] = await insert(ctx, user, [read.value]);
  ctx.audit({
    actorId: user.id,
    action: "supervision.recorded",
    entity: `supervision_activity:${row.id}`,
    after: { kind: row.kind, heldOn: row.held_on, region: row.region_code, title: row.title },
  });
  return { id: row.id };
}

/**
 * Records every activity of a CSV file, or none: the problems of every line (with its line number) when any
 * line is wrong. Columns by name (ACTIVITY_COLUMNS), comma or semicolon, BOM or not.
 */
export async function importActivities(
  ctx: WriteContext,
  { user, text }: { user: AccessUser; text: string },
): Promise<{ created: number; problems: ActivityLineProblem[] }> {
  const { header, records } = csvRecords(text);
  const missing = ACTIVITY_COLUMNS.required.filter((c) => !header.includes(c));
  const fileProblem = (p: FieldProblem) => ({ created: 0, problems: [{ line: 1, ...p }] });
  if (missing.length)
    return fileProblem({
      field: missing.join(", "),
      code: "columns",
      key: "act.err.columns",
      params: { columns: missing.join(", ") },
    });
  if (!records.length) return fileProblem({ field: "", code: "empty", key: "act.err.empty" });
  if (records.length > MAX_ACTIVITY_ROWS)
    return fileProblem({ field: "", code: "too_many", key: "act.err.tooMany", params: { max: MAX_ACTIVITY_ROWS } });
  const known = await existing(
    ctx.tx,
    records.map((r) => r.values.region_code ?? "").filter((c) => /^[\d.]{2,13}$/.test(c)),
  );
  const problems: ActivityLineProblem[] = [];
  const items: ActivityInput[] = [];
  for (const { line, values } of records) {
    const read = readActivity(values, { area: own(user), regionExists: (c) => known.has(c) });
    if (read.ok) items.push(read.value);
    else problems.push(...read.problems.map((p) => ({ line, ...p })));
  }
  if (problems.length) return { created: 0, problems };
  await insert(ctx, user, items);
  ctx.audit({
    actorId: user.id,
    action: "supervision.imported",
    entity: "supervision_activities",
    after: { rows: items.length },
  });
  return { created: items.length, problems: [] };
}

/** The activities of the user's region (and the filters), newest first, at most `limit`. */
export async function listActivities(
  sql: Db,
  { user, filters, limit = 500 }: { user: AccessUser; filters: ActivityFilters; limit?: number },
): Promise<ActivityRow[]> {
  const area = own(user);
  const rows = await sql<(Omit<ActivityRow, "createdAt"> & { createdAt: Date })[]>`
    select a.id, a.kind, a.held_on::text as held_on, a.region_code, r.name as region_name, r.kind as region_kind,
      a.title, a.events, a.people, a.findings, u.name as recorded_by, a.created_at
    from supervision_activities a join regions r on r.code = a.region_code join users u on u.id = a.recorded_by
    where ${insideArea(sql, "a.region_code", area)}
      and ${filters.area ? insideArea(sql, "a.region_code", filters.area) : sql`true`}
      and ${filters.kind ? sql`a.kind = ${filters.kind}` : sql`true`}
      and ${filters.from ? sql`a.held_on >= ${filters.from}::date` : sql`true`}
      and ${filters.to ? sql`a.held_on <= ${filters.to}::date` : sql`true`}
    order by a.held_on desc, a.created_at desc
    limit ${limit}`;
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/** The regions an activity may be recorded for: the user's region and what lies below it, to kelurahan. */
export async function activityRegions(sql: Db, { user }: { user: AccessUser }) {
  return sql<{ code: string; name: string; kind: string | null; level: string }[]>`
    select code, name, kind, level from regions where ${insideArea(sql, "code", own(user))}
      and level in ('city', 'kecamatan', 'kelurahan') order by code limit 2000`;
}
