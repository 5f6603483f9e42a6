// JSON API helpers: one error shape everywhere ({message, code, errors?}), bounded body reading, and a
// wrapper that turns anything unexpected into a 503/500 without leaking a stack trace.
import type { Lang } from "~/lib/i18n";
import { problem, type Problem } from "~/lib/problems";
import { bodyLimit } from "./body-limits.server";
import { apiLang } from "./lang.server";
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
