// Verification and blind double entry of paper forms (docs/command-post.md). Nothing is overwritten:
// a correction or a consolidated paper form is a new submission revision; the earlier ones stay in the
// history. Runs inside writer jobs; every change emits result:updated / paper:updated and is audited.
import { problem } from "~/lib/problems";
import { randomUUID } from "node:crypto";
import { can, canReportFor } from "~/lib/access";
import type { Db } from "~/utils/db.server";
import type { ResultStatus } from "~/lib/events";
import { translate, type Lang } from "~/lib/i18n";
import { reviewMessages } from "~/lib/messages/review";
import type { QuickCountBody, ReviewBody } from "~/lib/schemas";

import { lockKey, type WriteContext } from "~/utils/writer.server";
import { insideArea } from "./area.server";
import { getContest, getTps, type Contest, type TpsInfo } from "./election.server";
import {
  bodyHash,
  checkResultNumbers,
  contestNotHere,
  otherBallotsAt,
  resultsLockKey,
  sameNumbers,
  sameSectionIv,
  type Numbers,
  type Source,
} from "./results.server";
import type { C1Form } from "~/lib/c1-rules";
import { votesIn } from "~/lib/contests";
import type { SessionUser } from "./users.server";

export type PaperSource = "paper" | "phone" | "radio";
export type PaperState = "awaiting_second" | "consolidated" | "conflict" | "resolved";

// The same per-TPS key as the officer's quick count (results.server.ts): a posko write and an officer's
// submission for one TPS never interleave. A try-lock: a busy key sends the job back to the writer's queue.
const lockResult = (tx: WriteContext["tx"], tpsCode: string) => lockKey(tx, resultsLockKey(tpsCode));

/** A TPS's current result for a contest with the submission it points at. */
interface CurrentResult {
  status: ResultStatus;
  votes: Record<string, number>;
  invalid: number;
  submissionId: string;
  revision: number;
  source: Source;
  ballotsUsed: number | null;
  form: C1Form | null;
  completeness: "quick" | "complete";
}

/** The numbers one keying of a paper form holds. */
type EntryNumbers = {
  votes: Record<string, number>;
  invalid: number;
  ballotsUsed: number | null;
  form: C1Form | null;
  completeness?: "quick" | "complete";
};
/** The first keying of a form, as the second one is checked against it. */
type FirstEntry = EntryNumbers & { authorId: number; justification: string | null };
/** A keying already stored under an entry id, with its form (a retry or a clash). */
type StoredEntry = { authorId: number; bodyHash: string; round: 1 | 2; formId: string; status: PaperState };
type PaperFormRow = { id: string; status: PaperState; source: PaperSource };
/** What a review answered, kept with the submission so a retry gets it again. */
type ReviewAnswer = { id: string; status: ResultStatus; revision: number };

async function loadTarget(tx: Db, { user, tpsCode, contest }: { user: SessionUser; tpsCode: string; contest: string }) {
  const tps = await getTps(tx, { code: tpsCode });
  if (!tps) throw problem.invalidField("tpsCode", "unknown_tps", { tps: tpsCode });
  if (!canReportFor(user, tps)) throw problem.otherArea();
  const c = await getContest(tx, { code: contest });
  if (!c) throw problem.invalidField("contest", "unknown_contest", { contest });
  if (!votesIn(tps.kelurahanCode, c)) throw contestNotHere(tps.code, c.name);
  const [current] = await tx<[CurrentResult?]>`
    select r.status, r.votes, r.invalid, r.submission_id, s.revision, s.source, s.ballots_used, r.form, r.completeness
    from results r join submissions s on s.id = r.submission_id
    where r.tps_code = ${tps.code} and r.contest_code = ${c.code}`;
  return { tps, contest: c, current };
}

