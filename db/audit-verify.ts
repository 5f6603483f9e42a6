// npm run audit:verify [-- --head <kept head> ...]: checks the audit log's keyed hash chain under the audit key
// (PANTAU_AUDIT_KEY, or audit.key in the data directory), every head Pantau signed, and each head given: the
// text printed on the public page or a recap, kept by someone since. Reports the first broken row or head.
// Exit code 0 when the chain holds, 1 when a row was changed, inserted or removed, or re-hashed without the
// key, or a kept head no longer matches; 2 on other errors (no key, no database, a head that is not one).
// Uses DATABASE_URL, or the embedded database (attaching to it when a Pantau server already runs it).
import { parseHeadText, type AuditHead } from "../app/lib/audit-head";
import { loadAuditKey } from "../app/utils/audit-key.server";
import { verifyAuditChain, type AuditBreak } from "../app/models/audit.server";
import { runDatabaseCommand } from "./command";

const WHY: Record<AuditBreak["reason"], string> = {
  hash_mismatch: "the row is not what was hashed (edited, or the key is not this install's)",
  prev_hash_mismatch: "the row does not follow the one before it (inserted or reordered)",
  missing_row: "a row is missing",
  not_keyed: "the row was hashed without the audit key: the chain was re-hashed by someone without it",
  other_key: "the chain was keyed with another key than the one given",
  head_signature: "a head is not signed by this install's audit key",
  head_mismatch: "a signed head names this row with another hash: the chain was rewritten since",
  head_beyond_end: "a signed head names a row the chain no longer has: rows were removed from its end",
};

function keptHeads(args: string[]): AuditHead[] {
  const heads: AuditHead[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] !== "--head") throw new Error(`unknown argument ${args[i]}; usage: audit:verify [-- --head <text>]`);
    const text = args[++i] ?? "";
    const head = parseHeadText(text);
    if (!head) throw new Error(`not a Pantau audit head: "${text}" (it starts with ph1.)`);
    heads.push(head);
  }
  return heads;
}

await runDatabaseCommand(async ({ env, dataDir, database }) => {
  const kept = keptHeads(process.argv.slice(2));
  const { key } = loadAuditKey({ secret: env.PANTAU_AUDIT_KEY, dataDir, create: false });
  const { checked, broken, unkeyedRows, heads } = await verifyAuditChain(await database(), { key, kept });
  const before = unkeyedRows ? ` (rows 1-${unkeyedRows} from before the chain was keyed)` : "";
  if (broken) {
    console.log(
      `audit chain BROKEN at row ${broken.id} (${broken.reason}): ${WHY[broken.reason]}; ${checked} rows before it are intact${before}`,
    );
    return 1;
  }
  console.log(`audit chain intact: ${checked} rows, keyed with key ${key.id}${before}; ${heads} signed heads match`);
  return 0;
});
