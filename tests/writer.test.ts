// The writer: concurrent writes share commits, every event gets a gap-free seq, a failing write leaves
// nothing behind, and the audit log is a hash chain.
import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "~/models/audit.server";
import { auditKeyFrom } from "~/utils/audit-key.server";
import { auditHash, GENESIS_HASH } from "~/utils/event-log.server";
import { createWriter, lockKey, type CommittedEvent } from "~/utils/writer.server";
import { databasePerTest } from "./support/database";

const auditKey = auditKeyFrom("a test key of at least thirty-two characters");

// Each test counts events and audit rows from one, so each has a database of its own.
const database = databasePerTest();

/** 120 concurrent writes, each one event and one audit row; every seventh (i % 7 === 3) fails. */
async function writeConcurrently(
  sql: ReturnType<typeof database>["sql"],
  onCommit: (events: CommittedEvent[]) => void,
) {
  const writer = createWriter({ sql, onCommit, auditKey });
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
  return outcomes;
}

describe("writer", () => {
  it("numbers events gap-free across concurrent writes, some failing, in fewer commits than writes", async () => {
    const { sql } = database();
    const pushed: CommittedEvent[] = [];
    const outcomes = await writeConcurrently(sql, (events) => pushed.push(...events));

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
    const { sql } = database();
    await writeConcurrently(sql, () => {});
    const rows =
      await sql`select id, at, actor_id, action, entity, before, after, prev_hash, hash from audit_log order by id`;
    expect(rows.length).toBe(103);
    let prev = GENESIS_HASH;
    for (const r of rows) {
      expect(r.prevHash).toBe(prev);
      expect(r.hash).toBe(
        auditHash(auditKey, prev, {
          id: r.id,
          at: (r.at as Date).toISOString(),
          actorId: r.actorId,
          action: r.action,
          entity: r.entity,
          before: r.before,
          after: r.after,
        }),
      );
      prev = r.hash;
    }
    expect(await verifyAuditChain(sql, { key: auditKey })).toMatchObject({ checked: 103, broken: null });

    // Someone with owner rights gets past the table's no-update rule and changes what row 6 says: the chain
    // check stops there and names it, having trusted only the five rows before it.
    const changed = rows[5].id as number;
    await sql`alter table audit_log disable rule audit_log_no_update`;
    await sql`update audit_log set after = '{"i": 999}' where id = ${changed}`;
    await sql`alter table audit_log enable rule audit_log_no_update`;
    expect(await verifyAuditChain(sql, { key: auditKey })).toMatchObject({
      checked: 5,
      broken: { id: changed, reason: "hash_mismatch" },
    });
  });
});

describe("writer: keyed jobs side by side", () => {
  it("runs jobs with different keys at once, same-key jobs in order, and a failing job fails alone", async () => {
    const { sql } = database();
    await sql`create table side_by_side (k text not null, n int not null, unique (k, n))`;
    const writer = createWriter({ sql, onCommit: () => {}, lanes: 1, auditKey }); // one batch at a time: at once = side by side
    let inFlight = 0;
    let mostAtOnce = 0;
    // Each job appends the next number for its key: a job that did not see the one before it on the same key
    // would hit the unique constraint.
    const append = (k: string, fail?: "before-write" | "in-database" | "after-write") =>
      writer.write(
        async ({ tx, emit }) => {
          inFlight++;
          mostAtOnce = Math.max(mostAtOnce, inFlight);
          try {
            await lockKey(tx, k);
            const [{ last }] = await tx`select coalesce(max(n), 0)::int as last from side_by_side where k = ${k}`;
            await tx`select pg_sleep(0.01)`;
            if (fail === "before-write") throw Object.assign(new Error(`refused ${k}`), { status: 422 });
            await tx`insert into side_by_side (k, n) values (${k}, ${fail === "in-database" ? 1 : last + 1})`;
            if (fail === "after-write") throw new TypeError(`a bug after writing ${k}`);
            emit("tps:updated", null, { tpsCode: k, dayStatus: "open", lastSeenAt: null });
            return last + 1;
          } finally {
            inFlight--;
          }
        },
        { key: k },
      );

    const keys = ["a", "b", "c", "d", "e", "f"];
    const first = await Promise.allSettled([
      ...keys.flatMap((k) => [append(k), append(k), append(k)]),
      append("g", "before-write"),
    ]);
    expect(first.slice(0, 18).every((o) => o.status === "fulfilled")).toBe(true);
    expect(first[18]).toMatchObject({ status: "rejected", reason: { message: "refused g" } });

    // (a, 1) exists: this job meets a unique violation inside the database, in a batch with jobs that pass.
    const second = await Promise.allSettled([append("h"), append("a", "in-database"), append("i"), append("h")]);
    expect(second.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled", "fulfilled"]);
    expect(second[1]).toMatchObject({ reason: { code: "23505" } });

    // A job that fails after it wrote (a bug, not a refusal): its row must not stay, the others' must.
    const third = await Promise.allSettled([append("k"), append("j", "after-write"), append("l")]);
    await writer.close();
    expect(third.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(third[1]).toMatchObject({ reason: { message: "a bug after writing j" } });

    const rows = await sql`select k, array_agg(n order by n) as ns from side_by_side group by k order by k`;
    expect(rows.map((r) => [r.k, r.ns])).toEqual([
      ...keys.map((k) => [k, [1, 2, 3]]),
      ["h", [1, 2]],
      ["i", [1]],
      ["k", [1]],
      ["l", [1]],
    ]);
    expect(mostAtOnce).toBeGreaterThan(1); // side by side, not one after another
  });

  it("runs a job whose key another transaction holds again once it is free, and the others at once", async () => {
    const { sql } = database();
    await sql`create table held (k text primary key)`;
    const writer = createWriter({ sql, onCommit: () => {}, auditKey });
    const insert = (k: string) =>
      writer.write(
        async ({ tx }) => {
          await lockKey(tx, k);
          await tx`insert into held (k) values (${k})`;
          return k;
        },
        { key: k },
      );
    // Another node's batch holds "b" for a moment (the same transaction-scoped lock the writer takes).
    let release!: () => void;
    const holding = new Promise<void>((resolve) => (release = resolve));
    let held!: () => void;
    const isHeld = new Promise<void>((resolve) => (held = resolve));
    const other = sql.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(hashtext('b'))`;
      held();
      await holding;
    });
    await isHeld;
    const answers = ["a", "b", "c", "d"].map(insert);
    const early = await Promise.all([answers[0], answers[2], answers[3]]);
    expect(early).toEqual(["a", "c", "d"]);
    expect((await sql`select k from held order by k`).map((r) => r.k)).toEqual(["a", "c", "d"]);
    release();
    await other;
    expect(await answers[1]).toBe("b");
    await writer.close();
    expect((await sql`select k from held order by k`).map((r) => r.k)).toEqual(["a", "b", "c", "d"]);
    expect(writer.stats().retried).toBeGreaterThan(0);
  });
});
