// JSON API helpers: one error shape everywhere ({message, code, errors?}), bounded body reading, and a
// wrapper that turns anything unexpected into a 503/500 without leaking a stack trace.
import type { Lang } from "~/lib/i18n";
import { problem, type Problem } from "~/lib/problems";
import { apiLang } from "./lang.server";
import { describeProblem, problemOf } from "./problem-answer.server";

export const MAX_JSON_BYTES = 64 * 1024;
// Well above the largest body accepted anywhere (photos, 4 MB): a client a little over a limit still reads its 413.
const MAX_DRAIN_BYTES = 16 * 1024 * 1024;

export function json(data: unknown, init: number | ResponseInit = 200): Response {
  const base = typeof init === "number" ? { status: init } : init;
  const headers = new Headers(base.headers);
  headers.set("Content-Type", "application/json; charset=utf-8");
  headers.set("Cache-Control", "no-store");
  return new Response(JSON.stringify(data), { ...base, headers });
}

/** Reads a body of at most `maxBytes` (413 beyond, by the declared length or while reading). */
export async function readBytes(request: Request, maxBytes: number): Promise<Buffer> {
  const reader = request.body?.getReader();
  // A refused body is read to its end (up to a cap) and the connection closed after the answer: otherwise the
  // client is still sending when the 413 comes, and the unread rest breaks the kept-alive connection.
  const tooLarge = async () => {
    let dropped = 0;
    while (reader && dropped < MAX_DRAIN_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      dropped += value.byteLength;
    }
    await reader?.cancel().catch(() => {});
    return problem.tooLarge({ closeConnection: true });
  };
  if (Number(request.headers.get("Content-Length") ?? 0) > maxBytes) throw await tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) throw await tooLarge();
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks);
}

/** Reads a JSON body of at most `maxBytes`, answering 415/413/400 for the wrong type, size or syntax. */
export async function readJson(request: Request, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.toLowerCase().startsWith("application/json")) {
    throw problem.unsupportedMediaType();
  }
  const body = await readBytes(request, maxBytes);
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
