// The audit log: verifying its hash chain and its signed heads, and browsing it. Rows are append-only (rules
// in 0001_init.sql); each carries a keyed hash over the previous row's, so an edited, inserted or deleted row
// breaks the chain and only the holder of the audit key can re-hash it; a signed head someone kept shows any
// rewrite, even one re-hashed with the key, and rows removed from the end.
import { headMessage, headText, headTime, type AuditHead, type PublishedHead } from "~/lib/audit-head";
import type { AuditKey } from "~/utils/audit-key.server";
import type { Db } from "~/utils/db.server";
import {
  auditHash,
  GENESIS_HASH,
  hashedRow,
  KEYED_ACTION,
  unkeyedAuditHash,
  type StoredAuditRow,
} from "~/utils/event-log.server";
import type { WriteContext, Writer } from "~/utils/writer.server";

/** Logins and logouts are actions too: who, when, with which role and TPS. */
export function auditSession(
  writer: Writer,
  {
    user,
    action,
  }: {
    user: { id: number; login: string; role: string; tpsCode?: string | null };
    action: "session.login" | "session.logout";
  },
) {
  return writer.write(async ({ audit }) => {
    audit({
      actorId: user.id,
      action,
      entity: `user:${user.login}`,
      after: { role: user.role, tpsCode: user.tpsCode ?? null },
    });
  });
}

export type AuditBreak = {
  id: number;
  reason:
    | "hash_mismatch"
    | "prev_hash_mismatch"
    | "missing_row"
    /** Hashed without the key where the chain must be keyed: re-hashed by someone without it. */
    | "not_keyed"
    /** The keyed row names another key than the one given. */
    | "other_key"
    /** A head (stored or kept) whose signature is not the key's. */
    | "head_signature"
    /** A head names a row whose hash is no longer the one it signed. */
    | "head_mismatch"
    /** A head names a row the chain no longer has: rows were removed from its end. */
    | "head_beyond_end";
};

export interface AuditVerdict {
  checked: number;
  broken: AuditBreak | null;
  /** Rows of an older install hashed without a key, before the `audit.keyed` row (0 for a chain begun keyed). */
  unkeyedRows: number;
  /** How many signed heads were checked against the chain (stored ones and those given). */
  heads: number;
}

/**
 * Walks the chain in id order, in pages, under the audit key, and reports the first broken row (or null when
 * it holds); then checks every signed head Pantau stored and every head given (kept by someone) against it.
 */
export async function verifyAuditChain(
  sql: Db,
  { key, kept = [], pageSize = 5000 }: { key: AuditKey; kept?: AuditHead[]; pageSize?: number },
): Promise<AuditVerdict> {
  const [marker] = await sql<[{ id: number; afterText: string | null }?]>`
    select id, after::text as after_text from audit_log where action = ${KEYED_ACTION} order by id limit 1`;
  const keyedFrom = marker?.id ?? 1;
  const heads = [...(await listHeads(sql)), ...kept].sort((a, b) => a.id - b.id);
  const verdict = (checked: number, broken: AuditBreak | null): AuditVerdict => ({
    checked,
    broken,
    unkeyedRows: keyedFrom - 1,
    heads: heads.length,
  });
  if (marker) {
    const recorded = marker.afterText
      ? (JSON.parse(marker.afterText) as { unkeyedRows?: unknown; keyId?: unknown })
      : {};
    if (recorded.keyId !== key.id) return verdict(0, { id: marker.id, reason: "other_key" });
  }
  const wanted = new Map(heads.map((h) => [h.id, ""]));
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await sql<StoredAuditRow[]>`
      select id, at, actor_id, action, entity, before::text as before_text, after::text as after_text, prev_hash, hash
      from audit_log where id > ${lastId} order by id limit ${pageSize}`;
    for (const r of rows) {
      if (r.id !== lastId + 1) return verdict(checked, { id: lastId + 1, reason: "missing_row" });
      if (r.prevHash !== prevHash) return verdict(checked, { id: r.id, reason: "prev_hash_mismatch" });
      const row = hashedRow(r);
      if (r.id < keyedFrom) {
        if (unkeyedAuditHash(prevHash, row) !== r.hash) return verdict(checked, { id: r.id, reason: "hash_mismatch" });
      } else if (auditHash(key, prevHash, row) !== r.hash) {
        const reason = unkeyedAuditHash(prevHash, row) === r.hash ? "not_keyed" : "hash_mismatch";
        return verdict(checked, { id: r.id, reason });
      }
      if (wanted.has(r.id)) wanted.set(r.id, r.hash);
      prevHash = r.hash;
      lastId = r.id;
      checked++;
    }
    if (rows.length < pageSize) break;
  }
  if (marker && marker.id > lastId) return verdict(checked, { id: marker.id, reason: "missing_row" });
  for (const head of heads) {
    if (!key.verify(headMessage(head), head.signature))
      return verdict(checked, { id: head.id, reason: "head_signature" });
    if (head.id > lastId) return verdict(checked, { id: head.id, reason: "head_beyond_end" });
    const hash = head.id === 0 ? GENESIS_HASH : wanted.get(head.id);
    if (hash !== head.hash) return verdict(checked, { id: head.id, reason: "head_mismatch" });
  }
  return verdict(checked, null);
}

