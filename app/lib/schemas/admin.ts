// What admins send: staff accounts and contests with their candidates.
import { z } from "zod";
import { CONTEST_TYPES } from "../contests";
import { REGION_CODE, TPS_CODE } from "./atoms";

export const STAFF_ROLES = ["supervisor", "operator", "responder", "admin", "case_officer"] as const;

export const StaffBody = z
  .object({
    // TPS codes are the officers' logins: a staff account may not take one.
    login: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9._-]{2,39}$/)
      .refine((l) => !TPS_CODE.test(l)),
    name: z.string().trim().min(2).max(120),
    role: z.enum(STAFF_ROLES),
    regionCode: z
      .string()
      .trim()
      .max(20)
      .optional()
      .transform((v) => v || null),
    phone: z
      .string()
      .trim()
      .max(20)
      .regex(/^(\+?[0-9 -]{6,20})?$/)
      .optional()
      .transform((v) => v || null),
  })
  // Supervisors and case officers watch a region; without one they would see nothing.
  .refine((b) => (b.role !== "supervisor" && b.role !== "case_officer") || b.regionCode, {
    message: "supervisors need an area",
    path: ["regionCode"],
  });
export type StaffBody = z.infer<typeof StaffBody>;

export const ContestBody = z.object({
  code: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9_-]{2,40}$/),
  name: z.string().trim().min(2).max(120),
  position: z.coerce.number().int().min(0).max(99),
  type: z.enum(CONTEST_TYPES).default("walikota"),
  /** Region codes whose TPS vote in the contest; empty = every TPS of the election. */
  area: z.array(z.string().regex(REGION_CODE)).max(600).default([]),
  candidates: z
    .array(z.object({ number: z.coerce.number().int().min(1).max(99), name: z.string().trim().min(2).max(200) }))
    .min(1)
    .max(30)
    .refine((list) => new Set(list.map((c) => c.number)).size === list.length, { message: "duplicate" }),
});
export type ContestBody = z.infer<typeof ContestBody>;
