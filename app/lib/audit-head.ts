// The audit chain's signed head as people keep it: one line of text, printed on the public page, recaps and
// handover sheets, and given back to `npm run audit:verify -- --head <text>`. Its parts are separated by dots
// (none of them contains one): version, row id, time (UTC, basic ISO form), the row's hash, and the Ed25519
// signature (base64url) of everything before the last dot. Shared with the browser: no crypto here.

export interface AuditHead {
  /** The audit row the head names (0: the chain was empty). */
  id: number;
  /** When the head was signed (ISO 8601). */
  at: string;
  /** That row's hash. */
  hash: string;
  signature: string;
}

/** A head as published: the head, its text, and the public key that checks it. */
export interface PublishedHead extends AuditHead {
  text: string;
  /** Raw Ed25519 public key, base64url. */
  publicKey: string;
  keyId: string;
}

const VERSION = "ph1";

/** 2026-12-02T16:30:00.000Z -> 20261202T163000Z */
const compactTime = (iso: string) => iso.replace(/\.\d+Z$/, "Z").replace(/[-:]/g, "");
/** 20261202T163000Z -> 2026-12-02T16:30:00.000Z */
const isoTime = (compact: string) =>
  `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}T${compact.slice(9, 11)}:${compact.slice(11, 13)}:${compact.slice(13, 15)}.000Z`;

/** What the signature covers: the head's text without its signature. */
export function headMessage(head: Omit<AuditHead, "signature">) {
  return [VERSION, head.id, compactTime(head.at), head.hash].join(".");
}

export function headText(head: AuditHead) {
  return `${headMessage(head)}.${head.signature}`;
}

/** The signing time with whole seconds, as the text carries it. */
export const headTime = (date: Date) => isoTime(compactTime(date.toISOString()));

const TEXT = /^ph1\.(\d{1,15})\.(\d{8}T\d{6}Z)\.([0-9a-f]{64})\.([A-Za-z0-9_-]{86})$/;

/** Reads a kept head's text (spaces and line breaks from copying a printout are ignored), or null. */
export function parseHeadText(text: string): AuditHead | null {
  const m = TEXT.exec(text.replace(/\s+/g, ""));
  if (!m) return null;
  const at = isoTime(m[2]);
  if (Number.isNaN(Date.parse(at))) return null;
  return { id: Number(m[1]), at, hash: m[3], signature: m[4] };
}
