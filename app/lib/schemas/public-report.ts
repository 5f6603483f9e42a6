// A citizen's report of a violation, from the public page or the API.
import { z } from "zod";
import { CATEGORY_CODE, TPS_CODE } from "./atoms";

export const ReportBody = z
  .object({
    category: z.string().trim().regex(CATEGORY_CODE),
    tpsCode: z
      .string()
      .trim()
      .max(20)
      .regex(TPS_CODE)
      .optional()
      .or(z.literal(""))
      .transform((v) => v || null),
    place: z
      .string()
      .trim()
      .max(200)
      .optional()
      .transform((v) => v || null),
    description: z.string().trim().min(10).max(2000),
    contact: z
      .string()
      .trim()
      .max(200)
      .optional()
      .transform((v) => v || null),
  })
  .refine((b) => b.tpsCode || b.place, { message: "tps or place", path: ["place"] });
export type ReportBody = z.infer<typeof ReportBody>;
