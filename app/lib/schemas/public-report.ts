// A citizen's report of a violation, from the public page or the API.
import { z } from "zod";
import { CATEGORY_CODE, string, TPS_CODE } from "./atoms";

export const ReportBody = z
  .object({
    category: string().trim().regex(CATEGORY_CODE),
    tpsCode: string()
      .trim()
      .max(20)
      .regex(TPS_CODE)
      .optional()
      .or(z.literal(""))
      .transform((v) => v || null),
    place: string()
      .trim()
      .max(200)
      .optional()
      .transform((v) => v || null),
    description: string().trim().min(10).max(2000),
    contact: string()
      .trim()
      .max(200)
      .optional()
      .transform((v) => v || null),
  })
  .refine((b) => b.tpsCode || b.place, { message: "tps or place", path: ["place"] });
export type ReportBody = z.infer<typeof ReportBody>;
