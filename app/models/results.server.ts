// Quick-count submissions and the per-TPS result they build. Nothing is overwritten: every submission is
// a new revision row; `results` points at the latest one. Runs inside a writer job (see writer.server.ts).
import { canReportFor, mayReplaceVerified } from "~/lib/access";
import { problem } from "~/lib/problems";
import { createHash } from "node:crypto";
import type { Db, LeftJoined } from "~/utils/db.server";
import { c1Context, decideC1, type Issue } from "~/lib/c1-rules";
import type { DayStatus, ResultStatus } from "~/lib/events";
import { issueKey, issueMessage } from "~/lib/messages/quick-count";
import type { Lang } from "~/lib/i18n";
import type { QuickCountBody } from "~/lib/schemas";
import { canonicalJson } from "~/utils/event-log.server";
import { lockKey, type WriteContext } from "~/utils/writer.server";
import type { Contest, TpsInfo } from "./election.server";
import type { SessionUser } from "./users.server";

export type Source = "app" | "paper" | "phone" | "radio" | "sms";

export interface SubmitAnswer {
  /** 201 for a new submission, 200 for an identical retry. */
  httpStatus: 200 | 201;
  body: {
    id: string;
    status: ResultStatus;
    warnings: { field: string; code: string; message: string }[];
    revision: number;
  };
}

/** Stable hash of a body: key order does not matter, every value does. */
export function bodyHash(body: unknown): string {
  return createHash("sha256").update(canonicalJson(body)).digest("hex");
}

/** The lock every write to a TPS's results takes (writer.server.ts lockKey): one writer at a time per TPS. */
export const resultsLockKey = (tpsCode: string) => `tps:${tpsCode}`;

type TpsColumns = {
  tpsCode: string;
  kelurahanCode: string;
  dpt: number;
  dptb: number;
  dpk: number;
  dayStatus: DayStatus;
};
/** A submission already stored under the same id (a retry or a clash). */
type ExistingColumns = { existingTpsCode: string; existingHash: string; existingResponse: SubmitAnswer["body"] };
type CurrentColumns = {
  currentStatus: ResultStatus;
  currentVotes: Record<string, number>;
  currentInvalid: number;
  currentRevision: number;
  currentSource: Source;
};
/** Everything a submission checks, read in one statement; each group is all null when its row is absent. */
type SubmitContextRow = LeftJoined<TpsColumns> &
  LeftJoined<ExistingColumns> &
  LeftJoined<{ contestCode: string }> &
  LeftJoined<CurrentColumns> & { candidates: number[] };

