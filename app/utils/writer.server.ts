// Every change goes through the writer. It runs concurrent writes together in one transaction (group
// commit): writes that name their lock key (WriteOptions.key: quick counts, incident reports) side by side
// with their queries pipelined, the others one after another, each in its own savepoint so one bad write
// fails alone. At the end it takes the event_head row lock to number the batch's events gap-free and to
// extend the audit hash chain. The lock is held
// only for that last step and the commit, not for the writes, and one commit serves the whole batch:
// the sequence does not turn every write into one-commit-at-a-time (bench: `npm run bench`).
import type { Sql, TransactionSql } from "postgres";
import type { EventPayloads, EventType } from "~/lib/events";
import type { AuditKey } from "./audit-key.server";
import {
  appendToLog,
  type AuditChain,
  type AuditEntry,
  type CommittedEvent,
  type PendingEvent,
} from "./event-log.server";
import { isCallerProblem } from "./problem-answer.server";

export type { AuditEntry, CommittedEvent };

export type Tx = TransactionSql;

export interface WriteContext {
  tx: Tx;
  now: Date;
  /** Appends an event, delivered live once the batch commits. region: the kelurahan (or other) region code. */
  emit<K extends EventType>(type: K, region: string | null, data: EventPayloads[K]): void;
  audit(entry: AuditEntry): void;
}

export interface WriteOptions {
  /**
   * The lock key the job takes first (lockKey). Jobs with different keys in one batch run side by side,
   * their queries pipelined on the batch's connection, instead of one after another: a batch then costs a
   * few round trips instead of two per job (bench: the writer's throughput under load). Side by side there is
   * no savepoint per job, so a job may only refuse (an error with a 4xx `status`, or a busy lock) before its
   * first write; any other failure (a database error, a bug) runs the batch again one job at a time, each in
   * its savepoint, where that job fails alone. A job whose key a running batch holds waits for that batch.
   */
  key?: string;
}

export interface Writer {
  write<T>(job: (ctx: WriteContext) => Promise<T>, options?: WriteOptions): Promise<T>;
  /** Waits for queued writes, then refuses new ones. */
  close(): Promise<void>;
  /** Counters since start (for `npm run bench`): how many writes shared one commit. */
  stats(): WriterStats;
}

export interface WriterStats {
  commits: number;
  writes: number;
  events: number;
  largestBatch: number;
  retried: number;
}

