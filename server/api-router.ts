// The JSON API's own router (docs/decisions/035-api-router.md): every request under /api is answered here,
// on Node's request and response, without Express and without Remix's request handler. The endpoints stay
// Remix resource routes (app/routes/api.*.ts): the router reads them from the build's route manifest, so a
// new route module is served without code here, matches a path with the same function and precedence as
// Remix (@remix-run/router's matchRoutes), and calls the module's loader (GET, HEAD, OPTIONS) or action
// with the same arguments Remix gives it: a Fetch-API Request, the params and the load context. What Remix
// does around a resource route's answer is kept as it was (a thrown Response, a missing loader or action,
// an unexpected error, HEAD without a body), so every answer has the same status, headers and body as
// before (tests/api-router.test.ts compares them with Remix's own handler).
import type { IncomingMessage, ServerResponse } from "node:http";
import { writeReadableStreamToWritable, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import { matchRoutes, type AgnosticRouteObject } from "@remix-run/router";
import { jsonText } from "~/utils/http.server";
import { boundedRequest } from "./request-boundary";

type Build = ServerBuild | (() => Promise<ServerBuild>);
type RouteModule = ServerBuild["routes"][string]["module"];
type ApiRoute = AgnosticRouteObject & { id: string; path?: string; module?: RouteModule; children?: ApiRoute[] };

/**
 * Whether a path is the API's (answered here) rather than a page's: its first segment is `api` as Remix
 * matches it, that is decoded and in any case ("/API/v1", "/%61pi/v1").
 */
export function isApiPath(pathname: string): boolean {
  const first = pathname.split("/", 2)[1] ?? "";
  if (first.length < 3 || first.length > 9) return false;
  try {
    return decodeURIComponent(first).toLowerCase() === "api";
  } catch {
    return false;
  }
}

const trees = new WeakMap<ServerBuild, ApiRoute[]>();

/**
 * The build's route tree cut down to the routes under /api: the root and, below it, every route whose path
 * begins with the `api` segment, with all its children. Remix ranks the same routes the same way; no route
 * outside this tree can match a path under /api (the page routes all begin with a segment of their own).
 */
export function apiRouteTree(build: ServerBuild): ApiRoute[] {
  const known = trees.get(build);
  if (known) return known;
  const childrenOf = (parentId: string): ApiRoute[] =>
    Object.values(build.routes)
      .filter((route) => route.parentId === parentId)
      .map((route) => ({
        id: route.id,
        path: route.path,
        index: route.index,
        caseSensitive: route.caseSensitive,
        module: route.module,
        children: route.index ? undefined : childrenOf(route.id),
      })) as ApiRoute[];
  const rootId = Object.values(build.routes).find((route) => !route.parentId)!.id;
  const api = childrenOf(rootId).filter((route) => !route.index && /^api(\/|$)/i.test(route.path ?? ""));
  const apiTree: ApiRoute[] = [{ id: rootId, path: build.routes[rootId].path ?? "", children: api }];
  trees.set(build, apiTree);
  return apiTree;
}

/** The answer Remix gives when a resource route lacks the handler a method needs, or a handler fails. */
function remixError(status: number, statusText: string) {
  return new Response(JSON.stringify({ message: "Unexpected Server Error" }), {
    status,
    statusText,
    headers: { "Content-Type": "application/json; charset=utf-8", "X-Remix-Error": "yes" },
  });
}

const isResponse = (value: unknown): value is Response => value instanceof Response;

async function callRoute(
  module: RouteModule,
  args: { request: Request; params: Record<string, string | undefined>; context: AppLoadContext },
  handleError: (error: unknown) => void,
): Promise<Response> {
  const method = args.request.method;
  const isLoader = method === "GET" || method === "HEAD" || method === "OPTIONS";
  const handler = isLoader ? module.loader : module.action;
  if (!handler) {
    // Remix's own refusal of a route without the handler (logged by entry.server's handleError, which
    // leaves out client errors): 400 for a read, 405 for a change.
    return isLoader ? remixError(400, "Bad Request") : remixError(405, "Method Not Allowed");
  }
  try {
    const result: unknown = await handler(args as never);
    if (isResponse(result)) return result;
    console.warn(`The ${isLoader ? "loader" : "action"} of an API route answered data, not a Response.`);
    return new Response(JSON.stringify(result), {
      headers: { "Content-Type": "application/json; charset=utf-8" },
    });
  } catch (error) {
    if (isResponse(error)) {
      // Remix marks a thrown Response so; kept so that answers stay the same. (A Response's headers may be
      // immutable, as Response.redirect's are: then a copy carries the mark, as Remix always makes one.)
      try {
        error.headers.set("X-Remix-Catch", "yes");
        return error;
      } catch {
        const headers = new Headers(error.headers);
        headers.set("X-Remix-Catch", "yes");
        return new Response(error.body, { status: error.status, statusText: error.statusText, headers });
      }
    }
    handleError(error);
    return new Response("Unexpected Server Error", { status: 500, headers: { "Content-Type": "text/plain" } });
  }
}

/** Request headers as Node joined them (cookies with "; "), for a Fetch-API Request. */
function headersOf(req: IncomingMessage, contentType: string | undefined): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.append(name, value);
    else if (value) for (const one of value) headers.append(name, one);
  }
  if (contentType) headers.set("Content-Type", contentType);
  return headers;
}

