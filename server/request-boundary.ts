// The request boundary: what every HTTP request passes before any route sees it (docs/SECURITY.md, "Every
// request is bounded"; docs/decisions/027-request-boundary.md).
// - Only the methods Pantau serves: TRACE, TRACK, CONNECT and the like get a 405.
// - Only origin-form targets ("/path?query") with a readable Host: absolute-form ("http://evil/x") and "*"
//   get a 400.
// - A request that changes state (POST, PUT, PATCH, DELETE) from a browser must come from this server's own
//   origin (or one in PUBLIC_ORIGIN): a 403 otherwise. Requests without Origin and Sec-Fetch-Site (API
//   clients, SMS gateways, curl) pass: a browser always sends one of them, and only a browser carries a
//   victim's cookie.
// - The body is capped by its route's limit (app/utils/body-limits.server.ts): by Content-Length before a
//   byte is read, by counting for a chunked body; the answer is a 413 and the connection is closed, so the
//   rest is never kept. The capped body is read here, once, and handed to the route (server/api-router.ts,
//   server/remix-handler.ts).
// - A refusal closes its connection the way web servers do ("lingering close"): the answer and a FIN go out,
//   and what the client still sends is read and thrown away, bounded in bytes and time, until it closes.
//   Closing at once with unread bytes makes the kernel send a reset, and a reset makes the client's kernel
//   drop the answer it had not read yet: the client saw a broken connection instead of the 413.
// - Outside /api, a body is a form (that is all a page action or a form route reads): anything else is a 400.
// A refusal is a problem worded at the one boundary (app/utils/problem-answer.server.ts): JSON under /api,
// a small page otherwise, in the caller's language.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";
import { formatSize } from "~/lib/format";
import { translate } from "~/lib/i18n";
import { requestBoundaryMessages } from "~/lib/messages/request-boundary";
import { problem, type Problem } from "~/lib/problems";
import { bodyLimit } from "~/utils/body-limits.server";
import { apiLang, requestLang } from "~/utils/lang.server";
import { parameterProblems } from "~/utils/params.server";
import { describeProblem, problemMessage } from "~/utils/problem-answer.server";

/** The methods any route answers; the others (TRACE, TRACK, CONNECT, WebDAV's ...) are refused with a 405. */
export const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const ALLOWED = new Set<string>(METHODS);
const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Express's compiled "trust proxy" setting: whether the hop at `address` may speak for the client. */
export type TrustProxy = (address: string, hop: number) => boolean;

export interface BoundaryOptions {
  trustProxy: TrustProxy;
  /** Origins a browser may also send state-changing requests from (PUBLIC_ORIGIN). */
  allowedOrigins: readonly string[];
}

/** What the boundary learnt of an accepted request: its full URL and its (capped, read) body. */
export interface BoundedRequest {
  url: URL;
  body: Buffer | null;
  contentType: string | undefined;
}

const accepted = new WeakMap<IncomingMessage, BoundedRequest>();

/** The URL and body of a request the boundary accepted; undefined for one it never saw. */
export const boundedRequest = (req: IncomingMessage) => accepted.get(req);

const firstValue = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value)?.split(",")[0]?.trim() || undefined;

// A host name or address with an optional port, as Host and X-Forwarded-Host carry it.
const HOST = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/i;

/**
 * The origin the client addressed: scheme and host as the browser saw them. Behind a trusted reverse proxy
 * (TRUST_PROXY), its X-Forwarded-Proto and X-Forwarded-Host say what the browser used; otherwise the
 * connection and the Host header do. Null when the host cannot be read.
 */
export function ownOrigin(req: IncomingMessage, trustProxy: TrustProxy): string | null {
  const viaProxy = trustProxy(req.socket.remoteAddress ?? "", 0);
  const forwardedProto = viaProxy ? firstValue(req.headers["x-forwarded-proto"])?.toLowerCase() : undefined;
  const proto = forwardedProto ?? ((req.socket as TLSSocket).encrypted ? "https" : "http");
  // HTTP/1.1 requires Host (Node refuses a request without it); an HTTP/1.0 request may leave it out.
  const host = (viaProxy ? firstValue(req.headers["x-forwarded-host"]) : undefined) ?? req.headers.host ?? "localhost";
  if (!HOST.test(host) || (proto !== "http" && proto !== "https")) return null;
  try {
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return null;
  }
}

