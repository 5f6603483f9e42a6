// What the server hands to every Remix loader and action (see server/app.ts getLoadContext).
import type { Sql } from "postgres";
import type { AuditKey } from "./audit-key.server";
import type { Env } from "./env.server";
import type { VoterKey } from "./voter-key.server";
import type { Writer } from "./writer.server";

export type Services = {
  sql: Sql;
  writer: Writer;
  env: Env;
  /** Keys the audit chain and signs its heads (app/utils/audit-key.server.ts). */
  auditKey: AuditKey;
  /** Keys the NIK hashes of the voter lists (app/utils/voter-key.server.ts). */
  voterKey: VoterKey;
};

declare module "@remix-run/server-runtime" {
  interface AppLoadContext {
    sql: Sql;
    writer: Writer;
    env: Env;
    auditKey: AuditKey;
    voterKey: VoterKey;
    /** The client's address (Express req.ip), for rate limits; absent outside HTTP requests. */
    clientIp?: string;
    /** Per-response Content-Security-Policy nonce for Remix's inline scripts (server/security.ts). */
    cspNonce?: string;
  }
}
