// The voter lists (SPEC section 10, docs/decisions/047-voter-list-check.md, docs/PRIVACY.md): the import of the
// KPU's list (checked line by line with the other imports, hashed outside any transaction, each TPS's list
// replaced whole in one writer job), the list an officer's phone downloads (never an NIK: its keyed slow hash
// and the TPS's salt), whether a phone may keep it, and the lookups the phone reports.
import type { ImportCheck } from "~/lib/imports";
import { problem } from "~/lib/problems";
import type { ListedVoter, VoterCheckRecord, VoterListDownload, VoterListStatus, VoterStatus } from "~/lib/voters";
import { MAX_CHECK_ROWS, NIK_HASH_ITERATIONS, toBase64url } from "~/lib/voters";
import type { Db } from "~/utils/db.server";
import type { Writer, WriteContext } from "~/utils/writer.server";
import { checkedVoterRows, checkImport, type VoterFileRow } from "./imports.server";
import { bodyHash } from "./results.server";

/** How many NIK hashes run at once: Node's thread pool has four threads; more only queue. */
const HASHING_AT_ONCE = 8;

/**
 * Checks a voter file and, when every line is right, hashes its NIKs (before the writer: a city's list takes
 * about a minute, which no transaction should hold) and replaces each TPS's list in one writer job.
 */
export async function importVoters(
  { sql, writer }: { sql: Db; writer: Writer },
  {
    text,
    actorId,
    hashNik,
  }: { text: string; actorId: number; hashNik: (nik: string, tpsCode: string) => Promise<Buffer> },
): Promise<ImportCheck> {
  const report = await checkImport(sql, { kind: "voters", text });
  if (report.problems.length) return report;
  const { rows } = await checkedVoterRows(sql, text);
  const hashes: Buffer[] = new Array(rows.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: HASHING_AT_ONCE }, async () => {
      while (next < rows.length) {
        const i = next++;
        hashes[i] = await hashNik(rows[i].nik, rows[i].tps_code);
      }
    }),
  );
  return writer.write((ctx) => replaceLists(ctx, { rows, hashes, actorId, report }));
}

async function replaceLists(
  { tx, audit }: WriteContext,
  { rows, hashes, actorId, report }: { rows: VoterFileRow[]; hashes: Buffer[]; actorId: number; report: ImportCheck },
): Promise<ImportCheck> {
  await tx`select pg_advisory_xact_lock(hashtext('pantau-import'))`;
  const byTps = new Map<string, { voters: number; disabled: number }>();
  for (const r of rows) {
    const t = byTps.get(r.tps_code) ?? { voters: 0, disabled: 0 };
    t.voters++;
    t.disabled += r.disabled;
    byTps.set(r.tps_code, t);
  }
  const codes = [...byTps.keys()];
  // A TPS's list is replaced whole: a voter missing from the new file is gone from the check.
  await tx`delete from voters where tps_code = any(${codes})`;
  const lists = [...byTps].map(([tps_code, t]) => ({
    tps_code,
    voters: t.voters,
    disabled: t.disabled,
    iterations: NIK_HASH_ITERATIONS,
    imported_by: actorId,
  }));
  await tx`insert into voter_lists ${tx(lists)}
    on conflict (tps_code) do update set voters = excluded.voters, disabled = excluded.disabled,
      iterations = excluded.iterations, imported_at = now(), imported_by = excluded.imported_by`;
  for (let start = 0; start < rows.length; start += 2000) {
    const part = rows.slice(start, start + 2000).map((r, i) => ({
      tps_code: r.tps_code,
      row_number: r.row_number,
      name: r.name,
      sex: r.sex,
      age_band: r.age_band,
      rt: r.rt,
      rw: r.rw,
      status: r.status,
      nik_hash: hashes[start + i],
    }));
    await tx`insert into voters ${tx(part)}`;
  }
  // One audit row per import: counts only, never a name or a number of a voter.
  audit({
    actorId,
    action: "import.voters",
    entity: "voters",
    after: { rows: report.rows, tps: codes.length, created: report.created, updated: report.updated },
  });
  return { ...report, applied: true };
}

