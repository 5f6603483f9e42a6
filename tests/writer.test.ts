// The writer: concurrent writes share commits, every event gets a gap-free seq, a failing write leaves
// nothing behind, and the audit log is a hash chain.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditHash, createWriter, GENESIS_HASH, type CommittedEvent } from "~/utils/writer.server";
import { createSql } from "../db/connect";
import { inject } from "vitest";
import { createDatabase, dropDatabase } from "./support/postgres";

const name = `pantau_w_${randomUUID().slice(0, 8)}`;
let sql: ReturnType<typeof createSql>;
beforeAll(async () => {
  sql = createSql(await createDatabase(inject("adminUrl"), name, inject("template")));
});
afterAll(async () => {
  await sql?.end();
  await dropDatabase(inject("adminUrl"), name);
});

describe("writer", () => {
  it("numbers events gap-free across concurrent writes, some failing, in fewer commits than writes", async () => {
    const pushed: CommittedEvent[] = [];
    const writer = createWriter({ sql, onCommit: (events) => pushed.push(...events) });
    const writes = Array.from({ length: 120 }, (_, i) =>
      writer.write(async ({ tx, emit, audit }) => {
        await tx`update tps set last_seen_at = now() where code = '1673011001-010'`;
        emit("tps:updated", "16.73.01.1001", { tpsCode: `w-${i}`, dayStatus: "open", lastSeenAt: null });
        audit({ actorId: null, action: "test.write", entity: `w-${i}`, after: { i } });
        if (i % 7 === 3) throw new Error(`write ${i} fails`);
        return i;
      }),
    );
    const outcomes = await Promise.allSettled(writes);
    await writer.close();

    const failed = outcomes.filter((o) => o.status === "rejected").length;
    expect(failed).toBe(17);
    const events = await sql`select seq, data->>'tpsCode' as code, at from events order by seq`;
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 103 }, (_, i) => i + 1));
    expect(events.some((e) => Number(String(e.code).slice(2)) % 7 === 3)).toBe(false); // failed writes left nothing
    expect(pushed.map((p) => p.event.seq)).toEqual(events.map((e) => e.seq));
    const commits = new Set(events.map((e) => (e.at as Date).toISOString())).size;
    expect(commits).toBeLessThan(103 / 4); // group commit: many writes share one transaction

    const [head] = await sql`select seq from event_head`;
    expect(head.seq).toBe(103);
  });

  it("chains audit rows by hash so a changed row is detectable", async () => {
    const rows = await sql`select id, at, actor_id, action, entity, before, after, prev_hash, hash from audit_log order by id`;
    expect(rows.length).toBe(103);
    let prev = GENESIS_HASH;
    for (const r of rows) {
      expect(r.prevHash).toBe(prev);
      expect(r.hash).toBe(auditHash(prev, { id: r.id, at: (r.at as Date).toISOString(), actorId: r.actorId, action: r.action, entity: r.entity, before: r.before, after: r.after }));
      prev = r.hash;
    }
    const r = rows[5];
    const tampered = auditHash(r.prevHash, { id: r.id, at: (r.at as Date).toISOString(), actorId: r.actorId, action: r.action, entity: r.entity, before: r.before, after: { i: 999 } });
    expect(tampered).not.toBe(r.hash);
  });
});
