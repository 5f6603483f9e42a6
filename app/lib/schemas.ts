// Request shapes, shared by the API, the Remix forms and the browser. Shapes only: the C1 arithmetic
// lives in c1-rules.ts. Every string and collection is bounded.
import { z } from "zod";
import { translate, type Lang } from "./i18n";

export const TPS_CODE = /^\d{10}-\d{3}$/;

const countInput = z.union([z.number(), z.string().max(12), z.null()]).optional();

export const QuickCountBody = z.object({
  id: z.string().uuid(),
  tpsCode: z.string().max(20).regex(TPS_CODE),
  contest: z.string().min(1).max(40),
  votes: z.record(z.string().max(3), countInput).refine((v) => Object.keys(v).length <= 30, { message: "too many candidates" }),
  invalid: countInput,
  valid: countInput,
  ballotsUsed: countInput,
  justification: z.string().max(2000).nullish(),
  capturedAt: z.string().datetime({ offset: true }),
});
export type QuickCountBody = z.infer<typeof QuickCountBody>;

export const LoginBody = z.object({
  login: z.string().trim().min(1).max(100),
  secret: z.string().min(1).max(200),
});

/** zod issues as the API's per-field errors, worded in the caller's language. */
export function fieldErrors(error: z.ZodError, lang: Lang) {
  return error.issues.map((issue) => {
    const required = issue.code === "invalid_type" && issue.received === "undefined";
    return {
      field: issue.path.join(".") || "body",
      code: required ? "required" : "invalid",
      message: required ? translate(lang, "c1.required") : translate(lang, "api.invalidField"),
    };
  });
}
