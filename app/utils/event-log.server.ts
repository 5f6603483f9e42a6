// The serial end of every write batch: events get their gap-free sequence numbers and audit rows extend the
// hash chain, under the event_head row lock. Kept apart from the writer's queueing so the numbering and
// hashing rules can be read (and checked by the audit verifier) on their own.
import { createHash } from "node:crypto";
import type { LiveEvent } from "~/lib/events";
import type { TransactionSql as Tx } from "postgres";

/** What a write records in the audit log; the log adds the id, the time and the hash chain. */
export interface AuditEntry {
  actorId: number | null;
  action: string;
  entity: string;
  before?: unknown;
  after?: unknown;
}

export interface CommittedEvent {
  event: LiveEvent;
  region: string | null;
}

export const GENESIS_HASH = "0".repeat(64);

export interface PendingEvent {
  type: string;
  region: string | null;
  data: unknown;
}

export function auditHash(
  prevHash: string,
  row: {
    id: number;
    at: string;
    actorId: number | null;
    action: string;
    entity: string;
    before: unknown;
    after: unknown;
  },
) {
  return createHash("sha256")
    .update(prevHash)
    .update(canonicalJson([row.id, row.at, row.actorId, row.action, row.entity, row.before ?? null, row.after ?? null]))
    .digest("hex");
}

/** JSON with object keys sorted at every level: jsonb reorders keys, so the hash must not depend on order. */
export function canonicalJson(value: unknown): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v && typeof v === "object"
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
          )
        : v;
  return JSON.stringify(sort(JSON.parse(JSON.stringify(value ?? null))));
}

/**
 * Numbers a batch's events and chains its audit rows, then inserts both. Two pipelined round trips (the
 * reads, then the inserts) keep the event_head lock, which the first statement takes, short.
 */
export async function appendToLog(tx: Tx, events: PendingEvent[], audits: AuditEntry[]): Promise<CommittedEvent[]> {
  const [[head], [last]] = await Promise.all([
    tx`update event_head set seq = seq + ${events.length} returning seq, now() as at`,
    audits.length ? tx`select id, hash from audit_log order by id desc limit 1` : Promise.resolve([]),
  ]);
  const firstSeq = (head.seq as number) - events.length + 1;
  const atText = (head.at as Date).toISOString();
  const rows = events.map((e, i) => ({ seq: firstSeq + i, type: e.type, at: head.at, region: e.region, data: e.data }));
  const auditRows = chainAudit(tx, audits, {
    prevHash: (last?.hash as string) ?? GENESIS_HASH,
    lastId: (last?.id as number) ?? 0,
    at: head.at as Date,
  });
  await Promise.all([
    rows.length ? tx`insert into events ${tx(rows.map((r) => ({ ...r, data: tx.json(r.data as never) })))}` : null,
    auditRows.length ? tx`insert into audit_log ${tx(auditRows)}` : null,
  ]);
  return rows.map((r) => ({
    region: r.region,
    event: { seq: r.seq, type: r.type, at: atText, data: r.data } as LiveEvent,
  }));
}

/** The audit rows to insert after the last one, each hashed over its predecessor's hash. */
function chainAudit(tx: Tx, audits: AuditEntry[], start: { prevHash: string; lastId: number; at: Date }) {
  const atText = start.at.toISOString();
  let prevHash = start.prevHash;
  let id = start.lastId;
  return audits.map((a) => {
    id += 1;
    const row = {
      id,
      at: atText,
      actorId: a.actorId,
      action: a.action,
      entity: a.entity,
      before: a.before ?? null,
      after: a.after ?? null,
    };
    const hash = auditHash(prevHash, row);
    const out = {
      ...row,
      at: start.at,
      before: tx.json(row.before as never),
      after: tx.json(row.after as never),
      prevHash,
      hash,
    };
    prevHash = hash;
    return out;
  });
}
