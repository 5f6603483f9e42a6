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
}

interface Job {
  run: (ctx: WriteContext) => Promise<unknown>;
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

export const GENESIS_HASH = "0".repeat(64);

export function createWriter(options: {
  sql: Sql;
  onCommit: (events: CommittedEvent[]) => void;
  /** Batches run side by side; their seq step is serialised by the event_head lock. */
  lanes?: number;
  maxBatch?: number;
}): Writer {
  const { sql, onCommit, lanes = 2, maxBatch = 200 } = options;
  const queue: Job[] = [];
  let running = 0;
  let closed = false;
  let idle: (() => void) | null = null;

  function pump() {
    while (running < lanes && queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      running++;
      runBatch(batch).finally(() => {
        running--;
        if (queue.length > 0) pump();
        else if (running === 0) idle?.();
      });
    }
  }

  async function runBatch(batch: Job[]) {
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    let committed: CommittedEvent[] = [];
    try {
      committed = await sql.begin(async (tx) => {
        const now = new Date();
        const pendingEvents: { type: string; region: string | null; data: unknown }[] = [];
        const pendingAudit: AuditEntry[] = [];
        for (const job of batch) {
          const events: typeof pendingEvents = [];
          const audits: AuditEntry[] = [];
          try {
            const value = await tx.savepoint((sp) =>
              job.run({
                tx: sp as unknown as Tx,
                now,
                emit: (type, region, data) => events.push({ type, region, data }),
                audit: (entry) => audits.push(entry),
              }),
            );
            pendingEvents.push(...events);
            pendingAudit.push(...audits);
            outcomes.push({ ok: true, value });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
        if (pendingEvents.length === 0 && pendingAudit.length === 0) return [];

        // The serial step: number events and chain audit rows under the event_head lock.
        const [head] = await tx`update event_head set seq = seq + ${pendingEvents.length} returning seq`;
        const firstSeq = (head.seq as number) - pendingEvents.length + 1;
        const [at] = await tx`select now() as at`;
        const atText = (at.at as Date).toISOString();
        const rows = pendingEvents.map((e, i) => ({ seq: firstSeq + i, type: e.type, at: at.at, region: e.region, data: e.data }));
        if (rows.length) {
          await tx`insert into events ${tx(rows.map((r) => ({ ...r, data: tx.json(r.data as never) })))}`;
        }
        if (pendingAudit.length) {
          const [last] = await tx`select id, hash from audit_log order by id desc limit 1`;
          let prevHash = (last?.hash as string) ?? GENESIS_HASH;
          let id = (last?.id as number) ?? 0;
          const auditRows = pendingAudit.map((a) => {
            id += 1;
            const row = { id, at: atText, actorId: a.actorId, action: a.action, entity: a.entity, before: a.before ?? null, after: a.after ?? null };
            const hash = auditHash(prevHash, row);
            const out = { ...row, at: at.at, before: tx.json(row.before as never), after: tx.json(row.after as never), prevHash, hash };
            prevHash = hash;
            return out;
          });
          await tx`insert into audit_log ${tx(auditRows)}`;
        }
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
    batch.forEach((job, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    });
    if (committed.length) onCommit(committed);
  }

  return {
    write<T>(run: (ctx: WriteContext) => Promise<T>) {
      if (closed) return Promise.reject(new Error("writer closed"));
      return new Promise<T>((resolve, reject) => {
        queue.push({ run, resolve: resolve as (v: unknown) => void, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      if (running === 0 && queue.length === 0) return;
      await new Promise<void>((resolve) => (idle = resolve));
    },
  };
}
