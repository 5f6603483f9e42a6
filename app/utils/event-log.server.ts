// The serial end of every write batch: events get their gap-free sequence numbers and audit rows extend the
// hash chain, under the event_head row lock. Kept apart from the writer's queueing so the numbering and
// hashing rules can be read (and checked by the audit verifier) on their own.
// The chain is keyed (HMAC under the audit key, app/utils/audit-key.server.ts) from row 1, or on an older
// install from its `audit.keyed` row on, the rows before it hashed without a key
// (docs/decisions/031-keyed-audit-chain-and-signed-head.md).
import { createHash } from "node:crypto";
import type { AuditKey } from "./audit-key.server";
import type { LiveEvent } from "~/lib/events";
import type { TransactionSql as Tx } from "postgres";
import { foldResultChanges } from "~/models/region-totals.server";

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

/** The writer's view of the chain: its key, and whether its last row is known to be keyed. */
export interface AuditChain {
  key: AuditKey;
  keyed: boolean;
}

export interface PendingEvent {
  type: string;
  region: string | null;
  data: unknown;
}

/**
 * The action of the row from which an older install's chain is keyed; it records how many unkeyed rows come
 * before it. A chain begun keyed has none: it is keyed from row 1.
 */
export const KEYED_ACTION = "audit.keyed";

type HashedRow = {
  id: number;
  at: string;
  actorId: number | null;
  action: string;
  entity: string;
  before: unknown;
  after: unknown;
};

/** An audit row as stored: before/after as the JSON text that was hashed (the pool's camel-case transform must not touch it). */
export type StoredAuditRow = {
  id: number;
  at: Date;
  actorId: number | null;
  action: string;
  entity: string;
  beforeText: string | null;
  afterText: string | null;
  prevHash: string;
  hash: string;
};

/** A stored row as it was hashed. */
export const hashedRow = (r: StoredAuditRow): HashedRow => ({
  id: r.id,
  at: r.at.toISOString(),
  actorId: r.actorId ?? null,
  action: r.action,
  entity: r.entity,
  before: r.beforeText == null ? null : JSON.parse(r.beforeText),
  after: r.afterText == null ? null : JSON.parse(r.afterText),
});

/** A row whose hash is the unkeyed one (a chain from before keying). */
const isUnkeyed = (r: StoredAuditRow) => unkeyedAuditHash(r.prevHash, hashedRow(r)) === r.hash;

const rowText = (row: HashedRow) =>
  canonicalJson([row.id, row.at, row.actorId, row.action, row.entity, row.before ?? null, row.after ?? null]);

/** A row's hash before the chain was keyed (SHA-256 over the previous hash and the row): kept to check old rows. */
export function unkeyedAuditHash(prevHash: string, row: HashedRow) {
  return createHash("sha256").update(prevHash).update(rowText(row)).digest("hex");
}

/** A row's hash: HMAC-SHA256 under the audit key over the previous hash and the row's canonical JSON. */
export function auditHash(key: AuditKey, prevHash: string, row: HashedRow) {
  return key.mac([prevHash, rowText(row)]);
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
export async function appendToLog(
  tx: Tx,
  events: PendingEvent[],
  audits: AuditEntry[],
  chain: AuditChain,
): Promise<CommittedEvent[]> {
  const [[head], , [last]] = await Promise.all([
    tx`update event_head set seq = seq + ${events.length} returning seq, now() as at`,
    // Queued after the lock: the batch's result changes go into the running totals under it, so folds of
    // two lanes or nodes never wait on each other's total rows (the national row is in every one of them),
    // and the totals commit with the events that announce them
    // (docs/decisions/032-running-totals-folded-per-batch.md).
    foldResultChanges(tx),
    audits.length
      ? tx<StoredAuditRow[]>`
          select id, at, actor_id, action, entity, before::text as before_text, after::text as after_text, prev_hash, hash
          from audit_log order by id desc limit 1`
      : Promise.resolve([]),
  ]);
  if (audits.length && !chain.keyed) {
    // Read under the lock the first statement took, so two instances never both write the keyed row.
    if (last && isUnkeyed(last)) {
      // An older install's chain, hashed without a key: the keyed part starts here, saying how many came before.
      audits = [
        { actorId: null, action: KEYED_ACTION, entity: "audit", after: { unkeyedRows: last.id, keyId: chain.key.id } },
        ...audits,
      ];
    } else chain.keyed = true; // empty or keyed already (a rollback of this batch changes nothing of that)
  }
  const firstSeq = (head.seq as number) - events.length + 1;
  const atText = (head.at as Date).toISOString();
  const rows = events.map((e, i) => ({ seq: firstSeq + i, type: e.type, region: e.region, data: e.data }));
  const auditRows = chainAudit(chain.key, audits, {
    prevHash: last?.hash ?? GENESIS_HASH,
    lastId: last?.id ?? 0,
    at: head.at as Date,
  });
  // Each insert is one statement text whatever the batch's size (arrays unnested), so a connection prepares
  // and plans it once, where a VALUES list per size would be a statement of its own for every size.
  const json = (value: unknown) => (value == null ? null : JSON.stringify(value));
  await Promise.all([
    rows.length
      ? tx`insert into events (seq, type, at, region, data)
          select seq, type, ${head.at as Date}, region, data::jsonb
          from unnest(${rows.map((r) => r.seq)}::bigint[], ${rows.map((r) => r.type)}::text[],
            ${rows.map((r) => r.region)}::text[], ${rows.map((r) => json(r.data))}::text[]) as e(seq, type, region, data)`
      : null,
    auditRows.length
      ? tx`insert into audit_log (id, at, actor_id, action, entity, before, after, prev_hash, hash)
          select id, ${head.at as Date}, actor_id, action, entity, before::jsonb, after::jsonb, prev_hash, hash
          from unnest(${auditRows.map((r) => r.id)}::bigint[], ${auditRows.map((r) => r.actorId)}::bigint[],
            ${auditRows.map((r) => r.action)}::text[], ${auditRows.map((r) => r.entity)}::text[],
            ${auditRows.map((r) => json(r.before))}::text[], ${auditRows.map((r) => json(r.after))}::text[],
            ${auditRows.map((r) => r.prevHash)}::text[], ${auditRows.map((r) => r.hash)}::text[])
            as a(id, actor_id, action, entity, before, after, prev_hash, hash)`
      : null,
  ]);
  return rows.map((r) => ({
    region: r.region,
    event: { seq: r.seq, type: r.type, at: atText, data: r.data } as LiveEvent,
  }));
}

/** The audit rows to insert after the last one, each hashed over its predecessor's hash. */
function chainAudit(key: AuditKey, audits: AuditEntry[], start: { prevHash: string; lastId: number; at: Date }) {
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
    const hash = auditHash(key, prevHash, row);
    const out = { ...row, prevHash, hash };
    prevHash = hash;
    return out;
  });
}