/** Appends a submission revision and points the result at it (the one place the command post writes results). */
async function writeRevision(
  { tx, emit, audit }: WriteContext,
  {
    user,
    tps,
    contest,
    current,
    source,
    numbers,
    status,
    warnings = [],
    justification = null,
    reason = null,
    action,
    id = randomUUID(),
    hash = bodyHash({ ...numbers, source, reason }),
  }: {
    user: SessionUser;
    tps: TpsInfo;
    contest: Contest;
    current: CurrentResult | undefined;
    source: Source;
    numbers: Numbers;
    status: ResultStatus;
    warnings?: unknown[];
    justification?: string | null;
    reason?: string | null;
    action: string;
    id?: string;
    /** What a retry must match to get this answer again (a correction: its request body). */
    hash?: string;
  },
) {
  const revision = (current?.revision ?? 0) + 1;
  const response = { id, status, warnings, revision };
  const completeness = numbers.completeness ?? (numbers.form ? "complete" : "quick");
  const form = numbers.form ? tx.json(numbers.form as never) : null;
  await tx`
    insert into submissions (id, tps_code, contest_code, source, author_id, revision, votes, invalid, ballots_used,
      form, completeness, justification, reason, warnings, captured_at, body_hash, response)
    values (${id}, ${tps.code}, ${contest.code}, ${source}, ${user.id}, ${revision}, ${tx.json(numbers.votes)}, ${numbers.invalid},
      ${numbers.ballotsUsed}, ${form}, ${completeness}, ${justification}, ${reason}, ${tx.json(warnings as never)}, now(),
      ${hash}, ${tx.json(response as never)})`;
  await tx`
    insert into results (tps_code, contest_code, status, submission_id, votes, invalid, form, completeness, updated_at)
    values (${tps.code}, ${contest.code}, ${status}, ${id}, ${tx.json(numbers.votes)}, ${numbers.invalid}, ${form},
      ${completeness}, now())
    on conflict (tps_code, contest_code) do update
      set status = excluded.status, submission_id = excluded.submission_id, votes = excluded.votes,
          invalid = excluded.invalid, form = excluded.form, completeness = excluded.completeness,
          updated_at = excluded.updated_at`;
  const before: Record<string, number> = current?.votes ?? {};
  emit("result:updated", tps.kelurahanCode, {
    tpsCode: tps.code,
    contest: contest.code,
    status,
    previousStatus: current?.status ?? "missing",
    revision,
    source,
    votes: numbers.votes,
    invalid: numbers.invalid,
    completeness,
    delta: {
      votes: Object.fromEntries(Object.entries(numbers.votes).map(([k, n]) => [k, n - (before[k] ?? 0)])),
      invalid: numbers.invalid - (current?.invalid ?? 0),
    },
  });
  audit({
    actorId: user.id,
    action,
    entity: `result:${tps.code}/${contest.code}`,
    before: current
      ? { status: current.status, votes: current.votes, invalid: current.invalid, revision: current.revision }
      : null,
    after: { status, ...numbers, revision, source, submissionId: id, reason },
  });
  return response;
}

// ---------------------------------------------------------------------------------------------------
// Verification

/**
 * A result is verified against its C.Hasil: without a photo of it (for the contest, or attached to one of
 * that TPS and contest's submissions) there is nothing to verify against, and the public page that shows
 * verified results with their photos would show a number nobody can check.
 */
async function requireC1Photo(tx: Db, { tps, contest }: { tps: TpsInfo; contest: Contest }) {
  const [{ found }] = await tx<[{ found: boolean }]>`
    select exists (
      select 1 from photos p
      where p.purpose = 'c1' and p.tps_code = ${tps.code}
        and (p.contest_code = ${contest.code} or p.quick_count_id in (
          select s.id from submissions s where s.tps_code = ${tps.code} and s.contest_code = ${contest.code}))
    ) as found`;
  if (!found) throw problem.conflict("no_photo", { tps: tps.code, contest: contest.name });
}

