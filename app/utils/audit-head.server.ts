// Publishing the audit chain's head: Pantau signs the chain's last row at start and every
// PANTAU_AUDIT_HEAD_SECONDS, stores the signed head (audit_heads) and shows the latest one on the public page,
// its open data (GET /api/v1/public/audit-head) and every printed recap (app/components/audit-head.tsx).
// Anyone who keeps one can later prove the chain was not rewritten since: `npm run audit:verify -- --head`.
import type { PublishedHead } from "~/lib/audit-head";
import { chainTail, latestHead, signHead } from "~/models/audit.server";
import type { AuditKey } from "./audit-key.server";
import type { Db } from "./db.server";
import type { Writer } from "./writer.server";

/** Signs a head now and every `intervalMs`; several instances each sign theirs, which is harmless. */
export function startHeadPublisher({
  writer,
  auditKey,
  intervalMs,
}: {
  writer: Writer;
  auditKey: AuditKey;
  intervalMs: number;
}) {
  const publish = () => writer.write((ctx) => signHead(ctx, { key: auditKey }));
  const timer = setInterval(() => {
    // A database that is down now is up at the next interval; the head waits for it.
    publish().catch(() => {});
  }, intervalMs);
  timer.unref();
  return {
    /** Signs and stores a head at once (also the first, at start). */
    publish,
    close: () => clearInterval(timer),
  };
}

/** The latest published head for a page or the open data; null before the first. */
export function publishedHead(context: { sql: Db; auditKey: AuditKey }): Promise<PublishedHead | null> {
  return latestHead(context.sql, { key: context.auditKey });
}

/** A warning for the start's log when the chain's last row is not hashed with this key (a wrong or lost key). */
export async function chainKeyWarning({ sql, auditKey, keyFile }: { sql: Db; auditKey: AuditKey; keyFile: string }) {
  if ((await chainTail(sql, { key: auditKey })) !== "other") return null;
  return (
    `WARNING: the audit log's last row is not hashed with this audit key (key ${auditKey.id}): PANTAU_AUDIT_KEY or ` +
    `${keyFile} is not the key this database was written with, or the row was changed. Run npm run audit:verify.`
  );
}
