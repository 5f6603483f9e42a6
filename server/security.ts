// Security headers on every answer. The Content-Security-Policy lets scripts run only from this
// origin or with the response's nonce (Remix's inline hydration scripts carry it: app/entry.server.tsx,
// app/root.tsx); styles may be inline because Leaflet positions the map with style attributes; images may
// come from the map tile host of TILE_URL, data: (QR codes) and blob: (photo previews); connections
// (fetch, Socket.IO's WebSocket) go to this origin only. In development Vite injects scripts of its own, so
// the CSP is sent by production builds.
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Env } from "~/utils/env.server";

/** The origin of a tile URL template, with `{s}` subdomains as a wildcard; null when it is not a URL. */
export function tileOrigin(template: string): string | null {
  try {
    const url = new URL(template.replace(/\{s\}/g, "a").replace(/\{[a-z]+\}/gi, "0"));
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    return template.includes("{s}.") ? `${url.protocol}//*.${url.host.split(".").slice(1).join(".")}` : url.origin;
  } catch {
    return null;
  }
}

export function contentSecurityPolicy(nonce: string, tileUrl: string) {
  const tiles = tileOrigin(tileUrl);
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${tiles ? ` ${tiles}` : ""}`,
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

// Nonces are cut from a pool of random bytes, 16 each (128 bits, as before), each used once: one call to
// the system's random source per 256 answers instead of one per answer (2 % of the API's CPU).
const NONCE_BYTES = 16;
let pool = Buffer.alloc(0);
let taken = 0;
function nextNonce() {
  if (taken + NONCE_BYTES > pool.length) {
    pool = randomBytes(NONCE_BYTES * 256);
    taken = 0;
  }
  const nonce = pool.toString("base64", taken, taken + NONCE_BYTES);
  taken += NONCE_BYTES;
  return nonce;
}

export function securityHeaders(env: Pick<Env, "NODE_ENV" | "TILE_URL">) {
  // Everything but the nonce is the same for every answer: built once, not per request, as it is on the hot path.
  const [beforeNonce, afterNonce] = contentSecurityPolicy("\0", env.TILE_URL).split("\0");
  // On Node's response, before Express: the nonce goes to res.locals, which Express keeps for the pages.
  return (_req: IncomingMessage, res: ServerResponse & { locals?: Record<string, unknown> }, next: () => void) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Permissions-Policy", "geolocation=(self), camera=(self), microphone=()");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
    if (env.NODE_ENV === "production") {
      const nonce = nextNonce();
      (res.locals ??= Object.create(null) as Record<string, unknown>).cspNonce = nonce;
      res.setHeader("Content-Security-Policy", beforeNonce + nonce + afterNonce);
    }
    next();
  };
}
