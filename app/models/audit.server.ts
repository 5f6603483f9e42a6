// The audit log: verifying its hash chain and browsing it. Rows are append-only (rules in 0001_init.sql);
// each carries the hash of the previous row, so an edited, inserted or deleted row breaks the chain.
import type { Db } from "~/utils/db.server";
import { auditHash, GENESIS_HASH } from "~/utils/event-log.server";
import type { Writer } from "~/utils/writer.server";

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

/** An audit row as it was hashed: before/after as the JSON text that was stored. */
type StoredAuditRow = {
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

export type AuditBreak = { id: number; reason: "hash_mismatch" | "prev_hash_mismatch" | "missing_row" };

/**
 * Walks the chain in id order, in pages, and reports the first broken row (or null when it holds).
 * before/after are read as text: the camel-case transform of the pool must not touch what was hashed.
 */
export async function verifyAuditChain(
  sql: Db,
  { pageSize = 5000 }: { pageSize?: number } = {},
): Promise<{ checked: number; broken: AuditBreak | null }> {
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await sql<StoredAuditRow[]>`
      select id, at, actor_id, action, entity, before::text as before_text, after::text as after_text, prev_hash, hash
      from audit_log where id > ${lastId} order by id limit ${pageSize}`;
    for (const r of rows) {
      if (r.id !== lastId + 1) return { checked, broken: { id: lastId + 1, reason: "missing_row" } };
      if (r.prevHash !== prevHash) return { checked, broken: { id: r.id, reason: "prev_hash_mismatch" } };
      const expected = auditHash(prevHash, {
        id: r.id,
        at: r.at.toISOString(),
        actorId: r.actorId ?? null,
        action: r.action,
        entity: r.entity,
        before: r.beforeText == null ? null : JSON.parse(r.beforeText),
        after: r.afterText == null ? null : JSON.parse(r.afterText),
      });
      if (expected !== r.hash) return { checked, broken: { id: r.id, reason: "hash_mismatch" } };
      prevHash = r.hash;
      lastId = r.id;
      checked++;
    }
    if (rows.length < pageSize) return { checked, broken: null };
  }
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
