// Refuses, before any route runs, a request whose address carries a control character in a path segment
// or a query parameter (400 naming it): every route, page or API, present or future, is covered without
// remembering to check (app/utils/params.server.ts).
import type { NextFunction, Request, Response } from "express";
import { problem } from "~/lib/problems";
import { handshakeLang } from "~/utils/lang.server";
import { parameterProblems } from "~/utils/params.server";
import { describeProblem } from "~/utils/problem-answer.server";

export function refuseControlCharacters(req: Request, res: Response, next: NextFunction) {
  const fields = parameterProblems(req.originalUrl);
  if (!fields.length) return next();
  const { status, body, headers } = describeProblem(problem.badParameters(fields), handshakeLang(req.headers));
  res.status(status).set(headers).set("Cache-Control", "no-store").json(body);
}