/** Marks the current result verified, or (submissionId) makes an earlier source's numbers current and verified. */
export async function verifyResult(
  ctx: WriteContext,
  {
    user,
    tpsCode,
    contest,
    submissionId,
    lang,
  }: {
    user: SessionUser;
    tpsCode: string;
    contest: string;
    submissionId?: string | null;
    lang: Lang;
  },
) {
  if (!can(user, "result:review")) throw problem.forbidden();
  await lockResult(ctx.tx, tpsCode);
  const target = await loadTarget(ctx.tx, { user, tpsCode, contest });
  const { tps, current } = target;
  if (!current) throw problem.conflict("no_result");
  if (current.status !== "verified" || submissionId) await requireC1Photo(ctx.tx, target);
  if (submissionId && submissionId !== current.submissionId) {
    const [chosen] = await ctx.tx<[(EntryNumbers & { source: Source; revision: number })?]>`
      select source, revision, votes, invalid, ballots_used, form, completeness from submissions
      where id = ${submissionId} and tps_code = ${tps.code} and contest_code = ${target.contest.code}`;
    if (!chosen) throw problem.invalidField("submissionId", "unknown_submission");
    return writeRevision(ctx, {
      user,
      ...target,
      source: chosen.source,
      status: "verified",
      action: "result.verify_source",
      numbers: {
        votes: chosen.votes,
        invalid: chosen.invalid,
        ballotsUsed: chosen.ballotsUsed ?? null,
        form: chosen.form,
        completeness: chosen.completeness,
      },
      reason: translate(lang, reviewMessages, "review.fromSource", {
        source: chosen.source,
        revision: chosen.revision,
      }),
    });
  }
  if (current.status === "verified")
    return { id: current.submissionId, status: "verified" as const, revision: current.revision };
  await ctx.tx`update results set status = 'verified', updated_at = now() where tps_code = ${tps.code} and contest_code = ${target.contest.code}`;
  ctx.emit("result:updated", tps.kelurahanCode, {
    tpsCode: tps.code,
    contest: target.contest.code,
    status: "verified",
    previousStatus: current.status,
    revision: current.revision,
    source: current.source,
    votes: current.votes,
    invalid: current.invalid,
    completeness: current.completeness,
    delta: { votes: {}, invalid: 0 },
  });
  ctx.audit({
    actorId: user.id,
    action: "result.verify",
    entity: `result:${tps.code}/${target.contest.code}`,
    before: { status: current.status },
    after: { status: "verified", revision: current.revision },
  });
  return { id: current.submissionId, status: "verified" as const, revision: current.revision };
}

/** A correction: a new revision with the reason, verified; the original stays in the history. */
export async function correctResult(
  ctx: WriteContext,
  {
    user,
    body,
    reason,
    source,
    lang,
  }: {
    user: SessionUser;
    body: QuickCountBody;
    reason: string;
    source: Source;
    lang: Lang;
  },
) {
  if (!can(user, "result:review")) throw problem.forbidden();
  if (reason.trim().length < 5) throw problem.invalidField("reason", "required", undefined, "review.reasonRequired");
  await lockResult(ctx.tx, body.tpsCode);
  const target = await loadTarget(ctx.tx, { user, tpsCode: body.tpsCode, contest: body.contest });
  // Idempotent as every other write: a retry gets the first answer, the same id with other numbers, another
  // reason or another TPS is a conflict (it would otherwise be dropped without a word).
  const hash = bodyHash({ ...body, capturedAt: undefined, source, reason: reason.trim() });
  const [dup] = await ctx.tx<[{ response: ReviewAnswer; bodyHash: string; tpsCode: string }?]>`
    select response, body_hash, tps_code from submissions where id = ${body.id}`;
  if (dup) {
    if (dup.bodyHash === hash && dup.tpsCode === target.tps.code) return dup.response;
    throw problem.idConflict();
  }
  await requireC1Photo(ctx.tx, target);
  // The reason also answers the C1 warnings: a supervisor who corrects has looked at the numbers.
  const { numbers, warnings } = checkResultNumbers(lang, {
    tps: target.tps,
    contest: target.contest,
    body: { ...body, justification: body.justification || reason },
    previous: null,
  });
  return writeRevision(ctx, {
    user,
    ...target,
    id: body.id,
    source,
    numbers,
    warnings,
    status: "verified",
    reason: reason.trim(),
    action: "result.correct",
    hash,
  });
}

// ---------------------------------------------------------------------------------------------------
// Blind double entry

/** One keying of a paper/phone/radio form. First: waits for a second operator. Second (another person):
 *  equal -> consolidated into a submission; different -> conflict for a supervisor. */
