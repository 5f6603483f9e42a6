// How large a request body each route takes: the one table. The server (server/request-boundary.ts) refuses
// a larger body with a 413 before anything reads it, by its Content-Length at once and by counting the bytes
// of a chunked body; the route helpers that read bodies (readBytes, readJson) ask the same table. A route
// that is not listed gets DEFAULT_BODY_BYTES, so a new route is capped without anyone remembering to.
import { MAX_DOCUMENT_BYTES } from "~/lib/documents";
import { MAX_IMPORT_BYTES, MAX_VOTER_IMPORT_BYTES } from "~/lib/imports";
import { MAX_PHOTO_BYTES } from "~/lib/photos";
import { MAX_ACTIVITY_IMPORT_BYTES } from "~/lib/supervision";
import { MAX_EVIDENCE_FILES } from "~/models/cases.server";
import { MAX_REPORT_BYTES } from "~/models/reports.server";
import { decodedSegment } from "./params.server";

const KB = 1024;

/** Room for the fields and multipart framing around an uploaded file. */
const FORM_OVERHEAD = 64 * KB;

/** Evidence files a reporter sends at once, with the form around them. */
const CASE_EVIDENCE_BYTES = MAX_EVIDENCE_FILES * MAX_DOCUMENT_BYTES + FORM_OVERHEAD;

/** Any route not in the table: the largest JSON body a route takes (a complete C.Hasil is a few KB). */
export const DEFAULT_BODY_BYTES = 64 * KB;

/** A cap, or one cap for multipart bodies (the ones that carry files) and another for anything else. */
export type BodyLimit = number | { multipart: number; other: number };

/**
 * Caps by route path, as the route's URL pattern (`:name` for a parameter). Only routes that need another
 * size than the default are listed; each path must be a route of the app (tests/request-boundary.test.ts).
 */
export const BODY_LIMITS: Record<string, BodyLimit> = {
  // The login form: a login name, a secret and where to go next.
  "/login": 1 * KB,
  "/api/v1/session": 4 * KB,
  "/language": 1 * KB,
  "/logout": 1 * KB,
  // Changing one's own secret: the current one and the new one twice.
  "/sandi": 2 * KB,
  "/api/v1/session/secret": 2 * KB,
  "/api/v1/sms": 8 * KB,
  // Fifty TPS of counts and times fit well within this.
  "/api/v1/outbox-held": 8 * KB,
  "/api/v1/photos": MAX_PHOTO_BYTES + FORM_OVERHEAD,
  // Citizen reports: a photo only in a multipart form; the JSON API takes text alone.
  // The report form adds up to MAX_EVIDENCE_FILES evidence files beside version 1's photo.
  "/api/v1/public/reports": { multipart: MAX_REPORT_BYTES + CASE_EVIDENCE_BYTES, other: 16 * KB },
  "/publik/lapor": { multipart: MAX_REPORT_BYTES + CASE_EVIDENCE_BYTES, other: 16 * KB },
  // Voter lists: a whole city in one file (listed before the other kinds: the first pattern that fits wins).
  "/api/v1/admin/imports/voters": MAX_VOTER_IMPORT_BYTES,
  "/api/v1/admin/imports/:kind": MAX_IMPORT_BYTES,
  // The page takes every kind; each kind's own cap is checked on the file (importBytesOf).
  "/admin/impor": MAX_VOTER_IMPORT_BYTES + FORM_OVERHEAD,
  // The data centre's activity log: one activity, or a CSV of many (multipart).
  "/pengawasan": { multipart: MAX_ACTIVITY_IMPORT_BYTES + FORM_OVERHEAD, other: 8 * KB },
  // One lookup in the voter list: an id, a TPS, a time and at most 20 row numbers.
  "/api/v1/voter-checks": 2 * KB,
  // The TPS supervision report's signed scan (decision 048): one document, by the API and the report's page.
  "/api/v1/supervision-reports/:tps/scan": MAX_DOCUMENT_BYTES + FORM_OVERHEAD,
  "/laporan/:tps": { multipart: MAX_DOCUMENT_BYTES + FORM_OVERHEAD, other: 4 * KB },
  // Process disputes: a petition or decision document (multipart) beside the text fields; JSON is text alone.
  "/api/v1/disputes": { multipart: MAX_DOCUMENT_BYTES + FORM_OVERHEAD, other: 32 * KB },
  "/api/v1/disputes/:id/documents": MAX_DOCUMENT_BYTES + FORM_OVERHEAD,
  "/sengketa/baru": MAX_DOCUMENT_BYTES + FORM_OVERHEAD,
  "/sengketa/:id": MAX_DOCUMENT_BYTES + FORM_OVERHEAD,

  // --- Violation cases: a report with its evidence files, the reporter's completion, a staff document ---
  "/api/v1/public/reports/:code/complete": { multipart: CASE_EVIDENCE_BYTES, other: 16 * KB },
  "/publik/lacak": { multipart: CASE_EVIDENCE_BYTES, other: 16 * KB },
  "/api/v1/cases/:id/documents": MAX_DOCUMENT_BYTES + FORM_OVERHEAD,
  "/kasus/:id": { multipart: MAX_DOCUMENT_BYTES + FORM_OVERHEAD, other: 32 * KB },
};

// As the router reads them: each segment decoded, letters in any case (`/%4Cogin` is the login route).
const segments = (path: string) =>
  path
    .split("/")
    .filter(Boolean)
    .map((s) => decodedSegment(s).toLowerCase());

const PATTERNS = Object.entries(BODY_LIMITS).map(([pattern, limit]) => ({ parts: segments(pattern), limit }));

/**
 * The route path a request URL's pathname is for: Remix's single-fetch data requests (`/login.data`,
 * `/_root.data` for `/`) go to the same route as the page.
 */
export function routePathOf(pathname: string): string {
  if (!pathname.endsWith(".data")) return pathname;
  const page = pathname.slice(0, -".data".length);
  return page === "/_root" ? "/" : page;
}

/** The largest body a request to `pathname` with this Content-Type may send, in bytes. */
export function bodyLimit(pathname: string, contentType: string | null | undefined): number {
  const parts = segments(routePathOf(pathname));
  const found = PATTERNS.find(
    (p) => p.parts.length === parts.length && p.parts.every((s, i) => s.startsWith(":") || s === parts[i]),
  );
  const limit = found?.limit ?? DEFAULT_BODY_BYTES;
  if (typeof limit === "number") return limit;
  return (contentType ?? "").toLowerCase().startsWith("multipart/form-data") ? limit.multipart : limit.other;
}