/**
 * Whether the chain's last row is hashed under this key: "empty", "keyed", "unkeyed" (an older install, keyed
 * from the next write on) or "other" (another key, or the row was changed). Checked at start so a wrong
 * PANTAU_AUDIT_KEY or a lost audit.key is said at once, not at the next audit:verify.
 */
export async function chainTail(sql: Db, { key }: { key: AuditKey }) {
  const [last] = await sql<StoredAuditRow[]>`
    select id, at, actor_id, action, entity, before::text as before_text, after::text as after_text, prev_hash, hash
    from audit_log order by id desc limit 1`;
  if (!last) return "empty";
  const row = hashedRow(last);
  if (auditHash(key, last.prevHash, row) === last.hash) return "keyed";
  return unkeyedAuditHash(last.prevHash, row) === last.hash ? "unkeyed" : "other";
}

/** Every head Pantau signed, oldest first. */
export async function listHeads(sql: Db): Promise<AuditHead[]> {
  const rows = await sql<{ auditId: number; hash: string; at: Date; signature: string }[]>`
    select audit_id, hash, at, signature from audit_heads order by id`;
  return rows.map((r) => ({ id: r.auditId, hash: r.hash, at: r.at.toISOString(), signature: r.signature }));
}

/** The head Pantau signed last, with what a reader needs to check it; null before the first. */
export async function latestHead(sql: Db, { key }: { key: AuditKey }): Promise<PublishedHead | null> {
  const [r] = await sql<[{ auditId: number; hash: string; at: Date; signature: string }?]>`
    select audit_id, hash, at, signature from audit_heads order by id desc limit 1`;
  if (!r) return null;
  const head = { id: r.auditId, hash: r.hash, at: r.at.toISOString(), signature: r.signature };
  return { ...head, text: headText(head), publicKey: key.publicKey, keyId: key.id };
}

/** Signs the chain's current head (its last row) at this batch's time and stores it. */
export async function signHead({ tx, now }: WriteContext, { key }: { key: AuditKey }): Promise<AuditHead> {
  const [last] = await tx<[{ id: number; hash: string }?]>`select id, hash from audit_log order by id desc limit 1`;
  const unsigned = { id: last?.id ?? 0, hash: last?.hash ?? GENESIS_HASH, at: headTime(now) };
  const head = { ...unsigned, signature: key.sign(headMessage(unsigned)) };
  await tx`insert into audit_heads (audit_id, hash, at, signature) values (${head.id}, ${head.hash}, ${head.at}, ${head.signature})`;
  return head;
}

export interface AuditFilter {
  tpsCode?: string | null;
  login?: string | null;
  from?: string | null;
  to?: string | null;
  beforeId?: number | null;
}

type AuditListRow = {
  id: number;
  at: Date;
  action: string;
  entity: string;
  before: unknown;
  after: unknown;
  hash: string;
} & ({ login: string; name: string } | { login: null; name: null }); // the actor, when there is one

/** Audit rows newest first, by TPS, user and time. `tpsPrefix` limits a supervisor to their area's TPS. */
export async function listAudit(
  sql: Db,
  {
    tpsCode,
    login,
    from,
    to,
    beforeId,
    tpsPrefix,
    limit = 100,
  }: AuditFilter & { tpsPrefix?: string | null; limit?: number },
) {
  const mentions = (code: string, exact: boolean) => {
    const pattern = exact ? code : `${code}%`;
    return sql`(a.entity like ${"%:" + pattern + (exact ? "%" : "")} or a.after->>'tpsCode' like ${pattern} or a.before->>'tpsCode' like ${pattern})`;
  };
  const rows = await sql<AuditListRow[]>`
    select a.id, a.at, a.action, a.entity, a.before, a.after, a.hash, u.login, u.name
    from audit_log a left join users u on u.id = a.actor_id
    where true
      ${tpsPrefix ? sql`and ${mentions(tpsPrefix, false)}` : sql``}
      ${tpsCode ? sql`and ${mentions(tpsCode, true)}` : sql``}
      ${login ? sql`and u.login = ${login}` : sql``}
      ${from ? sql`and a.at >= ${from}` : sql``}
      ${to ? sql`and a.at <= ${to}` : sql``}
      ${beforeId ? sql`and a.id < ${beforeId}` : sql``}
    order by a.id desc limit ${limit}`;
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    action: r.action,
    entity: r.entity,
    before: r.before,
    after: r.after,
    hash: r.hash,
    actor: r.login ? { login: r.login, name: r.name } : null,
  }));
}
