// `npm run bench:writer`: the writer alone, in this process, without HTTP or Socket.IO: how many
// quick counts per second one Pantau process's writer commits when N arrive at once, with 1, 2 and 4 lanes,
// one job after another (each in its savepoint) and side by side (the lock key the quick-count API passes).
// Tells the database-bound part of `npm run bench` apart from the HTTP and fan-out part. Loopback only,
// its own embedded PostgreSQL in a temporary folder, bounded (3 rounds x 3 lane settings x 2 ways).
import { randomBytes, randomUUID } from "node:crypto";
import { createSql } from "../db/connect";
import { resultsLockKey, submitQuickCount } from "../app/models/results.server";
import type { SessionUser } from "../app/models/users.server";
import { auditKeyFrom } from "../app/utils/audit-key.server";
import { createWriter } from "../app/utils/writer.server";
import { now, startLoadDatabase } from "./load-kit";

const db = await startLoadDatabase({ tpsCount: 10_000 });
const sql = createSql(db.databaseUrl); // Pantau's pool size
try {
  const [operator] = await sql<
    SessionUser[]
  >`select id, login, name, role, tps_code, region_code from users where login = 'posko'`;
  // The mayor's contest `walikota` covers Kota Lubuklinggau (16.73) of the generated province.
  const tps = (
    await sql<{ code: string }[]>`select code from tps where kelurahan_code like '16.73.%' order by code limit 2000`
  ).map((r) => r.code);
  const submit = (writer: ReturnType<typeof createWriter>, tpsCode: string, keyed: boolean) =>
    writer.write(
      (ctx) =>
        submitQuickCount(ctx, {
          user: operator,
          lang: "id",
          source: "app",
          body: {
            id: randomUUID(),
            tpsCode,
            contest: "walikota",
            votes: { "1": 40, "2": 45, "3": 40 },
            invalid: 3,
            capturedAt: new Date().toISOString(),
          },
        }),
      { key: keyed ? resultsLockKey(tpsCode) : undefined },
    );
  const newWriter = (lanes: number) =>
    createWriter({ sql, onCommit: () => {}, lanes, auditKey: auditKeyFrom(randomBytes(32).toString("base64url")) });
  // Warm-up, then the statistics autovacuum keeps on the day: plans made while results and submissions were
  // empty would scan them whole in every round (docs/decisions/049).
  const warmup = newWriter(2);
  await Promise.allSettled(tps.slice(0, 1000).map((code) => submit(warmup, code, true)));
  await warmup.close();
  await sql`analyze`;
  console.log("jobs          lanes  at once  ms/write  writes/s  writes per commit");
  for (const [way, keyed] of [
    ["one by one", false],
    ["side by side", true],
  ] as const)
    for (const lanes of [1, 2, 4]) {
      const writer = newWriter(lanes);
      for (const atOnce of [4, 200, 800]) {
        const before = writer.stats();
        const start = now();
        const results = await Promise.allSettled(
          Array.from({ length: atOnce }, (_, i) =>
            submit(writer, tps[(i * 7 + atOnce + (keyed ? 1 : 0)) % tps.length], keyed),
          ),
        );
        const ms = now() - start;
        const failed = results.filter((r) => r.status === "rejected").length;
        const after = writer.stats();
        const perCommit = (after.writes - before.writes) / Math.max(1, after.commits - before.commits);
        console.log(
          `${way.padEnd(12)}  ${String(lanes).padStart(5)}  ${String(atOnce).padStart(7)}  ${(ms / atOnce).toFixed(2).padStart(8)}  ${String(Math.round(atOnce / (ms / 1000))).padStart(8)}  ${perCommit.toFixed(1).padStart(17)}${failed ? `  (${failed} failed)` : ""}`,
        );
      }
      await writer.close();
    }
} finally {
  await sql.end({ timeout: 5 });
  await db.close();
}
