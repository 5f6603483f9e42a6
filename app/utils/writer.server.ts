// Every change goes through the writer. It runs concurrent writes together in one transaction (group
// commit), each in its own savepoint so one bad write fails alone, and at the end takes the event_head
// row lock to number the batch's events gap-free and to extend the audit hash chain. The lock is held
// only for that last step and the commit, not for the writes, and one commit serves the whole batch:
// the sequence does not turn every write into one-commit-at-a-time (bench: `npm run bench`).
import { createHash } from "node:crypto";
import type { Sql, TransactionSql } from "postgres";
import type { EventPayloads, EventType, LiveEvent } from "~/lib/events";

export type Tx = TransactionSql;

export interface AuditEntry {
  actorId: number | null;
  action: string;
  entity: string;
  before?: unknown;
  after?: unknown;
}

export interface WriteContext {
  tx: Tx;
  now: Date;
  /** Appends an event, delivered live once the batch commits. region: the kelurahan (or other) region code. */
  emit<K extends EventType>(type: K, region: string | null, data: EventPayloads[K]): void;
  audit(entry: AuditEntry): void;
}

export interface CommittedEvent { event: LiveEvent; region: string | null }

export interface Writer {
  write<T>(job: (ctx: WriteContext) => Promise<T>): Promise<T>;
  /** Waits for queued writes, then refuses new ones. */
  close(): Promise<void>;
  /** Counters since start (bench, issue 6): how many writes shared one commit. */
  stats(): WriterStats;
}

export interface WriterStats { commits: number; writes: number; events: number; largestBatch: number; retried: number }

interface Job {
  run: (ctx: WriteContext) => Promise<unknown>;
  attempts: number;
  /** When the job was queued first (Date.now()), for RETRY_WINDOW_MS. */
  queuedAt: number;
  /** A lock key another batch of this writer held when the job last ran: it runs again once that batch is done. */
  waitFor?: string;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export function auditHash(prevHash: string, row: { id: number; at: string; actorId: number | null; action: string; entity: string; before: unknown; after: unknown }) {
  return createHash("sha256")
    .update(prevHash)
    .update(canonicalJson([row.id, row.at, row.actorId, row.action, row.entity, row.before ?? null, row.after ?? null]))
    .digest("hex");
}

/** JSON with object keys sorted at every level: jsonb reorders keys, so the hash must not depend on order. */
export function canonicalJson(value: unknown): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sort)
    : v && typeof v === "object" ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])]))
    : v;
  return JSON.stringify(sort(JSON.parse(JSON.stringify(value ?? null))));
}

/** Deadlock, lock not available or serialization failure: the job was rolled back, a retry can pass. */
const isLockConflict = (error: unknown) => ["40P01", "55P03", "40001"].includes((error as { code?: string })?.code ?? "");
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

export const GENESIS_HASH = "0".repeat(64);

