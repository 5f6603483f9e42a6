// JSON API helpers: one error shape everywhere ({message, code, errors?}), bounded body reading, and a
// wrapper that turns anything unexpected into a 503/500 without leaking a stack trace.
import type { Lang } from "~/lib/i18n";
import { createHash } from "node:crypto";
import { problem, type Problem, type ProblemOptions } from "~/lib/problems";
import { bodyLimit } from "./body-limits.server";
import { apiLang, requestLang } from "./lang.server";
import { describeProblem, problemOf } from "./problem-answer.server";

// Under a registered symbol, not in a module's WeakMap: the server (server/, run from source) and the routes
// (bundled into the build) each have their own copy of this module.
const JSON_TEXT = Symbol.for("pantau.json-text");

export function json(data: unknown, init: number | ResponseInit = 200): Response {
  const base = typeof init === "number" ? { status: init } : init;
  const headers = new Headers(base.headers);
  headers.set("Content-Type", "application/json; charset=utf-8");
  headers.set("Cache-Control", "no-store");
  const text = JSON.stringify(data);
  const response = new Response(text, { ...base, headers });
  Object.defineProperty(response, JSON_TEXT, { value: text });
  return response;
}

/**
 * The text of an answer made by `json`, for the API router (server/api-router.ts) to write without reading
 * the Response's body stream back (a tenth of a small answer's cost); undefined for any other Response.
 */
export const jsonText = (response: Response): string | undefined =>
  response.bodyUsed ? undefined : (response as Response & { [JSON_TEXT]?: string })[JSON_TEXT];

/**
 * Reads a request's body, at most its route's cap (app/utils/body-limits.server.ts: 413 beyond). The server
 * has already refused a larger body before reading it (server/request-boundary.ts) and hands the route the
 * body it read, so this checks the same cap again rather than a second one of its own.
 */
export async function readBytes(request: Request): Promise<Buffer> {
  const limit = bodyLimit(new URL(request.url).pathname, request.headers.get("Content-Type"));
  if (Number(request.headers.get("Content-Length") ?? 0) > limit) throw problem.tooLarge({ closeConnection: true });
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  for (;;) {
    const { done, value } = (await reader?.read()) ?? { done: true, value: undefined };
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader?.cancel().catch(() => {});
      throw problem.tooLarge({ closeConnection: true });
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Reads a multipart body within its route's cap (a huge upload is refused before it is held), then parses
 *  it: another Content-Type is a 415 (its message `key` when the route has its own), a body that does not
 *  parse a 400. */
export async function readMultipart(request: Request, { key }: Pick<ProblemOptions, "key"> = {}): Promise<FormData> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) throw problem.unsupportedMediaType({ key });
  const raw = await readBytes(request);
  try {
    return await new Response(new Uint8Array(raw), { headers: { "Content-Type": type } }).formData();
  } catch {
    throw problem.badMultipart();
  }
}

/** Reads a JSON body within its route's cap, answering 415/413/400 for the wrong type, size or syntax. */
export async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.toLowerCase().startsWith("application/json")) {
    throw problem.unsupportedMediaType();
  }
  const body = await readBytes(request);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    throw problem.badEncoding();
  }
  try {
    return JSON.parse(text);
  } catch {
    throw problem.badJson();
  }
}

/** A problem as the API's JSON answer in the caller's language. */
export function problemResponse(p: Problem, lang: Lang): Response {
  const { status, body, headers } = describeProblem(p, lang);
  return json(body, { status, headers });
}

/** Wraps an API loader/action: problems become their JSON answer, outages a 503, the rest a logged 500. */
export async function handleApi(lang: Lang, fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof Response) return error;
    const known = problemOf(error);
    if (known) return problemResponse(known, lang);
    console.error("API error", error);
    return problemResponse(problem.internal(), lang);
  }
}

/**
 * The action of a read-only API route (`export { readOnlyAction as action }`): a POST, PUT or DELETE gets a 405
 * with a message in the caller's language, where Remix would log an error about the missing action.
 */
export const readOnlyAction = ({ request }: { request: Request }) =>
  handleApi(apiLang(request), async () => {
    throw problem.methodNotAllowed();
  });

// --- Public reads: one way to make them cacheable (docs/decisions/034-public-reads-cached.md) ---

/** How long a browser or shared cache may reuse a public answer before it asks again (seconds). */
export const PUBLIC_MAX_AGE = 5;

