// Refuses, before any route runs, a request whose address carries a control character in a path segment
// or a query parameter (400 naming it): every route, page or API, present or future, is covered without
// remembering to check (app/utils/params.server.ts). Answered like every other refusal at the boundary.
import type { NextFunction, Request, Response } from "express";
import { problem } from "~/lib/problems";
import { parameterProblems } from "~/utils/params.server";
import { refuse } from "./request-boundary";

export function refuseControlCharacters(req: Request, res: Response, next: NextFunction) {
  const fields = parameterProblems(req.originalUrl);
  if (!fields.length) return next();
  refuse(req, res, problem.badParameters(fields));
}