/** The origin of an Origin header, normalised ("HTTPS://Example.org:443" -> "https://example.org"); null for "null". */
function originOf(header: string): string | null {
  try {
    const origin = new URL(header).origin;
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

/**
 * Whether a browser sent this request from another site: its Origin is neither this server's nor one of
 * `allowedOrigins`, or, without Origin, its Sec-Fetch-Site is not "same-origin" (or "none": typed by the
 * user). Answers what the request claims to come from, or null when it may pass. A request with neither
 * header is not from a browser and passes.
 */
export function foreignOrigin(req: IncomingMessage, options: BoundaryOptions): string | null {
  const header = firstValue(req.headers.origin);
  if (header !== undefined) {
    const origin = originOf(header);
    if (origin && (origin === ownOrigin(req, options.trustProxy) || options.allowedOrigins.includes(origin)))
      return null;
    return header;
  }
  const site = firstValue(req.headers["sec-fetch-site"])?.toLowerCase();
  if (site === undefined || site === "same-origin" || site === "none") return null;
  return site;
}

const isApi = (path: string) => path === "/api" || path.startsWith("/api/");

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Request-like enough for the language helpers, which read only the Cookie and Accept-Language headers. */
function languageSource(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const name of ["cookie", "accept-language"]) {
    const value = req.headers[name];
    if (typeof value === "string") headers.set(name, value);
  }
  return new Request("http://pantau.invalid/", { headers });
}

/**
 * How long, and how much of, a refused request's body is still read and thrown away before the connection is
 * cut. Time is what matters (the client must get to read the answer: nginx's lingering_time); the bytes only
 * bound a client that pours without ever reading.
 */
export const LINGER = { bytes: 16 * 1024 * 1024, ms: 2_000 };

/**
 * Closes a refused request's connection without losing the answer: Node closes a `Connection: close` answer's
 * socket as soon as the answer is written (`destroySoon`), with the unread body still in the kernel's buffer,
 * which sends a reset. Instead the FIN goes out, the rest of the body is drained into nothing and the socket
 * is destroyed when the client closes its side, or after LINGER's bytes or time.
 */
function closeLingering(req: IncomingMessage) {
  const socket = req.socket;
  if (req.complete || socket.destroyed) return;
  socket.destroySoon = () => {
    let drained = 0;
    const cut = () => {
      clearTimeout(timer);
      socket.destroy();
    };
    const timer = setTimeout(cut, LINGER.ms);
    timer.unref();
    socket.once("close", () => clearTimeout(timer));
    req.on("data", (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > LINGER.bytes) cut();
    });
    req.once("end", cut);
    req.once("error", cut);
    req.once("aborted", cut);
    socket.end();
    req.resume();
  };
}

/**
 * Answers a refused request and closes the connection: the request's body (if any) is not kept, so the
 * connection cannot carry another request. JSON problem under /api, a short page elsewhere.
 */
export function refuse(req: IncomingMessage, res: ServerResponse, p: Problem, headers: Record<string, string> = {}) {
  const path = (req.url ?? "").split("?")[0];
  const source = languageSource(req);
  res.shouldKeepAlive = false;
  closeLingering(req);
  const common = { ...headers, Connection: "close", "Cache-Control": "no-store" };
  if (isApi(path)) {
    const lang = apiLang(source);
    const answer = describeProblem(p, lang);
    const body = JSON.stringify(answer.body);
    res.writeHead(answer.status, {
      ...answer.headers,
      ...common,
      "Content-Type": "application/json; charset=utf-8",
      "Content-Length": Buffer.byteLength(body),
    });
    res.end(body);
    return;
  }
  const lang = requestLang(source);
  const { status } = describeProblem(p, lang);
  const t = (key: "boundary.refused" | "boundary.home") => translate(lang, requestBoundaryMessages, key);
  const body = [
    "<!doctype html>",
    `<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(t("boundary.refused"))} · Pantau</title></head>`,
    `<body><h1>${escapeHtml(t("boundary.refused"))}</h1><p>${escapeHtml(problemMessage(p, lang))}</p>`,
    `<p><a href="/">${escapeHtml(t("boundary.home"))}</a></p></body></html>`,
  ].join("");
  res.writeHead(status, {
    ...common,
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
  });
  res.end(body);
}

const tooLarge = (req: IncomingMessage, limit: number) =>
  problem.tooLarge({
    key: "boundary.tooLarge",
    params: { limit: formatSize(limit, requestLang(languageSource(req))) },
    closeConnection: true,
  });

/** Answers 413 for a body over `limit` bytes and closes the connection without reading the rest. */
export const refuseTooLarge = (req: IncomingMessage, res: ServerResponse, limit: number) =>
  refuse(req, res, tooLarge(req, limit));

/** The declared body length: a number, null without Content-Length (chunked or no body). */
function declaredLength(req: IncomingMessage): number | null {
  const header = req.headers["content-length"];
  return header === undefined ? null : Number(header);
}

const hasBody = (req: IncomingMessage) => {
  const length = declaredLength(req);
  return length === null ? req.headers["transfer-encoding"] !== undefined : length > 0;
};

