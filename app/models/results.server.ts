// Quick-count submissions and the per-TPS result they build. Nothing is overwritten: every submission is
// a new revision row; `results` points at the latest one. Runs inside a writer job (see writer.server.ts).
import { canReportFor, mayReplaceVerified } from "~/lib/access";
import { problem } from "~/lib/problems";
import { createHash } from "node:crypto";
import type { JSONValue } from "postgres";
import type { Db, LeftJoined } from "~/utils/db.server";
import { c1Context, decideC1, votersOf, type C1Context, type C1Form, type C1Numbers, type Issue } from "~/lib/c1-rules";
import type { Contest, ContestType } from "~/lib/contests";
import type { DayStatus, ResultStatus } from "~/lib/events";
import { issueKey, issueMessage } from "~/lib/messages/quick-count";
import type { Lang } from "~/lib/i18n";
import type { QuickCountBody } from "~/lib/schemas";
import { canonicalJson } from "~/utils/event-log.server";
import { lockKey, type WriteContext } from "~/utils/writer.server";
import type { TpsInfo } from "./election.server";
import { votesInContest } from "./area.server";
import type { SessionUser } from "./users.server";

export type Source = "app" | "paper" | "phone" | "radio" | "sms";

export interface SubmitAnswer {
  /** 201 for a new submission, 200 for an identical retry. */
  httpStatus: 200 | 201;
  body: {
    id: string;
    status: ResultStatus;
    warnings: { field: string; code: string; tier?: string; message: string }[];
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
  dptMen: number | null;
  dptWomen: number | null;
  dptb: number;
  dpk: number;
  dayStatus: DayStatus;
};
/** A submission already stored under the same id (a retry or a clash). */
type ExistingColumns = { existingTpsCode: string; existingHash: string; existingResponse: SubmitAnswer["body"] };
type ContestColumns = {
  contestCode: string;
  contestName: string;
  contestType: ContestType;
  votesHere: boolean;
  /** Every candidate of the ballot with its party (0 = none). */
  ballot: { number: number; party: number }[];
};
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
  LeftJoined<ContestColumns> &
  LeftJoined<CurrentColumns> & { otherBallots: OtherBallot[] };

/** The structure of a ballot as the rules need it, from its candidates and their parties. */
export function ballotOf(type: ContestType, ballot: { number: number; party: number }[]): RulesContest {
  const parties = new Map<number, { number: number }[]>();
  for (const k of ballot)
    if (k.party > 0) parties.set(k.party, [...(parties.get(k.party) ?? []), { number: k.number }]);
  return {
    type,
    candidates: ballot.filter((k) => k.party === 0).map((k) => ({ number: k.number, name: "" })),
    parties: [...parties].map(([number, candidates]) => ({
      number,
      name: "",
      abbrev: "",
      candidates: candidates.map((c) => ({ ...c, name: "" })),
    })),
  };
}

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
      select t.code as tps_code, t.kelurahan_code, t.dpt, t.dpt_men, t.dpt_women, t.dptb, t.dpk, t.day_status,
        e.tps_code as existing_tps_code, e.body_hash as existing_hash, e.response as existing_response,
        c.code as contest_code, c.name as contest_name, c.type as contest_type,
        ${votesInContest(tx, "t.kelurahan_code", "c.code")} as votes_here,
        (select coalesce(json_agg(json_build_object('number', k.ballot_number, 'party', k.party_number)
          order by k.party_number, k.ballot_number), '[]') from candidates k where k.contest_code = c.code) as ballot,
        r.status as current_status, r.votes as current_votes, r.invalid as current_invalid,
        cs.revision as current_revision, cs.source as current_source,
        (select coalesce(json_agg(json_build_object('contest', o.contest_code, 'votes', o.votes, 'invalid', o.invalid,
          'form', o.form)), '[]') from results o where o.tps_code = t.code and o.contest_code <> ${body.contest}) as other_ballots
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
        dptMen: row.dptMen,
        dptWomen: row.dptWomen,
        dptb: row.dptb,
        dpk: row.dpk,
        dayStatus: row.dayStatus,
      }
    : null;
  const existing = row.existingTpsCode
    ? { tpsCode: row.existingTpsCode, bodyHash: row.existingHash, response: row.existingResponse }
    : null;
  const contest = row.contestCode
    ? {
        code: row.contestCode,
        name: row.contestName,
        votesHere: row.votesHere,
        ...ballotOf(row.contestType, row.ballot),
      }
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
  if (!contest.votesHere) throw contestNotHere(tps.code, contest.name);

  if (current?.status === "verified" && !mayReplaceVerified(user)) {
    throw problem.conflict("verified");
  }

  const previous = current ? { votes: current.votes, invalid: current.invalid } : null;
  const otherBallots = row.otherBallots.map((o) => ({ contest: o.contest, voters: votersOf(o) }));
  const { numbers, status: ruled, warnings } = checkResultNumbers(lang, { tps, contest, body, previous, otherBallots });
  const { votes, invalid } = numbers;
  const revision = (current?.revision ?? 0) + 1;
  // Sources disagree: another channel already reported other numbers (e.g. the paper form keyed at
  // the posko, then the officer's app). The newest numbers stand, marked `conflict` for a supervisor.
  const disagrees = !!previous && current!.source !== source && !sameSectionIv(previous, numbers);
  const status: ResultStatus = disagrees ? "conflict" : ruled;
  const response: SubmitAnswer["body"] = { id: body.id, status, warnings, revision };
  const form = numbers.form ? tx.json(numbers.form as unknown as JSONValue) : null;

  // The writes in one statement: the submission, the result pointing at it, and the TPS's day status. A
  // statement does not see its own inserts, so the contests reported count this one plus the others.
  const [day] = await tx<[{ dayStatus: DayStatus; lastSeenAt: Date | null }]>`
    with submission as (
      insert into submissions (id, tps_code, contest_code, source, author_id, revision, votes, invalid, ballots_used,
        form, completeness, justification, warnings, captured_at, body_hash, response)
      values (${body.id}, ${tps.code}, ${contest.code}, ${source}, ${user.id}, ${revision}, ${tx.json(votes)}, ${invalid},
        ${numbers.ballotsUsed}, ${form}, ${numbers.completeness}, ${body.justification?.trim() || null},
        ${tx.json(warnings)}, ${body.capturedAt}, ${hash}, ${tx.json(response)})
      returning id
    ), result as (
      insert into results (tps_code, contest_code, status, submission_id, votes, invalid, form, completeness, updated_at)
      select ${tps.code}, ${contest.code}, ${status}, id, ${tx.json(votes)}, ${invalid}, ${form}, ${numbers.completeness},
        now() from submission
      on conflict (tps_code, contest_code) do update
        set status = excluded.status, submission_id = excluded.submission_id, votes = excluded.votes,
            invalid = excluded.invalid, form = excluded.form, completeness = excluded.completeness,
            updated_at = excluded.updated_at
    )
    update tps set
      day_status = case
        -- The contests the TPS votes in: its kelurahan's running-totals rows (one per contest with TPS there),
        -- an index range of a few rows where asking every contest's area grows with the election's contests.
        when (select count(*) from region_totals where region_code = tps.kelurahan_code and tps > 0)
          = 1 + (select count(*) from results where tps_code = ${tps.code} and contest_code <> ${contest.code})
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
    completeness: numbers.completeness,
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
    after: { status, votes, invalid, completeness: numbers.completeness, revision, source, submissionId: body.id },
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

/** Voters of a TPS's results for its other ballots, for the rules' two-ballots comparison. */
export async function otherBallotsAt(sql: Db, { tpsCode, contest }: { tpsCode: string; contest: string }) {
  const rows = await sql<OtherBallot[]>`
    select contest_code as contest, votes, invalid, form from results
    where tps_code = ${tpsCode} and contest_code <> ${contest}`;
  return rows.map((o) => ({ contest: o.contest, voters: votersOf(o) }));
}

/** A TPS outside a contest's electoral area is refused for it, naming the contest. */
export const contestNotHere = (tpsCode: string, contestName: string) =>
  problem.invalidField("contest", "contest_not_here", { tps: tpsCode, contest: contestName });

/** A result's numbers, as stored. */
export type Numbers = Pick<C1Numbers, "votes" | "invalid" | "ballotsUsed"> &
  Partial<Pick<C1Numbers, "form" | "completeness">>;

/** Another ballot's result at the same TPS, for the two-ballots comparison. */
type OtherBallot = { contest: string; votes: Record<string, number>; invalid: number; form: C1Form | null };

/** Section IV and invalid agree (what the sources must agree on; a later complete form adds to a quick entry). */
export const sameSectionIv = (a: Pick<Numbers, "votes" | "invalid">, b: Pick<Numbers, "votes" | "invalid">) =>
  a.invalid === b.invalid && Object.keys({ ...a.votes, ...b.votes }).every((k) => a.votes[k] === b.votes[k]);

/** Two keyings say the same: section IV, invalid, ballots used and the complete form when there is one. */
export const sameNumbers = (a: Numbers, b: Numbers) =>
  sameSectionIv(a, b) &&
  (a.ballotsUsed ?? null) === (b.ballotsUsed ?? null) &&
  canonicalJson(a.form ?? null) === canonicalJson(b.form ?? null);

/** A contest as the rules need it: its type and its ballot's candidates/parties (names unused). */
export type RulesContest = Pick<Contest, "type" | "candidates" | "parties">;

/**
 * The result rules for every channel that writes a result (officer app, SMS, posko entry, corrections): tier-1
 * errors and unjustified warnings are a 422 with a message per field; otherwise the numbers as stored.
 */
export function checkResultNumbers(
  lang: Lang,
  {
    tps,
    contest,
    body,
    previous,
    otherBallots = [],
  }: {
    tps: Pick<TpsInfo, "dpt" | "dptb" | "dpk"> & Partial<Pick<TpsInfo, "dptMen" | "dptWomen">>;
    contest: RulesContest;
    body: Pick<QuickCountBody, "votes" | "invalid" | "valid" | "ballotsUsed" | "form" | "justification">;
    previous: { votes: Record<string, number>; invalid: number } | null;
    otherBallots?: C1Context["otherBallots"];
  },
) {
  const decision = decideC1(body, c1Context(contest, tps, previous, otherBallots));
  // Warnings are stored with the submission and sent back with a retried one, so their wording is fixed here.
  const describe = (i: Issue) => ({
    field: i.field,
    code: i.code,
    tier: i.tier,
    message: issueMessage(lang, i),
  });
  if (decision.errors.length > 0 || !decision.numbers) {
    throw problem.invalid(
      decision.refusal.map((i) => ({
        field: i.field,
        code: i.code,
        params: i.params,
        tier: i.tier,
        key: issueKey(i.code),
      })),
      "c1.fixNumbers",
    );
  }
  return {
    numbers: decision.numbers,
    status: decision.status as ResultStatus,
    warnings: decision.warnings.map(describe),
  };
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
