// The voter key: the secret outside the database that keys the NIK hashes of the voter lists
// (docs/decisions/047-voter-list-check.md). From PANTAU_VOTER_KEY, or `voter.key` in the data directory, made
// (mode 0600) on the first start without one, as the audit key is. A copy of the database alone cannot test
// a guessed NIK against the hashes: each TPS's salt is an HMAC of its code under this key.
import { createHmac, pbkdf2 } from "node:crypto";
import { NIK_HASH_BYTES, NIK_HASH_ITERATIONS } from "~/lib/voters";
import { secretFile } from "./audit-key.server";

export const VOTER_KEY_FILE = "voter.key";

export interface VoterKey {
  /** The TPS's salt: what its officer's phone gets to check an NIK typed in, never the key itself. */
  saltOf: (tpsCode: string) => Buffer;
  /** The NIK's keyed slow hash at a TPS (PBKDF2-HMAC-SHA256 under the TPS's salt), off the event loop. */
  hashNik: (nik: string, tpsCode: string, iterations?: number) => Promise<Buffer>;
}

export function voterKeyFrom(secret: string): VoterKey {
  const saltOf = (tpsCode: string) =>
    createHmac("sha256", Buffer.from(secret, "utf8")).update(`pantau-voters/${tpsCode}`).digest();
  return {
    saltOf,
    hashNik: (nik, tpsCode, iterations = NIK_HASH_ITERATIONS) =>
      new Promise((resolve, reject) =>
        pbkdf2(nik, saltOf(tpsCode), iterations, NIK_HASH_BYTES, "sha256", (error, hash) =>
          error ? reject(error) : resolve(hash),
        ),
      ),
  };
}

export function loadVoterKey(options: { secret?: string; dataDir: string }): {
  key: VoterKey;
  source: "environment" | "file" | "generated";
  file?: string;
} {
  if (options.secret) return { key: voterKeyFrom(options.secret), source: "environment" };
  const found = secretFile({
    dataDir: options.dataDir,
    fileName: VOTER_KEY_FILE,
    envName: "PANTAU_VOTER_KEY",
    what: "voter key",
  });
  return { key: voterKeyFrom(found.secret), source: found.source, file: found.file };
}