export function createWriter(options: {
  sql: Sql;
  onCommit: (events: CommittedEvent[]) => void;
  /** Batches run side by side; their seq step is serialised by the event_head lock. */
  lanes?: number;
  maxBatch?: number;
}): Writer {
  const { sql, onCommit, lanes = 2, maxBatch = 200 } = options;
  let queue: Job[] = [];
  let running = 0;
  const runningKeys = new Set<Set<string>>();
  let closed = false;
  let idle: (() => void) | null = null;
  const counters: WriterStats = { commits: 0, writes: 0, events: 0, largestBatch: 0, retried: 0 };

  const busy = (key: string | undefined) => !!key && [...runningKeys].some((keys) => keys.has(key));

  /** The next batch: queued jobs in order, except those waiting for a key a running batch still holds. */
  function take(): Job[] {
    if (!queue.some((job) => job.waitFor)) return queue.splice(0, maxBatch);
    const batch: Job[] = [];
    const rest: Job[] = [];
    for (const job of queue) (batch.length < maxBatch && !busy(job.waitFor) ? batch : rest).push(job);
    queue = rest;
    return batch;
  }

  function pump() {
    while (running < lanes) {
      const batch = take();
      if (!batch.length) break;
      const keys = new Set<string>();
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

  async function runBatch(batch: Job[], keys: Set<string>) {
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown; retry?: boolean })[] = [];
    let committed: CommittedEvent[] = [];
    try {
      committed = await sql.begin(async (tx) => {
        heldKeys.set(tx, keys);
        const now = new Date();
        const pendingEvents: { type: string; region: string | null; data: unknown }[] = [];
        const pendingAudit: AuditEntry[] = [];
        for (const job of batch) {
          const events: typeof pendingEvents = [];
          const audits: AuditEntry[] = [];
          // The savepoint and its release travel pipelined with the job's own queries (postgres.js sends
          // them in call order): a job that succeeds costs no extra round trip, a failed one a rollback.
          const savepoint = tx.unsafe("savepoint job").execute();
          try {
            const value = await job.run({
              tx,
              now,
              emit: (type, region, data) => events.push({ type, region, data }),
              audit: (entry) => audits.push(entry),
            });
            await savepoint;
            tx.unsafe("release savepoint job").execute().catch(() => {}); // a failure aborts the commit below
            pendingEvents.push(...events);
            pendingAudit.push(...audits);
            outcomes.push({ ok: true, value });
          } catch (error) {
            await savepoint.catch(() => {});
            await tx.unsafe("rollback to savepoint job");
            // A lock conflict with another batch (another lane or node) is not the job's fault: run it again
            // in a later batch, where it no longer meets the same lock.
            if (isLockConflict(error) && Date.now() - job.queuedAt < RETRY_WINDOW_MS) outcomes.push({ ok: false, error, retry: true });
            else outcomes.push({ ok: false, error });
          }
        }
        if (pendingEvents.length === 0 && pendingAudit.length === 0) return [];

        // The serial step: number events and chain audit rows under the event_head lock. Two pipelined round
        // trips (the reads, then the inserts) keep the lock short.
        const [[head], [last]] = await Promise.all([
          tx`update event_head set seq = seq + ${pendingEvents.length} returning seq, now() as at`,
          pendingAudit.length ? tx`select id, hash from audit_log order by id desc limit 1` : Promise.resolve([]),
        ]);
        const firstSeq = (head.seq as number) - pendingEvents.length + 1;
        const atText = (head.at as Date).toISOString();
        const rows = pendingEvents.map((e, i) => ({ seq: firstSeq + i, type: e.type, at: head.at, region: e.region, data: e.data }));
        let prevHash = (last?.hash as string) ?? GENESIS_HASH;
        let id = (last?.id as number) ?? 0;
        const auditRows = pendingAudit.map((a) => {
          id += 1;
          const row = { id, at: atText, actorId: a.actorId, action: a.action, entity: a.entity, before: a.before ?? null, after: a.after ?? null };
          const hash = auditHash(prevHash, row);
          const out = { ...row, at: head.at, before: tx.json(row.before as never), after: tx.json(row.after as never), prevHash, hash };
          prevHash = hash;
          return out;
        });
        await Promise.all([
          rows.length ? tx`insert into events ${tx(rows.map((r) => ({ ...r, data: tx.json(r.data as never) })))}` : null,
          auditRows.length ? tx`insert into audit_log ${tx(auditRows)}` : null,
        ]);
        return rows.map((r) => ({
          region: r.region,
          event: { seq: r.seq, type: r.type, at: atText, data: r.data } as LiveEvent,
        }));
      });
    } catch (error) {
      // The transaction itself failed (database down, serialization): no write of the batch happened.
      for (const job of batch) job.reject(error);
      return;
    }
    counters.commits++;
    counters.writes += batch.length;
    counters.events += committed.length;
    counters.largestBatch = Math.max(counters.largestBatch, batch.length);
    batch.forEach((job, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) job.resolve(outcome.value);
      else if (outcome.retry) {
        job.attempts++;
        job.waitFor = (outcome.error as { key?: string }).key;
        counters.retried++;
        queue.unshift(job);
      }
      else job.reject(outcome.error);
    });
    if (committed.length) onCommit(committed);
  }

  return {
    write<T>(run: (ctx: WriteContext) => Promise<T>) {
      if (closed) return Promise.reject(new Error("writer closed"));
      return new Promise<T>((resolve, reject) => {
        queue.push({ run, attempts: 0, queuedAt: Date.now(), resolve: resolve as (v: unknown) => void, reject });
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