export async function submitQuickCount(
  { tx, emit, audit }: WriteContext,
  { user, body, source, lang }: { user: SessionUser; body: QuickCountBody; source: Source; lang: Lang },
): Promise<SubmitAnswer> {
  const hash = bodyHash(body);
  // The lock, then every read in one statement (each statement costs the server and PostgreSQL more
  // than the rows it reads). Both travel in one round trip: postgres.js pipelines them and PostgreSQL runs them
  // in order, so the read sees the TPS as the last writer holding its lock left it. The lock serialises
  // writes to one TPS (its results and its row) across batches and nodes; a busy lock re-runs the job in a
  // later batch instead of waiting (no deadlocks).
  const [, [row]] = await Promise.all([
    lockKey(tx, resultsLockKey(body.tpsCode)),
    tx<[SubmitContextRow]>`
      select t.code as tps_code, t.kelurahan_code, t.dpt, t.dptb, t.dpk, t.day_status,
        e.tps_code as existing_tps_code, e.body_hash as existing_hash, e.response as existing_response,
        c.code as contest_code,
        (select coalesce(array_agg(k.ballot_number order by k.ballot_number), '{}') from candidates k where k.contest_code = c.code) as candidates,
        r.status as current_status, r.votes as current_votes, r.invalid as current_invalid,
        cs.revision as current_revision, cs.source as current_source
      from (select 1) as one
      left join tps t on t.code = ${body.tpsCode}
      left join submissions e on e.id = ${body.id}
      left join contests c on c.code = ${body.contest}
      left join results r on r.tps_code = ${body.tpsCode} and r.contest_code = ${body.contest}
      left join submissions cs on cs.id = r.submission_id`.execute(), // started now, after the lock (not when awaited)
  ]);
  const tps = row.tpsCode
    ? {
        code: row.tpsCode,
        kelurahanCode: row.kelurahanCode,
        dpt: row.dpt,
        dptb: row.dptb,
        dpk: row.dpk,
        dayStatus: row.dayStatus,
      }
    : null;
  const existing = row.existingTpsCode
    ? { tpsCode: row.existingTpsCode, bodyHash: row.existingHash, response: row.existingResponse }
    : null;
  const contest = row.contestCode
    ? { code: row.contestCode, candidates: row.candidates.map((number) => ({ number })) }
    : null;
  const current = row.currentStatus
    ? {
        status: row.currentStatus,
        votes: row.currentVotes,
        invalid: row.currentInvalid,
        revision: row.currentRevision,
        source: row.currentSource,
      }
    : null;
  if (!tps) {
    throw problem.invalidField("tpsCode", "unknown_tps", { tps: body.tpsCode });
  }
  if (!canReportFor(user, tps)) throw problem.otherTps(user.tpsCode);

  // Idempotency: a retry gets the first answer; the same id with another body is a conflict.
  if (existing) {
    if (existing.tpsCode === body.tpsCode && existing.bodyHash === hash) {
      return { httpStatus: 200, body: existing.response };
    }
    throw problem.idConflict();
  }
  if (!contest) {
    throw problem.invalidField("contest", "unknown_contest", { contest: body.contest });
  }

  if (current?.status === "verified" && !mayReplaceVerified(user)) {
    throw problem.conflict("verified");
  }

  const previous = current ? { votes: current.votes, invalid: current.invalid } : null;
  const { numbers, status: ruled, warnings } = checkResultNumbers(lang, { tps, contest, body, previous });
  const { votes, invalid } = numbers;
  const revision = (current?.revision ?? 0) + 1;
  // Sources disagree: another channel already reported other numbers (e.g. the paper form keyed at
  // the posko, then the officer's app). The newest numbers stand, marked `conflict` for a supervisor.
  const disagrees =
    !!previous &&
    current!.source !== source &&
    !sameNumbers({ ...previous, ballotsUsed: null }, { ...numbers, ballotsUsed: null });
  const status: ResultStatus = disagrees ? "conflict" : ruled;
  const response: SubmitAnswer["body"] = { id: body.id, status, warnings, revision };

  // The writes in one statement: the submission, the result pointing at it, and the TPS's day status. A
  // statement does not see its own inserts, so the contests reported count this one plus the others.
  const [day] = await tx<[{ dayStatus: DayStatus; lastSeenAt: Date | null }]>`
    with submission as (
      insert into submissions (id, tps_code, contest_code, source, author_id, revision, votes, invalid, ballots_used,
        justification, warnings, captured_at, body_hash, response)
      values (${body.id}, ${tps.code}, ${contest.code}, ${source}, ${user.id}, ${revision}, ${tx.json(votes)}, ${invalid},
        ${numbers.ballotsUsed}, ${body.justification?.trim() || null}, ${tx.json(warnings)}, ${body.capturedAt}, ${hash},
        ${tx.json(response)})
      returning id
    ), result as (
      insert into results (tps_code, contest_code, status, submission_id, votes, invalid, updated_at)
      select ${tps.code}, ${contest.code}, ${status}, id, ${tx.json(votes)}, ${invalid}, now() from submission
      on conflict (tps_code, contest_code) do update
        set status = excluded.status, submission_id = excluded.submission_id, votes = excluded.votes,
            invalid = excluded.invalid, updated_at = excluded.updated_at
    )
    update tps set
      day_status = case
        when (select count(*) from contests) = 1 + (select count(*) from results where tps_code = ${tps.code} and contest_code <> ${contest.code})
        then 'reported' else 'counting' end,
      last_seen_at = case when ${user.role === "officer"} then now() else last_seen_at end
    where code = ${tps.code}
    returning day_status, last_seen_at`;

  const before: Record<string, number> = current?.votes ?? {};
  const previousStatus = current?.status ?? "missing";
  emit("result:updated", tps.kelurahanCode, {
    tpsCode: tps.code,
    contest: contest.code,
    status,
    previousStatus,
    revision,
    source,
    votes,
    invalid,
    delta: {
      votes: Object.fromEntries(Object.entries(votes).map(([k, n]) => [k, n - (before[k] ?? 0)])),
      invalid: invalid - (current?.invalid ?? 0),
    },
  });
  audit({
    actorId: user.id,
    action: "quick_count.submit",
    entity: `result:${tps.code}/${contest.code}`,
    before: current
      ? { status: current.status, votes: current.votes, invalid: current.invalid, revision: current.revision }
      : null,
    after: { status, votes, invalid, revision, source, submissionId: body.id },
  });

  if (day.dayStatus !== tps.dayStatus) {
    emit("tps:updated", tps.kelurahanCode, {
      tpsCode: tps.code,
      dayStatus: day.dayStatus,
      lastSeenAt: day.lastSeenAt ? day.lastSeenAt.toISOString() : null,
    });
  }
  return { httpStatus: 201, body: response };
}

