// The audit key: one secret kept outside the database that keys the audit hash chain (HMAC) and signs its
// published heads (Ed25519), so someone who can write to the database can neither re-hash a rewritten chain
// nor sign a head for it (docs/decisions/031-keyed-audit-chain-and-signed-head.md). It comes from
// PANTAU_AUDIT_KEY, or from `audit.key` in the data directory, made (mode 0600) on the first start without one.
import {
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  hkdfSync,
  randomBytes,
  sign,
  verify,
} from "node:crypto";
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { KeyObject } from "node:crypto";

export interface AuditKey {
  /** HMAC-SHA256 of the chain's input under the key. */
  mac: (parts: string[]) => string;
  /** A short public name of the key (from its public key), recorded where the chain was keyed. */
  id: string;
  /** The Ed25519 public key, raw 32 bytes in base64url: anyone checks a head's signature with it. */
  publicKey: string;
  /** The same public key as PEM (SPKI), for openssl and other tools. */
  publicKeyPem: string;
  /** Ed25519 signature (base64url) of a message. */
  sign: (message: string) => string;
  verify: (message: string, signature: string) => boolean;
}

/** The file in the data directory that holds a generated key. */
export const AUDIT_KEY_FILE = "audit.key";

// DER prefixes that wrap a raw Ed25519 seed (PKCS#8) and a raw public key (SPKI).
const PKCS8_ED25519 = Buffer.from("302e020100300506032b657004220420", "hex");
const SPKI_ED25519 = Buffer.from("302a300506032b6570032100", "hex");

const derive = (secret: string, info: string) =>
  Buffer.from(hkdfSync("sha256", Buffer.from(secret, "utf8"), "pantau-audit", info, 32));

/** The key derived from a secret: two independent subkeys, one to key the chain, one to sign heads. */
export function auditKeyFrom(secret: string): AuditKey {
  const macKey = derive(secret, "chain-hmac");
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519, derive(secret, "head-ed25519")]),
    format: "der",
    type: "pkcs8",
  });
  const publicKeyObject = createPublicKey(privateKey);
  const raw = publicKeyObject.export({ format: "der", type: "spki" }).subarray(SPKI_ED25519.length);
  return {
    mac: (parts) => {
      const h = createHmac("sha256", macKey);
      for (const p of parts) h.update(p);
      return h.digest("hex");
    },
    id: createHash("sha256").update(raw).digest("hex").slice(0, 16),
    publicKey: raw.toString("base64url"),
    publicKeyPem: publicKeyObject.export({ format: "pem", type: "spki" }).toString(),
    sign: (message) => sign(null, Buffer.from(message, "utf8"), privateKey).toString("base64url"),
    verify: (message, signature) => verifyHeadSignature(publicKeyObject, message, signature),
  };
}

/** Checks an Ed25519 signature against a public key given raw in base64url, as the public page prints it. */
export function verifyWithPublicKey(publicKey: string, message: string, signature: string) {
  const raw = Buffer.from(publicKey, "base64url");
  if (raw.length !== 32) return false;
  const key = createPublicKey({ key: Buffer.concat([SPKI_ED25519, raw]), format: "der", type: "spki" });
  return verifyHeadSignature(key, message, signature);
}

function verifyHeadSignature(key: KeyObject, message: string, signature: string) {
  const sig = Buffer.from(signature, "base64url");
  return sig.length === 64 && verify(null, Buffer.from(message, "utf8"), key, sig);
}

/**
 * The install's key: PANTAU_AUDIT_KEY when set, else the key file in the data directory, created with mode
 * 0600 when missing. Two processes starting at once (a server and a command) make one file: the second reads
 * the first's.
 */
export function loadAuditKey(options: { secret?: string; dataDir: string; create?: boolean }): {
  key: AuditKey;
  source: "environment" | "file" | "generated";
  file?: string;
} {
  if (options.secret) return { key: auditKeyFrom(options.secret), source: "environment" };
  const found = secretFile({ ...options, fileName: AUDIT_KEY_FILE, envName: "PANTAU_AUDIT_KEY", what: "audit key" });
  return { key: auditKeyFrom(found.secret), source: found.source, file: found.file };
}

/**
 * A secret kept in a file of the data directory, created with mode 0600 when missing (unless `create` is
 * false). Two processes starting at once (a server and a command) make one file: the second reads the first's.
 * The audit key and the voter key (app/utils/voter-key.server.ts) both live this way.
 */
export function secretFile(options: {
  dataDir: string;
  fileName: string;
  envName: string;
  what: string;
  create?: boolean;
}): { secret: string; source: "file" | "generated"; file: string } {
  const file = path.join(options.dataDir, options.fileName);
  let source: "file" | "generated" = "file";
  if (options.create === false) {
    if (!existsSync(file))
      throw new Error(
        `no ${options.what}: set ${options.envName} or run this where ${file} is (the server's data directory)`,
      );
    return { secret: readSecret(file, options.what), source, file };
  }
  // Written whole to a private temporary file, then linked into place: linking fails when the file exists,
  // and nobody ever reads a half-written key.
  mkdirSync(options.dataDir, { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(temporary, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
  try {
    chmodSync(temporary, 0o600); // whatever the umask
    linkSync(temporary, file);
    source = "generated";
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
  return { secret: readSecret(file, options.what), source, file };
}

function readSecret(file: string, what: string) {
  const secret = readFileSync(file, "utf8").trim();
  if (secret.length < 32) throw new Error(`${file} holds no ${what} (expected at least 32 characters)`);
  return secret;
}
