// Security headers on every answer. The CSP allows map tiles from the configured tile host only through
// img-src; everything else comes from this origin.
import type { NextFunction, Request, Response } from "express";

export function securityHeaders(_req: Request, res: Response, next: NextFunction) {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Permissions-Policy", "geolocation=(self), camera=(self), microphone=()");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  next();
}
