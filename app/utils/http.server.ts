// JSON API helpers: one error shape everywhere ({message, code, errors?}), bounded body reading, and a
// wrapper that turns anything unexpected into a 503/500 without leaking a stack trace.
import type { Lang, MessageKey } from "~/lib/i18n";
import { translate } from "~/lib/i18n";

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

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

/** Throwable API error; `errors` lists per-field problems (422). */
export class ApiError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
    public errors?: FieldError[],
    public headers?: HeadersInit,
  ) {
    super(message);
  }
  toResponse() {
    return json(
      { message: this.message, code: this.code, ...(this.errors ? { errors: this.errors } : {}) },
      { status: this.status, headers: this.headers },
    );
  }
}

export function apiError(
  lang: Lang,
  status: number,
  code: string,
  key: MessageKey,
  params?: Record<string, string | number>,
  errors?: FieldError[],
) {
  return new ApiError(status, code, translate(lang, key, params), errors);
}

/** A 422 about one field, its message also the answer's message. */
export function fieldError(field: string, code: string, message: string) {
  return new ApiError(422, "invalid", message, [{ field, code, message }]);
}

/** Reads a body of at most `maxBytes` (413 beyond, by the declared length or while reading). */
export async function readBytes(request: Request, lang: Lang, maxBytes: number): Promise<Buffer> {
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
    const error = apiError(lang, 413, "too_large", "api.tooLarge");
    error.headers = { Connection: "close" };
    return error;
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
export async function readJson(request: Request, lang: Lang, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.toLowerCase().startsWith("application/json")) {
    throw new ApiError(
      415,
      "unsupported_media_type",
      lang === "en" ? "Send the body as application/json." : "Kirim isi sebagai application/json.",
    );
  }
  const body = await readBytes(request, lang, maxBytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    throw apiError(lang, 400, "bad_encoding", "api.badJson");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw apiError(lang, 400, "bad_json", "api.badJson");
  }
}

/** True for errors meaning the database is unreachable or overloaded: the client should retry later. */
export function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: string })?.code ?? "";
  return (
    [
      "ECONNREFUSED",
      "ECONNRESET",
      "CONNECTION_CLOSED",
      "CONNECTION_ENDED",
      "CONNECTION_DESTROYED",
      "CONNECT_TIMEOUT",
      "57P01",
      "57P03",
      "53300",
      "08006",
      "08001",
      "08003",
      "40P01",
      "55P03",
      "40001",
    ].includes(code) || /writer closed/.test(String((error as Error)?.message))
  );
}

/** Wraps an API loader/action: ApiErrors become their JSON answer, outages a 503, the rest a logged 500. */
export async function handleApi(lang: Lang, fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof Response) return error;
    if (error instanceof ApiError) return error.toResponse();
    if (isUnavailable(error)) {
      return apiError(lang, 503, "unavailable", "api.unavailable").toResponse();
    }
    console.error("API error", error);
    return json(
      {
        message: lang === "en" ? "Unexpected server error." : "Kesalahan server yang tidak terduga.",
        code: "internal",
      },
      500,
    );
  }
}
