// The audit log is a hash chain: `npm run audit:verify` finds the first changed row.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../app/models/audit.server";
import { api } from "./support/api";
import { startTestServer, type TestServer } from "./support/server";

let server: TestServer;
const http = api(() => server);
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const run = promisify(execFile);
async function verifyCommand() {
  try {
    const { stdout } = await run("npx", ["tsx", "db/audit-verify.ts"], {
      env: { ...process.env, DATABASE_URL: server.databaseUrl },
    });
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

describe("audit chain", () => {
  it("records every step with actor and before/after, verifies, and reports the first tampered row", async () => {
    const officer = await http.login("1673031005-001");
    const posko = await http.login("posko");
    const id = randomUUID();
    const post = http.post;
    expect(
      (
        await post(
          "/api/v1/incidents",
          { id, category: "other", severity: "low", description: "Uji audit", occurredAt: new Date().toISOString() },
          officer,
        )
      ).status,
    ).toBe(201);
    expect(
      (await post(`/api/v1/incidents/${id}/transitions`, { action: "acknowledge", note: "ok" }, posko)).status,
    ).toBe(200);
    expect((await post(`/api/v1/incidents/${id}/transitions`, { action: "resolve" }, posko)).status).toBe(200);

    const sql = server.services.sql;
    const rows =
      await sql`select a.id, a.action, u.login from audit_log a join users u on u.id = a.actor_id order by a.id`;
    expect(rows.map((r) => [r.action, r.login])).toEqual([
      ["session.login", "1673031005-001"],
      ["session.login", "posko"],
      ["incident.create", "1673031005-001"],
      ["incident.acknowledge", "posko"],
      ["incident.resolve", "posko"],
    ]);
    const key = server.services.auditKey;
    expect(await verifyAuditChain(sql, { key })).toMatchObject({ checked: 5, broken: null });
    const good = await verifyCommand();
    expect(good.stdout).toContain("intact: 5 rows");
    expect(good.code).toBe(0);

    // Rows cannot be changed through SQL: the update is silently dropped by the table's rule.
    await sql`update audit_log set action = 'x' where id = 4`;
    expect((await sql`select action from audit_log where id = 4`)[0].action).toBe("incident.acknowledge");

    // Someone with owner rights switches the rule off and edits row 4: the chain shows it.
    await sql`alter table audit_log disable rule audit_log_no_update`;
    await sql`update audit_log set after = jsonb_set(after, '{note}', '"dihapus"') where id = 4`;
    await sql`alter table audit_log enable rule audit_log_no_update`;
    expect(await verifyAuditChain(sql, { key })).toMatchObject({
      checked: 3,
      broken: { id: 4, reason: "hash_mismatch" },
    });
    const out = await verifyCommand();
    expect(out.code).toBe(1);
    expect(out.stdout).toContain("BROKEN at row 4");
  });
});