export async function submitPaperEntry(
  ctx: WriteContext,
  {
    user,
    body,
    source,
    lang,
  }: {
    user: SessionUser;
    body: QuickCountBody;
    source: PaperSource;
    lang: Lang;
  },
): Promise<{
  httpStatus: 200 | 201;
  body: { formId: string; state: PaperState; round: 1 | 2; status?: ResultStatus };
}> {
  if (!can(user, "paper:enter")) throw problem.forbidden();
  const { tx } = ctx;
  await lockResult(tx, body.tpsCode);
  const hash = bodyHash({ ...body, capturedAt: undefined, source });
  const [existing] = await tx<[StoredEntry?]>`
    select e.author_id, e.body_hash, e.round, f.id as form_id, f.status from paper_entries e join paper_forms f on f.id = e.form_id where e.id = ${body.id}`;
  if (existing) {
    if (existing.authorId === user.id && existing.bodyHash === hash) {
      return { httpStatus: 200, body: { formId: existing.formId, state: existing.status, round: existing.round } };
    }
    throw problem.idConflict();
  }
  const target = await loadTarget(tx, { user, tpsCode: body.tpsCode, contest: body.contest });
  // The form's state first: a locked form or a second keying by the same person is refused whatever the numbers.
  const [form] = await tx<[PaperFormRow?]>`
    select id, status, source from paper_forms
    where tps_code = ${target.tps.code} and contest_code = ${target.contest.code} and status in ('awaiting_second', 'conflict')
    for update`;
  if (form?.status === "conflict") throw problem.conflict("paper_conflict");
  const [first] = form
    ? await tx<
        [FirstEntry]
      >`select author_id, votes, invalid, ballots_used, form, justification from paper_entries where form_id = ${form.id} and round = 1`
    : [];
  if (first && first.authorId === user.id) throw problem.conflict("same_operator");
  if (form && form.source !== source) throw problem.invalidField("source", "source_mismatch");
  const previous = target.current ? { votes: target.current.votes, invalid: target.current.invalid } : null;
  // The same context as the officer's submission (previous revision, other ballots): the same verdict.
  const otherBallots = await otherBallotsAt(tx, { tpsCode: target.tps.code, contest: target.contest.code });
  const { numbers, status, warnings } = checkResultNumbers(lang, {
    tps: target.tps,
    contest: target.contest,
    body,
    previous,
    otherBallots,
  });
  const entry = (formId: string, round: 1 | 2) => tx`
    insert into paper_entries (id, form_id, round, author_id, votes, invalid, ballots_used, form, justification, body_hash)
    values (${body.id}, ${formId}, ${round}, ${user.id}, ${tx.json(numbers.votes)}, ${numbers.invalid}, ${numbers.ballotsUsed},
      ${numbers.form ? tx.json(numbers.form as never) : null}, ${body.justification?.trim() || null}, ${hash})`;
  const paperEvent = (formId: string, state: PaperState) =>
    ctx.emit("paper:updated", target.tps.kelurahanCode, {
      formId,
      tpsCode: target.tps.code,
      contest: target.contest.code,
      state,
    });

  if (!form) {
    const formId = randomUUID();
    await tx`insert into paper_forms (id, tps_code, contest_code, source, status) values (${formId}, ${target.tps.code}, ${target.contest.code}, ${source}, 'awaiting_second')`;
    await entry(formId, 1);
    paperEvent(formId, "awaiting_second");
    ctx.audit({
      actorId: user.id,
      action: "paper.first_entry",
      entity: `paper:${formId}`,
      before: null,
      after: { tpsCode: target.tps.code, contest: target.contest.code, source, ...numbers },
    });
    return { httpStatus: 201, body: { formId, state: "awaiting_second", round: 1 } };
  }
  await entry(form.id, 2);
  const firstEntry = first!; // a form waiting for its second keying always holds its first
  const firstNumbers: Numbers = {
    votes: firstEntry.votes,
    invalid: firstEntry.invalid,
    ballotsUsed: firstEntry.ballotsUsed ?? null,
    form: firstEntry.form,
  };
  if (!sameNumbers(firstNumbers, numbers)) {
    await tx`update paper_forms set status = 'conflict', updated_at = now() where id = ${form.id}`;
    paperEvent(form.id, "conflict");
    ctx.audit({
      actorId: user.id,
      action: "paper.second_entry",
      entity: `paper:${form.id}`,
      before: { state: "awaiting_second" },
      after: { state: "conflict", tpsCode: target.tps.code, contest: target.contest.code, ...numbers },
    });
    return { httpStatus: 201, body: { formId: form.id, state: "conflict", round: 2 } };
  }
  // Equal: one submission. If the result already holds other numbers from another channel, the sources disagree.
  const disagrees = target.current && target.current.source !== source && !sameSectionIv(target.current, numbers);
  const resultStatus: ResultStatus = disagrees ? "conflict" : status;
  const written = await writeRevision(ctx, {
    user,
    ...target,
    source,
    numbers,
    warnings,
    status: resultStatus,
    action: "paper.consolidate",
    justification: body.justification?.trim() || firstEntry.justification || null,
  });
  await tx`update paper_forms set status = 'consolidated', submission_id = ${written.id}, updated_at = now() where id = ${form.id}`;
  paperEvent(form.id, "consolidated");
  return { httpStatus: 201, body: { formId: form.id, state: "consolidated", round: 2, status: resultStatus } };
}

