// npm run admin:create -- <login> [--name "<name>"]: the way into an empty install (PANTAU_SEED=none). Creates an
// admin account with a one-time secret, printed once here and never stored in clear; the account can do
// nothing but change it at its first login (/sandi). Refuses (exit 1) when the login exists; exit 2 on other
// errors. Uses DATABASE_URL, or the embedded database (attaching to it when a Pantau server already runs it),
// and the audit key the server uses (PANTAU_AUDIT_KEY or audit.key in the data directory): run it with the
// server's environment.
import { randomBytes } from "node:crypto";
import { StaffBody } from "../app/lib/schemas/admin";
import { createStaff } from "../app/models/accounts.server";
import { loadAuditKey } from "../app/utils/audit-key.server";
import { hashSecret } from "../app/utils/password.server";
import { createWriter } from "../app/utils/writer.server";
import { runDatabaseCommand } from "./command";

const USAGE = 'usage: npm run admin:create -- <login> [--name "<full name>"]';

function readArgs(args: string[]) {
  let login: string | undefined;
  let name: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--name") name = args[++i];
    else if (!login && !args[i].startsWith("-")) login = args[i];
    else throw new Error(`unknown argument ${args[i]}\n${USAGE}`);
  }
  if (!login) throw new Error(USAGE);
  const parsed = StaffBody.safeParse({ login, name: name ?? login, role: "admin" });
  if (!parsed.success)
    throw new Error(
      `"${login}" cannot be a login: 3-40 lowercase letters, digits, dot, dash or underscore, and not a TPS code\n${USAGE}`,
    );
  return parsed.data;
}

await runDatabaseCommand(async ({ env, dataDir, database }) => {
  const body = readArgs(process.argv.slice(2));
  const { key } = loadAuditKey({ secret: env.PANTAU_AUDIT_KEY, dataDir });
  const sql = await database();
  const secret = randomBytes(15).toString("base64url"); // 20 characters, 120 bits
  const secretHash = await hashSecret(secret);
  const writer = createWriter({ sql, auditKey: key, onCommit: () => {} });
  const id = await writer.write((ctx) => createStaff(ctx, { body, secretHash, actorId: null, oneTime: true }));
  await writer.close();
  if (id === null) {
    console.error(`the login "${body.login}" exists already: nothing was changed`);
    return 1;
  }
  console.log(`admin "${body.login}" created. One-time secret (shown only now; it must be changed at first login):`);
  console.log(`\n    ${secret}\n`);
  console.log(`Sign in at /login as "${body.login}" with it, then choose your own secret.`);
  return 0;
});