/** A TPS's list for its officer's phone, or null when none was imported. */
export async function voterListFor(
  sql: Db,
  { tpsCode, salt }: { tpsCode: string; salt: Buffer },
): Promise<VoterListDownload | null> {
  const [list] = await sql<[{ importedAt: Date; iterations: number }?]>`
    select imported_at, iterations from voter_lists where tps_code = ${tpsCode}`;
  if (!list) return null;
  const rows = await sql<(Omit<ListedVoter, "nikHash" | "row"> & { rowNumber: number; nikHash: Buffer })[]>`
    select row_number, name, sex, age_band, rt, rw, status, nik_hash from voters
    where tps_code = ${tpsCode} order by row_number`;
  return {
    tpsCode,
    importedAt: list.importedAt.toISOString(),
    salt: toBase64url(salt),
    iterations: list.iterations,
    voters: rows.map((r) => ({
      row: r.rowNumber,
      name: r.name,
      sex: r.sex,
      ageBand: r.ageBand,
      rt: r.rt,
      rw: r.rw,
      status: r.status as VoterStatus,
      nikHash: toBase64url(r.nikHash),
    })),
  };
}

/**
 * Whether the officer's phone may keep the list of `tpsCode`: not once the TPS has a result for every contest
 * it votes in (reported), and not when the session's officer is not that TPS's (moved).
 */
export async function voterListStatus(
  sql: Db,
  { tpsCode, userTps }: { tpsCode: string; userTps: string | null },
): Promise<VoterListStatus> {
  if (userTps !== tpsCode) return { keep: false, reason: "other_tps", reportedAt: null };
  const [row] = await sql<[{ contests: number; reported: number; lastAt: Date | null }]>`
    with mine as (
      select c.code from contests c join tps t on t.code = ${tpsCode}
      where exists (select 1 from contest_areas a where a.contest_code = c.code
        and (t.kelurahan_code = a.region_code or t.kelurahan_code like a.region_code || '.%')))
    select (select count(*) from mine)::int as contests,
      (select count(*) from results r where r.tps_code = ${tpsCode} and r.contest_code in (select code from mine))::int as reported,
      (select max(s.received_at) from results r join submissions s on s.id = r.submission_id
        where r.tps_code = ${tpsCode}) as last_at`;
  const reported = row.contests > 0 && row.reported >= row.contests;
  return {
    keep: !reported,
    reason: reported ? "reported" : null,
    reportedAt: reported && row.lastAt ? row.lastAt.toISOString() : null,
  };
}

/**
 * One lookup made on the phone: what kind, when, matched or not, which rows. Idempotent on the phone's id
 * (a retry gets the first answer; another body under the same id is a 409). Audited.
 */
export async function recordVoterCheck(
  ctx: WriteContext,
  { userId, body }: { userId: number; body: VoterCheckRecord },
): Promise<{ httpStatus: 200 | 201; body: { id: string } }> {
  const { tx } = ctx;
  const hash = bodyHash(body);
  const [existing] = await tx<[{ bodyHash: string }?]>`select body_hash from voter_checks where id = ${body.id}`;
  if (existing) {
    if (existing.bodyHash === hash) return { httpStatus: 200, body: { id: body.id } };
    throw problem.idConflict();
  }
  const rows = body.rows.slice(0, MAX_CHECK_ROWS);
  await tx`
    insert into voter_checks (id, tps_code, author_id, kind, matched, row_numbers, checked_at, body_hash)
    values (${body.id}, ${body.tpsCode}, ${userId}, ${body.kind}, ${body.matched}, ${rows}, ${body.checkedAt}, ${hash})`;
  ctx.audit({
    actorId: userId,
    action: "voters.check",
    entity: `tps:${body.tpsCode}`,
    after: { kind: body.kind, matched: body.matched, rows, at: body.checkedAt },
  });
  return { httpStatus: 201, body: { id: body.id } };
}