/** A supervisor settles a paper conflict: entry 1, entry 2, or the numbers they read on the form. */
export async function resolvePaperConflict(
  ctx: WriteContext,
  {
    user,
    formId,
    choice,
    body,
    note,
    lang,
  }: {
    user: SessionUser;
    formId: string;
    choice: "first" | "second" | "custom";
    body?: QuickCountBody;
    note: string;
    lang: Lang;
  },
) {
  if (!can(user, "paper:resolve")) throw problem.forbidden({ key: "paper.supervisorOnly" });
  const { tx } = ctx;
  const [form] = await tx<
    [(PaperFormRow & { tpsCode: string; contestCode: string })?]
  >`select id, tps_code, contest_code, source, status from paper_forms where id = ${formId}`;
  if (!form) throw problem.notFound();
  await lockResult(tx, form.tpsCode);
  const target = await loadTarget(tx, { user, tpsCode: form.tpsCode, contest: form.contestCode });
  const [locked] = await tx<[{ status: PaperState }]>`select status from paper_forms where id = ${formId} for update`;
  if (locked.status !== "conflict") throw problem.conflict("not_conflict");
  if (note.trim().length < 5) throw problem.invalidField("note", "required", undefined, "review.reasonRequired");
  await requireC1Photo(tx, target);
  let numbers: Numbers;
  let warnings: unknown[] = [];
  if (choice === "custom") {
    if (!body) throw problem.invalidField("votes", "required");
    ({ numbers, warnings } = checkResultNumbers(lang, {
      tps: target.tps,
      contest: target.contest,
      body: { ...body, justification: body.justification || note },
      previous: null,
    }));
  } else {
    const [e] = await tx<
      [EntryNumbers]
    >`select votes, invalid, ballots_used, form from paper_entries where form_id = ${formId} and round = ${choice === "first" ? 1 : 2}`;
    numbers = { votes: e.votes, invalid: e.invalid, ballotsUsed: e.ballotsUsed ?? null, form: e.form };
  }
  const written = await writeRevision(ctx, {
    user,
    ...target,
    source: form.source,
    numbers,
    warnings,
    status: "verified",
    reason: note.trim(),
    action: "paper.resolve",
  });
  await tx`
    update paper_forms set status = 'resolved', submission_id = ${written.id}, resolved_by = ${user.id}, resolution_note = ${note.trim()}, updated_at = now()
    where id = ${formId}`;
  ctx.emit("paper:updated", target.tps.kelurahanCode, {
    formId,
    tpsCode: target.tps.code,
    contest: target.contest.code,
    state: "resolved",
  });
  return { formId, state: "resolved" as const, status: "verified" as const, revision: written.revision };
}

/** One reviewer action, shared by the API (POST /api/v1/reviews) and the verification screen. */
export async function runReview(
  ctx: WriteContext,
  { user, body, lang }: { user: SessionUser; body: ReviewBody; lang: Lang },
): Promise<Record<string, unknown>> {
  switch (body.action) {
    case "verify":
      return verifyResult(ctx, {
        user,
        tpsCode: body.tpsCode,
        contest: body.contest,
        submissionId: body.submissionId,
        lang,
      });
    case "correct":
      return correctResult(ctx, { user, body, reason: body.reason, source: body.source, lang });
    case "resolve_paper":
      return resolvePaperConflict(ctx, {
        user,
        formId: body.formId,
        choice: body.choice,
        body: body.values,
        note: body.note,
        lang,
      });
  }
}

// ---------------------------------------------------------------------------------------------------
// Reading