interface Job {
  run: (ctx: WriteContext) => Promise<unknown>;
  key?: string;
  /** When the job was queued first (Date.now()), for RETRY_WINDOW_MS. */
  queuedAt: number;
  /** A lock key another batch of this writer held when the job last ran: it runs again once that batch is done. */
  waitFor?: string;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Thrown out of a batch whose side-by-side jobs failed otherwise than by refusing: it runs again, one job at a time. */
class SideBySideFailed extends Error {}

/** Deadlock, lock not available or serialization failure: the job was rolled back, a retry can pass. */
const isLockConflict = (error: unknown) =>
  ["40P01", "55P03", "40001"].includes((error as { code?: string })?.code ?? "");
/** A job's answer to its client (a problem of the caller's) or a busy lock: thrown before any write, nothing to undo. */
const isRefusal = (error: unknown) =>
  isCallerProblem(error) || (isLockConflict(error) && (error as { name?: string }).name !== "PostgresError");
/**
 * How long a job that keeps meeting a busy lock is run again before the client gets a 503 (and retries).
 * A count of attempts was too few under bursts on one TPS: fresh jobs in the other lane can take the lock
 * first several times in a row. Time bounds the wait instead; a retried job goes to the front of the queue.
 */
const RETRY_WINDOW_MS = 15_000;

/**
 * Takes a transaction-scoped advisory lock on `key` without waiting. A job that finds it held by another
 * batch (another lane or node) fails with 55P03 and the writer runs it again in a later batch: batches never
 * wait on each other's locks, so they cannot deadlock. Re-entrant within one batch.
 */
export async function lockKey(tx: Tx, key: string) {
  const [row] = await tx`select pg_try_advisory_xact_lock(hashtext(${key})) as locked`;
  if (!row.locked) throw Object.assign(new Error(`busy: ${key}, try again`), { code: "55P03", key });
  heldKeys.get(tx)?.add(key);
}

/** The keys each running batch's transaction holds (lockKey): a job that met one waits for that batch to end. */
const heldKeys = new WeakMap<object, Set<string>>();

export function createWriter(options: {
  sql: Sql;
  onCommit: (events: CommittedEvent[]) => void;
  /** Keys the audit hash chain (app/utils/audit-key.server.ts). */
  auditKey: AuditKey;
  /** Batches run side by side; their seq step is serialised by the event_head lock. */
  lanes?: number;
  maxBatch?: number;
  /** How many writes must wait before another lane starts beside a running batch. */
  anotherLaneAt?: number;
}): Writer {
  const { sql, onCommit, lanes = 2, maxBatch = 200, anotherLaneAt = 16 } = options;
  const chain: AuditChain = { key: options.auditKey, keyed: false };
  let queue: Job[] = [];
  let running = 0;
  const runningKeys = new Set<Set<string>>();
  let closed = false;
  let idle: (() => void) | null = null;
  const counters: WriterStats = { commits: 0, writes: 0, events: 0, largestBatch: 0, retried: 0 };

  const busy = (key: string | undefined) => !!key && [...runningKeys].some((keys) => keys.has(key));

  /** The next batch: queued jobs in order, except those waiting for a key a running batch still holds. */
  function take(): Job[] {
    if (running === 0 && !queue.some((job) => job.waitFor)) return queue.splice(0, maxBatch);
    const batch: Job[] = [];
    const rest: Job[] = [];
    for (const job of queue) (batch.length < maxBatch && !busy(job.waitFor) && !busy(job.key) ? batch : rest).push(job);
    queue = rest;
    return batch;
  }

  function pump() {
    while (running < lanes) {
      // Group commit: while a batch runs, a few new writes wait for it instead of paying a commit of their
      // own in another lane (bench at 500/s: a third of the commits, 12 % less CPU in Pantau and 25 % less
      // in PostgreSQL per quick count, same p99); a longer queue starts the next lane at once.
      if (running > 0 && queue.length < anotherLaneAt) break;
      const batch = take();
      if (!batch.length) break;
      const keys = new Set<string>(batch.flatMap((job) => (job.key ? [job.key] : [])));
      runningKeys.add(keys);
      running++;
      runBatch(batch, keys).finally(() => {
        running--;
        runningKeys.delete(keys);
        if (queue.length > 0) pump();
        else if (running === 0) idle?.();
      });
    }
  }

  /** Runs one batch in one transaction, then answers each job (or queues it again after a busy lock). */
  async function runBatch(batch: Job[], keys: Set<string>, sideBySide = true): Promise<void> {
    let recorder!: JobRecorder;
    let committed: CommittedEvent[];
    try {
      committed = await sql.begin(async (tx) => {
        recorder = recordJobs(batch, keys);
        if (sideBySide) await runSideBySide(tx, batch, recorder);
        await runOneByOne(tx, batch, recorder);
        const { events, audits } = recorder.recorded();
        if (events.length === 0 && audits.length === 0) return [];
        return appendToLog(tx, events, audits, chain);
      });
    } catch (error) {
      // Rolled back, nothing of the batch was written. A side-by-side job met a database error (say a unique
      // violation): run the batch again one job at a time, where that job fails alone.
      if (error instanceof SideBySideFailed) return runBatch(batch, keys, false);
      // The transaction itself failed (database down, serialization).
      for (const job of batch) job.reject(error);
      return;
    }
    settle(batch, recorder.outcomes, committed);
  }

  function settle(batch: Job[], outcomes: Outcome[], committed: CommittedEvent[]) {
    counters.commits++;
    counters.writes += batch.length;
    counters.events += committed.length;
    counters.largestBatch = Math.max(counters.largestBatch, batch.length);
    batch.forEach((job, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) job.resolve(outcome.value);
      else if (outcome.retry) {
        job.waitFor = (outcome.error as { key?: string }).key;
        counters.retried++;
        queue.unshift(job);
      } else job.reject(outcome.error);
    });
    if (committed.length) onCommit(committed);
  }