/** What identifies one version of a public answer: a tag of its content and when its data last changed. */
export interface Validators {
  /** Any text that changes whenever the answer's content does; it is hashed into the ETag. */
  version: string;
  /** When the data behind the answer last changed; null or absent when unknown. */
  lastModified?: Date | string | null;
  /** Seconds; PUBLIC_MAX_AGE by default. */
  maxAge?: number;
}

/** A short, strong ETag of a version text. */
export const etagOf = (version: string) => `"${createHash("sha256").update(version).digest("base64url").slice(0, 27)}"`;

/**
 * The headers every public read carries: its ETag, Last-Modified (whole seconds, as HTTP dates are), and
 * `Cache-Control: public, max-age` so browsers and shared caches answer repeat readers for a few seconds.
 */
export function cacheHeaders(v: Validators): Headers {
  const headers = new Headers();
  headers.set("ETag", etagOf(v.version));
  const modified = v.lastModified ? new Date(v.lastModified) : null;
  if (modified && !Number.isNaN(modified.getTime())) headers.set("Last-Modified", modified.toUTCString());
  headers.set("Cache-Control", `public, max-age=${v.maxAge ?? PUBLIC_MAX_AGE}`);
  return headers;
}

/**
 * Whether the reader already holds the answer these headers describe (RFC 9110 13.1): If-None-Match against
 * the ETag when the request carries it (weak comparison), else If-Modified-Since against Last-Modified.
 */
export function isNotModified(request: Request, headers: Headers): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const etag = headers.get("ETag");
  const match = request.headers.get("If-None-Match");
  if (match !== null) {
    if (!etag) return false;
    const bare = (tag: string) => tag.trim().replace(/^W\//, "");
    return match.trim() === "*" || match.split(",").some((tag) => bare(tag) === bare(etag));
  }
  const since = Date.parse(request.headers.get("If-Modified-Since") ?? "");
  const modified = Date.parse(headers.get("Last-Modified") ?? "");
  return !Number.isNaN(since) && !Number.isNaN(modified) && modified <= since;
}

/** The 304 for a reader who holds the current version: the validators and caching headers, no body. */
export function notModified(headers: Headers): Response {
  const out = new Headers();
  for (const name of ["ETag", "Last-Modified", "Cache-Control", "Vary", "Access-Control-Allow-Origin"]) {
    const value = headers.get(name);
    if (value !== null) out.set(name, value);
  }
  return new Response(null, { status: 304, headers: out });
}

/**
 * A public read: a 304 when the reader holds this version, else the answer `make` builds (only then), with
 * the validators and caching headers set on it. `extra` headers (CORS) go on both.
 */
export async function publicRead(
  request: Request,
  validators: Validators,
  make: () => Response | Promise<Response>,
  extra: Record<string, string> = {},
): Promise<Response> {
  const headers = cacheHeaders(validators);
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  if (isNotModified(request, headers)) return notModified(headers);
  const response = await make();
  for (const [name, value] of headers) response.headers.set(name, value);
  return response;
}

/** A JSON answer meant for caches (data, or its JSON text): as `json` without its `no-store` (publicRead sets the caching). */
export function publicJson(data: unknown): Response {
  const text = typeof data === "string" ? data : JSON.stringify(data);
  return new Response(text, { headers: { "Content-Type": "application/json; charset=utf-8" } });
}

/**
 * The caching headers of a public page's loader (`data(value, { headers })`): as `cacheHeaders`, with the
 * language in the version, since the page is worded in the reader's language (the only cookie it reads).
 * `Vary: Cookie` tells a shared cache so; the many readers without a cookie share one copy.
 */
export function pageCacheHeaders(request: Request, v: Validators): Headers {
  const headers = cacheHeaders({ ...v, version: `${requestLang(request)}:${v.version}` });
  headers.set("Vary", "Cookie");
  return headers;
}

/** A public page's `headers` export: the caching headers its loader set (entry.server answers 304 from them). */
export function publicPageHeaders({ loaderHeaders }: { loaderHeaders: Headers }): Headers {
  const headers = new Headers();
  for (const name of ["ETag", "Last-Modified", "Cache-Control", "Vary"]) {
    const value = loaderHeaders.get(name);
    if (value !== null) headers.set(name, value);
  }
  return headers;
}