interface QueueRow {
  kind: "result" | "paper";
  tpsCode: string;
  contestCode: string;
  status: ResultStatus | "paper_conflict";
  updatedAt: Date;
  formId: string | null;
}

/** The review queue: conflicting and flagged results and paper conflicts, inside a scope (null = all). */
export async function reviewQueue(sql: Db, { scope }: { scope: string | null }) {
  const area = (column: string) => insideArea(sql, column, scope);
  const rows = await sql<QueueRow[]>`
    select 'result' as kind, r.tps_code, r.contest_code, r.status, r.updated_at, null::uuid as form_id
    from results r join tps t on t.code = r.tps_code
    where r.status in ('flagged', 'conflict') and ${area("t.kelurahan_code")}
    union all
    select 'paper', f.tps_code, f.contest_code, 'paper_conflict', f.updated_at, f.id
    from paper_forms f join tps t on t.code = f.tps_code
    where f.status = 'conflict' and ${area("t.kelurahan_code")}
    order by 4 desc, 5
    limit 500`;
  return rows.map((r) => ({
    kind: r.kind,
    tpsCode: r.tpsCode,
    contest: r.contestCode,
    status: r.status,
    updatedAt: r.updatedAt.toISOString(),
    formId: r.formId,
  }));
}

interface RevisionRow {
  id: string;
  source: Source;
  revision: number;
  votes: Record<string, number>;
  invalid: number;
  ballotsUsed: number | null;
  justification: string | null;
  reason: string | null;
  warnings: { message: string }[];
  capturedAt: Date;
  receivedAt: Date;
  author: string;
}

/** Everything a reviewer compares for one TPS and contest: current result, every revision, open paper entries. */
export async function reviewDetail(sql: Db, { tpsCode, contest }: { tpsCode: string; contest: string }) {
  const [current] = await sql<
    [Pick<CurrentResult, "status" | "submissionId" | "votes" | "invalid">?]
  >`select status, submission_id, votes, invalid from results where tps_code = ${tpsCode} and contest_code = ${contest}`;
  const revisions = await sql<RevisionRow[]>`
    select s.id, s.source, s.revision, s.votes, s.invalid, s.ballots_used, s.justification, s.reason, s.warnings,
      s.captured_at, s.received_at, u.name as author
    from submissions s join users u on u.id = s.author_id
    where s.tps_code = ${tpsCode} and s.contest_code = ${contest} order by s.revision desc`;
  const [form] = await sql<[PaperFormRow?]>`
    select f.id, f.status, f.source from paper_forms f
    where f.tps_code = ${tpsCode} and f.contest_code = ${contest} and f.status in ('awaiting_second', 'conflict')`;
  const entries =
    form?.status === "conflict"
      ? await sql<(EntryNumbers & { round: number; createdAt: Date; author: string })[]>`
    select e.round, e.votes, e.invalid, e.ballots_used, e.created_at, u.name as author
    from paper_entries e join users u on u.id = e.author_id where e.form_id = ${form.id} order by e.round`
      : [];
  return {
    current: current
      ? {
          status: current.status,
          submissionId: current.submissionId,
          votes: current.votes,
          invalid: current.invalid,
        }
      : null,
    revisions: revisions.map((r) => ({
      ...r,
      capturedAt: r.capturedAt.toISOString(),
      receivedAt: r.receivedAt.toISOString(),
    })),
    paper: form
      ? {
          formId: form.id,
          state: form.status,
          source: form.source,
          // Entries are shown only once they conflict: before that the second keying must stay blind.
          entries: entries.map((e) => ({
            round: e.round,
            votes: e.votes,
            invalid: e.invalid,
            ballotsUsed: e.ballotsUsed ?? null,
            author: e.author,
            at: e.createdAt.toISOString(),
          })),
        }
      : null,
  };
}

/** The paper form of a TPS and contest still open for keying or a decision, with who keyed it first. */
export async function openPaperForm(sql: Db, { tpsCode, contest }: { tpsCode: string; contest: string }) {
  const [row] = await sql<{ status: PaperState; source: PaperSource; authorId: number }[]>`
    select f.status, f.source, e.author_id from paper_forms f join paper_entries e on e.form_id = f.id and e.round = 1
    where f.tps_code = ${tpsCode} and f.contest_code = ${contest} and f.status in ('awaiting_second', 'conflict')`;
  return row ?? null;
}