/** A result's numbers, as stored. */
export interface Numbers {
  votes: Record<string, number>;
  invalid: number;
  ballotsUsed: number | null;
}

export const sameNumbers = (a: Numbers, b: Numbers) =>
  a.invalid === b.invalid &&
  (a.ballotsUsed ?? null) === (b.ballotsUsed ?? null) &&
  Object.keys({ ...a.votes, ...b.votes }).every((k) => a.votes[k] === b.votes[k]);

/**
 * The C1 rules for every channel that writes a result (officer app, SMS, posko entry, corrections): hard
 * errors and unjustified warnings are a 422 with a message per field; otherwise the numbers as stored.
 */
export function checkResultNumbers(
  lang: Lang,
  {
    tps,
    contest,
    body,
    previous,
  }: {
    tps: Pick<TpsInfo, "dpt" | "dptb" | "dpk">;
    contest: { candidates: Pick<Contest["candidates"][number], "number">[] };
    body: Pick<QuickCountBody, "votes" | "invalid" | "valid" | "ballotsUsed" | "justification">;
    previous: { votes: Record<string, number>; invalid: number } | null;
  },
) {
  const decision = decideC1(
    {
      votes: body.votes,
      invalid: body.invalid,
      valid: body.valid,
      ballotsUsed: body.ballotsUsed,
      justification: body.justification,
    },
    c1Context(contest, tps, previous),
  );
  // Warnings are stored with the submission and sent back with a retried one, so their wording is fixed here.
  const describe = (i: Issue) => ({
    field: i.field,
    code: i.code,
    message: issueMessage(lang, i),
  });
  if (decision.errors.length > 0) {
    const unjustified = decision.errors.some((e) => e.code === "justification_required");
    throw problem.invalid(
      [...decision.errors, ...(unjustified ? decision.warnings : [])].map((i) => ({ ...i, key: issueKey(i.code) })),
      "c1.fixNumbers",
    );
  }
  const numbers: Numbers = {
    votes: Object.fromEntries(contest.candidates.map((c) => [String(c.number), Number(body.votes[String(c.number)])])),
    invalid: Number(body.invalid),
    ballotsUsed: body.ballotsUsed == null || body.ballotsUsed === "" ? null : Number(body.ballotsUsed),
  };
  return { numbers, status: decision.status as ResultStatus, warnings: decision.warnings.map(describe) };
}

interface SubmissionRow {
  id: string;
  contestCode: string;
  source: Source;
  revision: number;
  votes: Record<string, number>;
  invalid: number;
  receivedAt: Date;
  warnings: SubmitAnswer["body"]["warnings"];
  /** Null when the TPS has no result for the contest yet. */
  resultStatus: ResultStatus | null;
  isCurrent: boolean | null;
}

export async function listSubmissionsForTps(sql: Db, { tpsCode }: { tpsCode: string }) {
  return sql<SubmissionRow[]>`
    select s.id, s.contest_code, s.source, s.revision, s.votes, s.invalid, s.received_at, s.warnings,
      r.status as result_status, (r.submission_id = s.id) as is_current
    from submissions s left join results r on r.tps_code = s.tps_code and r.contest_code = s.contest_code
    where s.tps_code = ${tpsCode}
    order by s.received_at desc limit 50`;
}

/** The current result of a TPS for a contest, or null before any. */
export async function currentResult(sql: Db, { tpsCode, contest }: { tpsCode: string; contest: string }) {
  const [row] = await sql<{ votes: Record<string, number>; invalid: number; status: ResultStatus }[]>`
    select votes, invalid, status from results where tps_code = ${tpsCode} and contest_code = ${contest}`;
  return row ?? null;
}
