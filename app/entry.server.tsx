// Streams the HTML; bots get the whole document at once. Standard Remix Node entry, kept small.
import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceContext } from "~/lib/nonce";
import { isNotModified, notModified } from "~/utils/http.server";

const ABORT_DELAY = 5_000;

/**
 * Remix logs every error of a request. A refusal of the caller's request (a POST to a page without an action
 * is a 405, an unknown route a 404) is the caller's mistake, not the server's, and anyone could fill the log
 * with them; errors of the server itself are logged as Remix logs them.
 */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status < 500) return;
  const internal = isRouteErrorResponse(error) ? (error as { error?: unknown }).error : undefined;
  console.error(internal ?? error);
}

/** A page's data request (client-side navigation) answers 304 the same way as its document. */
export function handleDataRequest(response: Response, { request }: { request: Request }) {
  return response.status === 200 && isNotModified(request, response.headers) ? notModified(response.headers) : response;
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // A public page whose loader gave it validators (app/utils/http.server.ts publicRead) is not rendered again
  // for a reader who holds this version.
  if (responseStatusCode === 200 && isNotModified(request, responseHeaders)) return notModified(responseHeaders);
  const nonce = loadContext.cspNonce;
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