  return {
    write<T>(run: (ctx: WriteContext) => Promise<T>, options: WriteOptions = {}) {
      if (closed) return Promise.reject(new Error("writer closed"));
      return new Promise<T>((resolve, reject) => {
        queue.push({ run, key: options.key, queuedAt: Date.now(), resolve: resolve as (v: unknown) => void, reject });
        pump();
      });
    },
    stats: () => ({ ...counters }),
    async close() {
      closed = true;
      if (running === 0 && queue.length === 0) return;
      await new Promise<void>((resolve) => (idle = resolve));
    },
  };
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown; retry?: boolean };
type JobRecorder = ReturnType<typeof recordJobs>;

/** Runs the jobs of one batch and keeps what each emitted and audited, and how it ended. */
function recordJobs(batch: Job[], keys: Set<string>) {
  const now = new Date();
  const outcomes: Outcome[] = [];
  const jobEvents: PendingEvent[][] = batch.map(() => []);
  const jobAudits: AuditEntry[][] = batch.map(() => []);
  return {
    outcomes,
    run(i: number, tx: Tx) {
      heldKeys.set(tx, keys);
      return batch[i].run({
        tx,
        now,
        emit: (type, region, data) => jobEvents[i].push({ type, region, data }),
        audit: (entry) => jobAudits[i].push(entry),
      });
    },
    passed(i: number, value: unknown) {
      outcomes[i] = { ok: true, value };
    },
    failed(i: number, error: unknown) {
      jobEvents[i] = [];
      jobAudits[i] = [];
      // A lock conflict with another batch (another lane or node) is not the job's fault: run it again
      // in a later batch, where it no longer meets the same lock.
      const retry = isLockConflict(error) && Date.now() - batch[i].queuedAt < RETRY_WINDOW_MS;
      outcomes[i] = { ok: false, error, retry };
    },
    recorded: () => ({ events: jobEvents.flat(), audits: jobAudits.flat() }),
  };
}

/** The keyed jobs, one per key, side by side (WriteOptions.key); any failure but a refusal aborts the batch. */
async function runSideBySide(tx: Tx, batch: Job[], recorder: JobRecorder) {
  const seen = new Set<string>();
  const together = batch.flatMap((job, i) => (job.key && !seen.has(job.key) && seen.add(job.key) ? [i] : []));
  let aborted = false;
  await Promise.all(
    together.map((i) =>
      recorder.run(i, tx).then(
        (value) => recorder.passed(i, value),
        (error) => {
          if (!isRefusal(error)) aborted = true;
          recorder.failed(i, error);
        },
      ),
    ),
  );
  if (aborted) throw new SideBySideFailed();
}

/**
 * Every job not yet run, one after another, each in its own savepoint so one bad write fails alone.
 * Through postgres.js's savepoint scope, not a plain SAVEPOINT statement: postgres.js fails a whole
 * transaction on any database error in its scope, even a caught one, and a savepoint scope confines
 * that to the savepoint. It names the k-th savepoint of a transaction `s<k>_job`; each is released
 * after a job that passes, so they do not pile up in PostgreSQL.
 */
async function runOneByOne(tx: Tx, batch: Job[], recorder: JobRecorder) {
  let savepoints = 0;
  for (let i = 0; i < batch.length; i++) {
    if (recorder.outcomes[i]) continue;
    const name = `s${savepoints++}_job`;
    try {
      const value = await tx.savepoint("job", (jobTx) => recorder.run(i, jobTx));
      tx.unsafe(`release savepoint ${name}`)
        .execute()
        .catch(() => {}); // a failure aborts the commit below
      recorder.passed(i, value);
    } catch (error) {
      recorder.failed(i, error);
    }
  }
}
