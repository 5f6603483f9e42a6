// Reading a request body against its schema: the one place a zod failure becomes an "invalid" problem.
import type { z } from "zod";
import { problem } from "~/lib/problems";
import { fieldProblems } from "~/lib/schemas";

export function parseBody<S extends z.ZodTypeAny>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw problem.invalid(fieldProblems(parsed.error));
  return parsed.data;
}