/**
 * Refuses at once, before any body is read, what the request line and headers already tell: the method, the
 * target, the Host, another site's origin, a declared length over the route's cap, a control character in
 * a path segment or query parameter. Otherwise the request may go on, with its URL and cap.
 */
export function screen(
  req: IncomingMessage,
  options: BoundaryOptions,
): { problem: Problem; headers?: Record<string, string> } | { url: URL; limit: number } {
  if (!ALLOWED.has(req.method ?? "")) {
    return { problem: problem.methodNotAllowed(), headers: { Allow: METHODS.join(", ") } };
  }
  const target = req.url ?? "";
  const origin = ownOrigin(req, options.trustProxy);
  if (!target.startsWith("/") || !origin) return { problem: problem.badRequest() };
  let url: URL;
  try {
    url = new URL(`${origin}${target}`);
  } catch {
    return { problem: problem.badRequest() };
  }
  if (STATE_CHANGING.has(req.method!)) {
    const foreign = foreignOrigin(req, options);
    if (foreign !== null)
      return { problem: problem.forbidden({ key: "boundary.crossOrigin", params: { origin: foreign } }) };
  }
  const limit = bodyLimit(url.pathname, req.headers["content-type"]);
  const length = declaredLength(req);
  if (length !== null && length > limit) return { problem: tooLarge(req, limit) };
  const controlled = parameterProblems(url);
  if (controlled.length) return { problem: problem.badParameters(controlled) };
  return { url, limit };
}

/** Reads a body up to `limit` bytes; null when it went over (the caller answers 413 and stops reading). */
function readCapped(req: IncomingMessage, limit: number): Promise<Buffer | null | "aborted"> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (value: Buffer | null | "aborted") => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onAbort);
      req.off("aborted", onAbort);
      resolve(value);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        req.pause();
        done(null);
      } else chunks.push(chunk);
    };
    const onEnd = () => done(Buffer.concat(chunks, size));
    const onAbort = () => done("aborted");
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onAbort);
    req.on("aborted", onAbort);
  });
}

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

/** Whether a body outside /api is a form that can be read (what page actions and form routes take). */
async function isReadableForm(body: Buffer, contentType: string | undefined): Promise<boolean> {
  const type = (contentType ?? "").toLowerCase();
  if (!FORM_TYPES.some((t) => type.startsWith(t))) return false;
  try {
    await new Response(new Uint8Array(body), { headers: { "Content-Type": contentType! } }).formData();
    return true;
  } catch {
    return false;
  }
}

/** The boundary as middleware on Node's request, first in line after the security headers (server/app.ts). */
export function requestBoundary(options: BoundaryOptions) {
  return async (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const screened = screen(req, options);
    if ("problem" in screened) return refuse(req, res, screened.problem, screened.headers);
    const { url, limit } = screened;
    let body: Buffer | null = null;
    let contentType = req.headers["content-type"];
    if (hasBody(req)) {
      const read = await readCapped(req, limit);
      if (read === "aborted") return; // the client went away: nobody to answer
      if (read === null) return refuseTooLarge(req, res, limit);
      body = read;
    }
    if (req.method !== "GET" && req.method !== "HEAD" && req.method !== "OPTIONS" && !isApi(url.pathname)) {
      if (!body?.length && !contentType) {
        // An empty POST (a logout from the service worker) is an empty form.
        contentType = "application/x-www-form-urlencoded";
      } else if (!(await isReadableForm(body ?? Buffer.alloc(0), contentType))) {
        return refuse(req, res, problem.badForm({ key: "boundary.badForm" }));
      }
    }
    accepted.set(req, { url, body, contentType });
    next();
  };
}

/**
 * An `Expect: 100-continue` request is screened before the client is told to send its body: a body over the
 * cap is never sent at all. Install with `httpServer.on("checkContinue", ...)`.
 */
export function continueOrRefuse(
  options: BoundaryOptions,
  emitRequest: (req: IncomingMessage, res: ServerResponse) => void,
) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const screened = screen(req, options);
    if ("problem" in screened) return refuse(req, res, screened.problem, screened.headers);
    res.writeContinue();
    emitRequest(req, res);
  };
}

/** CONNECT asks the server to be a proxy: Pantau is not one (405 rather than Node's silent close). */
export function refuseConnect(socket: import("node:stream").Duplex) {
  const body = "405 Method Not Allowed: Pantau is not a proxy.\n";
  socket.end(
    [
      "HTTP/1.1 405 Method Not Allowed",
      `Allow: ${METHODS.join(", ")}`,
      "Content-Type: text/plain; charset=utf-8",
      `Content-Length: ${Buffer.byteLength(body)}`,
      "Connection: close",
      "",
      body,
    ].join("\r\n"),
  );
}