const NO_BODY_STATUS = new Set([101, 204, 205, 304]);

/** Writes a Fetch-API Response on Node's response: JSON in one write, anything else streamed as it comes. */
async function send(res: ServerResponse, response: Response, method: string) {
  res.statusCode = response.status;
  if (response.statusText) res.statusMessage = response.statusText;
  const cookies = response.headers.getSetCookie();
  for (const [name, value] of response.headers) if (name !== "set-cookie") res.setHeader(name, value);
  if (cookies.length) res.setHeader("Set-Cookie", cookies);
  if (!response.body || method === "HEAD" || NO_BODY_STATUS.has(response.status)) {
    res.end();
    return;
  }
  const type = response.headers.get("Content-Type") ?? "";
  if (type.startsWith("application/json")) {
    // The API's answers are small JSON documents: read whole and written at once rather than through a
    // stream reader, chunked as before (clients that read raw HTTP see the same framing).
    const text = jsonText(response);
    const body = text === undefined ? Buffer.from(await response.arrayBuffer()) : Buffer.from(text);
    res.cork();
    res.write(body);
    res.end();
    res.uncork();
    return;
  }
  if (/text\/event-stream/i.test(type)) res.flushHeaders();
  await writeReadableStreamToWritable(response.body, res);
}

export interface ApiRouterOptions {
  build: Build;
  /** The load context of a request, the same the pages get. */
  getLoadContext: (req: IncomingMessage, res: ServerResponse) => AppLoadContext;
  /** Errors a route did not handle (entry.server's handleError, as Remix calls it). */
  handleError?: (error: unknown, args: { request: Request }) => void;
}

/**
 * Answers a request under /api that the request boundary accepted. Calls `next` for a path that does not
 * lead to a resource route (there is none while `api.$.ts` answers every unknown API path).
 */
export function apiRouter({ build, getLoadContext, handleError }: ApiRouterOptions) {
  return async (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => {
    try {
      const bounded = boundedRequest(req);
      if (!bounded) throw new Error("request did not pass the request boundary");
      const current = typeof build === "function" ? await build() : build;
      const matches = matchRoutes(apiRouteTree(current), bounded.url.pathname);
      const leaf = matches?.[matches.length - 1];
      const module = (leaf?.route as ApiRoute | undefined)?.module;
      if (!leaf || !module || module.default || module.ErrorBoundary) return next();
      // The Request's signal is not tied to the connection, as Remix's adapter does it: no API route
      // stops its work for a client that went away (a write is committed either way), and a signal that
      // follows another costs each request a WeakRef and a finalizer (28 µs of CPU, then a full garbage
      // collection's work; docs/BENCHMARKS.md).
      const method = req.method ?? "GET";
      const hasBody = method !== "GET" && method !== "HEAD";
      const request = new Request(bounded.url.href, {
        method,
        headers: headersOf(req, bounded.contentType),
        ...(hasBody ? { body: new Uint8Array(bounded.body ?? Buffer.alloc(0)) } : {}),
      });
      const args = { request, params: leaf.params, context: getLoadContext(req, res) };
      const onError = (error: unknown) => (handleError ?? current.entry.module.handleError)?.(error, args as never);
      const response = await callRoute(module, args, onError);
      await send(res, response, method);
    } catch (error) {
      next(error);
    }
  };
}
