// Express -> Remix, as @remix-run/express does it, but with the request the boundary accepted
// (server/request-boundary.ts): its URL, built from a Host that was checked, and its body, already read
// within the route's cap. Remix never reads from the connection itself, so no route can read more than the
// boundary allowed, and a request target or Host that cannot make a URL never reaches it.
import {
  createRequestHandler,
  writeReadableStreamToWritable,
  type AppLoadContext,
  type ServerBuild,
} from "@remix-run/node";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import { boundedRequest } from "./request-boundary";

export function remixHandler({
  build,
  mode,
  getLoadContext,
}: {
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: string;
  getLoadContext: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext;
}) {
  const handleRequest = createRequestHandler(build, mode);
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      const bounded = boundedRequest(req);
      if (!bounded) throw new Error("request did not pass the request boundary");
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one);
      }
      if (bounded.contentType) headers.set("Content-Type", bounded.contentType);
      // Loaders and actions are aborted when the answer can no longer be written (the client went away).
      let controller: AbortController | null = new AbortController();
      res.on("finish", () => (controller = null));
      res.on("close", () => controller?.abort());
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      const request = new Request(bounded.url.href, {
        method: req.method,
        headers,
        signal: controller.signal,
        ...(hasBody ? { body: new Uint8Array(bounded.body ?? Buffer.alloc(0)) } : {}),
      });
      const response = await handleRequest(request, getLoadContext(req, res));
      await send(res, response);
    } catch (error) {
      next(error);
    }
  };
}

async function send(res: ExpressResponse, response: Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  // A 304 has no body, and a browser merges its headers into the copy it keeps: a new CSP nonce there would
  // no longer match the kept page's scripts.
  if (response.status === 304) res.removeHeader("Content-Security-Policy");
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (/text\/event-stream/i.test(response.headers.get("Content-Type") ?? "")) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}
