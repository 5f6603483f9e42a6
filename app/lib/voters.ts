// The voter-list check (SPEC section 10, docs/decisions/047-voter-list-check.md, docs/PRIVACY.md): what a TPS's
// list holds once imported, the NIK's format check, the age band that stands in for a birth date, and the keyed
// slow hash an NIK is compared through. Shared by the import, the server's list and the officer's phone.
// Relative imports only: the phone's store and the service worker read it too.

export const VOTER_STATUSES = ["dpt", "dptb", "dpk"] as const;
export type VoterStatus = (typeof VOTER_STATUSES)[number];
export type VoterSex = "L" | "P";

/**
 * The slow hash of an NIK: PBKDF2-HMAC-SHA256 with the TPS's salt (an HMAC of the TPS code under the voter
 * key, which never leaves the server) and this many iterations. Chosen by measuring a city's import
 * (`npm run bench -- voters`, figures in the decision): a city of 635 TPS hashes in about a minute on two cores.
 */
export const NIK_HASH_ITERATIONS = 2_000;
export const NIK_HASH_BYTES = 32;

/** A voter as the officer's phone receives it: never the NIK, only its keyed slow hash (base64url). */
export interface ListedVoter {
  row: number;
  name: string;
  sex: VoterSex;
  ageBand: string;
  rt: string;
  rw: string;
  status: VoterStatus;
  nikHash: string;
}

/** The list of one TPS as the phone downloads it. */
export interface VoterListDownload {
  tpsCode: string;
  importedAt: string;
  /** The TPS's salt for the NIK hash (base64url): derived from the voter key, which stays on the server. */
  salt: string;
  iterations: number;
  voters: ListedVoter[];
}

/** Whether the phone may keep a TPS's list (GET /api/v1/voter-status/:code). */
export interface VoterListStatus {
  keep: boolean;
  /** Why not: the TPS reported every contest, or the session is not this TPS's officer any more. */
  reason: "reported" | "other_tps" | null;
  reportedAt: string | null;
}

/** A lookup as the phone records it and the outbox sends it: never the name typed or the NIK. */
export interface VoterCheckRecord {
  id: string;
  tpsCode: string;
  kind: "name" | "nik";
  matched: boolean;
  rows: number[];
  checkedAt: string;
}
/** At most this many row numbers of one name search are recorded. */
export const MAX_CHECK_ROWS = 20;

/**
 * An NIK (Nomor Induk Kependudukan) as Dukcapil writes it: 16 digits; the first 6 the kecamatan of
 * registration (province 11-94), then the birth date as DDMMYY with 40 added to the day for women, then a
 * serial from 0001. Returns a problem code, or null when it is well formed.
 */
export function nikProblem(nik: string, sex?: VoterSex | null): "format" | "region" | "date" | "sex" | null {
  if (!/^\d{16}$/.test(nik)) return "format";
  const province = Number(nik.slice(0, 2));
  if (province < 11 || province > 94) return "region";
  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const female = rawDay > 40;
  const day = female ? rawDay - 40 : rawDay;
  if (day < 1 || day > 31 || month < 1 || month > 12 || nik.slice(12) === "0000") return "date";
  if (sex && (sex === "P") !== female) return "sex";
  return null;
}

/** Age bands shown instead of a birth date. */
const BAND_EDGES = [20, 30, 40, 50, 60, 70];
export function ageBand(age: number): string {
  // Under 20: a voter may be younger than 17 when married, so the band starts at 0 ("≤ 19" on screen).
  if (age < BAND_EDGES[0]) return "00-19";
  for (let i = 1; i < BAND_EDGES.length; i++)
    if (age < BAND_EDGES[i]) return `${BAND_EDGES[i - 1]}-${BAND_EDGES[i] - 1}`;
  return `${BAND_EDGES[BAND_EDGES.length - 1]}+`;
}

/** Whole years between a birth date and a day (both YYYY-MM-DD, as calendar dates). */
export function ageOn(birth: { y: number; m: number; d: number }, on: Date): number {
  const y = on.getUTCFullYear();
  const m = on.getUTCMonth() + 1;
  const d = on.getUTCDate();
  return y - birth.y - (m < birth.m || (m === birth.m && d < birth.d) ? 1 : 0);
}

const b64url = (bytes: Uint8Array) => {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
};
export const fromBase64url = (text: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(atob(text.replaceAll("-", "+").replaceAll("_", "/")), (c) => c.charCodeAt(0));
export const toBase64url = b64url;

/** The NIK's slow hash with WebCrypto (the phone): the same bytes the server stored at import. */
export async function hashNik(
  nik: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations = NIK_HASH_ITERATIONS,
): Promise<string> {
  const material = await crypto.subtle.importKey("raw", new TextEncoder().encode(nik), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations },
    material,
    NIK_HASH_BYTES * 8,
  );
  return b64url(new Uint8Array(bits));
}
